#include "render/renderers.h"

namespace nanni {

bool ParseReportFormat(std::string_view name, ReportFormat* out) {
  if (name == "text") *out = ReportFormat::kText;
  else if (name == "md" || name == "markdown") *out = ReportFormat::kMarkdown;
  else if (name == "json") *out = ReportFormat::kJson;
  else if (name == "html") *out = ReportFormat::kHtml;
  else return false;
  return true;
}

std::string RenderCase(const CaseFile& cf, ReportFormat format, const RenderOptions& options) {
  switch (format) {
    case ReportFormat::kText: return CaseText(cf, options);
    case ReportFormat::kMarkdown: return CaseMarkdown(cf, options);
    case ReportFormat::kJson: return CaseJson(cf);
    case ReportFormat::kHtml: return CaseHtml(cf);
  }
  return "";
}

std::string RenderBriefing(const Briefing& b, ReportFormat format, const RenderOptions& options) {
  switch (format) {
    case ReportFormat::kText: return BriefingText(b, options);
    case ReportFormat::kMarkdown: return BriefingMarkdown(b, options);
    case ReportFormat::kJson: return BriefingJson(b);
    case ReportFormat::kHtml: return BriefingHtml(b);
  }
  return "";
}

}  // namespace nanni
