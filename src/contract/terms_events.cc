#include "contract/terms_events.h"

namespace nanni {

std::vector<Event> TermsEvents(const Terms& terms, const std::string& account, const Timestamp& time,
                               const std::string& source_file) {
  std::vector<Event> out;
  const std::string text = FormatTerms(terms);
  const std::string digest = TermsDigest(text);
  Event& c = out.emplace_back();
  c.id = ContractEventId(terms, digest);
  c.account = account;
  c.time = time;
  c.kind = EventKind::kContract;
  c.subject = "Contract terms " + terms.contract;
  c.text = text;
  c.source = SourceRef{source_file, 0, terms.contract};
  c.SetAttr("contract", terms.contract);
  c.SetAttr("currency", terms.currency);
  c.SetAttr("starts", terms.starts);
  if (terms.ends) c.SetAttr("ends", *terms.ends);
  c.SetAttr("terms_sha256", digest);
  for (const Obligation& o : terms.obligations) {
    Event& e = out.emplace_back();
    e.id = ObligationEventId(terms, o);
    e.account = account;
    e.time = time;
    e.kind = EventKind::kCommitment;
    e.subject = o.what;
    e.source = SourceRef{source_file, 0, terms.contract};
    e.SetAttr("due", o.due);
    e.SetAttr("owner", o.owner);
    e.SetAttr("what", o.what);
  }
  return out;
}

}  // namespace nanni
