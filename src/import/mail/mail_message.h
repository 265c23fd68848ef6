// MailMessage: one RFC 5322 message read through GMime 3, reduced to what nanni keeps.
//
// ParseMailMessage() never fails on hostile input: whatever GMime can read is kept, the rest
// is left empty (a message with no parsable Date has has_date == false). Every string is
// valid UTF-8 with CR/LF normalised to "\n" and other control characters (but tab) removed;
// attachment names have them escaped instead (mime_params.h), and nothing is cut at a NUL.
// Thread-safety: GMime is initialised once (InitGMime); all calls of one import run on the
// importer's reading thread, and GMime objects never leave this file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/time.h"

namespace nanni {

struct MailAddress {
  std::string name;
  std::string email;  // lower case; may be empty for a group or a garbled header
};

struct MailAttachment {
  std::string name;  // file name (RFC 2047/2231 decoded, mime_params.h VisibleName: control
                     // characters escaped, never cut at a NUL); "" when the part has none
  std::string type;  // "application/pdf"
  int64_t size = 0;  // decoded bytes
};

struct MailMessage {
  std::string message_id;              // without <>; "" when absent
  std::vector<std::string> in_reply_to;  // without <>, in header order
  std::vector<std::string> references;   // without <>, in header order
  MailAddress from;                    // first From address
  std::vector<MailAddress> reply_to;
  MailAddress original_from;           // X-Original-From, when present
  std::vector<MailAddress> to;         // To then Cc
  std::string list_address;            // List-Post mailto address, else X-BeenThere, lower case
  std::string subject;                 // decoded
  bool has_date = false;
  Timestamp date;                      // Date:, else the newest Received: date (mail_date.h)
  bool dated_by_received = false;      // the Date header is missing or unreadable
  std::string date_header;             // the Date header as written, "" when absent
  std::string text;                    // decoded text parts (HTML-only bodies as text)
  bool html_only = false;              // text came from HTML
  std::vector<MailAttachment> attachments;
};

// Initialises GMime once per process and silences GLib's warnings for bad input. Idempotent.
void InitGMime();

// Parses `raw` (one message, "\n" or "\r\n" line ends). With headers_only, only the fields
// of the header block that place a message in its thread are read (Message-ID, In-Reply-To,
// References, From, Reply-To, X-Original-From, To, Cc, List-Post, X-BeenThere; they get the
// same values as in a full parse); the rest of *out stays empty: the first pass of an import.
void ParseMailMessage(std::string_view raw, bool headers_only, MailMessage* out);

// Valid UTF-8 of `text`: invalid bytes become U+FFFD, "\r\n" and lone "\r" become "\n", other
// C0 controls and DEL (but "\t" and "\n") are dropped.
std::string CleanText(std::string_view text);

// Plain text of an HTML document: tags dropped, block elements become line breaks, <script>
// and <style> contents dropped, the common entities decoded. Not a renderer.
std::string HtmlToText(std::string_view html);

}  // namespace nanni
