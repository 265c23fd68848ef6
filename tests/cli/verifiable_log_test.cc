// The verifiable log end to end, through the nanni binary: `verify` names the first stored
// byte that was changed; a signed checkpoint kept outside the ledger catches a history
// rewritten consistently or cut short, which plain `verify` cannot; witnesses cosign only a
// history that extends the one they saw, and `verify-proof` counts them k of n; a proof holds
// its one event and nothing of any other account; `prove` says what is missing.
//
// Ledgers with a chosen identity and recording time (to rewrite a history byte for byte up to
// a point) are made with SqliteStore::Create and the real importer; everything else runs the CLI.
// Keys are always given with --key-file, in the test's folder.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "ledger/event_proof.h"
#include "storage/sqlite_store.h"
#include "support/ledger_fixture.h"
#include "support/test_support.h"
#include "tlog/proof_bundle.h"
#include "util/base64.h"

namespace nanni {
namespace {

using test::Nanni;
using test::ReadFile;
using test::WriteFile;

constexpr const char* kOrigin = "acme.example/ledger";
constexpr int64_t kRecorded = 1'780'000'000'000'000;  // every import's recording time

// Events e1..e<n>, over three accounts; `rewrite` changes the text of that one event.
std::vector<Event> Events(int first, int last, int rewrite = 0) {
  static const char* kAccounts[] = {"acme", "initech", "globex"};
  std::vector<Event> events;
  for (int i = first; i <= last; ++i) {
    Event e = test::MakeEvent(i, kAccounts[i % 3]);
    if (i == rewrite) e.text = "a message nobody ever sent";
    events.push_back(e);
  }
  return events;
}

// Appends `events` to the ledger at `path`, recorded at kRecorded; creates the ledger (id
// kTestLedgerId, origin kOrigin) when `create`.
void Append(const std::string& path, const std::vector<Event>& events, bool create = false) {
  std::unique_ptr<SqliteStore> store;
  Status st = create ? SqliteStore::Create(path, LedgerIdentity{test::kTestLedgerId, kOrigin}, &store)
                     : SqliteStore::Open(path, StoreMode::kReadWrite, &store);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ImportSummary summary;
  st = test::ImportVector(store.get(), events, &summary, kRecorded);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(summary.added, events.size());
}

std::string LastLine(const std::string& out) {
  auto lines = test::Split(out, '\n');
  return lines.empty() ? "" : lines.back();
}

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class VerifiableLog : public ::testing::Test {
 protected:
  // The ledger's signing key (made on first use, named kOrigin) and its public key text.
  const std::string& Key(const std::string& db) {
    if (public_key_.empty()) {
      auto r = Nanni({"--db", db, "key", "init", "--key-file", key_file_});
      EXPECT_EQ(r.exit_code, 0) << r.err;
      public_key_ = LastLine(r.out);
    }
    return public_key_;
  }

  // `nanni checkpoint` with the ledger's key, into dir_/name; returns the path.
  std::string Checkpoint(const std::string& db, const std::string& name, const std::string& key_file = "") {
    Key(db);
    const std::string out = dir_.File(name);
    auto r = Nanni({"--db", db, "checkpoint", "--key-file", key_file.empty() ? key_file_ : key_file, "--out", out});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return out;
  }

  test::CommandResult Verify(const std::string& db, const std::vector<std::string>& checkpoints = {}) {
    std::vector<std::string> args = {"--db", db, "verify", "--key", Key(db)};
    for (const std::string& c : checkpoints) args.insert(args.end(), {"--checkpoint", c});
    return Nanni(args);
  }

  // A witness key named `name`; returns its public key text.
  std::string WitnessKey(const std::string& name) {
    auto r = Nanni({"key", "init", "--witness", name, "--key-file", dir_.File(name + ".key")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return LastLine(r.out);
  }

  // The ledger's add-checkpoint request from `from`, then `nanni cosign` by the witness `name`
  // into dir_/out_name.
  test::CommandResult Cosign(const std::string& db, const std::string& name, uint64_t from,
                             const std::string& out_name) {
    const std::string req = dir_.File("req-" + name + ".txt");
    auto p = Nanni({"--db", db, "prove", "--consistency-from", std::to_string(from), "--out", req});
    EXPECT_EQ(p.exit_code, 0) << p.err;
    return Nanni({"cosign", req, "--key-file", dir_.File(name + ".key"), "--log-key", public_key_, "--state",
                  dir_.File(name + ".state"), "--out", dir_.File(out_name)});
  }

  test::TempDir dir_;
  std::string key_file_ = dir_.File("log.key");
  std::string public_key_;
};

// ---------------------------------------------------------------------------------------------
// Tampering with stored bytes.

struct Tamper {
  const char* name;
  const char* sql;
  uint64_t seq;      // the entry `verify` must name
  const char* says;  // part of its message
};

// Each change to one stored byte's worth of the ledger, in a ledger of 700 events (three
// level-0 tiles, two level-1 hashes): exit 1, and the first bad entry named in the message
// and in --json.
TEST_F(VerifiableLog, VerifyNamesTheFirstEntryAChangedByteBreaks) {
  const Tamper kTampers[] = {
      {"body", "UPDATE events SET body = replace(body, 'number 300', 'number 3O0') WHERE seq = 300", 300,
       "do not match its leaf"},
      {"recorded time", "UPDATE events SET recorded_utc = recorded_utc - 1 WHERE seq = 301", 301,
       "do not match its leaf"},
      {"leaf hash (level 0)",
       "UPDATE tree_tiles SET hashes = substr(hashes, 1, 10 * 32) || substr(hashes, 11 * 32 + 1, 32) || "
       "substr(hashes, 11 * 32 + 1) WHERE level = 0 AND idx = 1",
       256 + 10 + 1, "do not match its leaf"},
      {"interior hash (level 1)",
       "UPDATE tree_tiles SET hashes = substr(hashes, 1, 32) || zeroblob(32) || substr(hashes, 65) "
       "WHERE level = 1 AND idx = 0",
       257, "stored hash over events 257-512"},
      {"ledger id", "UPDATE ledger_meta SET value = 'fedcba9876543210fedcba9876543210' WHERE key = 'ledger_id'", 1,
       "id or origin"},
      {"origin", "UPDATE ledger_meta SET value = 'acme.example/other' WHERE key = 'origin'", 1, "id or origin"},
  };
  for (const Tamper& t : kTampers) {
    SCOPED_TRACE(t.name);
    const std::string db = dir_.File(std::string("t-") + std::to_string(&t - kTampers) + ".db");
    Append(db, Events(1, 700), true);
    auto before = Nanni({"--db", db, "verify"});
    ASSERT_EQ(before.exit_code, 0) << before.err;
    ASSERT_EQ(test::TamperWithSql(db, t.sql), "");

    auto plain = Nanni({"--db", db, "verify"});
    EXPECT_EQ(plain.exit_code, 1) << plain.out << plain.err;
    const std::string named = "verification FAILED: event " + std::to_string(t.seq);
    EXPECT_TRUE(Has(plain.err, named + ":") || Has(plain.err, named + " (id 'e" + std::to_string(t.seq) + "')"))
        << plain.err;
    EXPECT_TRUE(Has(plain.err, t.says)) << plain.err;
    EXPECT_FALSE(Has(plain.out, "ok:")) << plain.out;

    auto json = Nanni({"--db", db, "--json", "verify"});
    EXPECT_EQ(json.exit_code, 1) << json.err;
    auto report = nlohmann::json::parse(json.out);
    EXPECT_FALSE(report["ok"].get<bool>());
    EXPECT_EQ(report["failure"]["seq"].get<uint64_t>(), t.seq);
    EXPECT_EQ(report["checked"].get<uint64_t>(), t.seq - 1);
  }
}

// Above 65,536 events the tree has a level-2 tile: a changed hash there names event 1, the
// first under it.
TEST_F(VerifiableLog, VerifyCatchesAChangedHashAtLevelTwo) {
  const auto start = std::chrono::steady_clock::now();
  const std::string db = dir_.File("big.db");
  Append(db, Events(1, 70'000), true);
  ASSERT_EQ(Nanni({"--db", db, "verify"}).exit_code, 0);
  ASSERT_EQ(test::TamperWithSql(db, "UPDATE tree_tiles SET hashes = zeroblob(32) WHERE level = 2 AND idx = 0"), "");
  auto r = Nanni({"--db", db, "--json", "verify"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["failure"]["seq"].get<uint64_t>(), 1u);
  EXPECT_TRUE(Has(report["failure"]["message"].get<std::string>(), "events 1-65536 (tile 2/0")) << r.out;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
}

// ---------------------------------------------------------------------------------------------
// What only a checkpoint kept outside the ledger catches.

// The original ledger, e1..e100 at kRecorded, with checkpoints at 39, 97 and 100. Another
// ledger of the same id and origin holds e1..e120 with e40 rewritten, every tree hash
// recomputed and its own checkpoint signed with the same key: it verifies by itself, and
// against the checkpoint at 39 (nothing before e40 changed), but not against those at 97 or
// 100. A third holds e1..e97 unchanged: it extends the checkpoint at 97 and is cut short for
// the one at 100.
TEST_F(VerifiableLog, ARewrittenOrCutHistoryPassesVerifyButNotAnOldCheckpoint) {
  const std::string db = dir_.File("l.db");
  Append(db, Events(1, 39), true);
  const std::string c39 = Checkpoint(db, "c39.cp");
  Append(db, Events(40, 97));
  const std::string c97 = Checkpoint(db, "c97.cp");
  Append(db, Events(98, 100));
  const std::string c100 = Checkpoint(db, "c100.cp");
  auto original = Verify(db, {c39, c97, c100});
  EXPECT_EQ(original.exit_code, 0) << original.err;

  const std::string rewritten = dir_.File("rewritten.db");
  Append(rewritten, Events(1, 120, /*rewrite=*/40), true);
  Checkpoint(rewritten, "rewritten.cp");
  auto plain = Verify(rewritten);
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_TRUE(Has(plain.out, "ok: 120 events and their tree verified")) << plain.out;
  EXPECT_TRUE(Has(plain.out, "the ledger extends every checkpoint of its history (1 checkpoint), signatures verified"))
      << plain.out;
  EXPECT_EQ(Verify(rewritten, {c39}).exit_code, 0);
  for (const std::string& c : {c97, c100}) {
    auto r = Verify(rewritten, {c});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_TRUE(Has(r.err, "verification FAILED")) << r.err;
    EXPECT_TRUE(Has(r.err, "rewritten")) << r.err;
    EXPECT_TRUE(Has(r.err, c)) << r.err;  // names the checkpoint that failed
  }

  const std::string cut = dir_.File("cut.db");
  Append(cut, Events(1, 97), true);
  auto cut_plain = Verify(cut);
  EXPECT_EQ(cut_plain.exit_code, 0) << cut_plain.err;
  EXPECT_EQ(Verify(cut, {c39, c97}).exit_code, 0);
  auto r = Verify(cut, {c100});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Has(r.err, "covers 100 events but the ledger holds only 97: it was cut short")) << r.err;
}

// A checkpoint of this very tree fails when its signature was altered, when its key id was,
// and when another key of the same name signed it.
TEST_F(VerifiableLog, ACheckpointWithAnAlteredOrForeignSignatureFails) {
  const std::string db = dir_.File("l.db");
  Append(db, Events(1, 50), true);
  const std::string good = Checkpoint(db, "good.cp");
  ASSERT_EQ(Verify(db, {good}).exit_code, 0);
  const std::string note = ReadFile(good);
  const size_t sig_at = note.rfind(' ') + 1;
  std::string blob;
  ASSERT_TRUE(Base64Decode(note.substr(sig_at, note.size() - sig_at - 1), &blob).ok()) << note;
  ASSERT_EQ(blob.size(), 4u + 64u);

  for (size_t byte : {size_t{2}, size_t{4 + 5}, size_t{4 + 63}}) {  // the key id, then the signature
    SCOPED_TRACE("byte " + std::to_string(byte));
    std::string changed = blob;
    changed[byte] ^= 0x01;
    const std::string file = dir_.File("altered.cp");
    WriteFile(file, note.substr(0, sig_at) + Base64Encode(changed) + "\n");
    auto r = Verify(db, {file});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_TRUE(Has(r.err, "verification FAILED")) << r.err;
    EXPECT_TRUE(Has(r.err, "acme.example/ledger+")) << r.err;  // names the ledger's key
  }

  // The same tree (same id, origin, events, recording time) signed by another key named kOrigin.
  const std::string twin = dir_.File("twin.db");
  Append(twin, Events(1, 50), true);
  const std::string other_key = dir_.File("other.key");
  ASSERT_EQ(Nanni({"--db", twin, "key", "init", "--key-file", other_key}).exit_code, 0);
  const std::string foreign = Checkpoint(twin, "foreign.cp", other_key);
  const std::string foreign_note = ReadFile(foreign);
  ASSERT_EQ(foreign_note.substr(0, foreign_note.find("\n\n")), note.substr(0, note.find("\n\n")));
  ASSERT_NE(foreign_note, note);
  auto r = Verify(db, {foreign});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Has(r.err, "not signed by the ledger's key")) << r.err;
}

// ---------------------------------------------------------------------------------------------
// Witnesses.

// Two witnesses, one of which cosigned: quorum 1 holds, quorum 2 (and the default, all) does
// not; once the second cosigns too, quorum 2 holds.
TEST_F(VerifiableLog, VerifyProofCountsWitnessesKOfN) {
  const std::string db = dir_.File("l.db");
  Append(db, Events(1, 50), true);
  Checkpoint(db, "c.cp");
  const std::string w1 = WitnessKey("w1.example"), w2 = WitnessKey("w2.example");
  auto cosigned = Cosign(db, "w1.example", 0, "cos1.cp");
  ASSERT_EQ(cosigned.exit_code, 0) << cosigned.err;
  auto add = Nanni({"--db", db, "checkpoint", "--add", dir_.File("cos1.cp"), "--key-file", key_file_});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  const std::string proof = dir_.File("e.proof");
  ASSERT_EQ(Nanni({"--db", db, "prove", "e17", "--out", proof}).exit_code, 0);

  auto verify_proof = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"verify-proof", proof, "--key", public_key_};
    args.insert(args.end(), extra.begin(), extra.end());
    return Nanni(args);
  };
  auto one = verify_proof({"--witness", w1, "--witness", w2, "--quorum", "1"});
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_TRUE(Has(one.out, "cosigned by w1.example+")) << one.out;
  EXPECT_FALSE(Has(one.out, "cosigned by w2.example")) << one.out;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--witness", w1, "--witness", w2, "--quorum", "2"}, {"--witness", w1, "--witness", w2}}) {
    auto two = verify_proof(args);
    EXPECT_EQ(two.exit_code, 1) << two.out;
    EXPECT_TRUE(Has(two.err, "1 of the 2 witnesses given cosigned the checkpoint; 2 are required")) << two.err;
    EXPECT_EQ(two.out, "");
  }
  auto other = verify_proof({"--witness", w2, "--quorum", "1"});
  EXPECT_EQ(other.exit_code, 1) << other.out;
  EXPECT_TRUE(Has(other.err, "0 of the 1 witnesses")) << other.err;
  EXPECT_EQ(verify_proof({"--witness", w1, "--witness", w2, "--quorum", "3"}).exit_code, 2);

  // The second witness cosigns the same checkpoint (the request carries the first's
  // cosignature too); the proof made after carries both.
  cosigned = Cosign(db, "w2.example", 0, "cos2.cp");
  ASSERT_EQ(cosigned.exit_code, 0) << cosigned.err;
  add = Nanni({"--db", db, "checkpoint", "--add", dir_.File("cos2.cp"), "--key-file", key_file_});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  ASSERT_EQ(Nanni({"--db", db, "prove", "e17", "--out", proof}).exit_code, 0);
  auto both = verify_proof({"--witness", w1, "--witness", w2, "--quorum", "2"});
  EXPECT_EQ(both.exit_code, 0) << both.err;
  EXPECT_TRUE(Has(both.out, "cosigned by w1.example+")) << both.out;
  EXPECT_TRUE(Has(both.out, "cosigned by w2.example+")) << both.out;
}

// A witness's key is a cosignature/v1 key (type 0x04, tlog/note_key.h). Given a log key
// (type 0x01) as --witness, the log's own signature of the note text must not count as a
// witness's cosignature: before the fix it did, and `--witness LOGKEY --quorum 1` passed
// with "cosigned by acme.example/ledger+...".
TEST_F(VerifiableLog, VerifyProofDoesNotCountTheLogsOwnKeyAsAWitness) {
  const std::string db = dir_.File("l.db");
  Append(db, Events(1, 20), true);
  Checkpoint(db, "c.cp");
  const std::string proof = dir_.File("e.proof");
  ASSERT_EQ(Nanni({"--db", db, "prove", "e7", "--out", proof}).exit_code, 0);
  ASSERT_EQ(Nanni({"verify-proof", proof, "--key", public_key_}).exit_code, 0);
  auto r = Nanni({"verify-proof", proof, "--key", public_key_, "--witness", public_key_, "--quorum", "1"});
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_FALSE(Has(r.out, "cosigned by")) << r.out;
  EXPECT_TRUE(Has(r.err, "type 0x01")) << r.err;
}

// A witness that cosigned size 100 refuses a request proving from 0 or 50 (and keeps its
// state); from 100 it cosigns 120.
TEST_F(VerifiableLog, AWitnessRefusesARequestFromAnotherSizeThanItsLast) {
  const std::string db = dir_.File("l.db");
  Append(db, Events(1, 100), true);
  Checkpoint(db, "c100.cp");
  WitnessKey("w.example");
  auto first = Cosign(db, "w.example", 0, "cos.cp");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string state = ReadFile(dir_.File("w.example.state"));
  EXPECT_TRUE(Has(state, "\n100\n")) << state;

  Append(db, Events(101, 120));
  Checkpoint(db, "c120.cp");
  for (uint64_t from : {0, 50}) {
    SCOPED_TRACE("from " + std::to_string(from));
    std::filesystem::remove(dir_.File("refused.cp"));
    auto r = Cosign(db, "w.example", from, "refused.cp");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(Has(r.err, "the request proves from size " + std::to_string(from) +
                               " but this witness last cosigned size 100")) << r.err;
    EXPECT_EQ(ReadFile(dir_.File("w.example.state")), state);
    EXPECT_FALSE(std::filesystem::exists(dir_.File("refused.cp")));
  }
  auto next = Cosign(db, "w.example", 100, "cos120.cp");
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_TRUE(Has(ReadFile(dir_.File("w.example.state")), "\n120\n"));
}

// A witness that cosigned the original ledger at 100 refuses a request from a rewritten
// history of the same origin and key: its consistency proof, valid for that history's own
// trees, does not start from the root the witness saw.
TEST_F(VerifiableLog, AWitnessRefusesAHistoryThatDoesNotExtendWhatItSaw) {
  const std::string db = dir_.File("l.db");
  Append(db, Events(1, 100), true);
  Checkpoint(db, "c100.cp");
  WitnessKey("w.example");
  ASSERT_EQ(Cosign(db, "w.example", 0, "cos.cp").exit_code, 0);
  const std::string state = ReadFile(dir_.File("w.example.state"));

  const std::string rewritten = dir_.File("rewritten.db");
  Append(rewritten, Events(1, 120, /*rewrite=*/40), true);
  Checkpoint(rewritten, "rewritten.cp");
  ASSERT_EQ(Verify(rewritten).exit_code, 0);
  auto r = Cosign(rewritten, "w.example", 100, "refused.cp");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, "the log's checkpoint of 120 entries does not extend the one of 100 this witness cosigned"))
      << r.err;
  EXPECT_EQ(ReadFile(dir_.File("w.example.state")), state);
  EXPECT_FALSE(std::filesystem::exists(dir_.File("refused.cp")));

  // Nor a rewritten history of the very size it saw (an empty proof, another root).
  const std::string same_size = dir_.File("same-size.db");
  Append(same_size, Events(1, 100, /*rewrite=*/40), true);
  Checkpoint(same_size, "same-size.cp");
  r = Cosign(same_size, "w.example", 100, "refused.cp");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(Has(r.err, "the log's checkpoint of 100 entries does not extend the one of 100 this witness cosigned"))
      << r.err;
  EXPECT_EQ(ReadFile(dir_.File("w.example.state")), state);
  EXPECT_FALSE(std::filesystem::exists(dir_.File("refused.cp")));

  // The honest ledger grown to the same size is accepted.
  Append(db, Events(101, 120));
  Checkpoint(db, "c120.cp");
  auto ok = Cosign(db, "w.example", 100, "cos120.cp");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

// ---------------------------------------------------------------------------------------------
// What a proof holds, and what `prove` says.

struct StoredEvent {
  uint64_t seq;
  std::string id, account, body;
  int64_t recorded;
};

std::vector<StoredEvent> StoredEvents(const std::string& db) {
  std::unique_ptr<SqliteStore> store;
  Status st = SqliteStore::Open(db, StoreMode::kReadOnly, &store);
  if (!st.ok()) throw std::runtime_error(st.ToString());
  std::vector<StoredEvent> out;
  uint64_t size = 0;
  st = store->Size(AccessScope::All(), &size);
  if (st.ok()) st = store->Scan(AccessScope::All(), 1, size + 1, [&](const LedgerEntry& e) {
    out.push_back({e.seq, std::string(e.index.source_id), std::string(e.index.account), std::string(e.body),
                   e.recorded_utc_micros});
    return Status::OK();
  });
  if (!st.ok()) throw std::runtime_error(st.ToString());
  return out;
}

// For a sample of a generated portfolio's events: the extra data is exactly that event's
// leaf fields and stored body, and neither the bundle's text nor its decoded extra data holds
// any other account's name or any of its events' ids. In a ledger made to hold a secret in
// one account, a proof of the other's event holds nothing of it.
TEST_F(VerifiableLog, AProofHoldsItsOneEventAndNothingOfAnyOtherAccount) {
  const std::string db = dir_.File("l.db");
  ASSERT_EQ(Nanni({"--db", db, "init", "--origin", kOrigin}).exit_code, 0);
  ASSERT_EQ(Nanni({"generate", "--seed", "11", "--accounts", "20", "--months", "6", "--out", dir_.File("p.ndjson")})
                .exit_code, 0);
  ASSERT_EQ(Nanni({"--db", db, "import", "--no-progress", dir_.File("p.ndjson")}).exit_code, 0);
  Checkpoint(db, "c.cp");
  const std::vector<StoredEvent> events = StoredEvents(db);
  ASSERT_GT(events.size(), 2000u);
  std::set<std::string> accounts;
  for (const StoredEvent& e : events) accounts.insert(e.account);
  ASSERT_EQ(accounts.size(), 20u);

  std::string ledger_id;
  {
    std::unique_ptr<SqliteStore> store;
    ASSERT_TRUE(SqliteStore::Open(db, StoreMode::kReadOnly, &store).ok());
    ledger_id = store->LedgerId();
  }
  size_t checked = 0;
  for (size_t i = 0; i < events.size(); i += 97) {
    const StoredEvent& x = events[i];
    SCOPED_TRACE(x.id);
    const std::string file = dir_.File("e.proof");
    ASSERT_EQ(Nanni({"--db", db, "prove", x.id, "--out", file}).exit_code, 0);
    const std::string text = ReadFile(file);
    ProofBundle bundle;
    ASSERT_TRUE(ParseProofBundle(text, &bundle).ok()) << text;
    EventLeaf leaf;
    ASSERT_TRUE(DecodeEventLeaf(bundle.extra, &leaf).ok());
    EXPECT_EQ(leaf, (EventLeaf{ledger_id, x.seq, x.recorded, x.body}));
    EXPECT_EQ(bundle.extra, EncodeEventLeaf(leaf));
    for (const StoredEvent& y : events) {
      if (y.account == x.account) continue;
      ASSERT_FALSE(Has(text, y.id) || Has(bundle.extra, y.id)) << "holds " << y.id;
    }
    for (const std::string& account : accounts) {  // quoted: "maple-health" is part of "maple-health-2"
      if (account == x.account) continue;
      const std::string quoted = "\"" + account + "\"";
      ASSERT_FALSE(Has(text, quoted) || Has(bundle.extra, quoted)) << "holds " << account;
    }
    ++checked;
  }
  EXPECT_GT(checked, 20u);

  const std::string two = dir_.File("two.db");
  ASSERT_EQ(Nanni({"--db", two, "init", "--origin", kOrigin}).exit_code, 0);
  std::string ndjson;
  for (int i = 1; i <= 40; ++i) {
    const bool secret = i % 2 == 0;
    ndjson += "{\"id\":\"" + std::string(secret ? "zz-" : "a-") + std::to_string(i) + "\",\"account\":\"" +
              (secret ? "initrode" : "acme") + "\",\"time\":\"2026-03-02T09:14:00Z\",\"kind\":\"note\",\"text\":\"" +
              (secret ? "merger codename BLUEHERON" : "hello") + "\"}\n";
  }
  WriteFile(dir_.File("two.ndjson"), ndjson);
  ASSERT_EQ(Nanni({"--db", two, "import", "--no-progress", dir_.File("two.ndjson")}).exit_code, 0);
  Checkpoint(two, "two.cp");  // its origin is kOrigin too: the same key signs it
  for (int i = 1; i <= 40; i += 2) {
    const std::string file = dir_.File("a.proof");
    ASSERT_EQ(Nanni({"--db", two, "prove", "a-" + std::to_string(i), "--out", file}).exit_code, 0);
    const std::string text = ReadFile(file);
    ProofBundle bundle;
    ASSERT_TRUE(ParseProofBundle(text, &bundle).ok());
    for (const char* secret : {"initrode", "BLUEHERON", "zz-"}) {
      EXPECT_FALSE(Has(text, secret) || Has(bundle.extra, secret)) << "a-" << i << " holds " << secret;
    }
  }
}

// Proving an id the ledger does not hold; an event before any checkpoint, or after the last.
TEST_F(VerifiableLog, ProveSaysWhatIsMissing) {
  const std::string db = dir_.File("l.db");
  Append(db, Events(1, 10), true);
  auto unknown = Nanni({"--db", db, "prove", "no-such-event", "--out", dir_.File("x.proof")});
  EXPECT_EQ(unknown.exit_code, 3);
  EXPECT_TRUE(Has(unknown.err, "no event 'no-such-event' in the ledger")) << unknown.err;
  auto none = Nanni({"--db", db, "prove", "e3", "--out", dir_.File("x.proof")});
  EXPECT_EQ(none.exit_code, 3);
  EXPECT_TRUE(Has(none.err, "no checkpoint covers 3 events yet: `nanni checkpoint` signs one")) << none.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.File("x.proof")));

  const std::string c10 = Checkpoint(db, "c10.cp");
  Append(db, Events(11, 15));
  EXPECT_EQ(Nanni({"--db", db, "prove", "e3", "--out", dir_.File("e3.proof")}).exit_code, 0);
  auto after = Nanni({"--db", db, "prove", "e12"});
  EXPECT_EQ(after.exit_code, 3);
  EXPECT_TRUE(Has(after.err, "no checkpoint covers 12 events yet: `nanni checkpoint` signs one")) << after.err;
  auto older = Nanni({"--db", db, "prove", "e12", "--checkpoint", c10});
  EXPECT_EQ(older.exit_code, 2);
  EXPECT_TRUE(Has(older.err, "the checkpoint covers 10 events, not event 12")) << older.err;
  EXPECT_EQ(Nanni({"--db", db, "prove", "e3", "--consistency-from", "2"}).exit_code, 2);
  EXPECT_EQ(Nanni({"--db", db, "prove"}).exit_code, 2);
}

}  // namespace
}  // namespace nanni
