#include "ledger/event_proof.h"

#include <fmt/format.h>

#include "ledger/leaf.h"
#include "ledger/ledger_tree.h"
#include "tlog/merkle.h"
#include "tlog/text.h"
#include "tlog/proof_bundle.h"
#include "tlog/signed_note.h"
#include "util/printable.h"

namespace nanni {

namespace {

constexpr std::string_view kLeafHeader = "nanni-event/v2\n";

// Reads "NAME VALUE\n" at *pos.
bool Field(std::string_view bytes, size_t* pos, std::string_view name, std::string_view* value) {
  size_t nl = bytes.find('\n', *pos);
  if (nl == std::string_view::npos) return false;
  std::string_view line = bytes.substr(*pos, nl - *pos);
  if (line.size() <= name.size() || line.substr(0, name.size()) != name || line[name.size()] != ' ') return false;
  *value = line.substr(name.size() + 1);
  *pos = nl + 1;
  return true;
}

}  // namespace

std::string EncodeEventLeaf(const EventLeaf& leaf) {
  return fmt::format("{}ledger_id {}\nseq {}\nrecorded {}\n{}", kLeafHeader, leaf.ledger_id, leaf.seq,
                     leaf.recorded_utc_micros, leaf.body);
}

Status DecodeEventLeaf(std::string_view bytes, EventLeaf* out) {
  *out = EventLeaf();
  auto bad = [](std::string_view why) {
    return Status::InvalidInput(fmt::format("the proof's event data: {}", why));
  };
  if (bytes.substr(0, kLeafHeader.size()) != kLeafHeader) return bad("it does not start with nanni-event/v2");
  size_t pos = kLeafHeader.size();
  std::string_view id, seq, recorded;
  uint64_t recorded_value = 0;
  if (!Field(bytes, &pos, "ledger_id", &id) || id.size() != 32 ||
      id.find_first_not_of("0123456789abcdef") != std::string_view::npos) {
    return bad("no \"ledger_id\" line of 32 hex digits");
  }
  if (!Field(bytes, &pos, "seq", &seq) || !ParseDecimalUint64(seq, &out->seq).ok() || out->seq == 0) {
    return bad("no \"seq\" line with a positive decimal");
  }
  if (!Field(bytes, &pos, "recorded", &recorded) || !ParseDecimalUint64(recorded, &recorded_value).ok()) {
    return bad("no \"recorded\" line with a decimal");
  }
  out->ledger_id = std::string(id);
  out->recorded_utc_micros = static_cast<int64_t>(recorded_value);
  out->body = std::string(bytes.substr(pos));
  if (out->body.empty()) return bad("no event body");
  return Status::OK();
}

Status ProveEvent(LedgerStore* store, const AccessScope& scope, std::string_view source_id,
                  const std::string& note, std::string* bundle) {
  uint64_t seq = 0;
  NANNI_RETURN_IF_ERROR(store->FindSeq(AccessScope::All(), source_id, &seq));
  if (seq == 0) return Status::NotFound(fmt::format("no event '{}' in the ledger", Printable(source_id)));
  EventLeaf leaf{store->LedgerId(), seq, 0, ""};
  std::string account;
  NANNI_RETURN_IF_ERROR(store->Get(AccessScope::All(), seq, [&](const LedgerEntry& e) {
    leaf.recorded_utc_micros = e.recorded_utc_micros;
    leaf.body = std::string(e.body);
    account = std::string(e.index.account);
    return Status::OK();
  }));
  NANNI_RETURN_IF_ERROR(scope.Check(account));
  SignedNote parsed;
  Checkpoint checkpoint;
  NANNI_RETURN_IF_ERROR(ParseSignedNote(note, &parsed));
  NANNI_RETURN_IF_ERROR(ParseCheckpoint(parsed.text, &checkpoint));
  if (checkpoint.size < seq) {
    return Status::InvalidArgument(fmt::format(
        "the checkpoint covers {} events, not event {}: `nanni checkpoint` signs a newer one",
        checkpoint.size, seq));
  }
  ExtendsReport extends;
  NANNI_RETURN_IF_ERROR(CheckExtends(store, checkpoint, &extends));
  ProofBundle proof{EncodeEventLeaf(leaf), seq - 1, {}, note};
  LedgerTree tree(store, scope);
  NANNI_RETURN_IF_ERROR(tree.InclusionProof(seq, checkpoint.size, &proof.path));
  return FormatProofBundle(proof, bundle);
}

Status VerifyEventProofIn(const ProofBundle& proof, std::string_view trusted_note, const TrustedCheckpoint& trusted,
                          EventLeaf* out) {
  if (proof.checkpoint_note != trusted_note) {
    return Status::Corruption("the proof is against another checkpoint than the one trusted");
  }
  NANNI_RETURN_IF_ERROR(DecodeEventLeaf(proof.extra, out));
  const EventLeaf& leaf = *out;
  if (proof.index != leaf.seq - 1) {
    return Status::Corruption(fmt::format("the proof is for leaf {} but its event says seq {}", proof.index, leaf.seq));
  }
  const Checkpoint& c = trusted.checkpoint;
  const Digest identity = IdentityDigest(LedgerIdentity{leaf.ledger_id, c.origin});
  const Digest leaf_hash = EntryLeafHash(identity, leaf.seq, leaf.recorded_utc_micros, Sha256::Of(leaf.body));
  Status st = VerifyMerkleInclusion(proof.index, c.size, leaf_hash, proof.path, c.root);
  if (!st.ok()) {
    return Status::Corruption(fmt::format(
        "event {} is not proven in the checkpoint of {} events: {} (the event, its seq, recording "
        "time or ledger id, or a path hash, differs from what the ledger signed)", leaf.seq, c.size, st.message()));
  }
  return Status::OK();
}

Status VerifyEventProof(std::string_view bundle, const NoteVerifier& log_key,
                        std::span<const NoteVerifier> witnesses, size_t quorum, ProvenEvent* out) {
  *out = ProvenEvent();
  ProofBundle proof;
  NANNI_RETURN_IF_ERROR(ParseProofBundle(bundle, &proof));
  NANNI_RETURN_IF_ERROR(TrustCheckpoint(proof.checkpoint_note, log_key, witnesses, quorum, &out->checkpoint));
  return VerifyEventProofIn(proof, proof.checkpoint_note, out->checkpoint, &out->leaf);
}

}  // namespace nanni
