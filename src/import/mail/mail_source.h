// MailSource: the events of a mail archive, for the importer (import/event_source.h).
//
// The path decides the reader: a file whose first line is an mbox "From " line is an mbox
// (mboxo or mboxrd, told apart by content: see mbox_reader.h); any other file is one message
// (.eml); a folder is walked recursively in sorted path order, each file read by its content,
// "tmp/" folders of maildirs skipped, hidden files skipped, and files that do not start like
// a message or an mbox ignored. So a maildir (cur/ and new/), a folder of .eml files and a
// folder of mboxes all work.
//
// Two passes. The first reads only headers and builds an index Message-ID -> {side,
// account, parent, thread} and the threads (memory grows with the number of messages and
// their references, a few hundred bytes each, never with their size); the second parses each
// message in full and maps it (mail_mapper.h) with the index, so a reply can name the
// customer it answers wherever the parent is in the archive. A Message-ID met again (the same message in several files) is read once: the
// first copy in path and file order wins, later copies are skipped. Files stream: an mbox of
// any size is read a message at a time.
//
// Strict (the default): the first message that cannot be made an event (no readable date)
// stops the import with "FILE:LINE: why", naming its Message-ID. Lenient: such a message goes
// to the reject sink (file, line, Message-ID in `ref`, reason) and reading goes on; its
// Message-ID stays in the index, so its replies still name it as their parent.
//
// All GMime work happens inside Next(), i.e. on the importer's reading thread.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/nanni_config.h"
#include "import/event_source.h"
#include "import/import_limits.h"
#include "import/import_reject.h"
#include "import/mail/mail_mapper.h"
#include "import/mail/mbox_reader.h"
#include "import/mail/thread_sets.h"

namespace nanni {

class MailSource : public EventSource {
 public:
  struct Options {
    bool lenient = false;
    RejectSink on_reject;  // lenient only; may be empty
    // A message larger than this, as written, is refused (lenient: rejected) after reading
    // at most this much of it (import/import_limits.h).
    uint64_t max_message_bytes = kMaxMailMessageBytes;
  };

  // Lists the files of `path` (NotFound when it does not exist). `config` must outlive the
  // source.
  static Status Open(const std::string& path, const NanniConfig* config, Options options,
                     std::unique_ptr<MailSource>* out);

  // Whether `path` should be read as mail rather than NDJSON: a folder, or a file that starts
  // like an mbox or a message. "-" (standard input) is never mail.
  static bool IsMailPath(const std::string& path);

  Status Next(Event* event, bool* done) override;
  uint64_t Position() const override { return position_; }
  std::string DescribePosition(uint64_t position) const override;
  SourceLocation Locate(uint64_t position) const override;
  uint64_t units_read() const override { return position_; }
  std::string_view unit_name() const override { return "messages"; }
  // What the user should know of how the archive was read: files of a folder skipped as
  // not mail, messages dated by Received.
  std::vector<std::string> Notes() const override;
  uint64_t bytes_read() const override { return bytes_before_ + (mbox_ ? mbox_->bytes_read() : 0); }
  uint64_t total_bytes() const override { return total_bytes_; }

  // After the import: messages read, and copies skipped because their id was seen before.
  uint64_t messages() const { return units_.size(); }
  uint64_t skipped_copies() const { return skipped_; }
  uint64_t rejected() const { return rejected_; }  // left out under lenient

 private:
  struct File {
    std::string path;     // to open
    std::string name;     // for source.file and messages
    bool mbox = false;
    bool mboxrd = false;  // learned in the first pass
    uint64_t size = 0;
  };
  struct Unit {
    uint32_t file;
    uint64_t line;  // of the "From " line in an mbox; 0 for a one-message file
    bool skip;      // a later copy of a Message-ID already read
    bool oversized; // over max_message_bytes: refused in the second pass
  };

  // The files of a folder that are not mail, counted by their ending (".ndjson", "").
  struct NotMail {
    uint64_t files = 0;
    std::map<std::string, uint64_t> by_ending;
    void Add(const std::filesystem::path& p);
    std::string Describe() const;  // "3 end in .ndjson, 1 in .txt"
    // Whether any ends in one of `endings`; *first the first that does.
    bool Has(std::initializer_list<std::string_view> endings, std::string* first) const;
  };
  // The error for a folder without mail: what it holds and what to do.
  static std::string NoMailMessage(const std::string& path, const NotMail& not_mail);

  MailSource(const NanniConfig* config, Options options)
      : mapper_(config), options_(std::move(options)) {}
  Status FirstPass();
  void NameThreads(const std::vector<const std::string*>& order, ThreadSets* sets);
  // A message as read: all of it, or the first part of it that was kept.
  struct RawMessage {
    std::string bytes;
    uint64_t size = 0;   // as written
    bool whole = false;  // bytes holds all of it
    bool blank = false;  // nothing but blanks
  };
  // What the second pass needs of a message over max_message_bytes, found in the first.
  struct Oversized {
    std::string ref;  // "<Message-ID>", "" without one
    std::string id;   // its event id, "" without a Message-ID
  };
  Status OpenMbox(const File& f, std::unique_ptr<MboxReader>* reader) const;
  static Status ReadMbox(MboxReader* reader, RawMessage* raw, uint64_t* line, bool* done);
  Status ReadMessageFile(const std::string& path, uint64_t keep_if_over, RawMessage* raw) const;
  // Whether a raw message is one (blank text between separators is none).
  bool Counts(const RawMessage& raw) const;
  // The next raw message of the second pass; *done after the last file.
  Status NextRaw(RawMessage* raw, bool* done);
  const MailFacts* Lookup(const std::string& id) const;
  // The event of the current message (raw_), or InvalidInput without a location saying why
  // it cannot be one.
  Status MapMessage(const Unit& unit, Event* event);
  // Strict: `why` with the current message's location and a hint. Lenient: reports the
  // message (`ref`: its "<Message-ID>" or "") to the reject sink and returns OK.
  Status Refuse(const Status& why, const std::string& ref);
  // Why the current message (raw_, over the limit) is refused; *ref its "<Message-ID>".
  Status Oversize(std::string* ref) const;
  static std::string RefOf(const MailMessage& m);  // "<Message-ID>", "" without one
  static std::string Described(const std::string& ref);  // printable, "(no Message-ID)"

  MailMapper mapper_;
  Options options_;
  std::vector<File> files_;
  std::vector<Unit> units_;
  std::unordered_map<std::string, MailFacts> index_;
  std::unordered_map<uint64_t, Oversized> oversized_;  // by index in units_
  bool indexed_ = false;
  uint64_t total_bytes_ = 0;
  uint64_t bytes_before_ = 0;
  uint64_t skipped_ = 0;
  uint64_t rejected_ = 0;
  uint64_t dated_by_received_ = 0;
  NotMail not_mail_;
  std::string name_;  // the path given
  // Second-pass cursor.
  size_t file_ = 0;
  std::unique_ptr<MboxReader> mbox_;
  size_t next_unit_ = 0;
  uint64_t position_ = 0;
  RawMessage raw_;
  MailMessage message_;  // the current message, parsed
};

}  // namespace nanni
