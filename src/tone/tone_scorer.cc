#include "tone/tone_scorer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

#include "text/new_text.h"

namespace nanni {

namespace {
constexpr int kNegationScope = 3;       // words after a negator
constexpr float kIntensified = 1.5f;    // "very rude"
constexpr float kCapitalised = 1.5f;    // "UNACCEPTABLE"
constexpr float kQuotedShare = 0.5f;    // words between double quotes are someone else's, or a mention
constexpr size_t kAddresseeBefore = 3;  // "you" up to three words before an insult aims it
constexpr size_t kAddresseeAfter = 1;   // ... or right after it ("screw you")
constexpr size_t kMinSpelledOut = 3;    // letters of a word spelled out ("f u c k") read as one
constexpr size_t kMaxSpelledOut = 24;
}  // namespace

ToneScorer::ToneScorer(const ToneModel& model) : model_(model), seen_(model.features(), 0) {}

bool ToneScorer::Shouted(size_t i) const {
  const ToneToken& t = tokens_[i];
  if (t.kind != ToneToken::kWord || !(t.flags & ToneToken::kCapitals)) return false;
  if (t.size >= 4) return true;
  bool prev = i > 0 && (tokens_[i - 1].flags & ToneToken::kCapitals);
  bool next = i + 1 < tokens_.size() && (tokens_[i + 1].flags & ToneToken::kCapitals);
  return prev || next;
}

float ToneScorer::Multiplier(size_t first, size_t last) const {
  float m = 1.0f;
  for (size_t k = first; k < last; ++k) {
    if (Shouted(k)) {
      m *= kCapitalised;
      break;
    }
  }
  // An intensifier right before the match, in the same clause ("so very rude" counts once).
  if (first > 0 && !(tokens_[first].flags & ToneToken::kClauseStart)) {
    uint32_t prev = word_ids_[first - 1];
    if (prev != ToneModel::kNone && (model_.word(prev).modifiers & ToneModel::kIntensifier)) m *= kIntensified;
  }
  return m;
}

bool ToneScorer::MatchPhrase(size_t i, uint32_t* end, const ToneModel::Phrase** phrase) const {
  const ToneModel::Word& w = model_.word(word_ids_[i]);
  const auto& phrases = model_.phrases();
  for (uint32_t p = w.first_phrase; p < w.first_phrase + w.phrase_count; ++p) {
    const ToneModel::Phrase& ph = phrases[p];
    if (ph.at_start && !(tokens_[i].flags & ToneToken::kSentenceStart)) continue;
    if (i + 1 + ph.rest.size() > tokens_.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < ph.rest.size() && ok; ++k) {
      const ToneToken& t = tokens_[i + 1 + k];
      ok = word_ids_[i + 1 + k] == ph.rest[k] && !(t.flags & ToneToken::kSentenceStart);
    }
    if (ok) {  // phrases are sorted longest first: the first match is the longest
      *end = static_cast<uint32_t>(i + 1 + ph.rest.size());
      *phrase = &ph;
      return true;
    }
  }
  return false;
}

bool ToneScorer::LookUpWords() {
  word_ids_.resize(tokens_.size());
  size_t one_byte_run = 0, longest = 0;  // tokens of one byte in a row: letters spelled out?
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const std::string_view key = TokenKey(tokens_[i], lower_);
    word_ids_[i] = model_.FindWord(key);
    if (word_ids_[i] == ToneModel::kNone && tokens_[i].kind == ToneToken::kWord) word_ids_[i] = model_.FindVariant(key);
    one_byte_run = tokens_[i].size == 1 ? one_byte_run + 1 : 0;
    longest = std::max(longest, one_byte_run);
  }
  return longest >= kMinSpelledOut;
}

bool ToneScorer::StartsAbuse(uint32_t id) const {
  const ToneModel::Word& w = model_.word(id);
  for (uint32_t p = w.first_phrase; p < w.first_phrase + w.phrase_count; ++p) {
    for (uint32_t c : model_.phrases()[p].categories) {
      if (model_.categories()[c].abusive) return true;
    }
  }
  return false;
}

// Whether token i is one ASCII letter and follows token i - 1, also one letter, across exactly
// one space, '.', '-', '_' or '*' of `text`.
bool ToneScorer::SpelledOn(std::string_view text, size_t i) const {
  if (i == 0 || tokens_[i].size != 1 || tokens_[i - 1].size != 1) return false;  // most tokens
  auto letter = [&](size_t k) {
    const char c = text[tokens_[k].begin];
    return tokens_[k].kind == ToneToken::kWord && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  };
  if (!letter(i) || !letter(i - 1) || tokens_[i].begin != tokens_[i - 1].begin + 2) return false;
  const char gap = text[tokens_[i - 1].begin + 1];
  return gap == ' ' || gap == '.' || gap == '-' || gap == '_' || gap == '*';
}

void ToneScorer::JoinSpelledOut(std::string_view text) {
  size_t out = 0;
  for (size_t i = 0; i < tokens_.size();) {
    size_t j = i + 1;
    while (j < tokens_.size() && j - i < kMaxSpelledOut && SpelledOn(text, j)) ++j;
    uint32_t id = ToneModel::kNone;
    if (j - i >= kMinSpelledOut) {
      char word[kMaxSpelledOut];
      for (size_t k = i; k < j; ++k) word[k - i] = lower_[tokens_[k].lower_begin];
      const std::string_view joined(word, j - i);
      id = model_.FindWord(joined);
      if (id == ToneModel::kNone) id = model_.FindVariant(joined);
      if (id != ToneModel::kNone && !StartsAbuse(id)) id = ToneModel::kNone;
    }
    if (out != i) {  // after a join: the later tokens move up
      tokens_[out] = tokens_[i];
      word_ids_[out] = word_ids_[i];
    }
    if (id != ToneModel::kNone) {  // "f u c k" reads as one word, quoted as written
      tokens_[out].size = tokens_[j - 1].begin + tokens_[j - 1].size - tokens_[i].begin;
      word_ids_[out] = id;
      i = j;
    } else {
      ++i;
    }
    ++out;
  }
  tokens_.resize(out);
  word_ids_.resize(out);
}

void ToneScorer::Analyze(std::string_view text) {
  Tokenize(text, &lower_, &tokens_);
  hits_.clear();
  if (LookUpWords()) JoinSpelledOut(text);
  const size_t n = tokens_.size();
  negated_.assign(n, 0);
  int scope = 0;             // words left in the current negation's scope
  size_t lex_end = 0;        // tokens before this are inside a matched phrase
  size_t phrase_end = 0;     // a negator inside a matched phrase opens no scope
  for (size_t i = 0; i < n; ++i) {
    const ToneToken& t = tokens_[i];
    if (t.flags & ToneToken::kClauseStart) scope = 0;
    if (t.kind == ToneToken::kExclaim || t.kind == ToneToken::kQuestion) {
      bool rep = t.flags & ToneToken::kRepeated;
      ToneModel::Style s = t.kind == ToneToken::kExclaim ? (rep ? ToneModel::kExclaimRepeat : ToneModel::kExclaim)
                                                         : (rep ? ToneModel::kQuestionRepeat : ToneModel::kQuestion);
      AddHit(model_.StyleFeature(s), i, i + 1, 1.0f);
      scope = 0;
      continue;
    }
    uint32_t id = word_ids_[i];
    uint8_t mods = id == ToneModel::kNone ? 0 : model_.word(id).modifiers;
    if (mods & ToneModel::kScopeEnd) scope = 0;
    bool negated = scope > 0;
    negated_[i] = negated;
    if (Shouted(i)) AddHit(model_.StyleFeature(ToneModel::kCaps), i, i + 1, 1.0f);
    if (id != ToneModel::kNone && i >= lex_end) {
      uint32_t end;
      const ToneModel::Phrase* ph;
      if (MatchPhrase(i, &end, &ph)) {
        float value = Multiplier(i, end);
        if (t.flags & ToneToken::kQuoted) value *= kQuotedShare;
        bool abusive = false, insulting = false;
        for (uint32_t c : ph->categories) {
          const ToneModel::Category& cat = model_.categories()[c];
          AddHit(negated ? cat.negated : cat.plain, static_cast<uint32_t>(i), end, value);
          abusive |= cat.abusive;
          insulting |= cat.abusive && !cat.swearing;
        }
        if (abusive && !negated) Address(i, end, value, insulting);
        lex_end = end;
        phrase_end = end;
      }
    }
    if (scope > 0) --scope;
    if ((mods & ToneModel::kNegator) && i + 1 >= phrase_end) scope = kNegationScope;
  }
}

bool ToneScorer::Has(uint8_t modifier, size_t i) const {
  return word_ids_[i] != ToneModel::kNone && (model_.word(word_ids_[i]).modifiers & modifier);
}

size_t ToneScorer::AimedBy(uint8_t modifier, size_t first, size_t end) const {
  for (size_t k = first; k < end; ++k) {
    if (Has(modifier, k)) return k;
  }
  // Back to the start of the sentence, at most kAddresseeBefore words: "you idiot",
  // "immigrants are stupid".
  size_t k = first;
  for (size_t back = 0; back < kAddresseeBefore; ++back) {
    if (k == 0 || (tokens_[k].flags & ToneToken::kSentenceStart)) break;
    --k;
    if (Has(modifier, k)) return k;
  }
  return SIZE_MAX;
}

void ToneScorer::Address(size_t first, size_t end, float value, bool insulting) {
  if (insulting) {
    if (size_t g = AimedBy(ToneModel::kGroup, first, end); g != SIZE_MAX) {
      AddHit(model_.GroupFeature(), std::min(g, first), end, value);
    }
    if (size_t a = AimedBy(ToneModel::kAddressee, first, end); a != SIZE_MAX) {
      return AddHit(model_.AddressedFeature(), std::min(a, first), end, value);
    }
  } else {
    // Swearing is aimed only by what is inside it or follows it: not "are you fucking kidding".
    for (size_t k = first; k < end; ++k) {
      if (Has(ToneModel::kAddressee, k)) return AddHit(model_.AddressedFeature(), first, end, value);
    }
  }
  for (size_t k = end; k < end + kAddresseeAfter && k < tokens_.size(); ++k) {
    if (tokens_[k].flags & ToneToken::kSentenceStart) break;
    if (Has(ToneModel::kAddressee, k)) return AddHit(model_.AddressedFeature(), first, k + 1, value);
  }
}

void ToneScorer::Score(std::string_view message, ToneScore* out) {
  SplitNewText(message, &split_);
  ScoreNewText(split_.new_text, out);
}

void ToneScorer::ScoreNewText(std::string_view new_text, ToneScore* out) {
  WithoutCode(new_text, &out->text);
  Analyze(out->text);
  out->reasons.clear();
  out->baseline = model_.bias();
  out->logit = model_.bias();
  uint32_t words = 0;
  if (++counter_ == 0) {  // wrapped: forget every stamp
    std::fill(seen_.begin(), seen_.end(), 0);
    counter_ = 1;
  }
  auto add = [&](uint32_t f, uint32_t first, uint32_t last, float value) {
    const ToneModel::DimWeight* it = model_.SparseBegin(f);
    const ToneModel::DimWeight* end = model_.SparseEnd(f);
    if (it == end) return;
    uint32_t b = tokens_[first].begin;
    uint32_t e = tokens_[last - 1].begin + tokens_[last - 1].size;
    for (; it != end; ++it) {
      float c = it->weight * value;
      out->logit[it->dimension] += c;
      out->reasons.push_back(ToneReason{static_cast<ToneDimension>(it->dimension), f, b, e - b, value, c});
    }
  };
  for (const Hit& h : hits_) add(h.feature, h.first, h.last, h.value);
  const size_t n = tokens_.size();
  for (size_t i = 0; i < n; ++i) {
    const ToneToken& t = tokens_[i];
    if (t.kind != ToneToken::kWord && t.kind != ToneToken::kNumber) continue;
    ++words;
    uint32_t id = word_ids_[i];
    if (id == ToneModel::kNone) continue;
    const ToneModel::Word& w = model_.word(id);
    uint32_t f = negated_[i] ? w.negated : w.plain;
    if (f != ToneModel::kNone && seen_[f] != counter_) {
      seen_[f] = counter_;
      add(f, i, i + 1, 1.0f);
    }
    if (i > 0 && !(t.flags & ToneToken::kClauseStart) && word_ids_[i - 1] != ToneModel::kNone) {
      uint32_t bf = model_.Bigram(word_ids_[i - 1], id);
      if (bf != ToneModel::kNone && seen_[bf] != counter_) {
        seen_[bf] = counter_;
        add(bf, i - 1, i + 1, 1.0f);
      }
    }
  }
  out->words = words;
  for (int d = 0; d < kToneDimensions; ++d) out->score[d] = 1.0f / (1.0f + std::exp(-out->logit[d]));
}

void ToneScorer::Features(std::string_view message, std::vector<std::pair<std::string, float>>* out) {
  SplitNewText(message, &split_);
  std::string text = WithoutCode(split_.new_text);
  Analyze(text);
  std::map<std::string, float> f;
  for (const Hit& h : hits_) f[model_.FeatureName(h.feature)] += h.value;
  const size_t n = tokens_.size();
  std::string prev;
  for (size_t i = 0; i < n; ++i) {
    const ToneToken& t = tokens_[i];
    bool word = t.kind == ToneToken::kWord || t.kind == ToneToken::kNumber;
    // A word written another way ("f*ck", "soooo") is named as the word it was read as.
    std::string key(word_ids_[i] != ToneModel::kNone ? model_.WordText(word_ids_[i]) : TokenKey(t, lower_));
    if (!word) {
      prev.clear();
      continue;
    }
    f[(negated_[i] ? "w:~" : "w:") + key] = 1.0f;
    if (!prev.empty() && !(t.flags & ToneToken::kClauseStart)) f["b:" + prev + " " + key] = 1.0f;
    prev = key;
  }
  out->assign(f.begin(), f.end());
}

}  // namespace nanni
