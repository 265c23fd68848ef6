#include "tone/tone_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <tuple>

#include "tone/tone_tokenizer.h"
#include "util/sha256.h"

namespace nanni {

namespace {

constexpr const char* kStyleNames[ToneModel::kStyles] = {
    "style:caps", "style:exclaim", "style:exclaim_repeat", "style:question", "style:question_repeat"};

// Calls fn(line_number, fields) for every non-comment line, split on tabs.
Status ForEachLine(const ToneDataFile& file,
                   const std::function<Status(const std::string&, const std::vector<std::string_view>&)>& fn) {
  std::string_view text = file.text;
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    size_t f = 0;
    while (true) {
      size_t tab = line.find('\t', f);
      fields.push_back(line.substr(f, tab == std::string_view::npos ? std::string_view::npos : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    NANNI_RETURN_IF_ERROR(fn(fmt::format("{}:{}", file.name, line_no), fields));
  }
  return Status::OK();
}

uint64_t BigramKey(uint32_t a, uint32_t b) { return (static_cast<uint64_t>(a) << 32) | b; }

// FNV-1a, then a multiply to spread the low bits: words are short.
inline size_t WordHash(std::string_view w) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : w) h = (h ^ c) * 1099511628211ull;
  return static_cast<size_t>((h * 0x9E3779B97F4A7C15ull) >> 17);
}

}  // namespace

uint32_t ToneModel::FindWord(std::string_view word) const {
  if (slots_.empty()) return kNone;
  size_t mask = slots_.size() - 1;
  size_t h = WordHash(word) & mask;
  while (true) {
    uint32_t s = slots_[h];
    if (s == 0) return kNone;
    const auto& [off, len] = spans_[s - 1];
    if (len == word.size() && std::string_view(arena_).substr(off, len) == word) return s - 1;
    h = (h + 1) & mask;
  }
}

uint32_t ToneModel::FindMasked(std::string_view word) const {
  // Masked words are rare: a scan of the words that start a lexicon phrase is cheap enough.
  for (uint32_t id = 0; id < words_.size(); ++id) {
    if (words_[id].phrase_count == 0) continue;
    const std::string_view w = WordText(id);
    if (w.size() != word.size()) continue;
    bool same = true;
    for (size_t k = 0; k < w.size() && same; ++k) same = word[k] == '*' || word[k] == w[k];
    if (same) return id;
  }
  return kNone;
}

namespace {

constexpr size_t kMaxVariant = 48;  // longer words are not looked up again

// Writes `w` to `out` with every run of three or more of one letter cut to `keep`, and a
// doubled last letter to one ("soooo" -> "soo" or "so", "stupidd" -> "stupid"); its length.
size_t CutRuns(std::string_view w, size_t keep, char* out) {
  size_t n = 0;
  for (size_t i = 0; i < w.size();) {
    size_t j = i;
    while (j < w.size() && w[j] == w[i]) ++j;
    const size_t run = j - i;
    const size_t kept = run >= 3 ? keep : (run == 2 && j == w.size()) ? 1 : run;
    for (size_t k = 0; k < kept; ++k) out[n++] = w[i];
    i = j;
  }
  return n;
}

}  // namespace

uint32_t ToneModel::FindVariant(std::string_view word) const {
  if (word.size() < 3 || word.size() > kMaxVariant || static_cast<unsigned char>(word[0]) >= 0x80) return kNone;
  if (word.find('*') != std::string_view::npos) return FindMasked(word);
  char w[kMaxVariant];
  bool letters = false, digits = false;
  for (size_t k = 0; k < word.size(); ++k) {
    static constexpr char kLeet[] = "oi2ea56t89";  // 0 o, 1 i, 3 e, 4 a, 5 s, 7 t
    const char c = word[k];
    const bool digit = c >= '0' && c <= '9';
    (digit ? digits : letters) = true;
    w[k] = digit ? kLeet[c - '0'] : c;
  }
  if (digits && !letters) return kNone;
  std::string_view read(w, word.size());
  // Digits read as letters only inside a word ("sh1t", "id10t"), not at its ends ("a55", "B2"):
  // those are names and numbers more often than words.
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  if (digits && !is_digit(word.front()) && !is_digit(word.back())) {
    if (uint32_t id = FindWord(read); id != kNone) return id;
  }
  char cut[kMaxVariant];
  for (size_t keep : {2, 1}) {
    const size_t n = CutRuns(read, keep, cut);
    if (n == read.size()) return kNone;  // nothing stretched
    if (uint32_t id = FindWord(std::string_view(cut, n)); id != kNone) return id;
  }
  return kNone;
}

std::string_view ToneModel::WordText(uint32_t id) const {
  return std::string_view(arena_).substr(spans_[id].first, spans_[id].second);
}

void ToneModel::Grow() {
  std::vector<uint32_t> old = std::move(slots_);
  slots_.assign(std::max<size_t>(1024, old.size() * 2), 0);
  size_t mask = slots_.size() - 1;
  for (uint32_t s : old) {
    if (s == 0) continue;
    size_t h = WordHash(WordText(s - 1)) & mask;
    while (slots_[h] != 0) h = (h + 1) & mask;
    slots_[h] = s;
  }
}

uint32_t ToneModel::InternWord(std::string_view word) {
  uint32_t id = FindWord(word);
  if (id != kNone) return id;
  if ((words_.size() + 1) * 2 > slots_.size()) Grow();
  id = static_cast<uint32_t>(words_.size());
  spans_.emplace_back(static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(word.size()));
  arena_.append(word);
  words_.emplace_back();
  size_t mask = slots_.size() - 1;
  size_t h = WordHash(word) & mask;
  while (slots_[h] != 0) h = (h + 1) & mask;
  slots_[h] = id + 1;
  return id;
}

uint32_t ToneModel::InternFeature(const std::string& name) {
  auto it = feature_index_.find(name);
  if (it != feature_index_.end()) return it->second;
  uint32_t f = static_cast<uint32_t>(feature_names_.size());
  feature_names_.push_back(name);
  feature_index_.emplace(name, f);
  weights_.emplace_back();
  has_weight_.push_back(0);
  return f;
}

namespace {
inline size_t BigramSlot(uint64_t key, size_t mask) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
}
}  // namespace

uint32_t ToneModel::Bigram(uint32_t first, uint32_t second) const {
  if (!words_[first].bigram_first || !words_[second].bigram_second) return kNone;  // most pairs
  uint64_t key = BigramKey(first, second) + 1;  // never 0
  size_t mask = bigram_slots_.size() - 1;
  for (size_t h = BigramSlot(key, mask);; h = (h + 1) & mask) {
    const auto& slot = bigram_slots_[h];
    if (slot.first == key) return slot.second;
    if (slot.first == 0) return kNone;
  }
}

// Splits a phrase into word keys with the scorer's own tokenizer, so that both agree.
static Status PhraseWords(std::string_view phrase, std::vector<std::string>* out) {
  std::string lower;
  std::vector<ToneToken> tokens;
  Tokenize(phrase, &lower, &tokens);
  out->clear();
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0 && (tokens[i].flags & ToneToken::kClauseStart)) {
      return Status::InvalidInput(fmt::format("phrase '{}' has punctuation inside", phrase));
    }
    out->emplace_back(TokenKey(tokens[i], lower));
  }
  if (out->empty()) return Status::InvalidInput(fmt::format("phrase '{}' has no words", phrase));
  // "<num>" is written literally in phrases: the tokenizer reads it as "num" between signs.
  if (phrase.find("<num>") != std::string_view::npos) {
    for (std::string& w : *out) {
      if (w == "num") w = "<num>";
    }
  }
  return Status::OK();
}

Status ToneModel::AddLexiconLine(std::string_view category, std::string_view phrase,
                                 const std::string& where) {
  bool at_start = !phrase.empty() && phrase.front() == '^';
  if (at_start) phrase.remove_prefix(1);
  std::vector<std::string> keys;
  Status st = PhraseWords(phrase, &keys);
  if (!st.ok()) return st.WithPrefix(where);
  if (category.substr(0, 4) == "mod.") {
    uint8_t m = category == "mod.negator" ? kNegator : category == "mod.intensifier" ? kIntensifier
              : category == "mod.scope_end" ? kScopeEnd : category == "mod.addressee" ? kAddressee
              : category == "mod.group" ? kGroup : 0;
    if (m == 0) return Status::InvalidInput(fmt::format("{}: unknown modifier '{}'", where, category));
    if (keys.size() != 1) return Status::InvalidInput(fmt::format("{}: a modifier is one word", where));
    words_[InternWord(keys[0])].modifiers |= m;
    return Status::OK();
  }
  auto [it, added] = category_index_.emplace(std::string(category), categories_.size());
  if (added) {
    std::string name(category);
    categories_.push_back(Category{name, InternFeature("lex:" + name), InternFeature("lex:~" + name),
                                   name.rfind("abuse.", 0) == 0, name == "abuse.profanity"});
  }
  Phrase p;
  p.at_start = at_start;
  p.categories.push_back(it->second);
  uint32_t head = InternWord(keys[0]);
  for (size_t i = 1; i < keys.size(); ++i) p.rest.push_back(InternWord(keys[i]));
  pending_phrases_.emplace_back(head, std::move(p));
  return Status::OK();
}

Status ToneModel::AddWeightLine(ToneDimension d, std::string_view feature, float w,
                                const std::string& where) {
  int di = static_cast<int>(d);
  if (feature == "bias") {
    bias_[di] += w;
    return Status::OK();
  }
  uint32_t f = kNone;
  std::string name(feature);
  if (feature.substr(0, 4) == "lex:") {
    auto it = feature_index_.find(name);
    if (it == feature_index_.end()) {
      return Status::InvalidInput(fmt::format("{}: no lexicon category for '{}'", where, feature));
    }
    f = it->second;
  } else if (feature.substr(0, 2) == "w:") {
    std::string_view word = feature.substr(2);
    bool neg = !word.empty() && word.front() == '~';
    if (neg) word.remove_prefix(1);
    if (word.empty()) return Status::InvalidInput(fmt::format("{}: empty word", where));
    uint32_t id = InternWord(word);
    f = InternFeature(name);
    (neg ? words_[id].negated : words_[id].plain) = f;
  } else if (feature.substr(0, 2) == "b:") {
    std::string_view pair = feature.substr(2);
    size_t sp = pair.find(' ');
    if (sp == std::string_view::npos || sp == 0 || sp + 1 == pair.size()) {
      return Status::InvalidInput(fmt::format("{}: a bigram is 'b:WORD WORD'", where));
    }
    uint32_t a = InternWord(pair.substr(0, sp)), b = InternWord(pair.substr(sp + 1));
    f = InternFeature(name);
    bigrams_[BigramKey(a, b)] = f;
    words_[a].bigram_first = true;
    words_[b].bigram_second = true;
  } else if (feature.substr(0, 6) == "style:") {
    auto it = feature_index_.find(name);
    if (it == feature_index_.end()) return Status::InvalidInput(fmt::format("{}: unknown '{}'", where, feature));
    f = it->second;
  } else {
    return Status::InvalidInput(fmt::format("{}: unknown feature '{}'", where, feature));
  }
  weights_[f][di] += w;
  has_weight_[f] = 1;
  return Status::OK();
}

namespace {

uint64_t Fingerprint(const std::vector<ToneDataFile>& lexicons, const std::vector<ToneDataFile>& weights) {
  Sha256 hash;
  hash.Update(fmt::format("scorer {}\n", kToneScorerVersion));
  for (const auto* files : {&lexicons, &weights}) {
    for (const ToneDataFile& f : *files) {
      hash.Update(fmt::format("{} {}\n", f.name, f.text.size()));
      hash.Update(f.text);
    }
  }
  Digest d = hash.Finish();
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | d[i];
  return v;
}

}  // namespace

Status ToneModel::Load(const std::vector<ToneDataFile>& lexicons,
                       const std::vector<ToneDataFile>& weights, std::unique_ptr<ToneModel>* out) {
  std::unique_ptr<ToneModel> m(new ToneModel());
  m->fingerprint_ = Fingerprint(lexicons, weights);
  for (int s = 0; s < kStyles; ++s) m->styles_[s] = m->InternFeature(kStyleNames[s]);
  m->addressed_ = m->InternFeature("lex:abuse.addressed");
  m->group_ = m->InternFeature("lex:abuse.group");
  for (const ToneDataFile& file : lexicons) {
    NANNI_RETURN_IF_ERROR(ForEachLine(file, [&](const std::string& where, const auto& fields) {
      if (fields.size() != 2 || fields[0].empty() || fields[1].empty()) {
        return Status::InvalidInput(where + ": expected 'category<TAB>phrase'");
      }
      return m->AddLexiconLine(fields[0], fields[1], where);
    }));
  }
  m->FinishPhrases();
  for (const ToneDataFile& file : weights) {
    NANNI_RETURN_IF_ERROR(ForEachLine(file, [&](const std::string& where, const auto& fields) {
      ToneDimension d;
      if (fields.size() != 3) return Status::InvalidInput(where + ": expected 'dimension<TAB>feature<TAB>weight'");
      if (!ParseToneDimension(fields[0], &d)) {
        return Status::InvalidInput(fmt::format("{}: unknown dimension '{}'", where, fields[0]));
      }
      std::string num(fields[2]);
      char* end = nullptr;
      double w = std::strtod(num.c_str(), &end);
      if (num.empty() || end != num.c_str() + num.size()) {
        return Status::InvalidInput(fmt::format("{}: weight '{}' is not a number", where, fields[2]));
      }
      return m->AddWeightLine(d, fields[1], static_cast<float>(w), where);
    }));
  }
  m->FinishWeights();
  *out = std::move(m);
  return Status::OK();
}

void ToneModel::FinishWeights() {
  size_t size = 16;
  while (size < bigrams_.size() * 2) size *= 2;
  bigram_slots_.assign(size, {0, 0});
  for (const auto& [k, f] : bigrams_) {
    uint64_t key = k + 1;
    size_t h = BigramSlot(key, size - 1);
    while (bigram_slots_[h].first != 0) h = (h + 1) & (size - 1);
    bigram_slots_[h] = {key, f};
  }
  sparse_.clear();
  sparse_offset_.assign(1, 0);
  for (size_t f = 0; f < weights_.size(); ++f) {
    for (int d = 0; d < kToneDimensions; ++d) {
      if (weights_[f][d] != 0.0f) sparse_.push_back(DimWeight{static_cast<uint8_t>(d), weights_[f][d]});
    }
    sparse_offset_.push_back(static_cast<uint32_t>(sparse_.size()));
  }
}

// Groups the phrases by first word, merging the same phrase in several categories, longest first.
void ToneModel::FinishPhrases() {
  std::map<std::tuple<uint32_t, std::vector<uint32_t>, bool>, std::vector<uint32_t>> merged;
  for (auto& [head, p] : pending_phrases_) {
    auto& cats = merged[{head, p.rest, p.at_start}];
    for (uint32_t c : p.categories) {
      if (std::find(cats.begin(), cats.end(), c) == cats.end()) cats.push_back(c);
    }
  }
  std::vector<std::pair<uint32_t, Phrase>> list;
  for (auto& [key, cats] : merged) {
    Phrase p;
    p.rest = std::get<1>(key);
    p.at_start = std::get<2>(key);
    p.categories = cats;
    list.emplace_back(std::get<0>(key), std::move(p));
  }
  std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return a.second.rest.size() > b.second.rest.size();
  });
  phrases_.clear();
  for (size_t i = 0; i < list.size(); ++i) {
    Word& w = words_[list[i].first];
    if (w.phrase_count == 0) w.first_phrase = static_cast<uint32_t>(i);
    ++w.phrase_count;
    phrases_.push_back(std::move(list[i].second));
  }
  pending_phrases_.clear();
}

uint64_t ToneModel::DefaultFingerprint() {
  static const uint64_t fingerprint = Fingerprint(EmbeddedLexicons(), EmbeddedWeights());
  return fingerprint;
}

const ToneModel& ToneModel::Default() {
  static const ToneModel* model = [] {
    std::unique_ptr<ToneModel> m;
    Status st = Load(EmbeddedLexicons(), EmbeddedWeights(), &m);
    if (!st.ok()) {
      std::fprintf(stderr, "nanni: the embedded tone model is broken: %s\n", st.ToString().c_str());
      std::abort();
    }
    return m.release();
  }();
  return *model;
}

}  // namespace nanni
