#include "tlog/witness.h"

#include <fmt/format.h>

#include "tlog/cosignature.h"
#include "tlog/merkle.h"
#include "tlog/text.h"
#include "tlog/signed_note.h"
#include "util/base64.h"

namespace nanni {

namespace {

constexpr size_t kMaxProofLines = 64;

Status Bad(size_t line, std::string_view why) {
  return Status::InvalidInput(fmt::format("request line {}: {}", line, why));
}

}  // namespace

std::string FormatAddCheckpoint(const AddCheckpointRequest& request) {
  std::string out = fmt::format("old {}\n", request.old_size);
  for (const Digest& d : request.proof) {
    out += Base64Encode(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
    out += '\n';
  }
  out += '\n';
  out += request.note;
  return out;
}

Status ParseAddCheckpoint(std::string_view text, AddCheckpointRequest* out) {
  *out = AddCheckpointRequest();
  size_t pos = 0, line = 0;
  auto next_line = [&](std::string_view* l) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    *l = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line;
    return true;
  };
  std::string_view l;
  if (!next_line(&l) || l.substr(0, 4) != "old " ||
      !ParseDecimalUint64(l.substr(4), &out->old_size).ok()) {
    return Bad(1, "expected \"old SIZE\"");
  }
  for (;;) {
    if (!next_line(&l)) return Bad(line + 1, "the request ends before the empty line and the checkpoint");
    if (l.empty()) break;
    if (out->proof.size() == kMaxProofLines) return Bad(line, "more proof hashes than any tree needs");
    std::string bytes;
    if (!Base64Decode(l, &bytes).ok() || bytes.size() != 32) return Bad(line, "not the base64 of a 32-byte hash");
    Digest d;
    std::copy(bytes.begin(), bytes.end(), d.begin());
    out->proof.push_back(d);
  }
  out->note = std::string(text.substr(pos));
  if (out->note.empty()) return Bad(line + 1, "no checkpoint after the empty line");
  return Status::OK();
}

Status WitnessCheckpoint(const NoteSigner& witness, const NoteVerifier& log_key, const WitnessState& last,
                         const AddCheckpointRequest& request, uint64_t unix_seconds,
                         std::string* cosigned_note, Checkpoint* next) {
  SignedNote note;
  NANNI_RETURN_IF_ERROR(ParseSignedNote(request.note, &note));
  std::vector<size_t> verified;
  Status st = VerifyNote(note, std::span<const NoteVerifier>(&log_key, 1), &verified);
  if (st.code() == Status::Code::kNotFound) {
    return Status::Corruption(fmt::format("the checkpoint is not signed by the log's key {}", log_key.label()));
  }
  NANNI_RETURN_IF_ERROR(st);
  NANNI_RETURN_IF_ERROR(ParseCheckpoint(note.text, next));
  if (next->origin != log_key.name()) {
    return Status::Corruption(fmt::format("the checkpoint's origin '{}' is not the log key's name '{}'",
                                          next->origin, log_key.name()));
  }
  const uint64_t old_size = last ? last->size : 0;
  if (request.old_size != old_size) {
    return Status::Conflict(fmt::format(
        "the request proves from size {} but this witness last cosigned size {}: ask the log for a "
        "proof from {}", request.old_size, old_size, old_size));
  }
  if (last && last->origin != next->origin) {
    return Status::InvalidArgument(fmt::format("this witness's state is for '{}', not '{}'", last->origin, next->origin));
  }
  const Digest old_root = last ? last->root : MerkleEmptyRoot();
  st = VerifyMerkleConsistency(old_size, next->size, old_root, next->root, request.proof);
  if (!st.ok()) {
    return Status::Corruption(fmt::format(
        "the log's checkpoint of {} entries does not extend the one of {} this witness cosigned: {}",
        next->size, old_size, st.message()));
  }
  NoteSignature cosignature;
  NANNI_RETURN_IF_ERROR(Cosign(witness, note.text, unix_seconds, &cosignature));
  std::erase_if(note.signatures, [&](const NoteSignature& s) {  // this witness's earlier one
    return s.name == cosignature.name && s.key_id == cosignature.key_id;
  });
  note.signatures.push_back(cosignature);
  return FormatSignedNote(note, cosigned_note);
}

}  // namespace nanni
