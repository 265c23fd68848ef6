#include "casefile/case_counts.h"

namespace nanni {

CaseCounts CountCase(const CaseFile& cf) {
  CaseCounts n;
  n.events = cf.chronology.size();
  n.requests = cf.requests.size();
  n.answered = cf.overall.answered;
  n.open = cf.overall.open;
  for (const PromiseItem& p : cf.commitments) {
    (p.owner == "ours" ? n.commitments_ours : n.commitments_theirs)++;
    if (p.status == "broken") ++n.broken;
  }
  n.deadlines = cf.deadlines.size();
  n.incidents = cf.incidents.size();
  for (const IncidentItem& i : cf.incidents) n.downtime_s += i.downtime_s;
  n.escalations = cf.escalations.size();
  n.invoices = cf.invoices.size();
  for (const InvoiceItem& i : cf.invoices) n.unpaid += i.outstanding_minor > 0 ? 1 : 0;
  n.discount_requests = cf.discount_requests.size();
  n.calls = cf.calls.size();
  return n;
}

}  // namespace nanni
