#include "tone/tone_text.h"

#include "text/new_text.h"

namespace nanni {

bool IsCustomerWords(const Event& e) {
  if (e.from ? e.from->side == Side::kOurs : e.kind == EventKind::kResponse) return false;
  return !e.text.empty() || !e.subject.empty();
}

std::string ToneTextOf(const Event& e) {
  std::string text;
  if (e.reply_to.empty() && !e.subject.empty()) text = e.subject + "\n\n";
  text += !e.new_text.empty() ? e.new_text : SplitNewText(e.text).new_text;
  return text;
}

}  // namespace nanni
