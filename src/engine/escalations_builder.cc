#include "engine/escalations_builder.h"

namespace nanni {

Status EscalationsBuilder::Build(const AccessScope& scope, const ReportMoment& moment, Escalations* out) {
  (void)scope;
  *out = Escalations();
  out->as_of = moment.as_of;
  out->currency = costs_.currency;
  return Status::OK();
}

}  // namespace nanni
