// ReportDoc: a rendered-format-neutral layout of a case file or briefing: sections of
// sentences and tables, in fixed neutral wording (render/wording.h). The text, Markdown and
// HTML renderers each draw the same ReportDoc, so the three say exactly the same thing.
// Cells marked `quote` hold customer text verbatim; each medium makes them inert.
#pragma once

#include <string>
#include <vector>

#include "casefile/case_file.h"

namespace nanni {

struct DocCell {
  std::string text;
  bool quote = false;  // customer text, shown as a quotation
  std::string tone;    // "", "open", "kept", "broken", "late": a styling hint only
};

struct DocTable {
  std::vector<std::string> header;
  std::vector<std::vector<DocCell>> rows;
};

struct DocSection {
  std::string id;  // stable anchor, e.g. "requests"
  std::string title;
  std::vector<std::string> lines;  // fixed-wording sentences with figures
  std::vector<DocTable> tables;
  std::string empty;  // said when there are no rows ("No requests recorded.")
};

struct ReportDoc {
  std::string title;
  std::vector<std::string> lines;  // account, as-of, business hours
  std::vector<DocSection> sections;
};

ReportDoc LayoutCase(const CaseFile& cf);
ReportDoc LayoutBriefing(const Briefing& b);

}  // namespace nanni
