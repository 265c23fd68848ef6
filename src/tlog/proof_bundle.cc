#include "tlog/proof_bundle.h"

#include <algorithm>

#include "tlog/checkpoint.h"
#include "tlog/signed_note.h"
#include "tlog/text.h"
#include "util/base64.h"

namespace nanni {

namespace {

constexpr std::string_view kExtraPrefix = "extra ";
constexpr std::string_view kIndexPrefix = "index ";

// Reads the proof's header lines one at a time: each must end with '\n'.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}

  // The next line, without its newline; InvalidInput at the end of the text or of a line.
  Status Next(std::string_view* line) {
    ++number_;
    size_t end = text_.find('\n', position_);
    if (end == std::string_view::npos) {
      return Error(position_ == text_.size() ? "the proof ends before its checkpoint"
                                             : "does not end with a newline");
    }
    *line = text_.substr(position_, end - position_);
    position_ = end + 1;
    return Status::OK();
  }

  Status Error(std::string_view why) const {
    return Status::InvalidInput("proof line " + std::to_string(number_) + ": " + std::string(why));
  }
  std::string_view rest() const { return text_.substr(position_); }
  size_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t position_ = 0;
  size_t number_ = 0;
};

Status ParseHash(std::string_view text, Digest* hash) {
  std::string bytes;
  NANNI_RETURN_IF_ERROR(Base64Decode(text, &bytes));
  if (bytes.size() != hash->size()) {
    return Status::InvalidInput("base64 of " + std::to_string(bytes.size()) +
                                " bytes where a 32-byte SHA-256 hash belongs");
  }
  std::copy(bytes.begin(), bytes.end(), hash->begin());
  return Status::OK();
}

// The checkpoint note must be a signed note whose text is a checkpoint holding the entry.
Status CheckCheckpointNote(std::string_view note, uint64_t index) {
  SignedNote signed_note;
  NANNI_RETURN_IF_ERROR(ParseSignedNote(note, &signed_note));
  Checkpoint checkpoint;
  NANNI_RETURN_IF_ERROR(ParseCheckpoint(signed_note.text, &checkpoint));
  if (index >= checkpoint.size) {
    return Status::InvalidInput("index " + std::to_string(index) +
                                " is not inside the checkpoint's tree of size " +
                                std::to_string(checkpoint.size));
  }
  return Status::OK();
}

// The "extra" line when there is one (the cursor is then past it), and the "index" line.
Status ParseExtraAndIndex(LineCursor* cursor, ProofBundle* bundle) {
  std::string_view line;
  NANNI_RETURN_IF_ERROR(cursor->Next(&line));
  if (line.substr(0, 5) == "extra") {
    if (line.substr(0, kExtraPrefix.size()) != kExtraPrefix || line.size() == kExtraPrefix.size()) {
      return cursor->Error("'extra' must be followed by a space and base64 data (omit the line when there is none)");
    }
    Status s = Base64Decode(line.substr(kExtraPrefix.size()), &bundle->extra);
    if (!s.ok()) return cursor->Error("extra data: " + s.message());
    NANNI_RETURN_IF_ERROR(cursor->Next(&line));
  }
  if (line.substr(0, kIndexPrefix.size()) != kIndexPrefix) {
    return cursor->Error("expected 'index ' and the entry's index, found " + QuoteForMessage(line));
  }
  Status s = ParseDecimalUint64(line.substr(kIndexPrefix.size()), &bundle->index);
  if (!s.ok()) return cursor->Error("index: " + s.message());
  return Status::OK();
}

// The hash lines up to the empty line that ends them.
Status ParsePath(LineCursor* cursor, std::vector<Digest>* path) {
  for (;;) {
    std::string_view line;
    NANNI_RETURN_IF_ERROR(cursor->Next(&line));
    if (line.empty()) return Status::OK();
    if (path->size() == kMaxProofPathHashes) {
      return cursor->Error("more than " + std::to_string(kMaxProofPathHashes) +
                           " hashes in the inclusion proof");
    }
    Digest hash;
    Status s = ParseHash(line, &hash);
    if (!s.ok()) return cursor->Error("inclusion proof hash: " + s.message());
    path->push_back(hash);
  }
}

}  // namespace

Status ParseProofBundle(std::string_view text, ProofBundle* out) {
  if (text.size() > kMaxProofBundleBytes) {
    return Status::InvalidInput("proof is " + std::to_string(text.size()) + " bytes, more than the " +
                                std::to_string(kMaxProofBundleBytes) + " accepted");
  }
  LineCursor cursor(text);
  std::string_view line;
  NANNI_RETURN_IF_ERROR(cursor.Next(&line));
  if (line != kProofBundleHeader) {
    return cursor.Error(QuoteForMessage(line) + " is not " + std::string(kProofBundleHeader));
  }
  ProofBundle bundle;
  NANNI_RETURN_IF_ERROR(ParseExtraAndIndex(&cursor, &bundle));
  NANNI_RETURN_IF_ERROR(ParsePath(&cursor, &bundle.path));
  bundle.checkpoint_note = std::string(cursor.rest());
  Status s = CheckCheckpointNote(bundle.checkpoint_note, bundle.index);
  if (!s.ok()) {
    return Status::InvalidInput("proof checkpoint note (from line " +
                                std::to_string(cursor.number() + 1) + "): " + s.message());
  }
  *out = std::move(bundle);
  return Status::OK();
}

Status FormatProofBundle(const ProofBundle& bundle, std::string* out) {
  if (bundle.path.size() > kMaxProofPathHashes) {
    return Status::InvalidArgument("an inclusion proof holds at most " +
                                   std::to_string(kMaxProofPathHashes) + " hashes");
  }
  Status s = CheckCheckpointNote(bundle.checkpoint_note, bundle.index);
  if (!s.ok()) return Status::InvalidArgument("proof checkpoint note: " + s.message());
  std::string text = std::string(kProofBundleHeader) + "\n";
  if (!bundle.extra.empty()) text += std::string(kExtraPrefix) + Base64Encode(bundle.extra) + "\n";
  text += std::string(kIndexPrefix) + std::to_string(bundle.index) + "\n";
  for (const Digest& hash : bundle.path) {
    text += Base64Encode(std::string_view(reinterpret_cast<const char*>(hash.data()), hash.size()));
    text += "\n";
  }
  text += "\n" + bundle.checkpoint_note;
  if (text.size() > kMaxProofBundleBytes) {
    return Status::InvalidArgument("the proof would be " + std::to_string(text.size()) +
                                   " bytes, more than the " +
                                   std::to_string(kMaxProofBundleBytes) + " accepted");
  }
  *out = std::move(text);
  return Status::OK();
}

}  // namespace nanni
