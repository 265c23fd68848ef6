#include "tlog/cosignature.h"

#include "tlog/checkpoint.h"

namespace nanni {

namespace {

constexpr size_t kCosignatureBytes = 8 + 64;

std::string BigEndian64(uint64_t v) {
  std::string out;
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>(v >> shift);
  return out;
}

uint64_t ReadBigEndian64(std::string_view bytes) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(bytes[i]);
  return v;
}

Status CheckWitnessKey(NoteKeyType type, const std::string& label) {
  if (type == NoteKeyType::kCosignatureV1) return Status::OK();
  return Status::InvalidArgument("key " + label +
                                 " is a log key (type 0x01): a cosignature needs a witness's "
                                 "cosignature/v1 key (type 0x04)");
}

}  // namespace

std::string CosignatureMessage(std::string_view checkpoint_body, uint64_t unix_seconds) {
  return "cosignature/v1\ntime " + std::to_string(unix_seconds) + "\n" +
         std::string(checkpoint_body);
}

Status Cosign(const NoteSigner& witness, std::string_view checkpoint_body, uint64_t unix_seconds,
              NoteSignature* out) {
  NANNI_RETURN_IF_ERROR(CheckWitnessKey(witness.type(), witness.verifier().label()));
  if (unix_seconds > kMaxCosignatureTimestamp) {
    return Status::InvalidArgument("cosignature timestamp " + std::to_string(unix_seconds) +
                                   " is above 2^63 - 1");
  }
  Checkpoint checkpoint;
  NANNI_RETURN_IF_ERROR(ParseCheckpoint(checkpoint_body, &checkpoint));
  std::string signature;
  NANNI_RETURN_IF_ERROR(witness.Sign(CosignatureMessage(checkpoint_body, unix_seconds), &signature));
  *out = NoteSignature{witness.name(), witness.key_id(), BigEndian64(unix_seconds) + signature};
  return Status::OK();
}

Status VerifyCosignature(const NoteVerifier& witness, std::string_view checkpoint_body,
                         const NoteSignature& signature, uint64_t* unix_seconds) {
  NANNI_RETURN_IF_ERROR(CheckWitnessKey(witness.type(), witness.label()));
  if (signature.name != witness.name() || signature.key_id != witness.key_id()) {
    return Status::InvalidArgument("the signature is by " +
                                   NoteKeyLabel(signature.name, signature.key_id) +
                                   ", not by the witness " + witness.label());
  }
  Checkpoint checkpoint;
  NANNI_RETURN_IF_ERROR(ParseCheckpoint(checkpoint_body, &checkpoint));
  if (signature.bytes.size() != kCosignatureBytes) {
    return Status::Corruption("cosignature by " + witness.label() + " is " +
                              std::to_string(signature.bytes.size()) +
                              " bytes, not 72 (an 8-byte timestamp and a 64-byte signature)");
  }
  uint64_t timestamp = ReadBigEndian64(signature.bytes);
  if (timestamp > kMaxCosignatureTimestamp) {
    return Status::Corruption("cosignature by " + witness.label() + " has timestamp " +
                              std::to_string(timestamp) + ", above 2^63 - 1");
  }
  std::string_view ed25519 = std::string_view(signature.bytes).substr(8);
  if (!witness.Verify(CosignatureMessage(checkpoint_body, timestamp), ed25519)) {
    return Status::Corruption("the cosignature by known key " + witness.label() + " does not verify");
  }
  *unix_seconds = timestamp;
  return Status::OK();
}

Status CosignatureTimestamp(const NoteSignature& signature, uint64_t* unix_seconds) {
  if (signature.bytes.size() != kCosignatureBytes) {
    return Status::InvalidInput("signature by " + NoteKeyLabel(signature.name, signature.key_id) +
                                " is " + std::to_string(signature.bytes.size()) +
                                " bytes: not a cosignature/v1 (72)");
  }
  *unix_seconds = ReadBigEndian64(signature.bytes);
  return Status::OK();
}

}  // namespace nanni
