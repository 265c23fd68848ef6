// nanni events ACCOUNT: one account's events in time order, filtered by kind and time.
#include <fmt/format.h>

#include <cstdio>

#include "event/event_decoder.h"
#include "ledger/leaf.h"
#include "main/cli.h"
#include "main/event_line.h"
#include "util/json_out.h"
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

// The entry's leaf hash in the ledger's tree (ledger/leaf.h).
Digest LeafHashOf(const Digest& identity, const LedgerEntry& entry) {
  return EntryLeafHash(identity, entry.seq, entry.recorded_utc_micros, Sha256::Of(entry.body));
}

Status PrintText(Engine* engine, const EventQuery& query) {
  EventDecoder decoder;
  Event e;
  uint64_t n = 0;
  const Digest identity = IdentityDigest(engine->store()->Identity());
  NANNI_RETURN_IF_ERROR(engine->Events(AccessScope::All(), query, [&](const LedgerEntry& entry) -> Status {
    Status st = decoder.Decode(entry.body, &e);
    if (!st.ok()) return Status::Corruption(fmt::format("event {}: {}", entry.seq, st.message()));
    fmt::print("{}  {:<18}  {:<7}  {:<34}  {}  [#{} {}]\n",
               ShortTime(e.time.utc_micros, e.time.offset_minutes), SpecOf(e.kind).name,
               e.channel, WhoLine(e), WhatLine(e, 70), entry.seq, ToHex(LeafHashOf(identity, entry), 4));
    ++n;
    return Status::OK();
  }));
  if (n == 0) fmt::print("no events match\n");
  return Status::OK();
}

// Streams the events as JSON: each stored body is itself the event's canonical JSON.
Status PrintJson(Engine* engine, const EventQuery& query) {
  JsonOut json([](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); });
  json.BeginObject().Field("account", query.account).Key("events").BeginArray();
  const Digest identity = IdentityDigest(engine->store()->Identity());
  NANNI_RETURN_IF_ERROR(engine->Events(AccessScope::All(), query, [&](const LedgerEntry& entry) {
    json.BeginObject().Field("seq", entry.seq).Field("leaf_hash", ToHex(LeafHashOf(identity, entry)))
        .Field("recorded", FormatUtc(entry.recorded_utc_micros)).Key("event").RawValue(entry.body).EndObject();
    return Status::OK();
  }));
  json.EndArray().EndObject().Raw("\n");
  json.Flush();
  return Status::OK();
}

Status RunEvents(const GlobalOptions& global, const EventsFlags& flags) {
  EventQuery query;
  query.account = flags.account;
  for (const std::string& k : flags.kinds) {
    if (FindKind(k) == nullptr) {
      return Status::InvalidArgument(fmt::format("--kind: unknown kind '{}'\nhint: kinds are listed "
                                                 "in docs/events.md (request, response, call, ...)",
                                                 Printable(k)));
    }
    query.kinds.push_back(k);
  }
  if (!flags.since.empty()) NANNI_RETURN_IF_ERROR(ParseFlagTime("--since", flags.since, &query.since_utc_micros));
  if (!flags.until.empty()) NANNI_RETURN_IF_ERROR(ParseFlagTime("--until", flags.until, &query.until_utc_micros));
  query.limit = flags.limit;
  std::unique_ptr<Engine> engine;
  NANNI_RETURN_IF_ERROR(OpenEngine(global, LedgerAccess::kRead, &engine));
  return global.json ? PrintJson(engine.get(), query) : PrintText(engine.get(), query);
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
