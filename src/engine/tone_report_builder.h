// ToneReportBuilder: a ToneReport from the tone facts of the analytic index, through the layer
// every analysis shares (ledger/effective_events.h). The messages are not scored again: the
// index holds their scores from the import; only the few standouts are, to quote their words
// and reasons, through a function that reads their events.
#pragma once

#include <functional>

#include "engine/tone_report.h"
#include "index/index_snapshot.h"
#include "ledger/access_scope.h"
#include "ledger/effective_events.h"
#include "tone/tone_model.h"

namespace nanni {

class ToneReportBuilder {
 public:
  // Scores the message of event `seq` again, in full.
  using Rescore = std::function<Status(uint64_t seq, ToneScore* score)>;

  // `index` must be loaded with kIndexTone and finished; everything given must outlive it.
  ToneReportBuilder(const IndexSnapshot& index, const ToneModel& model, Rescore rescore)
      : index_(index), model_(model), rescore_(std::move(rescore)) {}

  // `account` ("" for every account the scope allows), keeping `standouts` per category.
  Status Build(const AccessScope& scope, const std::string& account, const ReportMoment& moment,
               size_t standouts, ToneReport* out);

 private:
  const IndexSnapshot& index_;
  const ToneModel& model_;
  Rescore rescore_;
};

}  // namespace nanni
