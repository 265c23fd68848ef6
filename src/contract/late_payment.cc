#include "contract/late_payment.h"

#include <fmt/format.h>

#include <map>

#include "contract/rules.h"

namespace nanni {

namespace {

struct Invoice {
  const CaseEvent* invoice = nullptr;
  std::vector<const CaseEvent*> payments;  // in time order
};

std::map<std::string, Invoice> Invoices(const ContractInput& in) {
  std::map<std::string, Invoice> out;
  for (const CaseEvent& c : in.events) {
    const Event& e = c.event;
    if (e.time.utc_micros > in.as_of_utc_micros) continue;
    const std::string* key = e.StringAttr("invoice");
    const std::string* currency = e.StringAttr("currency");
    if (key == nullptr || currency == nullptr || *currency != in.terms.currency) continue;
    if (e.kind == EventKind::kInvoice) out[*key].invoice = &c;
    if (e.kind == EventKind::kPayment) out[*key].payments.push_back(&c);
  }
  return out;
}

// The statute's flat fee in the terms' currency, or -1 when the statute sets none in it.
int64_t StatutoryFee(InterestRule rule, const std::string& currency, int64_t debt_minor) {
  if (rule == InterestRule::kEu && currency == "EUR") return 4000;
  if (rule == InterestRule::kUk && currency == "GBP") {
    return debt_minor < 100000 ? 4000 : debt_minor < 1000000 ? 7000 : 10000;
  }
  return -1;
}

class InvoiceCheck {
 public:
  InvoiceCheck(const ContractInput& in, const ReferenceRates& rates, const Invoice& inv, std::vector<Finding>* out,
               std::vector<std::string>* notes)
      : in_(in), p_(in.terms.payment), rates_(rates), inv_(inv), out_(out), notes_(notes) {}

  void Run() {
    const Event& e = inv_.invoice->event;
    const int64_t amount = *e.IntAttr("amount_minor");
    if (amount <= 0) return;
    const int64_t due = Due();
    if (due < in_.from_utc_micros || due >= in_.to_utc_micros) return;
    Finding f = Start(rules::kLateInterest, due);
    f.steps.push_back(fmt::format("invoice {} of {} minor units is due {}{}", *e.StringAttr("invoice"), amount,
                                  FormatUtc(due), p_.net_days >= 0 ? fmt::format(" ({} days net)", p_.net_days) : ""));
    const int64_t due_day = in_.clock.LocalDay(due);
    Millionths rate = 0;
    const bool rated = Rate(due_day + 1, &rate, &f);  // false: a note says why; the fee is owed all the same
    int64_t outstanding = amount, last_day = due_day;
    __int128 interest_e6 = 0;  // sum of outstanding x rate x days, rounded once at the end
    bool late = false;
    for (const CaseEvent* pay : inv_.payments) {
      if (outstanding <= 0) break;
      const int64_t paid = *pay->event.IntAttr("amount_minor");
      const int64_t day = in_.clock.LocalDay(pay->event.time.utc_micros);
      f.events.push_back(StoredId(*pay));
      if (day > last_day) {
        if (rated) interest_e6 += Accrue(outstanding, rate, day - last_day, &f);
        last_day = day;
        late = true;
      }
      f.steps.push_back(fmt::format("paid {} on {} ({})", paid, FormatUtc(pay->event.time.utc_micros), StoredId(*pay)));
      outstanding -= paid;
    }
    if (outstanding > 0) {
      const int64_t today = in_.clock.LocalDay(in_.as_of_utc_micros);
      if (today > last_day) {
        if (rated) interest_e6 += Accrue(outstanding, rate, today - last_day, &f);
        late = true;
      }
      f.steps.push_back(fmt::format("{} still unpaid at {}", outstanding, FormatUtc(in_.as_of_utc_micros)));
    }
    const int64_t interest = RoundedInterest(interest_e6);
    f.breach = late;
    f.amount_minor = interest;
    f.steps.push_back(late            ? fmt::format("interest owed: the sum / 365, rounded once: {}", interest)
                      : outstanding > 0 ? "not due yet: no interest so far"
                                        : "paid by the due date: no interest");
    if (rated) out_->push_back(f);
    if (late) Fee(f, amount);
  }

 private:
  int64_t Due() const {
    const Event& e = inv_.invoice->event;
    if (p_.net_days < 0) return e.TimeAttr("due")->utc_micros;
    return e.time.utc_micros + p_.net_days * kMicrosPerDay;
  }

  Finding Start(std::string_view rule, int64_t due) const {
    Finding f;
    f.rule = std::string(rule);
    f.month = MonthLabel(in_.clock, due);
    f.subject = *inv_.invoice->event.StringAttr("invoice");
    f.ours = false;
    f.events.push_back(StoredId(*inv_.invoice));
    return f;
  }

  // The yearly rate: fixed, or the reference rate of the half-year interest starts in plus the margin.
  bool Rate(int64_t first_late_day, Millionths* rate, Finding* f) {
    if (p_.interest == InterestRule::kNone) {
      *rate = 0;
      f->steps.push_back("the terms charge no interest");
      return true;
    }
    if (p_.interest == InterestRule::kFixed) {
      *rate = p_.rate;
      f->steps.push_back(fmt::format("late interest {} % a year, simple, from the day after the due date", PercentText(*rate)));
      return true;
    }
    const char* statute = p_.interest == InterestRule::kEu ? "eu" : "uk";
    Millionths reference = 0;
    Status st = rates_.RateFor(statute, first_late_day, &reference);
    if (!st.ok()) {
      notes_->push_back(fmt::format("invoice {}: {}", f->subject, st.message()));
      return false;
    }
    *rate = reference + p_.rate;
    f->steps.push_back(fmt::format("late interest {} %: the {} reference rate {} % plus {} points, simple, from the day after the due date",
                                   PercentText(*rate), p_.interest == InterestRule::kEu ? "ECB" : "Bank of England",
                                   PercentText(reference), PercentText(p_.rate)));
    return true;
  }

  // outstanding x rate x days (rate in millionths); the caller divides the sum by 365 x 10^6.
  __int128 Accrue(int64_t outstanding, Millionths rate, int64_t days, Finding* f) const {
    f->steps.push_back(fmt::format("{} x {} % x {} day(s) late", outstanding, PercentText(rate), days));
    return static_cast<__int128>(outstanding) * rate * days;
  }

  static int64_t RoundedInterest(__int128 sum) {
    const __int128 den = static_cast<__int128>(365) * kWhole;
    const __int128 q = (sum + den / 2) / den;  // sum >= 0: half up is half away from zero
    return q > INT64_MAX ? INT64_MAX : static_cast<int64_t>(q);
  }

  void Fee(const Finding& interest, int64_t amount) {
    int64_t fee = p_.flat_fee_minor;
    Finding f = Start(rules::kLateFee, 0);
    f.month = interest.month;
    f.events = {interest.events.front()};
    if (p_.statutory_fee) {
      fee = StatutoryFee(p_.interest, in_.terms.currency, amount);
      if (fee < 0) {
        notes_->push_back(fmt::format("invoice {}: the statute sets no flat fee in {}", f.subject, in_.terms.currency));
        return;
      }
      f.steps.push_back(fmt::format("the statute's flat fee for a late debt of {}: {}", amount, fee));
    } else if (fee > 0) {
      f.steps.push_back(fmt::format("the terms' flat fee per late invoice: {}", fee));
    } else {
      return;
    }
    f.breach = true;
    f.amount_minor = fee;
    out_->push_back(std::move(f));
  }

  const ContractInput& in_;
  const PaymentTerms& p_;
  const ReferenceRates& rates_;
  const Invoice& inv_;
  std::vector<Finding>* out_;
  std::vector<std::string>* notes_;
};

}  // namespace

void CheckLatePayments(const ContractInput& in, const ReferenceRates& rates, std::vector<Finding>* out,
                       std::vector<std::string>* notes) {
  if (!in.terms.payment.present) return;
  for (const auto& [key, inv] : Invoices(in)) {
    if (inv.invoice != nullptr) InvoiceCheck(in, rates, inv, out, notes).Run();
  }
}

}  // namespace nanni
