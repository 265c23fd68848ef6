#include "tlog/checkpoint.h"

#include <algorithm>

#include "tlog/text.h"
#include "util/base64.h"

namespace nanni {

namespace {

Status LineError(size_t line, std::string_view field, const Status& why) {
  return Status::InvalidInput("checkpoint line " + std::to_string(line) + " (" +
                              std::string(field) + "): " + why.message());
}

Status ParseRoot(std::string_view text, Digest* root) {
  std::string bytes;
  NANNI_RETURN_IF_ERROR(Base64Decode(text, &bytes));
  if (bytes.size() != root->size()) {
    return Status::InvalidInput("base64 of " + std::to_string(bytes.size()) +
                                " bytes where a 32-byte SHA-256 hash belongs");
  }
  std::copy(bytes.begin(), bytes.end(), root->begin());
  return Status::OK();
}

// One line of a checkpoint to be formatted: non-empty, one line, note characters only.
Status CheckField(const std::string& field, std::string_view value) {
  if (value.empty()) return Status::InvalidArgument("checkpoint " + field + " is empty");
  if (value.find('\n') != std::string_view::npos || !CheckNoteCharacters(value).ok()) {
    return Status::InvalidArgument("checkpoint " + field +
                                   " holds a newline, a control character or invalid UTF-8");
  }
  return Status::OK();
}

}  // namespace

std::string FormatCheckpoint(const Checkpoint& checkpoint) {
  std::string body = checkpoint.origin + "\n" + std::to_string(checkpoint.size) + "\n";
  body += Base64Encode(std::string_view(reinterpret_cast<const char*>(checkpoint.root.data()),
                                        checkpoint.root.size()));
  body += "\n";
  for (const std::string& extension : checkpoint.extensions) body += extension + "\n";
  return body;
}

Status CheckCheckpoint(const Checkpoint& checkpoint) {
  NANNI_RETURN_IF_ERROR(CheckField("origin", checkpoint.origin));
  for (size_t i = 0; i < checkpoint.extensions.size(); ++i) {
    NANNI_RETURN_IF_ERROR(CheckField("extension " + std::to_string(i + 1), checkpoint.extensions[i]));
  }
  return Status::OK();
}

Status ParseCheckpoint(std::string_view body, Checkpoint* out) {
  Status chars = CheckNoteCharacters(body);
  if (!chars.ok()) return Status::InvalidInput("checkpoint " + chars.message());
  std::vector<std::string_view> lines;
  Status split = SplitNewlineTerminated(body, &lines);
  if (!split.ok()) return Status::InvalidInput("checkpoint " + split.message());
  if (lines.size() < 3) {
    return Status::InvalidInput("checkpoint has " + std::to_string(lines.size()) +
                                " lines: it needs origin, tree size and root hash");
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) return Status::InvalidInput("checkpoint line " + std::to_string(i + 1) + " is empty");
  }
  Checkpoint c;
  c.origin = std::string(lines[0]);
  Status s = ParseDecimalUint64(lines[1], &c.size);
  if (!s.ok()) return LineError(2, "tree size", s);
  s = ParseRoot(lines[2], &c.root);
  if (!s.ok()) return LineError(3, "root hash", s);
  for (size_t i = 3; i < lines.size(); ++i) c.extensions.emplace_back(lines[i]);
  *out = std::move(c);
  return Status::OK();
}

}  // namespace nanni
