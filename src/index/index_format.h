// How the analytic index is stored: ten derived streams (ledger/ledger_store.h) of blocks,
// each block describing the same range of seqs in every stream it has data for
// (docs/index.md, "Storage").
//
//   index.facts      one Fact per event, then the block's table of recording times
//   index.calls      CallFact, index.money MoneyFact, index.promises PromiseFact,
//   index.incidents  IncidentFact, index.contracts ContractFact, index.escalations
//                    EscalationFact, index.tone ToneFact: the side records of the range
//   index.strings    the strings first used in the range, in id order
//   index.links      fixups of earlier links that the range resolves, then the links of the
//                    range to ids the ledger did not hold yet
//
// Each block starts with a BlockHeader. Records are written as they are in memory (the index
// is derived data of this machine: little-endian only, rebuilt elsewhere). Every block carries
// the format version and the fingerprint of what read the customers' words (the tone model and
// the chase phrases, Engine::index_fingerprint): a block made by another version, with other
// tone weights or other chase phrases makes the index stale, to be rebuilt.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/facts.h"
#include "util/status.h"

namespace nanni {

static_assert(std::endian::native == std::endian::little, "the analytic index is little-endian");

namespace index_stream {
constexpr std::string_view kPrefix = "index.";
constexpr std::string_view kFacts = "index.facts";
constexpr std::string_view kCalls = "index.calls";
constexpr std::string_view kMoney = "index.money";
constexpr std::string_view kPromises = "index.promises";
constexpr std::string_view kIncidents = "index.incidents";
constexpr std::string_view kContracts = "index.contracts";
constexpr std::string_view kEscalations = "index.escalations";
constexpr std::string_view kTone = "index.tone";
constexpr std::string_view kStrings = "index.strings";
constexpr std::string_view kLinks = "index.links";
// Every stream but the facts, in the order a snapshot loads them (strings first).
constexpr std::string_view kAfterFacts[] = {kStrings, kCalls, kMoney, kPromises, kIncidents,
                                            kContracts, kEscalations, kTone, kLinks};
}  // namespace index_stream

constexpr uint32_t kIndexFormatVersion = 3;  // 2: contracts, escalations, promise `what`, threat kinds; 3: 32-byte CallFact

struct BlockHeader {
  char magic[4] = {'N', 'I', 'X', 'B'};
  uint32_t version = kIndexFormatVersion;
  uint64_t tone_model = 0;  // ToneModel::Fingerprint() of the weights the tone facts used
  uint64_t count = 0;       // records (facts, strings, fixups) that follow
};
static_assert(sizeof(BlockHeader) == 24);

// A link of the range to an id the ledger did not hold yet.
struct PendingLink {
  uint32_t seq = 0;
  LinkKind kind = LinkKind::kReplyTo;
  std::string target;  // the id it names
};

// Appends records to a block's bytes.
class BlockBytes {
 public:
  explicit BlockBytes(const BlockHeader& header) { Put(&header, sizeof header); }
  template <typename T>
  void Records(std::span<const T> records) {
    Put(records.data(), records.size_bytes());
  }
  void U32(uint32_t v) { Put(&v, sizeof v); }
  void I64(int64_t v) { Put(&v, sizeof v); }
  void String(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    Put(s.data(), s.size());
  }
  const std::string& bytes() const { return bytes_; }

 private:
  void Put(const void* data, size_t size) { bytes_.append(static_cast<const char*>(data), size); }
  std::string bytes_;
};

// Reads a block's bytes; every read is checked against the end, so a short or damaged block is
// a Corruption, never a read past it.
class BlockReader {
 public:
  BlockReader(std::string_view stream, std::string_view bytes) : stream_(stream), bytes_(bytes) {}

  Status Header(BlockHeader* header);
  template <typename T>
  Status Records(uint64_t count, std::vector<T>* out) {
    if (count > (bytes_.size() - pos_) / sizeof(T)) return Short();
    if (count == 0) return Status::OK();  // an empty vector's data() may be null
    size_t old = out->size();
    out->resize(old + count);
    std::memcpy(out->data() + old, bytes_.data() + pos_, count * sizeof(T));
    pos_ += count * sizeof(T);
    return Status::OK();
  }
  Status U32(uint32_t* v) { return Get(v, sizeof *v); }
  Status I64(int64_t* v) { return Get(v, sizeof *v); }
  Status String(std::string* s);
  // Corruption unless every byte was read.
  Status End() const;

 private:
  Status Get(void* out, size_t size);
  Status Short() const;

  std::string_view stream_;
  std::string_view bytes_;
  size_t pos_ = 0;
};

}  // namespace nanni
