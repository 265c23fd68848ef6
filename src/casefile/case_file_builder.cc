#include "casefile/case_file_builder.h"

#include <deque>
#include <memory>

#include "casefile/case_calls.h"
#include "casefile/case_chronology.h"
#include "casefile/case_counts.h"
#include "casefile/case_discounts.h"
#include "casefile/case_escalations.h"
#include "casefile/case_incidents.h"
#include "casefile/case_invoices.h"
#include "casefile/case_promises.h"
#include "casefile/case_requests.h"
#include "casefile/linked_events.h"
#include "casefile/people_index.h"

namespace nanni {

Status CaseFileBuilder::Build(const std::string& account, const Timestamp& as_of,
                              const std::vector<CaseEvent>& events, CaseFile* out) const {
  CaseFile& cf = *out;
  cf = CaseFile();
  cf.account = account;
  cf.as_of = as_of;
  const LinkedEvents linked(events);
  auto people = std::make_shared<std::deque<CasePerson>>();
  PeopleIndex index(people.get());
  cf.people = people;

  cf.chronology = BuildChronology(linked, &index);
  cf.requests = BuildRequests(linked, clock_, as_of, &index);
  cf.by_channel = TimeStatsByChannel(cf.requests);
  cf.by_level = TimeStatsByLevel(cf.requests);
  cf.overall = OverallTimeStats(cf.requests);
  cf.commitments = BuildPromises(linked, EventKind::kCommitment, as_of, &index);
  cf.deadlines = BuildPromises(linked, EventKind::kDeadline, as_of, &index);
  cf.incidents = BuildIncidents(linked, as_of);
  cf.escalations = BuildEscalations(linked, &index);
  NANNI_RETURN_IF_ERROR(BuildInvoices(linked, as_of, &cf.invoices));
  cf.discount_requests = BuildDiscountRequests(linked, &index);
  cf.calls = BuildCalls(linked, &index);
  cf.counts = CountCase(cf);
  return Status::OK();
}

}  // namespace nanni
