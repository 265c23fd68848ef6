// nanni events ACCOUNT: one account's events in time order, filtered by kind and time.
#include <fmt/format.h>

#include <cstdio>

#include "event/canonical.h"
#include "event/event_decoder.h"
#include "main/cli.h"
#include "main/event_line.h"
#include "util/printable.h"
#include "util/time.h"

namespace nanni::cli {

namespace {

struct EventsFlags {
  std::string account;
  std::vector<std::string> kinds;
  std::string since, until;
  uint64_t limit = 0;
};

Status PrintText(SqliteStore* store, const EventQuery& query) {
  EventDecoder decoder;
  Event e;
  uint64_t n = 0;
  NANNI_RETURN_IF_ERROR(store->Query(query, [&](const LedgerEntry& entry) -> Status {
    Status st = decoder.Decode(entry.body, &e);
    if (!st.ok()) return Status::Corruption(fmt::format("event {}: {}", entry.seq, st.message()));
    fmt::print("{}  {:<18}  {:<7}  {:<34}  {}  [#{} {}]\n",
               ShortTime(e.time.utc_micros, e.time.offset_minutes), SpecOf(e.kind).name,
               e.channel, WhoLine(e), WhatLine(e, 70), entry.seq, ToHex(entry.hash, 4));
    ++n;
    return Status::OK();
  }));
  if (n == 0) fmt::print("no events match\n");
  return Status::OK();
}

Status PrintJson(SqliteStore* store, const EventQuery& query) {
  std::string out = "{\"account\":";
  AppendJsonString(query.account, &out);
  out += ",\"events\":[";
  bool first = true;
  NANNI_RETURN_IF_ERROR(store->Query(query, [&](const LedgerEntry& entry) {
    out += first ? "" : ",";
    first = false;
    fmt::format_to(std::back_inserter(out), "{{\"seq\":{},\"hash\":\"{}\",\"recorded\":\"{}\",\"event\":",
                   entry.seq, ToHex(entry.hash), FormatUtc(entry.recorded_utc_micros));
    out.append(entry.body);  // the canonical encoding is itself the event's JSON
    out += '}';
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
    return Status::OK();
  }));
  out += "]}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return Status::OK();
}

Status CheckAccountExists(SqliteStore* store, const std::string& account) {
  EventQuery any;
  any.account = account;
  any.limit = 1;
  bool found = false;
  NANNI_RETURN_IF_ERROR(store->Query(any, [&](const LedgerEntry&) {
    found = true;
    return Status::OK();
  }));
  if (found) return Status::OK();
  return Status::NotFound(fmt::format("no account '{}' in the ledger\nhint: `nanni accounts` "
                                      "lists them", Printable(account)));
}

Status RunEvents(const GlobalOptions& global, const EventsFlags& flags) {
  EventQuery query;
  query.account = flags.account;
  for (const std::string& k : flags.kinds) {
    if (FindKind(k) == nullptr) {
      return Status::InvalidInput(fmt::format("--kind: unknown kind '{}'\nhint: kinds are listed "
                                              "in docs/events.md (request, response, call, ...)",
                                              Printable(k)));
    }
    query.kinds.push_back(k);
  }
  if (!flags.since.empty()) {
    NANNI_RETURN_IF_ERROR(ParseTimeBound(flags.since, &query.since_utc_micros).WithPrefix("--since"));
  }
  if (!flags.until.empty()) {
    NANNI_RETURN_IF_ERROR(ParseTimeBound(flags.until, &query.until_utc_micros).WithPrefix("--until"));
  }
  query.limit = flags.limit;
  std::unique_ptr<SqliteStore> store;
  NANNI_RETURN_IF_ERROR(OpenLedger(global, LedgerAccess::kRead, &store));
  NANNI_RETURN_IF_ERROR(CheckAccountExists(store.get(), flags.account));
  return global.json ? PrintJson(store.get(), query) : PrintText(store.get(), query);
}

}  // namespace

void RegisterEventsCommand(CLI::App& app, GlobalOptions& global, CommandRun* run) {
  auto flags = std::make_shared<EventsFlags>();
  CLI::App* cmd = app.add_subcommand("events", "One account's events in time order");
  cmd->add_option("ACCOUNT", flags->account, "The account (as `nanni accounts` lists it)")->required();
  cmd->add_option("--kind", flags->kinds, "Only these kinds (repeat or comma-separate)")->delimiter(',');
  cmd->add_option("--since", flags->since, "From this time on (RFC 3339, or YYYY-MM-DD in UTC)");
  cmd->add_option("--until", flags->until, "Before this time (RFC 3339, or YYYY-MM-DD in UTC)");
  cmd->add_option("--limit", flags->limit, "At most this many events");
  cmd->footer(
      "Times are shown in the offset the source wrote them with. Each line ends with the\n"
      "event's ledger sequence number and hash prefix, so it can be checked.\n\n"
      "Examples:\n  nanni events northwind-logistics --kind request,response --since 2026-01-01\n"
      "  nanni --json events northwind-logistics --until 2026-03-01T00:00:00+01:00");
  OnChosen(cmd, run, [&global, flags] { return RunEvents(global, *flags); });
}

}  // namespace nanni::cli
