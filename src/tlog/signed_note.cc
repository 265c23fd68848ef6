#include "tlog/signed_note.h"

#include <algorithm>

#include "tlog/cosignature.h"
#include "tlog/text.h"
#include "util/base64.h"

namespace nanni {

namespace {

constexpr std::string_view kSignaturePrefix = "\xe2\x80\x94 ";  // U+2014 em dash, space

Status AtLine(size_t line, const Status& why) {
  return Status::InvalidInput("note line " + std::to_string(line) + ": " + why.message());
}

// One signature line, without its newline.
Status ParseSignatureLine(std::string_view line, NoteSignature* out) {
  if (line.substr(0, kSignaturePrefix.size()) != kSignaturePrefix) {
    return Status::InvalidInput("a signature line must start with an em dash (U+2014) and a space");
  }
  line.remove_prefix(kSignaturePrefix.size());
  size_t space = line.find(' ');
  if (space == std::string_view::npos) {
    return Status::InvalidInput("no space between the key name and the signature");
  }
  NoteSignature sig;
  sig.name = std::string(line.substr(0, space));
  NANNI_RETURN_IF_ERROR(CheckKeyName(sig.name));
  std::string raw;
  Status s = Base64Decode(line.substr(space + 1), &raw);
  if (!s.ok()) return Status::InvalidInput("signature of " + QuoteForMessage(sig.name) + ": " + s.message());
  if (raw.size() < 5) {
    return Status::InvalidInput("signature of " + QuoteForMessage(sig.name) + " is " +
                                std::to_string(raw.size()) +
                                " bytes: it needs a 4-byte key ID and at least one byte more");
  }
  sig.key_id = (uint32_t{static_cast<uint8_t>(raw[0])} << 24) |
               (uint32_t{static_cast<uint8_t>(raw[1])} << 16) |
               (uint32_t{static_cast<uint8_t>(raw[2])} << 8) | static_cast<uint8_t>(raw[3]);
  sig.bytes = raw.substr(4);
  *out = std::move(sig);
  return Status::OK();
}

std::string SignatureLine(const NoteSignature& sig) {
  std::string raw;
  for (int shift = 24; shift >= 0; shift -= 8) raw += static_cast<char>(sig.key_id >> shift);
  raw += sig.bytes;
  return std::string(kSignaturePrefix) + sig.name + " " + Base64Encode(raw) + "\n";
}

// The note's text as FormatSignedNote and SignNote require it.
Status CheckText(std::string_view text) {
  if (text.empty() || text.back() != '\n') {
    return Status::InvalidArgument("a note's text must end with a newline");
  }
  Status s = CheckNoteCharacters(text);
  if (!s.ok()) return Status::InvalidArgument("note text " + s.message());
  return Status::OK();
}

// Whether one known key's signature verifies: the rule is the key's type's.
Status VerifyOne(const NoteVerifier& key, const SignedNote& note, const NoteSignature& sig) {
  if (key.type() == NoteKeyType::kCosignatureV1) {
    uint64_t unix_seconds = 0;
    Status s = VerifyCosignature(key, note.text, sig, &unix_seconds);
    if (s.code() == Status::Code::kInvalidInput) return s.WithPrefix("note text");
    return s;
  }
  if (key.Verify(note.text, sig.bytes)) return Status::OK();
  return Status::Corruption("the signature by known key " + key.label() + " does not verify");
}

Status CheckKnownKeys(std::span<const NoteVerifier> known) {
  for (size_t i = 0; i < known.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (known[i].name() == known[j].name() && known[i].key_id() == known[j].key_id()) {
        return Status::InvalidArgument("the known keys hold " + known[i].label() + " twice");
      }
    }
  }
  return Status::OK();
}

}  // namespace

Status ParseSignedNote(std::string_view note, SignedNote* out) {
  if (note.size() > kMaxNoteBytes) {
    return Status::InvalidInput("note is " + std::to_string(note.size()) + " bytes, more than the " +
                                std::to_string(kMaxNoteBytes) + " accepted");
  }
  Status s = CheckNoteCharacters(note);
  if (!s.ok()) return Status::InvalidInput("note " + s.message());
  size_t split = note.rfind("\n\n");
  if (split == std::string_view::npos) {
    return Status::InvalidInput("note has no blank line before its signatures");
  }
  SignedNote result;
  result.text = std::string(note.substr(0, split + 1));
  size_t line = std::count(result.text.begin(), result.text.end(), '\n') + 2;
  std::vector<std::string_view> lines;
  s = SplitNewlineTerminated(note.substr(split + 2), &lines);
  if (!s.ok()) return Status::InvalidInput("note's last signature line does not end with a newline");
  if (lines.empty()) return Status::InvalidInput("note has no signature after its blank line");
  if (lines.size() > kMaxNoteSignatures) {
    return Status::InvalidInput("note has " + std::to_string(lines.size()) +
                                " signatures, more than the " +
                                std::to_string(kMaxNoteSignatures) + " accepted");
  }
  for (std::string_view text : lines) {
    NoteSignature sig;
    s = ParseSignatureLine(text, &sig);
    if (!s.ok()) return AtLine(line, s);
    result.signatures.push_back(std::move(sig));
    ++line;
  }
  *out = std::move(result);
  return Status::OK();
}

Status FormatSignedNote(const SignedNote& note, std::string* out) {
  NANNI_RETURN_IF_ERROR(CheckText(note.text));
  if (note.signatures.empty()) return Status::InvalidArgument("a signed note needs a signature");
  if (note.signatures.size() > kMaxNoteSignatures) {
    return Status::InvalidArgument("a note holds at most " + std::to_string(kMaxNoteSignatures) +
                                   " signatures");
  }
  std::string text = note.text + "\n";
  for (const NoteSignature& sig : note.signatures) {
    Status s = CheckKeyName(sig.name);
    if (!s.ok()) return Status::InvalidArgument("signature: " + s.message());
    if (sig.bytes.empty()) {
      return Status::InvalidArgument("signature by " + NoteKeyLabel(sig.name, sig.key_id) + " is empty");
    }
    text += SignatureLine(sig);
  }
  if (text.size() > kMaxNoteBytes) {
    return Status::InvalidArgument("the note would be " + std::to_string(text.size()) +
                                   " bytes, more than the " + std::to_string(kMaxNoteBytes) + " accepted");
  }
  *out = std::move(text);
  return Status::OK();
}

Status SignNote(const NoteSigner& signer, SignedNote* note) {
  if (signer.type() != NoteKeyType::kEd25519) {
    return Status::InvalidArgument("key " + signer.verifier().label() +
                                   " is a cosignature/v1 (witness) key: a witness signs with Cosign");
  }
  NANNI_RETURN_IF_ERROR(CheckText(note->text));
  NoteSignature sig{signer.name(), signer.key_id(), ""};
  NANNI_RETURN_IF_ERROR(signer.Sign(note->text, &sig.bytes));
  for (NoteSignature& existing : note->signatures) {
    if (existing.name == sig.name && existing.key_id == sig.key_id) {
      existing = std::move(sig);
      return Status::OK();
    }
  }
  if (note->signatures.size() >= kMaxNoteSignatures) {
    return Status::InvalidArgument("the note already holds " +
                                   std::to_string(kMaxNoteSignatures) + " signatures");
  }
  note->signatures.push_back(std::move(sig));
  return Status::OK();
}

Status VerifyNote(const SignedNote& note, std::span<const NoteVerifier> known,
                  std::vector<size_t>* verified) {
  NANNI_RETURN_IF_ERROR(CheckKnownKeys(known));
  std::vector<size_t> found;
  for (const NoteSignature& sig : note.signatures) {
    for (size_t i = 0; i < known.size(); ++i) {
      if (known[i].name() != sig.name || known[i].key_id() != sig.key_id) continue;
      NANNI_RETURN_IF_ERROR(VerifyOne(known[i], note, sig));
      if (std::find(found.begin(), found.end(), i) == found.end()) found.push_back(i);
    }
  }
  if (found.empty()) {
    return Status::NotFound("none of the note's " + std::to_string(note.signatures.size()) +
                            " signatures is by one of the " + std::to_string(known.size()) +
                            " known keys");
  }
  std::sort(found.begin(), found.end());
  *verified = std::move(found);
  return Status::OK();
}

}  // namespace nanni
