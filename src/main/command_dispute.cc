// nanni dispute: rule on a claim from the record, with proofs; check a ruling with no ledger.
#include <fmt/format.h>

#include "ledger/checkpoint_log.h"
#include "main/cli.h"
#include "main/ledger_keys.h"
#include "render/contract_render.h"
#include "tlog/key_file.h"
#include "util/json_out.h"
#include "util/text_file.h"

namespace nanni::cli {

namespace {

constexpr size_t kMaxDocumentBytes = 256 << 20;

struct DisputeFlags {
  std::string file;  // the claim, or the ruling
  std::string as_of;
  std::string checkpoint;
  std::string key_file;
  std::string key;
  std::string out = "-";
};

// The checkpoint a ruling's proofs are against: the one given, else the latest kept one
// that covers the evidence, else a new one signed with the ledger's key.
Engine::CheckpointSource Checkpoints(Engine* engine, const GlobalOptions& global, const DisputeFlags& flags) {
  return [engine, &global, &flags](uint64_t min_size, std::string* note) -> Status {
    if (!flags.checkpoint.empty()) return FlagError("--checkpoint", ReadTextFile(flags.checkpoint, note, 1 << 20));
    if (LatestCheckpointNote(engine->store(), min_size, note).ok()) return Status::OK();
    const std::string key_file = LedgerKeyFile(flags.key_file, engine->store()->LedgerId());
    NANNI_RETURN_IF_ERROR(CheckKeyFileOutsideLedger(global, key_file));
    NoteSigner key;
    NANNI_RETURN_IF_ERROR(LoadLedgerSigner(key_file, &key));
    return IssueCheckpoint(engine->store(), key, NowMicros(), note);
  };
}

Status RunRule(const GlobalOptions& global, const DisputeFlags& flags) {
  std::string text;
  NANNI_RETURN_IF_ERROR(FlagError("CLAIM", ReadTextFile(flags.file, &text, kMaxDocumentBytes)));
  Claim claim;
  Status st = ParseClaim(text, &claim);
  if (!st.ok()) return Status::InvalidInput(fmt::format("{}: {}", flags.file, st.message()));
  ReportMoment moment;
  NANNI_RETURN_IF_ERROR(ParseMoment(flags.as_of, "", &moment));
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kWrite, &engine));
  Ruling ruling;
  NANNI_RETURN_IF_ERROR(engine->RuleClaim(AccessScope::All(), claim, moment, Checkpoints(engine.get(), global, flags), &ruling));
  fmt::print(stderr, "{}", RulingText(ruling));
  ProtectedFiles protect = ProtectedFor(global);
  protect.Add(flags.file, "the claim");
  if (!flags.checkpoint.empty()) protect.Add(flags.checkpoint, "the checkpoint");
  protect.Add(LedgerKeyFile(flags.key_file, engine->store()->LedgerId()), "the ledger's secret key");
  return WriteOutputFile("--out", flags.out, protect, FormatRuling(ruling));
}

Status RunCheck(const GlobalOptions& global, const DisputeFlags& flags) {
  std::string text;
  NANNI_RETURN_IF_ERROR(FlagError("RULING", ReadTextFile(flags.file, &text, kMaxDocumentBytes)));
  NoteVerifier key;
  NANNI_RETURN_IF_ERROR(FlagError("--key", ReadVerifierKey(flags.key, &key)));
  RulingCheck report;
  Status st = CheckRuling(text, key, ReferenceRates::Embedded(), &report);
  if (st.code() == Status::Code::kInvalidInput) return Status::InvalidInput(fmt::format("{}: {}", flags.file, st.message()));
  if (global.json) {
    JsonOut json;
    json.BeginObject().Key("ok").Bool(st.ok()).Field("error", st.ok() ? std::string() : st.message());
    json.Key("evidence").Int(static_cast<int64_t>(report.evidence)).Field("checkpoint_size", report.checkpoint_size);
    json.Field("origin", report.origin).Field("verdict", report.verdict).Key("awarded_minor").Int(report.awarded_minor);
    json.Field("currency", report.currency).Key("differences").BeginArray();
    for (const std::string& d : report.differences) json.String(d);
    json.EndArray().EndObject().Raw("\n");
    fmt::print("{}", json.Take());
  } else if (report.evidence > 0 || !report.differences.empty()) {
    fmt::print("{}", RulingCheckText(report));
  }
  if (!report.differences.empty()) {
    return Status::Corruption(fmt::format("the ruling does not hold: {} difference(s) from what its evidence gives",
                                          report.differences.size()));
  }
  return st;
}

}  // namespace

void RegisterDisputeCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<DisputeFlags>();
  CLI::App* cmd = app.add_subcommand("dispute", "Rule on a contract claim from the record; check a ruling without the ledger");
  cmd->require_subcommand(1);
  cmd->footer(
      "A claim is a JSON document (docs/contracts.md, docs/schemas/claim.schema.json) that a\n"
      "person or a software agent writes: who claims what, for which period, under which terms.\n"
      "`rule` decides it from the account's record under the terms recorded there, and writes a\n"
      "ruling: the verdict, the amount, every step, and each event it rests on with its\n"
      "inclusion proof against a signed checkpoint. `check` needs only the ruling and the\n"
      "ledger's public key: it verifies every proof, recomputes the decision from the proven\n"
      "events and says where it differs, if anywhere.\n\n"
      "Examples:\n  nanni dispute rule claim.json --out ruling.json\n"
      "  nanni dispute check ruling.json --key \"$(nanni key show | tail -1)\"");
  CLI::App* rule = cmd->add_subcommand("rule", "Decide a claim from the record and prove its evidence");
  rule->add_option("CLAIM", flags->file, "The claim, a JSON file")->required();
  rule->add_option("--as-of", flags->as_of, "Decide on the record as of this time (default: now; recorded in the ruling)");
  rule->add_option("--checkpoint", flags->checkpoint,
                   "Prove against this signed checkpoint (default: the latest kept one that covers the "
                   "evidence, else a new one signed with the ledger's key)");
  rule->add_option("--key-file", flags->key_file, "The ledger's secret key, to sign a new checkpoint (see `nanni key`)");
  rule->add_option("--out", flags->out, "Write the ruling here instead of stdout");
  OnChosen(rule, run, [&global, flags] { return RunRule(global, *flags); });
  CLI::App* check = cmd->add_subcommand("check", "Verify a ruling's proofs and recompute it, with no ledger");
  check->add_option("RULING", flags->file, "The ruling, a JSON file")->required();
  check->add_option("--key", flags->key, "The ledger's public key (its text, or a file holding it)")->required();
  OnChosen(check, run, [&global, flags] { return RunCheck(global, *flags); });
}

}  // namespace nanni::cli
