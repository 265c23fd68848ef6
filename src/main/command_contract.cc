// nanni contract: record an account's terms in the ledger, and check them against its record.
#include <fmt/format.h>

#include "contract/terms_events.h"
#include "import/memory_source.h"
#include "main/analysis_command.h"
#include "render/contract_render.h"
#include "util/printable.h"
#include "util/text_file.h"

namespace nanni::cli {

namespace {

struct ContractFlags {
  std::string account;
  std::string terms_file;
  std::string time;  // contract add: when the terms were agreed ("" = now)
  bool all = false;
  bool met = false;
  std::string period;
  AnalysisFlags analysis;
};

// An id of the terms' events is already in the ledger with other content. Ids are unique in
// the ledger: the contract event's is the contract number and the terms' hash, an obligation's
// commitment the contract number and the obligation's id.
Status TermsConflict(const Status& st, const Terms& terms, const std::string& account, const std::string& contract_id) {
  const std::string why =
      st.message().find(fmt::format("'{}'", contract_id)) != std::string::npos
          ? fmt::format("these terms of contract {} are already recorded, at another time or for another account "
                        "(`nanni contract check {}` shows what is in effect)", Printable(terms.contract), Printable(account))
          : fmt::format("an obligation of contract {} is already recorded under other terms: revised terms give "
                        "a changed obligation an id of its own", Printable(terms.contract));
  return Status::Conflict(fmt::format("{}\n{}\nnothing was recorded; the ledger is unchanged", st.message(), why));
}

Status RunAdd(const GlobalOptions& global, const ContractFlags& flags) {
  std::string text;
  NANNI_RETURN_IF_ERROR(FlagError("TERMS", ReadTextFile(flags.terms_file, &text, 1 << 20)));
  Terms terms;
  NANNI_RETURN_IF_ERROR(ParseTerms(text, flags.terms_file, &terms));
  Timestamp when{NowMicros(), 0};
  if (!flags.time.empty()) NANNI_RETURN_IF_ERROR(FlagError("--time", ParseRfc3339(flags.time, &when)));
  std::vector<Event> events = TermsEvents(terms, flags.account, when, flags.terms_file);
  const std::string id = events.front().id, digest = *events.front().StringAttr("terms_sha256");
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kWrite, &engine));
  std::vector<std::unique_ptr<EventSource>> sources;
  sources.push_back(std::make_unique<MemorySource>(flags.terms_file, std::move(events)));
  ImportOptions options;
  options.progress = false;
  ImportSummary summary;
  Status st = engine->Import(std::move(sources), options, &summary);
  if (st.code() == Status::Code::kConflict) return TermsConflict(st, terms, flags.account, id);
  if (!st.ok()) return st.WithSuffix("\nnothing was recorded; the ledger is unchanged");
  if (summary.added == 0) {
    fmt::print("the terms of contract {} for {} were already recorded, as event {}; nothing was added\nterms_sha256 {}\n",
               terms.contract, flags.account, id, digest);
    return Status::OK();
  }
  fmt::print("recorded the terms of contract {} for {} as event {}\nterms_sha256 {}\n", terms.contract, flags.account, id, digest);
  if (!terms.obligations.empty()) {
    fmt::print("{} obligation(s), each a commitment its delivery (a commitment_outcome) refers to:\n", terms.obligations.size());
    for (const Obligation& o : terms.obligations) fmt::print("  {}\n", ObligationEventId(terms, o));
  }
  return Status::OK();
}

Status RunCheck(const GlobalOptions& global, const ContractFlags& flags) {
  if (flags.all == !flags.account.empty()) return Status::InvalidArgument("give an ACCOUNT, or --all (not both)");
  ContractPeriod period;
  NANNI_RETURN_IF_ERROR(FlagError("--period", ParseContractPeriod(flags.period, &period)));
  return RunAnalysis(global, flags.analysis, [&](Engine* engine, const ReportMoment& moment, std::string* body) {
    std::vector<ContractCheck> checks;
    if (flags.all) {
      NANNI_RETURN_IF_ERROR(engine->ContractCheckAll(AccessScope::All(), moment, period, flags.met, &checks));
    } else {
      NANNI_RETURN_IF_ERROR(engine->ContractCheck(AccessScope::All(), flags.account, moment, period, &checks));
      if (!flags.met && global.json) {
        for (ContractCheck& c : checks) std::erase_if(c.findings, [](const Finding& f) { return !f.breach; });
      }
    }
    TextOrJson(
        global.json, [&] { return ContractChecksText(checks, flags.met); },
        [&](JsonOut* json) { WriteContractChecksJson(checks, json); }, body);
    return Status::OK();
  });
}

}  // namespace

void RegisterContractCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<ContractFlags>();
  CLI::App* cmd = app.add_subcommand("contract", "Record an account's contract terms; check them against the record");
  cmd->require_subcommand(1);
  cmd->footer(
      "Terms are a TOML file (docs/contracts.md): response targets per priority and channel on\n"
      "business hours, uptime credit tiers with caps, payment terms with late interest (a fixed\n"
      "rate, or the EU or UK statute) and flat fees, obligations with penalties per period of\n"
      "delay. `add` records them as a contract event whose text is their canonical form and\n"
      "whose terms_sha256 is its hash; `check` applies them to the account's record.\n\n"
      "Examples:\n  nanni contract add acme terms/acme-2026.toml --time 2026-01-01T00:00:00Z\n"
      "  nanni contract check acme --period 2026-03\n  nanni --json contract check --all --out contracts.json");
  CLI::App* add = cmd->add_subcommand("add", "Record terms for an account (a contract event, and a commitment per obligation)");
  add->add_option("ACCOUNT", flags->account, "The account")->required();
  add->add_option("TERMS", flags->terms_file, "The terms, a TOML file")->required();
  add->add_option("--time", flags->time, "When the terms were agreed, RFC 3339 (default: now)");
  OnChosen(add, run, [&global, flags] { return RunAdd(global, *flags); });
  CLI::App* check = cmd->add_subcommand("check", "What the terms say each side owes, from the record");
  check->add_option("ACCOUNT", flags->account, "The account");
  check->add_flag("--all", flags->all, "Every account whose record holds terms");
  check->add_option("--period", flags->period, "YYYY, YYYY-MM or FROM..TO (TO excluded; dates in the terms' time zone; default: the whole term)");
  check->add_flag("--met", flags->met, "Also list the rules that were met, each with its computation");
  AddAnalysisOptions(check, &flags->analysis, 0);
  check->footer(
      "Every breach on either side: our missed response targets and downtime beyond the\n"
      "commitment (credits owed to the customer), their late payments (interest and fees owed\n"
      "to us) and missed obligations, each with the rule, the computation step by step and the\n"
      "events it rests on. Money is integer minor units, rounded once, half away from zero.");
  OnChosen(check, run, [&global, flags] { return RunCheck(global, *flags); });
}

}  // namespace nanni::cli
