#include "import/csv/csv_source.h"

#include <fmt/format.h>

#include "util/printable.h"

namespace nanni {

namespace {

std::string BaseNameOf(const std::string& path) {
  if (path == "-") return "<stdin>";
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Reads the header (when the profile has one) and binds the mapper to it.
Status ReadHeader(const std::string& name, CsvReader* reader, ProfileMapper* mapper) {
  std::vector<std::string_view> header;
  if (mapper->profile().header) {
    CsvRecord rec;
    bool done = false;
    Status st = reader->Next(&rec, &done);
    if (!st.ok()) return st.WithPrefix(Printable(name, 200));
    if (done) {
      return Status::InvalidInput(fmt::format(
          "{}: the file is empty, without even the header row the profile expects",
          Printable(name, 200)));
    }
    if (!rec.error.empty()) {
      return Status::InvalidInput(fmt::format("{}:{}: header: {}", Printable(name, 200),
                                              rec.line, rec.error));
    }
    header = rec.fields;
  }
  Status st = mapper->Bind(header);
  if (st.ok()) return st;
  std::string message = st.message();  // the file read goes before a hint on its own line
  message.insert(std::min(message.find('\n'), message.size()),
                 fmt::format(" (reading {})", Printable(name, 200)));
  return Status::InvalidInput(std::move(message));
}

}  // namespace

Status CsvSource::Open(const std::string& path, Profile profile, Options options,
                       std::unique_ptr<CsvSource>* out) {
  CsvDialect dialect = profile.dialect;
  bool two_pass = !profile.lookups.empty();
  if (two_pass && path == "-") {
    return Status::InvalidInput(fmt::format(
        "profile '{}' has lookup tables and reads its file twice: give a file, not -",
        Printable(profile.name, 60)));
  }
  auto mapper = std::make_unique<ProfileMapper>(std::move(profile), BaseNameOf(path));
  std::unique_ptr<CsvReader> reader;
  NANNI_RETURN_IF_ERROR(CsvReader::Open(path, dialect, &reader, options.buffer_bytes));
  NANNI_RETURN_IF_ERROR(ReadHeader(path, reader.get(), mapper.get()));
  if (two_pass) {
    CsvRecord rec;
    for (;;) {
      bool done = false;
      Status st = reader->Next(&rec, &done);
      if (!st.ok()) return st.WithPrefix(Printable(path, 200));
      if (done) break;
      st = mapper->AddToLookups(rec);
      if (!st.ok()) return st.WithPrefix(fmt::format("{}:{}", Printable(path, 200), rec.line));
    }
    NANNI_RETURN_IF_ERROR(CsvReader::Open(path, dialect, &reader, options.buffer_bytes));
    if (mapper->profile().header) {
      CsvRecord header;
      bool done = false;
      NANNI_RETURN_IF_ERROR(reader->Next(&header, &done));
    }
  }
  out->reset(new CsvSource(path, std::move(reader), std::move(mapper), std::move(options)));
  return Status::OK();
}

std::string CsvSource::DescribePosition(uint64_t line) const {
  return fmt::format("{}:{}", Printable(name_, 200), line);
}

std::vector<std::string> CsvSource::Notes() const {
  std::vector<std::string> notes = mapper_->Notes();
  for (std::string& n : notes) n = fmt::format("{}: {}", Printable(name_, 200), n);
  return notes;
}

Status CsvSource::Next(Event* event, bool* done) {
  *done = false;
  for (;;) {
    if (next_pending_ < pending_.size()) {
      *event = std::move(pending_[next_pending_++]);
      return Status::OK();
    }
    bool end = false;
    Status st = reader_->Next(&record_, &end);
    if (!st.ok()) return st.WithPrefix(Printable(name_, 200));
    if (end) {
      *done = true;
      return Status::OK();
    }
    line_ = record_.line;
    ++rows_;
    next_pending_ = 0;
    st = mapper_->Map(record_, &pending_);
    if (st.ok()) continue;
    if (!options_.lenient) {
      return Status::InvalidInput(
          fmt::format("{}: {}", DescribePosition(record_.line), st.message()));
    }
    ++rejected_;
    if (options_.on_reject) {
      options_.on_reject(ImportReject{name_, record_.line, record_.end_line, "", st.message(), record_.raw});
    }
  }
}

}  // namespace nanni
