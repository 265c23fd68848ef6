#include "ledger/checkpoint_log.h"

#include <fmt/format.h>

#include "ledger/ledger_tree.h"
#include "tlog/merkle.h"
#include "tlog/signed_note.h"
#include "util/base64.h"
#include "util/time.h"

namespace nanni {

namespace {

std::string Base64Of(const Digest& d) {
  return Base64Encode(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

Status Record(LedgerStore* store, uint64_t size, const std::string& note, int64_t now) {
  std::unique_ptr<AppendTransaction> txn;
  NANNI_RETURN_IF_ERROR(store->BeginAppend(&txn));
  NANNI_RETURN_IF_ERROR(txn->AddCheckpoint(StoredCheckpoint{size, note, now}));
  return txn->Commit();
}

}  // namespace

Status IssueCheckpoint(LedgerStore* store, const NoteSigner& key, int64_t now_utc_micros, std::string* note) {
  const std::string& origin = store->Identity().origin;
  if (key.name() != origin || key.verifier().type() != NoteKeyType::kEd25519) {
    return Status::InvalidArgument(fmt::format(
        "the key {} cannot sign this ledger's checkpoints: they need a log key named '{}' (`nanni key init`)",
        key.verifier().label(), origin));
  }
  TreeHead head;
  NANNI_RETURN_IF_ERROR(store->Head(AccessScope::All(), &head));
  SignedNote signed_note;
  signed_note.text = FormatCheckpoint(Checkpoint{origin, head.size, head.root, {}});
  NANNI_RETURN_IF_ERROR(SignNote(key, &signed_note));
  NANNI_RETURN_IF_ERROR(FormatSignedNote(signed_note, note));
  return Record(store, head.size, *note, now_utc_micros);
}

Status TrustCheckpoint(std::string_view note, const NoteVerifier& log_key,
                       std::span<const NoteVerifier> witnesses, size_t quorum, TrustedCheckpoint* out) {
  *out = TrustedCheckpoint();
  SignedNote parsed;
  NANNI_RETURN_IF_ERROR(ParseSignedNote(note, &parsed));
  std::vector<size_t> verified;
  Status st = VerifyNote(parsed, std::span<const NoteVerifier>(&log_key, 1), &verified);
  if (st.code() == Status::Code::kNotFound) {
    return Status::Corruption(fmt::format("the checkpoint is not signed by the ledger's key {}", log_key.label()));
  }
  NANNI_RETURN_IF_ERROR(st);
  NANNI_RETURN_IF_ERROR(ParseCheckpoint(parsed.text, &out->checkpoint));
  if (out->checkpoint.origin != log_key.name()) {
    return Status::Corruption(fmt::format("the checkpoint's origin '{}' is not the key's name '{}'",
                                          out->checkpoint.origin, log_key.name()));
  }
  if (quorum == 0) return Status::OK();
  for (const NoteVerifier& w : witnesses) {
    if (w.type() != NoteKeyType::kCosignatureV1) {
      return Status::InvalidArgument(fmt::format(
          "{} is a log key (type 0x01), not a witness's cosignature/v1 key (type 0x04): its signature "
          "of the note text is no cosignature", w.label()));
    }
  }
  st = VerifyNote(parsed, witnesses, &verified);
  if (!st.ok() && st.code() != Status::Code::kNotFound) return st;
  if (st.ok()) {
    for (size_t i : verified) out->witnesses.push_back(witnesses[i].label());
  }
  if (out->witnesses.size() < quorum) {
    return Status::Corruption(fmt::format("{} of the {} witnesses given cosigned the checkpoint; {} are required",
                                          out->witnesses.size(), witnesses.size(), quorum));
  }
  return Status::OK();
}

Status CheckExtends(LedgerStore* store, const Checkpoint& checkpoint, ExtendsReport* report) {
  *report = ExtendsReport();
  report->checkpoint_size = checkpoint.size;
  if (checkpoint.origin != store->Identity().origin) {
    return Status::Corruption(fmt::format("the checkpoint is for the log '{}', this ledger is '{}'",
                                          checkpoint.origin, store->Identity().origin));
  }
  TreeHead head;
  NANNI_RETURN_IF_ERROR(store->Head(AccessScope::All(), &head));
  report->ledger_size = head.size;
  if (head.size < checkpoint.size) {
    return Status::Corruption(fmt::format(
        "the checkpoint covers {} events but the ledger holds only {}: it was cut short",
        checkpoint.size, head.size));
  }
  LedgerTree tree(store);
  Digest root;
  NANNI_RETURN_IF_ERROR(tree.Root(checkpoint.size, &root));
  if (root != checkpoint.root) {
    return Status::Corruption(fmt::format(
        "the ledger's first {} events hash to the root {}, the checkpoint says {}: the history up "
        "to the checkpoint was rewritten", checkpoint.size, Base64Of(root), Base64Of(checkpoint.root)));
  }
  NANNI_RETURN_IF_ERROR(tree.ConsistencyProof(checkpoint.size, head.size, &report->proof));
  Status st = VerifyMerkleConsistency(checkpoint.size, head.size, checkpoint.root, head.root, report->proof);
  if (!st.ok()) return Status::Corruption("the ledger's tree does not extend the checkpoint: " + st.message());
  return Status::OK();
}

Status CheckHistory(LedgerStore* store, const NoteVerifier* log_key, size_t* checked) {
  *checked = 0;
  std::vector<StoredCheckpoint> history;
  NANNI_RETURN_IF_ERROR(store->ListCheckpoints(AccessScope::All(), &history));
  for (size_t i = 0; i < history.size(); ++i) {
    auto fail = [&](const Status& st) {
      return Status::Corruption(fmt::format("checkpoint {} of the history ({} events, handed out {}): {}",
                                            i + 1, history[i].size, FormatUtc(history[i].recorded_utc_micros),
                                            st.message()));
    };
    TrustedCheckpoint trusted;
    SignedNote parsed;
    Status st = ParseSignedNote(history[i].note, &parsed);
    if (st.ok()) st = ParseCheckpoint(parsed.text, &trusted.checkpoint);
    if (st.ok() && log_key != nullptr) st = TrustCheckpoint(history[i].note, *log_key, {}, 0, &trusted);
    if (st.ok() && trusted.checkpoint.size != history[i].size) st = Status::Corruption("its size column differs from its note");
    ExtendsReport report;
    if (st.ok()) st = CheckExtends(store, trusted.checkpoint, &report);
    if (!st.ok()) return fail(st);
    ++*checked;
  }
  return Status::OK();
}

Status RecordCosignedCheckpoint(LedgerStore* store, std::string_view note, const NoteVerifier& log_key,
                                int64_t now_utc_micros) {
  TrustedCheckpoint trusted;
  NANNI_RETURN_IF_ERROR(TrustCheckpoint(note, log_key, {}, 0, &trusted));
  std::vector<StoredCheckpoint> history;
  NANNI_RETURN_IF_ERROR(store->ListCheckpoints(AccessScope::All(), &history));
  for (const StoredCheckpoint& stored : history) {
    SignedNote parsed;
    if (!ParseSignedNote(stored.note, &parsed).ok()) continue;
    Checkpoint c;
    if (ParseCheckpoint(parsed.text, &c).ok() && c == trusted.checkpoint) {
      return Record(store, c.size, std::string(note), now_utc_micros);
    }
  }
  return Status::InvalidArgument(fmt::format(
      "this ledger never issued a checkpoint of {} events with that root", trusted.checkpoint.size));
}

Status LatestCheckpointNote(LedgerStore* store, uint64_t min_size, std::string* note) {
  std::vector<StoredCheckpoint> history;
  NANNI_RETURN_IF_ERROR(store->ListCheckpoints(AccessScope::All(), &history));
  const StoredCheckpoint* best = nullptr;
  size_t best_signatures = 0;
  for (const StoredCheckpoint& c : history) {
    if (c.size < min_size) continue;
    SignedNote parsed;
    size_t signatures = ParseSignedNote(c.note, &parsed).ok() ? parsed.signatures.size() : 0;
    if (!best || c.size > best->size || (c.size == best->size && signatures >= best_signatures)) {
      best = &c;
      best_signatures = signatures;
    }
  }
  if (!best) {
    return Status::NotFound(fmt::format(
        "no checkpoint covers {} events yet: `nanni checkpoint` signs one", min_size));
  }
  *note = best->note;
  return Status::OK();
}

}  // namespace nanni
