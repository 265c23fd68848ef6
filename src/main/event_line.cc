#include "main/event_line.h"

#include <fmt/format.h>

#include "util/printable.h"

namespace nanni::cli {

namespace {

int64_t IntOr0(const Event& e, std::string_view name) {
  const int64_t* v = e.IntAttr(name);
  return v ? *v : 0;
}

std::string StringOr(const Event& e, std::string_view name, const std::string& fallback) {
  const std::string* v = e.StringAttr(name);
  return v ? *v : fallback;
}

}  // namespace

std::string WhoLine(const Event& e) {
  if (!e.from) return "";
  const Contact& c = *e.from;
  std::string who = !c.name.empty() ? c.name : !c.email.empty() ? c.email : c.id;
  std::string level = LevelName(c.level);
  return fmt::format("{} ({}{}{})", Printable(who, 40), SideName(c.side),
                     level.empty() ? "" : ", ", level);
}

std::string WhatLine(const Event& e, size_t width) {
  std::string what = !e.subject.empty() ? e.subject : e.text;
  switch (e.kind) {
    case EventKind::kCall:
      what = fmt::format("{}, {} s in queue, {} s handled", StringOr(e, "outcome", ""),
                         IntOr0(e, "queue_wait_s"), IntOr0(e, "handle_s"));
      break;
    case EventKind::kInvoice:
    case EventKind::kPayment:
      what = fmt::format("{} {}.{:02} for invoice {}", StringOr(e, "currency", ""),
                         IntOr0(e, "amount_minor") / 100, std::abs(IntOr0(e, "amount_minor") % 100),
                         StringOr(e, "invoice", ""));
      break;
    case EventKind::kCommitment:
    case EventKind::kDeadline:
      what = StringOr(e, "what", what);
      break;
    case EventKind::kCommitmentOutcome:
      what = fmt::format("{}: {}", StringOr(e, "status", ""), what);
      break;
    case EventKind::kIncident:
      what = fmt::format("{} {}", StringOr(e, "phase", ""), StringOr(e, "what", what));
      break;
    case EventKind::kEscalation:
      what = StringOr(e, "about", what);
      break;
    default:
      break;
  }
  return Printable(what, width);
}

}  // namespace nanni::cli
