// RequestRules: does a customer message ask for something (a question, a request, a demand)?
//
// Read on the message's new text (text/new_text.h), falling back to the subject when the new text
// is empty. A message is a request when any rule fires, checked in this order:
//   1. a question: a sentence ending in '?' (outside URLs);
//   2. a request phrase, as whole words, any case: "please", "could you", "can you",
//      "would you", "can someone", "can anyone", "does anyone", "is there a way",
//      "is it possible", "how do i", "how can i", "how to", "i need", "we need",
//      "i would like", "we would like", "i'd like", "any help", "any idea(s)",
//      "any suggestions", "any advice", "help me", "let me know", "kindly", "asap",
//      "urgent", "i want", "we want", "we expect", "we demand", "i expect";
//   3. an imperative: a line starting with fix, send, provide, explain, tell, give, update,
//      check, confirm, resolve, refund, cancel, advise, help.
// Limits: rhetorical questions and "please find attached" count as requests; an indirect ask
// ("it would be great if the driver supported X") does not. The rule that fired is kept in
// the event's meta ("request_rule") so every classification can be checked.
#pragma once

#include <string>
#include <string_view>

namespace nanni {

// The rule that fired ("question", "phrase: could you", "imperative: send"), or "" when the
// text does not ask for anything.
std::string DetectRequest(std::string_view new_text);

}  // namespace nanni
