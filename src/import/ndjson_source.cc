#include "import/ndjson_source.h"

#include <fmt/format.h>

#include "util/printable.h"

namespace nanni {

namespace {
// The file name without its folders: the same file imported from another folder is the same
// source (and so a duplicate, not a conflict).
std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}
}  // namespace

Status NdjsonSource::Open(const std::string& path, Options options,
                          std::unique_ptr<NdjsonSource>* out) {
  std::unique_ptr<LineReader> reader;
  NANNI_RETURN_IF_ERROR(LineReader::Open(path, options.max_event_bytes, &reader));
  std::string name = path == "-" ? "<stdin>" : path;
  out->reset(new NdjsonSource(std::move(name), std::move(reader), std::move(options)));
  return Status::OK();
}

std::string NdjsonSource::DescribePosition(uint64_t line) const {
  return fmt::format("{}:{}", Printable(name_, 200), line);
}

Status NdjsonSource::Refuse(const Status& why, std::string_view line) {
  if (!options_.lenient || why.code() != Status::Code::kInvalidInput) {
    return why.WithPrefix(DescribePosition(Position()));
  }
  if (options_.on_reject) {
    options_.on_reject(ImportReject{name_, Position(), Position(), "", why.message(), line});
  }
  return Status::OK();
}

Status NdjsonSource::Next(Event* event, bool* done) {
  for (;;) {
    std::string_view line;
    Status st = reader_->Next(&line, done);
    if (!st.ok()) {
      NANNI_RETURN_IF_ERROR(Refuse(st, {}));  // a line over the limit: the reader skips it
      continue;
    }
    if (*done) return Status::OK();
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    st = decoder_.Decode(line, event);
    if (!st.ok()) {
      NANNI_RETURN_IF_ERROR(Refuse(st, line));
      continue;
    }
    if (event->source.file.empty() && event->source.ref.empty()) {
      event->source.file = BaseName(name_);
      event->source.line = static_cast<int64_t>(reader_->line_number());
    }
    return Status::OK();
  }
}

}  // namespace nanni
