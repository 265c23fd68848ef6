// NewText: separates what a mail message says for the first time from what it carries along.
//
// The ledger keeps the whole decoded text (Event::text); analyses (request detection, tone,
// commitments) read only the new text (Event::new_text). Rules, in order, line by line
// (docs/mail.md says more, and tests/data/mail/newtext/ holds the cases):
//   - an attribution ("On <date>, <name> wrote:", its French, German, Spanish, Italian,
//     Dutch, Portuguese, Swedish, Polish, Finnish and Russian forms, one split over two lines,
//     or any line ending in ':' with an address or a year) is dropped when a '>' quote follows
//     it, and the reading goes on after the quote (bottom-posting); not followed by a quote,
//     it ends the new text like the lines below;
//   - everything from the first of these lines on is not new text: an Outlook header block
//     ("-----Original Message-----", "From: ..." followed by "Sent:"/"Date:" within four
//     lines, a "____" rule followed by "From:"), a forwarded-message marker, a list footer
//     (a rule of 20+ '_' or '-' followed by a line naming a mailing list or "unsubscribe"),
//     a signature delimiter ("-- " or "--" alone), a mobile sign-off ("Sent from my ...");
//   - lines quoted with '>' are dropped wherever they are (interleaved replies keep the new
//     lines between the quotes);
//   - a closing sign-off ("Regards,", "Thanks," ...) followed only by at most six short lines
//     starts the signature.
// Limits: a reply written above an unmarked quote, or a signature without a delimiter or
// sign-off, stays in the new text.
#pragma once

#include <string>
#include <string_view>

namespace nanni {

struct SplitText {
  std::string new_text;   // trimmed; "" when the message only quotes
  std::string signature;  // the signature block, when one was found (for titles)
};

SplitText SplitNewText(std::string_view text);

}  // namespace nanni
