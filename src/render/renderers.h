// Renderers: a CaseFile or a Briefing as terminal text, Markdown, JSON or a self-contained
// HTML page. They format and never analyse: every figure comes from the struct as it is.
// Wording is fixed and neutral (render/wording.h); customer text is quoted verbatim, cut at
// RenderOptions::quote_bytes in text and Markdown (whole in JSON and HTML), and made inert
// for the medium: escaped for HTML and Markdown, control and bidi characters neutralised on
// the terminal. The JSON schema is documented in docs/case-file.md.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "casefile/case_file.h"

namespace nanni {

enum class ReportFormat { kText, kMarkdown, kJson, kHtml };

// Parses "text", "md", "json" or "html"; false for anything else.
bool ParseReportFormat(std::string_view name, ReportFormat* out);

struct RenderOptions {
  bool color = false;         // ANSI colours in text (only when writing to a TTY)
  size_t quote_bytes = 160;   // customer text longer than this is cut, with "…", in text and md
};

std::string RenderCase(const CaseFile& cf, ReportFormat format, const RenderOptions& options);
std::string RenderBriefing(const Briefing& b, ReportFormat format, const RenderOptions& options);

// Receives a report's text in order, piece by piece.
using TextSink = std::function<void(std::string_view)>;

// One per format (render/*_renderer.cc).
std::string CaseJson(const CaseFile& cf);
// CaseJson's text passed to `sink` as it is written, in pieces of up to about 256 KiB, so that
// it never sits whole in memory (some 10 MB for ten thousand events).
void WriteCaseJson(const CaseFile& cf, const TextSink& sink);
std::string BriefingJson(const Briefing& b);
std::string CaseText(const CaseFile& cf, const RenderOptions& options);
std::string BriefingText(const Briefing& b, const RenderOptions& options);
std::string CaseMarkdown(const CaseFile& cf, const RenderOptions& options);
std::string BriefingMarkdown(const Briefing& b, const RenderOptions& options);
std::string CaseHtml(const CaseFile& cf);
std::string BriefingHtml(const Briefing& b);

}  // namespace nanni
