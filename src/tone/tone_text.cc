#include "tone/tone_text.h"

#include "text/new_text.h"

namespace nanni {

bool IsCustomerWords(const Event& e) {
  if (e.from ? e.from->side == Side::kOurs : e.kind == EventKind::kResponse) return false;
  return !e.text.empty() || !e.subject.empty();
}

void AppendToneText(const Event& e, std::string* out) {
  if (e.reply_to.empty() && !e.subject.empty()) {
    *out += e.subject;
    *out += "\n\n";
  }
  *out += !e.new_text.empty() ? std::string_view(e.new_text) : std::string_view(SplitNewText(e.text).new_text);
}

std::string ToneTextOf(const Event& e) {
  std::string text;
  AppendToneText(e, &text);
  return text;
}

}  // namespace nanni
