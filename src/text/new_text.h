// NewText: separates what a message says for the first time from what it carries along, and
// the code in it. One stripper for every reader: the mail importer stores its new text as the
// event's new_text; the tone scorer scores an event's new_text, or strips `text` itself with
// this same function, then leaves code out (WithoutCode).
//
// SplitNewText's rules, in order, line by line (tests/data/text/newtext/ holds the cases):
//   - a fenced code block (``` or ~~~ up to its closing fence) is kept whole: no rule below
//     fires inside it (a "-- " SQL comment or a "> " prompt in code is code). An unclosed
//     fence protects nothing;
//   - an attribution ("On <date>, <name> wrote:" or "... writes:", its French, German,
//     Spanish, Italian, Dutch, Portuguese, Swedish, Polish, Finnish and Russian forms, one
//     split over two lines, or any line ending in ':' with an address or a year) is dropped
//     when a '>' quote follows it, and the reading goes on after the quote (bottom-posting);
//     not followed by a quote, it ends the new text like the lines below;
//   - everything from the first of these lines on is not new text: an Outlook header block
//     ("-----Original Message-----", "From: ..." followed by "Sent:"/"Date:" within four
//     lines, a rule of 20+ '_', '-' or '=' followed by "From:"), a forwarded-message marker,
//     a list footer (such a rule followed by a line naming a mailing list or "unsubscribe"),
//     a signature delimiter ("-- " or "--" alone), a mobile sign-off ("Sent from my ...");
//   - lines quoted with '>' are dropped wherever they are (interleaved replies keep the new
//     lines between the quotes);
//   - a closing ("Regards,", "Thanks," ...) followed only by at most six short lines starts
//     the signature, unless nothing comes before it ("Thanks!" alone is the message).
// Limits: a reply written above an unmarked quote, or a signature without a delimiter or
// closing, stays in the new text. Never fails; any bytes are accepted.
#pragma once

#include <string>
#include <string_view>

namespace nanni {

struct SplitText {
  std::string new_text;   // trimmed; "" when the message only quotes
  std::string signature;  // the signature block from its closing or delimiter on, for titles
};

SplitText SplitNewText(std::string_view text);
// The same into *out, reusing its buffers (for a caller that splits message after message).
void SplitNewText(std::string_view text, SplitText* out);

// `text` without code: fenced blocks (``` or ~~~ up to the closing fence, or to the end when
// unclosed) and indented code (lines starting with a tab or four spaces that follow a blank
// line or another such line). Other lines are kept as they are, joined with '\n'.
std::string WithoutCode(std::string_view text);
void WithoutCode(std::string_view text, std::string* out);  // *out replaced, buffer reused

}  // namespace nanni
