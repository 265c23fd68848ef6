// nanni demo: build a demo ledger from a generated portfolio and show what nanni does with it.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "casefile/briefing_builder.h"
#include "event/event_decoder.h"
#include "import/ndjson_source.h"
#include "ledger/checkpoint_log.h"
#include "ledger/event_proof.h"
#include "tlog/proof_bundle.h"
#include "main/cli.h"
#include "main/event_line.h"
#include "render/contract_render.h"
#include "render/renderers.h"
#include "render/triage_render.h"
#include "render/tone_render.h"
#include "storage/open_store.h"
#include "util/printable.h"
#include "util/time.h"

namespace nanni::cli {

namespace {

struct DemoFlags {
  GeneratorOptions options;
  std::string db;  // empty: nanni-demo.db, replaced on every run
  size_t timeline = 12;
};

void Heading(const std::string& text) { fmt::print("\n== {} ==\n", text); }

// Removes a previous demo ledger (and its WAL files). Only ever called on the demo's own path.
void RemoveLedgerFiles(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

void ShowPortfolio(Engine* engine) {
  Portfolio portfolio;
  ReportMoment moment;
  moment.as_of = Timestamp{NowMicros(), 0};
  if (!engine->Portfolio(AccessScope::All(), moment, &portfolio).ok()) return;
  SortPortfolio("events", &portfolio.rows);
  Heading(fmt::format("Portfolio: {} accounts, the 8 most active (nanni portfolio)", portfolio.rows.size()));
  fmt::print("  {:<36} {:>6} {:>8} {:>5} {:>12}  {}\n", "account", "events", "requests", "open",
             "response p50", "first .. last");
  for (size_t i = 0; i < portfolio.rows.size() && i < 8; ++i) {
    const PortfolioRow& r = portfolio.rows[i];
    fmt::print("  {:<36} {:>6} {:>8} {:>5} {:>11.1f}h  {} .. {}\n", Printable(r.account, 36), r.counts.events,
               r.counts.requests, r.counts.open, r.response_calendar.median_s / 3600.0,
               ShortTime(r.first_event.utc_micros).substr(0, 10), ShortTime(r.last_event.utc_micros).substr(0, 10));
  }
}

void ShowSituations(const GeneratorTruth& truth) {
  Heading("Situations planted in this portfolio (nanni's later capabilities find them)");
  for (const PlantedSituation& s : truth.situations) {
    std::string accounts;
    for (const auto& a : s.accounts) accounts += (accounts.empty() ? "" : ", ") + a;
    fmt::print("  {:<24} {}\n  {:<24} {}\n", s.name, Printable(accounts, 70), "",
               Printable(s.description, 90));
  }
}

// True when `contact` (an email or id) sent or received `e`.
bool Involves(const Event& e, const std::string& contact) {
  auto is = [&](const Contact& c) { return c.email == contact || c.id == contact; };
  if (e.from && is(*e.from)) return true;
  for (const Contact& c : e.to) {
    if (is(c)) return true;
  }
  return false;
}

// The latest `limit` events of `account` that involve `contact` (all events if empty).
Status ShowTimeline(Engine* engine, const std::string& account, const std::string& contact,
                    size_t limit) {
  Heading(fmt::format("Timeline of {}{}: the latest {} events", account,
                      contact.empty() ? "" : " with " + contact, limit));
  std::vector<Event> tail;
  EventDecoder decoder;
  EventQuery query;
  query.account = account;
  NANNI_RETURN_IF_ERROR(engine->Events(AccessScope::All(), query, [&](const LedgerEntry& entry) -> Status {
    Event e;
    NANNI_RETURN_IF_ERROR(decoder.Decode(entry.body, &e));
    if (!contact.empty() && !Involves(e, contact)) return Status::OK();
    tail.push_back(std::move(e));
    if (tail.size() > limit) tail.erase(tail.begin());
    return Status::OK();
  }));
  for (const Event& e : tail) {
    fmt::print("  {}  {:<18} {:<36} {}\n", ShortTime(e.time.utc_micros, e.time.offset_minutes),
               SpecOf(e.kind).name, WhoLine(e), WhatLine(e, 80));
    if (e.from && e.from->side == Side::kTheirs && !e.text.empty()) {
      fmt::print("  {:16}  {:<18} \"{}\"\n", "", "", Printable(e.text, 100));
    }
  }
  return Status::OK();
}

// The case file (without its chronology, calls and answered requests) and the briefing of
// `account`, and how to get them whole.
Status ShowCase(Engine* engine, const std::string& account) {
  ReportMoment moment;
  moment.as_of = Timestamp{NowMicros(), 0};
  CaseReport report;
  NANNI_RETURN_IF_ERROR(engine->CaseFile(AccessScope::All(), account, moment, &report));
  RenderOptions render;
  std::vector<RequestItem> all = report.case_file.requests;
  std::erase_if(report.case_file.requests, [](const RequestItem& r) { return r.answered; });
  Heading(fmt::format("Case file of {} (open requests only; calls and chronology left out here)", account));
  std::string text = RenderCase(report.case_file, ReportFormat::kText, render);
  size_t calls = text.find("\n== Calls ==");
  fmt::print("{}", calls == std::string::npos ? text : text.substr(0, calls + 1));
  report.case_file.requests = std::move(all);
  Heading(fmt::format("Briefing on {}", account));
  Briefing b = BriefingBuilder().Build(report.case_file, report.events);
  fmt::print("{}", RenderBriefing(b, ReportFormat::kText, render));
  return Status::OK();
}

// The triage of the portfolio as of the end of its history: the accounts that need
// something now, the planted situations among them.
Status ShowTriage(Engine* engine, int64_t as_of) {
  ReportMoment moment;
  moment.as_of = Timestamp{as_of, 0};
  Triage triage;
  NANNI_RETURN_IF_ERROR(engine->Triage(AccessScope::All(), moment, &triage));
  Heading("Triage: who needs what, now (nanni triage, as of the end of the history)");
  fmt::print("{}", TriageText(triage, 10));
  return Status::OK();
}

// Signs a checkpoint with a throwaway key, proves the account's first event against it and
// checks the proof as a customer would, with the public key only. Writes the proof and the
// key beside the demo's ledger for `nanni verify-proof` to try.
Status ShowProof(Engine* engine, const NoteSigner& key, const std::string& account, const std::string& base) {
  Heading("The record, provable: a signed checkpoint and one event's proof");
  std::string note, id, proof;
  NANNI_RETURN_IF_ERROR(IssueCheckpoint(engine->store(), key, NowMicros(), &note));
  fmt::print("checkpoint, signed with a throwaway key (`nanni key init` makes a real one):\n{}", note);
  EventQuery first;
  first.account = account;
  first.limit = 1;
  NANNI_RETURN_IF_ERROR(engine->Events(AccessScope::All(), first, [&](const LedgerEntry& e) {
    id = std::string(e.index.source_id);
    return Status::OK();
  }));
  NANNI_RETURN_IF_ERROR(ProveEvent(engine->store(), AccessScope::Only({account}), id, note, &proof));
  ProvenEvent proven;
  NANNI_RETURN_IF_ERROR(VerifyEventProof(proof, key.verifier(), {}, 0, &proven));
  ProofBundle bundle;
  NANNI_RETURN_IF_ERROR(ParseProofBundle(proof, &bundle));
  const std::string proof_file = base + "-event.tlog-proof", key_file = base + ".pub";
  NANNI_RETURN_IF_ERROR(WriteOutputFile("--out", proof_file, ProtectedFiles(), proof));
  NANNI_RETURN_IF_ERROR(WriteOutputFile("--out", key_file, ProtectedFiles(), key.verifier().Text() + "\n"));
  fmt::print("the proof that event {} (seq {}) is in it holds, checked with the public key alone;\n"
             "it carries that event and {} hashes, nothing of any other: nanni verify-proof {} --key {}\n",
             Printable(id), proven.leaf.seq, bundle.path.size(), proof_file, key_file);
  return Status::OK();
}

// The finding of `rule` owed to the claimant with the largest amount over all checks, or null.
const Finding* Largest(const std::vector<ContractCheck>& checks, std::string_view rule, const ContractCheck** in) {
  const Finding* best = nullptr;
  for (const ContractCheck& c : checks) {
    for (const Finding& f : c.findings) {
      if (f.rule == rule && f.breach && (best == nullptr || f.amount_minor > best->amount_minor)) {
        best = &f;
        *in = &c;
      }
    }
  }
  return best;
}

// One claim on the largest finding of `rule`, ruled on, written beside the ledger, and checked
// as the other side would: from the ruling alone, with the public key.
Status ShowRuling(Engine* engine, const NoteSigner& key, const std::vector<ContractCheck>& checks, std::string_view rule,
                  const std::string& claimant, int64_t as_of, const std::string& file) {
  const ContractCheck* check = nullptr;
  const Finding* f = Largest(checks, rule, &check);
  if (f == nullptr) return Status::OK();
  Claim claim;
  claim.claimant = claimant;
  claim.account = check->account;
  claim.contract = check->contract;
  claim.asks.push_back(ClaimAsk{f->rule, f->subject, f->amount_minor});
  claim.statement = fmt::format("{} asks {} for {} under {}", claimant, f->subject, f->rule, check->contract);
  ReportMoment moment;
  moment.as_of = Timestamp{as_of, 0};
  Ruling ruling;
  NANNI_RETURN_IF_ERROR(engine->RuleClaim(AccessScope::All(), claim, moment, [&](uint64_t, std::string* note) {
    return IssueCheckpoint(engine->store(), key, NowMicros(), note);
  }, &ruling));
  fmt::print("\n{}", RulingText(ruling));
  const std::string text = FormatRuling(ruling);
  NANNI_RETURN_IF_ERROR(WriteOutputFile("--out", file, ProtectedFiles(), text));
  RulingCheck report;
  NANNI_RETURN_IF_ERROR(CheckRuling(text, key.verifier(), ReferenceRates::Embedded(), &report));
  fmt::print("  checked from {} alone with the public key: {}", file, RulingCheckText(report));
  return Status::OK();
}

// The portfolio's contracts checked whole, then two disputes settled from the record: the
// largest uptime credit a customer is owed, and the largest late interest owed to us.
Status ShowDisputes(Engine* engine, const NoteSigner& key, int64_t as_of, const std::string& base) {
  Heading("Contracts: what each side owes under the terms (nanni contract check --all)");
  ReportMoment moment;
  moment.as_of = Timestamp{as_of, 0};
  std::vector<ContractCheck> checks;
  NANNI_RETURN_IF_ERROR(engine->ContractCheckAll(AccessScope::All(), moment, ContractPeriod(), false, &checks));
  int64_t breaches = 0;
  for (const ContractCheck& c : checks) {
    for (const Finding& f : c.findings) breaches += f.breach;
  }
  fmt::print("  {} contracts checked, {} breaches on either side\n", checks.size(), breaches);
  Heading("Disputes settled from the record, with proofs (nanni dispute rule / check)");
  NANNI_RETURN_IF_ERROR(ShowRuling(engine, key, checks, "uptime.credit", "customer", as_of, base + "-uptime.ruling.json"));
  return ShowRuling(engine, key, checks, "payment.interest", "provider", as_of, base + "-interest.ruling.json");
}

Status RunDemo(const DemoFlags& flags) {
  std::string db = flags.db.empty() ? "nanni-demo.db" : flags.db;
  std::string base = db.size() > 3 && db.substr(db.size() - 3) == ".db" ? db.substr(0, db.size() - 3) : db;
  std::string ndjson = base + ".ndjson", truth_path = base + "-truth.json";
  if (flags.db.empty()) {
    RemoveLedgerFiles(db);
  }

  fmt::print("nanni demo: a generated portfolio of {} accounts over {} months (seed {})\n",
             flags.options.accounts, flags.options.months, flags.options.seed);
  GeneratorTruth truth;
  int64_t t0 = NowMicros();
  ProtectedFiles protect;
  protect.AddLedger(db, "the demo's ledger");
  NANNI_RETURN_IF_ERROR(GenerateToFile(flags.options, ndjson, truth_path, protect, &truth));
  fmt::print("  generated {} events into {} in {:.1f} s\n", truth.events, ndjson, (NowMicros() - t0) / 1e6);

  {
    std::unique_ptr<LedgerStore> created;
    Status st = OpenLedgerStore(db, StoreMode::kCreate, &created);
    if (st.code() == Status::Code::kConflict) {
      return st.WithSuffix("\nhint: the demo builds a fresh ledger; remove it or pick another --db");
    }
    NANNI_RETURN_IF_ERROR(st);
  }
  Engine::Options options;
  options.location = db;
  options.mode = StoreMode::kReadWrite;
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(Engine::Open(std::move(options), &engine));
  std::vector<std::unique_ptr<EventSource>> sources;
  std::unique_ptr<NdjsonSource> source;
  NANNI_RETURN_IF_ERROR(NdjsonSource::Open(ndjson, NdjsonSource::Options(), &source));
  sources.push_back(std::move(source));
  ImportSummary summary;
  NANNI_RETURN_IF_ERROR(engine->Import(std::move(sources), ImportOptions(), &summary));
  fmt::print("  imported into the ledger {}: {} added in {:.1f} s ({:.0f} events/s)\n", db,
             summary.added, summary.seconds, summary.added / std::max(summary.seconds, 1e-6));

  VerifyReport report;
  IndexCheck index;
  t0 = NowMicros();
  NANNI_RETURN_IF_ERROR(engine->Verify(nullptr, &report, &index));
  fmt::print("  verified the Merkle tree and the analytic index: {} events in {:.1f} s\n", report.checked,
             (NowMicros() - t0) / 1e6);
  fmt::print("  tree root {} over {} events\n", ToHex(report.head.root), report.head.size);

  ShowPortfolio(engine.get());
  ShowSituations(truth);
  // The abusive customer makes the point of the product: show that account's exchanges with
  // the person who abuses us, as facts.
  std::string focus = truth.accounts.empty() ? "" : truth.accounts.front(), contact;
  for (const PlantedSituation& s : truth.situations) {
    if (s.name != "abusive_customer" || s.accounts.empty()) continue;
    focus = s.accounts.front();
    if (!s.contacts.empty()) contact = s.contacts.front();
  }
  if (!focus.empty()) NANNI_RETURN_IF_ERROR(ShowTimeline(engine.get(), focus, contact, flags.timeline));
  if (!focus.empty()) NANNI_RETURN_IF_ERROR(ShowCase(engine.get(), focus));
  NoteSigner key;  // a throwaway key: `nanni key init` makes a real one
  NANNI_RETURN_IF_ERROR(NoteSigner::Generate(engine->store()->Identity().origin, NoteKeyType::kEd25519, &key));
  if (!focus.empty()) NANNI_RETURN_IF_ERROR(ShowProof(engine.get(), key, focus, base));
  NANNI_RETURN_IF_ERROR(ShowDisputes(engine.get(), key, flags.options.end_utc_micros, base));

  Heading("Tone: the contacts whose words stand out (nanni tone --all)");
  ToneReport tone;
  ReportMoment now;
  now.as_of = Timestamp{NowMicros(), 0};
  NANNI_RETURN_IF_ERROR(engine->PortfolioTone(AccessScope::All(), now, 0, &tone));
  fmt::print("{}", PortfolioToneText(tone, 3));

  Heading("Try next");
  fmt::print("  nanni --db {} case {} --format html --out {}-case.html   (open it in a browser, "
             "print it)\n", db, focus, focus);
  fmt::print("  nanni --db {} brief {} --format md --out {}-brief.md\n", db, focus, focus);
  fmt::print("  nanni --db {} tone --account {}   (each contact's tone, month by month)\n", db, focus);
  fmt::print("  nanni --db {} portfolio --sort open   (every account's figures)\n", db);
  fmt::print("  nanni --db {} accounts --sort events\n", db);
  fmt::print("  nanni --db {} events {} --kind request,response\n", db, focus);
  fmt::print("  nanni --db {} verify\n", db);
  fmt::print("  nanni --db {} --json checkpoint\n", db);
  const std::string end = FormatRfc3339(Timestamp{flags.options.end_utc_micros, 0}).substr(0, 10);
  fmt::print("  nanni --db {} triage --as-of {} --format html --out triage.html   (the Pareto chart)\n", db, end);
  fmt::print("  nanni --db {} signals ACCOUNT --as-of {}   (one account's signals, every piece of evidence)\n", db, end);
  fmt::print("  nanni --db {} economics --as-of {}   and   escalations --as-of {}\n", db, end, end);
  fmt::print("  nanni --db {} contract check --all --as-of {}   (every contract, both sides' breaches)\n", db, end);
  fmt::print("  nanni dispute check {}-uptime.ruling.json --key {}.pub   (no ledger needed)\n", base, base);
  return ShowTriage(engine.get(), flags.options.end_utc_micros);
}

}  // namespace

void RegisterDemoCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<DemoFlags>();
  flags->options.accounts = 60;
  flags->options.months = 12;
  CLI::App* cmd = app.add_subcommand("demo", "Build a demo ledger and show what nanni does with it");
  cmd->add_option("--seed", flags->options.seed, "Random seed")->capture_default_str();
  cmd->add_option("--accounts", flags->options.accounts, "How many accounts")->capture_default_str();
  cmd->add_option("--months", flags->options.months, "Months of history")->capture_default_str();
  cmd->add_option("--timeline", flags->timeline, "Events shown in the timeline")->capture_default_str();
  cmd->footer(
      "Generates a portfolio (nanni generate), imports it into a fresh ledger, verifies the\n"
      "chain, and shows the portfolio, the planted situations and one account's timeline.\n"
      "Without --db it writes nanni-demo.db (replacing the previous demo) and keeps the\n"
      "generated nanni-demo.ndjson and nanni-demo-truth.json beside it.\n\n"
      "Example:\n  nanni demo --accounts 200 --months 24");
  cmd->callback([&global, &app, run, flags] {
    // --db given explicitly names the demo's ledger, which must not exist yet.
    if (app.get_option("--db")->count() > 0) flags->db = global.db;
    *run = [flags] { return RunDemo(*flags); };
  });
}

}  // namespace nanni::cli
