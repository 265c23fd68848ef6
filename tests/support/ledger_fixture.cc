#include "support/ledger_fixture.h"

#include <sqlite3.h>

#include <stdexcept>

namespace nanni::test {

namespace {

// An EventSource over a vector, for driving the importer in tests.
class VectorSource : public EventSource {
 public:
  explicit VectorSource(std::vector<Event> events) : events_(std::move(events)) {}
  Status Next(Event* event, bool* done) override {
    *done = next_ == events_.size();
    if (!*done) *event = events_[next_++];
    return Status::OK();
  }
  uint64_t Position() const override { return next_; }
  std::string DescribePosition(uint64_t p) const override { return "vector:" + std::to_string(p); }
  SourceLocation Locate(uint64_t p) const override { return {"vector", p}; }
  uint64_t units_read() const override { return next_; }
  std::string_view unit_name() const override { return "events"; }
  uint64_t bytes_read() const override { return next_; }
  uint64_t total_bytes() const override { return events_.size(); }

 private:
  std::vector<Event> events_;
  size_t next_ = 0;
};

}  // namespace

Event MakeEvent(int i, const std::string& account) {
  Event e;
  e.id = "e" + std::to_string(i);
  e.account = account;
  e.kind = EventKind::kMessage;
  e.time = Timestamp{1'770'000'000'000'000 + int64_t{i} * 60'000'000, 60};
  e.text = "message number " + std::to_string(i);
  Contact c;
  c.name = "Dana";
  c.side = Side::kTheirs;
  c.level = Level::kUser;
  e.from = c;
  return e;
}

std::unique_ptr<SqliteStore> NewLedger(const std::string& path) {
  std::unique_ptr<SqliteStore> store;
  Status st = SqliteStore::Create(path, LedgerIdentity{kTestLedgerId, ""}, &store);
  if (!st.ok()) throw std::runtime_error(st.ToString());
  return store;
}

Status ImportVector(LedgerStore* store, const std::vector<Event>& events, ImportSummary* summary,
                    int64_t recorded_utc_micros) {
  std::vector<std::unique_ptr<EventSource>> sources;
  sources.push_back(std::make_unique<VectorSource>(events));
  ImportOptions options;
  options.progress = false;
  options.recorded_utc_micros = recorded_utc_micros;
  return ImportEvents(store, std::move(sources), options, summary);
}

std::string TamperWithSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  std::string all =
      "DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete; "
      "DROP TRIGGER IF EXISTS ledger_meta_no_update; DROP TRIGGER IF EXISTS ledger_meta_no_delete; "
      "DROP TRIGGER IF EXISTS checkpoints_no_update; DROP TRIGGER IF EXISTS checkpoints_no_delete; " + sql;
  char* err = nullptr;
  std::string result;
  if (sqlite3_exec(db, all.c_str(), nullptr, nullptr, &err) != SQLITE_OK) result = err ? err : "error";
  sqlite3_free(err);
  sqlite3_close(db);
  return result;
}

TreeHead HeadOf(const std::string& path) {
  std::unique_ptr<SqliteStore> store;
  Status st = SqliteStore::Open(path, StoreMode::kReadWrite, &store);
  if (!st.ok()) throw std::runtime_error(st.ToString());
  TreeHead head;
  st = store->Head(AccessScope::All(), &head);
  if (!st.ok()) throw std::runtime_error(st.ToString());
  return head;
}

}  // namespace nanni::test
