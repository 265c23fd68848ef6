#include "import/mail/mail_source.h"

#include <sys/stat.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <system_error>

#include "import/mail/mail_message.h"
#include "util/printable.h"

namespace nanni {

namespace fs = std::filesystem;

namespace {

// The first `n` bytes of a file ("" when unreadable).
std::string Head(const std::string& path, size_t n) {
  std::string out(n, '\0');
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return {};
  out.resize(std::fread(out.data(), 1, n, f));
  std::fclose(f);
  return out;
}

std::string FirstLine(std::string_view head) {
  size_t b = head.find_first_not_of("\r\n");
  if (b == std::string_view::npos) return {};
  head.remove_prefix(b);
  size_t nl = head.find_first_of("\r\n");
  return std::string(head.substr(0, nl));
}

bool LooksLikeHeader(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > 76) return false;
  // Field names as mailers write them (RFC 5322 allows more, nobody uses it): so an NDJSON
  // line ({"id":...) is never taken for a header.
  for (size_t i = 0; i < colon; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (!std::isalnum(c) && c != '-' && c != '_') return false;
  }
  return true;
}

enum class FileKind { kNotMail, kMbox, kMessage };

FileKind Sniff(const std::string& path) {
  std::string line = FirstLine(Head(path, 4096));
  if (IsMboxSeparator(line)) return FileKind::kMbox;
  if (LooksLikeHeader(line)) return FileKind::kMessage;
  return FileKind::kNotMail;
}

// How much of a message the first pass keeps: enough for its header; a larger message is
// indexed from this much of it (docs/mail.md).
constexpr uint64_t kIndexKeepBytes = 1 << 20;

// The files of a folder, recursively, in sorted order: hidden files and a maildir's tmp/
// (messages still being delivered) left out. *maildir when it holds a maildir's folders.
Status ListFolder(const std::string& path, std::vector<fs::path>* found, bool* maildir) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    std::string leaf = p.filename().string();
    if (it->is_directory(ec)) {
      bool in_maildir = fs::is_directory(p.parent_path() / "cur", ec) ||
                        fs::is_directory(p.parent_path() / "new", ec);
      *maildir = *maildir || in_maildir;
      if (leaf == "tmp" && in_maildir) it.disable_recursion_pending();
      continue;
    }
    if (!leaf.empty() && leaf[0] == '.') continue;
    if (it->is_regular_file(ec)) found->push_back(p);
  }
  if (ec) return Status::IOError(fmt::format("{}: {}", Printable(path, 200), ec.message()));
  std::sort(found->begin(), found->end());
  return Status::OK();
}

// "DIR" as the user wrote it, without trailing slashes (for "DIR/*.ndjson").
std::string FolderName(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return Printable(path, 200);
}

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

bool MailSource::IsMailPath(const std::string& path) {
  if (path == "-") return false;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return true;
  return fs::is_regular_file(path, ec) && Sniff(path) != FileKind::kNotMail;
}

Status MailSource::Open(const std::string& path, const NanniConfig* config, Options options,
                        std::unique_ptr<MailSource>* out) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::NotFound(path + ": no such file or folder");
  std::unique_ptr<MailSource> source(new MailSource(config, std::move(options)));
  source->name_ = path;
  auto add = [&](const fs::path& p, std::string name, FileKind kind) {
    File f;
    f.path = p.string();
    f.name = std::move(name);
    f.mbox = kind == FileKind::kMbox;
    f.size = fs::file_size(p, ec);
    if (ec) f.size = 0;
    source->total_bytes_ += f.size;
    source->files_.push_back(std::move(f));
  };
  if (fs::is_regular_file(st)) {
    FileKind kind = Sniff(path);
    add(path, fs::path(path).filename().string(), kind == FileKind::kMbox ? kind : FileKind::kMessage);
  } else if (fs::is_directory(st)) {
    std::vector<fs::path> found;
    bool maildir = false;
    NANNI_RETURN_IF_ERROR(ListFolder(path, &found, &maildir));
    fs::path root(path);
    std::string base = root.filename().empty() ? root.parent_path().filename().string()
                                               : root.filename().string();
    for (const fs::path& p : found) {
      FileKind kind = Sniff(p.string());
      if (kind == FileKind::kNotMail) {
        source->not_mail_.Add(p);
        continue;
      }
      add(p, base + "/" + fs::relative(p, root, ec).generic_string(), kind);
    }
    if (source->files_.empty() && !(found.empty() && maildir)) {
      return Status::InvalidInput(NoMailMessage(path, source->not_mail_));
    }
  } else {
    return Status::InvalidInput(path + ": not a file or a folder");
  }
  *out = std::move(source);
  return Status::OK();
}

void MailSource::NotMail::Add(const fs::path& p) {
  ++files;
  std::string ending = p.extension().string();
  for (char& c : ending) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ++by_ending[ending];
}

std::string MailSource::NotMail::Describe() const {
  std::vector<std::pair<uint64_t, std::string>> order;
  for (const auto& [ending, n] : by_ending) order.emplace_back(n, ending);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  for (size_t i = 0; i < order.size() && i < 3; ++i) {
    const auto& [n, ending] = order[i];
    out += i == 0 ? "" : ", ";
    if (ending.empty()) {
      out += fmt::format("{} {} no extension", n, n == 1 ? "has" : "have");
    } else {
      out += fmt::format("{}{} in {}", n, i > 0 ? "" : n == 1 ? " ends" : " end", Printable(ending, 20));
    }
  }
  if (order.size() > 3) out += fmt::format(", {} other endings", order.size() - 3);
  return out;
}

bool MailSource::NotMail::Has(std::initializer_list<std::string_view> endings,
                              std::string* first) const {
  for (std::string_view e : endings) {
    if (by_ending.count(std::string(e)) > 0) {
      *first = e;
      return true;
    }
  }
  return false;
}

std::string MailSource::NoMailMessage(const std::string& path, const NotMail& not_mail) {
  std::string dir = FolderName(path);
  if (not_mail.files == 0) return dir + ": no mail in this folder: it holds no files";
  std::vector<std::string> hints;
  std::string ending;
  if (not_mail.Has({".ndjson", ".jsonl", ".json"}, &ending)) {
    hints.push_back(fmt::format("to import NDJSON files, name them: nanni import {}/*{}", dir, ending));
  }
  if (not_mail.Has({".csv", ".tsv"}, &ending)) {
    hints.push_back(fmt::format(
        "to import CSV exports, name them with their profile: nanni import --profile NAME {}/*{} "
        "(nanni profiles lists the built-in ones)", dir, ending));
  }
  if (hints.empty()) {
    hints.push_back("a message file starts with header lines (From: ...), an mbox with a "
                    "\"From \" line (docs/mail.md)");
  }
  return fmt::format("{}: no mail in this folder ({} file{}, none an mbox or a message; {}): {}",
                     dir, not_mail.files, not_mail.files == 1 ? "" : "s", not_mail.Describe(),
                     fmt::join(hints, "; "));
}

std::string MailSource::DescribePosition(uint64_t position) const {
  if (position == 0 || position > units_.size()) return "mail";
  const Unit& u = units_[position - 1];
  const File& f = files_[u.file];
  if (u.line == 0) return Printable(f.name, 200);
  return fmt::format("{}:{}", Printable(f.name, 200), u.line);
}

SourceLocation MailSource::Locate(uint64_t position) const {
  if (position == 0 || position > units_.size()) return {"mail", 0};
  const Unit& u = units_[position - 1];
  return {files_[u.file].name, u.line};
}

std::vector<std::string> MailSource::Notes() const {
  std::vector<std::string> notes;
  if (not_mail_.files > 0) {
    notes.push_back(fmt::format("{}: {} file{} skipped, not an mbox or a message ({})",
                                FolderName(name_), not_mail_.files, not_mail_.files == 1 ? "" : "s",
                                not_mail_.Describe()));
  }
  if (dated_by_received_ > 0) {
    notes.push_back(fmt::format(
        "{}: {} message{} without a readable Date header {} dated by {} newest Received header",
        Printable(name_, 200), dated_by_received_, dated_by_received_ == 1 ? "" : "s",
        dated_by_received_ == 1 ? "is" : "are", dated_by_received_ == 1 ? "its" : "their"));
  }
  return notes;
}

const MailFacts* MailSource::Lookup(const std::string& id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &it->second;
}

Status MailSource::FirstPass() {
  MailMessage m;
  MailFacts facts;
  RawMessage raw;
  ThreadSets threads;
  std::vector<const std::string*> order;  // ids of first copies, in archive order
  auto note = [&](uint32_t file, uint64_t line) {
    bool oversized = raw.size > options_.max_message_bytes;
    units_.push_back(Unit{file, line, false, oversized});
    ParseMailMessage(raw.bytes, /*headers_only=*/true, &m);
    mapper_.Facts(m, raw.bytes, &facts);
    if (oversized) {  // not indexed: the second pass refuses it
      std::string ref = m.message_id.empty() ? "" : "<" + m.message_id + ">";
      std::string id = m.message_id.empty() ? "" : facts.id;
      oversized_.emplace(units_.size() - 1, Oversized{std::move(ref), std::move(id)});
      return;
    }
    // Without a Message-ID the id hashes the whole message: one not read whole here gets its
    // id in the second pass, and has no index entry (nothing can name it as a parent).
    if (!raw.whole && m.message_id.empty()) return;
    auto [it, fresh] = index_.emplace(facts.id, facts);
    units_.back().skip = !fresh;
    if (!fresh) return;
    order.push_back(&it->first);
    if (!facts.parent.empty()) threads.Join(facts.id, facts.parent);
    for (const std::string& r : m.references) threads.Join(facts.id, MailEventId(r));
  };
  for (uint32_t i = 0; i < files_.size(); ++i) {
    File& f = files_[i];
    if (!f.mbox) {
      NANNI_RETURN_IF_ERROR(ReadMessageFile(f.path, kIndexKeepBytes, &raw));
      if (Counts(raw)) note(i, 0);
      continue;
    }
    std::unique_ptr<MboxReader> reader;
    NANNI_RETURN_IF_ERROR(OpenMbox(f, &reader));
    reader->set_keep_bytes(std::min(kIndexKeepBytes, options_.max_message_bytes));
    for (;;) {
      uint64_t line = 0;
      bool done = false;
      NANNI_RETURN_IF_ERROR(ReadMbox(reader.get(), &raw, &line, &done));
      if (done) break;
      if (Counts(raw)) note(i, line);
    }
    f.mboxrd = reader->saw_mboxrd_escape();
  }
  // An oversized message whose Message-ID is read whole elsewhere is a copy of it.
  for (const auto& [unit, o] : oversized_) units_[unit].skip = !o.id.empty() && index_.count(o.id) > 0;
  NameThreads(order, &threads);
  return Status::OK();
}

// A thread is every message linked to another by In-Reply-To or References (so a missing
// parent or a reference loop does not split it). It is named after its first message, in
// archive order, that answers nothing (its root); else the first whose parent is not in the
// archive (under a missing root); else (a loop: every parent present) the first message's
// root_hint.
void MailSource::NameThreads(const std::vector<const std::string*>& order, ThreadSets* sets) {
  // Set representative -> the first root, the first message under a missing parent, and the
  // first message's root_hint.
  std::unordered_map<uint32_t, std::string> root, orphan, fallback;
  for (const std::string* id : order) {
    const MailFacts& f = index_[*id];
    uint32_t rep = sets->Find(*id);
    if (f.parent.empty()) root.emplace(rep, *id);
    if (!f.parent.empty() && index_.count(f.parent) == 0) orphan.emplace(rep, *id);
    fallback.emplace(rep, f.root_hint.empty() ? *id : f.root_hint);
  }
  for (const std::string* id : order) {
    uint32_t rep = sets->Find(*id);
    auto r = root.find(rep);
    auto o = orphan.find(rep);
    index_[*id].thread = r != root.end() ? r->second : o != orphan.end() ? o->second : fallback[rep];
  }
}

Status MailSource::OpenMbox(const File& f, std::unique_ptr<MboxReader>* reader) const {
  NANNI_RETURN_IF_ERROR(MboxReader::Open(f.path, reader));
  (*reader)->set_mboxrd(f.mboxrd);
  return Status::OK();
}

Status MailSource::ReadMbox(MboxReader* reader, RawMessage* raw, uint64_t* line, bool* done) {
  NANNI_RETURN_IF_ERROR(reader->Next(&raw->bytes, line, done));
  raw->size = reader->message_bytes();
  raw->whole = reader->whole();
  raw->blank = reader->blank();
  return Status::OK();
}

// A one-message file: all of it when it is within the limit, else its first `keep_if_over`
// bytes (the rest is not read).
Status MailSource::ReadMessageFile(const std::string& path, uint64_t keep_if_over,
                                   RawMessage* raw) const {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IOError(path + ": cannot be read");
  struct stat st;
  uint64_t size = fstat(fileno(f), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
  const uint64_t max = options_.max_message_bytes;
  uint64_t keep = size > max ? keep_if_over : max + 1;  // max + 1: a file that grew is seen
  raw->bytes.clear();
  char buf[1 << 16];
  size_t n;
  while (raw->bytes.size() < keep &&
         (n = std::fread(buf, 1, std::min<uint64_t>(sizeof buf, keep - raw->bytes.size()), f)) > 0) {
    raw->bytes.append(buf, n);
  }
  bool bad = std::ferror(f);
  std::fclose(f);
  if (bad) return Status::IOError(path + ": read error");
  raw->size = std::max<uint64_t>(size, raw->bytes.size());
  raw->whole = raw->bytes.size() == raw->size;
  raw->blank = raw->whole && IsBlank(raw->bytes);
  return Status::OK();
}

bool MailSource::Counts(const RawMessage& raw) const {
  return raw.size > options_.max_message_bytes || !raw.blank;
}

Status MailSource::NextRaw(RawMessage* raw, bool* done) {
  *done = false;
  const uint64_t max = options_.max_message_bytes;
  // The next message to map: read whole, unless the first pass found it too large.
  bool oversized = next_unit_ < units_.size() && units_[next_unit_].oversized;
  while (file_ < files_.size()) {
    const File& f = files_[file_];
    if (!f.mbox) {
      NANNI_RETURN_IF_ERROR(ReadMessageFile(f.path, 0, raw));
      bytes_before_ += f.size;
      ++file_;
      if (!Counts(*raw)) continue;  // as in the first pass
      return Status::OK();
    }
    if (!mbox_) NANNI_RETURN_IF_ERROR(OpenMbox(f, &mbox_));
    mbox_->set_keep_bytes(oversized ? 0 : max);
    uint64_t line = 0;
    bool end = false;
    NANNI_RETURN_IF_ERROR(ReadMbox(mbox_.get(), raw, &line, &end));
    if (!end && Counts(*raw)) return Status::OK();
    if (end) {
      bytes_before_ += f.size;
      mbox_.reset();
      ++file_;
    }
  }
  *done = true;
  return Status::OK();
}

Status MailSource::MapMessage(const Unit& unit, Event* event) {
  FactsLookup lookup = [this](const std::string& id) { return Lookup(id); };
  ParseMailMessage(raw_.bytes, /*headers_only=*/false, &message_);
  if (mapper_.ToEvent(message_, raw_.bytes, lookup, files_[unit.file].name,
                      static_cast<int64_t>(unit.line), event)) {
    return Status::OK();
  }
  std::string date = message_.date_header.empty()
                         ? ""
                         : fmt::format(" (Date: \"{}\")", Printable(message_.date_header, 100));
  return Status::InvalidInput(
      fmt::format("field 'Date': the message {} has no readable Date or Received date{}",
                  Described(RefOf(message_)), date));
}

std::string MailSource::RefOf(const MailMessage& m) {
  return m.message_id.empty() ? std::string() : "<" + m.message_id + ">";
}

std::string MailSource::Described(const std::string& ref) {
  return ref.empty() ? "(no Message-ID)" : Printable(ref, 200);
}

Status MailSource::Oversize(std::string* ref) const {
  auto it = oversized_.find(next_unit_ - 1);
  *ref = it == oversized_.end() ? "" : it->second.ref;
  return Status::InvalidInput(fmt::format(
      "the message {} is {} bytes; the limit for one message is {} bytes (attachments "
      "included)",
      Described(*ref), raw_.size, options_.max_message_bytes));
}

Status MailSource::Refuse(const Status& why, const std::string& ref) {
  if (!options_.lenient) {
    return why.WithPrefix(DescribePosition(position_))
        .WithSuffix("\nhint: --lenient --rejects FILE leaves such messages out and imports the rest");
  }
  ++rejected_;
  if (options_.on_reject) {
    SourceLocation at = Locate(position_);
    options_.on_reject(ImportReject{at.file, at.line, at.line, ref, why.message(), {}});
  }
  return Status::OK();
}

Status MailSource::Next(Event* event, bool* done) {
  if (!indexed_) {
    NANNI_RETURN_IF_ERROR(FirstPass());
    indexed_ = true;
  }
  for (;;) {
    NANNI_RETURN_IF_ERROR(NextRaw(&raw_, done));
    if (*done) return Status::OK();
    if (next_unit_ >= units_.size()) {
      return Status::Aborted("mail: an archive changed while it was being imported");
    }
    const Unit& u = units_[next_unit_++];
    position_ = next_unit_;
    if (u.skip) {
      ++skipped_;
      continue;
    }
    if (raw_.size > options_.max_message_bytes) {
      std::string ref;
      Status why = Oversize(&ref);
      NANNI_RETURN_IF_ERROR(Refuse(why, ref));
      continue;
    }
    Status st = MapMessage(u, event);
    if (st.ok()) {
      dated_by_received_ += message_.dated_by_received;
      return st;
    }
    NANNI_RETURN_IF_ERROR(Refuse(st, RefOf(message_)));
  }
}

}  // namespace nanni
