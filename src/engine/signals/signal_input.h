// What every signal detector reads about one account (docs/triage.md): the account's events
// in effect at the moment (an AccountView over the analytic index), its economics, the
// portfolio's delivery norms, the thresholds of the config and the business clock. The
// detectors live in the files of this folder, one concern each; each appends the signals it
// finds, with their evidence by seq (the engine cites their ids).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "casefile/business_clock.h"
#include "config/triage_settings.h"
#include "engine/account_view.h"
#include "engine/contact_text.h"
#include "engine/economics.h"
#include "engine/triage.h"

namespace nanni {

// How long we take to deliver, across the portfolio: for each `what` of a deadline or a
// commitment of ours, the median business seconds from when it was set to its kept outcome.
struct DeliveryNorms {
  std::unordered_map<uint32_t, int64_t> median_by_what;  // what string id -> business seconds
  std::unordered_map<uint32_t, size_t> count_by_what;
  int64_t median_all = 0;
  size_t count_all = 0;
};

struct SignalInput {
  const AccountView& view;
  const AccountEconomics& economics;
  const DeliveryNorms& norms;
  const SignalSettings& settings;
  const BusinessClock& clock;
  std::string_view currency;  // of the economics figures
  int64_t window_days;        // of the economics figures

  double Get(std::string_view signal, std::string_view key) const { return settings.Get(signal, key); }
  // The start of a signal's window: as_of minus its window_days.
  int64_t WindowStart(std::string_view signal) const;
};

// The evidence of position i of the view, with a note.
Evidence EvidenceAt(const AccountView& v, size_t i, std::string note);
// Keeps at most `max` evidence items, the most recent ones, oldest first.
void KeepRecent(std::vector<Evidence>* evidence, size_t max = 12);

void DetectMoneySignals(const SignalInput& in, std::vector<Signal>* out);     // negative_margin, late_payer
void DetectContactSignals(const SignalInput& in, std::vector<Signal>* out);   // abusive_contact, hostile_stakeholder, legal_risk
void DetectLevelSignals(const SignalInput& in, std::vector<Signal>* out);     // level_gap
void DetectPromiseSignals(const SignalInput& in, std::vector<Signal>* out);   // stalled_deal, broken_promises, impossible_deadline
void DetectDemandSignals(const SignalInput& in, std::vector<Signal>* out);    // quick_wins, discount_badgering
void DetectAdvocateSignals(const SignalInput& in, std::vector<Signal>* out);  // advocate

// let_go, from the signals the others found.
void DetectLetGo(const SignalInput& in, std::vector<Signal>* signals);

}  // namespace nanni
