#include "tone/tone_tokenizer.h"

#include <array>

namespace nanni {

namespace {

enum Class : uint8_t { kSpace, kNewline, kWordChar, kDigit, kApos, kSentenceEnd, kClauseEnd,
                       kBang, kAsk, kPct, kDollarSign, kAt, kAmp, kOther };

constexpr std::array<uint8_t, 256> MakeTable() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = kOther;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kWordChar;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kWordChar;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  for (int c = 0x80; c < 256; ++c) t[c] = kWordChar;
  t[' '] = t['\t'] = t['\r'] = t['\f'] = t['\v'] = kSpace;
  t['\n'] = kNewline;
  t['\''] = kApos;
  t['.'] = t[';'] = t[':'] = kSentenceEnd;
  t[','] = t['('] = t[')'] = t['['] = t[']'] = t['"'] = t['{'] = t['}'] = kClauseEnd;
  t['!'] = kBang;
  t['?'] = kAsk;
  t['%'] = kPct;
  t['$'] = kDollarSign;
  t['@'] = kAt;
  t['&'] = kAmp;
  return t;
}
constexpr std::array<uint8_t, 256> kClass = MakeTable();

inline uint8_t ClassOf(char c) { return kClass[static_cast<unsigned char>(c)]; }
inline bool IsWordByte(uint8_t cls) { return cls == kWordChar || cls == kDigit || cls == kApos; }

bool StartsWithAt(std::string_view s, size_t i, std::string_view p) {
  return s.size() - i >= p.size() && s.compare(i, p.size(), p) == 0;
}

// U+2019 RIGHT SINGLE QUOTATION MARK, used as an apostrophe.
bool IsCurlyApos(std::string_view s, size_t i) {
  return s.size() - i >= 3 && s[i] == '\xE2' && s[i + 1] == '\x80' && s[i + 2] == '\x99';
}

// Appends without bounds checks: the caller sized the buffer to the text.
struct LowerBuffer {
  char* p;
  size_t n;
  size_t size() const { return n; }
  void push_back(char c) { p[n++] = c; }
  void resize(size_t m) { n = m; }
  char operator[](size_t i) const { return p[i]; }
};

size_t SkipToSpace(std::string_view s, size_t i) {
  while (i < s.size() && ClassOf(s[i]) != kSpace && ClassOf(s[i]) != kNewline) ++i;
  return i;
}

}  // namespace

std::string_view TokenKey(const ToneToken& t, std::string_view lower) {
  switch (t.kind) {
    case ToneToken::kWord: return lower.substr(t.lower_begin, t.lower_size);
    case ToneToken::kNumber: return "<num>";
    case ToneToken::kExclaim: return "!";
    case ToneToken::kQuestion: return "?";
    case ToneToken::kPercent: return "%";
    case ToneToken::kDollar: return "$";
  }
  return "";
}

void Tokenize(std::string_view s, std::string* lower_out, std::vector<ToneToken>* tokens) {
  // The lower-cased words never outgrow the text: write them through a raw buffer.
  lower_out->resize(s.size());
  LowerBuffer buffer{lower_out->data(), 0};
  LowerBuffer* lower = &buffer;
  tokens->clear();
  tokens->reserve(s.size() / 4 + 4);
  uint8_t pending = ToneToken::kSentenceStart | ToneToken::kClauseStart;
  auto push = [&](uint32_t b, uint32_t n, ToneToken::Kind kind, uint8_t flags) {
    tokens->push_back(ToneToken{b, n, static_cast<uint32_t>(lower->size()), 0, kind,
                                static_cast<uint8_t>(flags | pending)});
    pending = 0;
  };
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    uint8_t cls = ClassOf(s[i]);
    if (cls == kSpace) { ++i; continue; }
    if (cls == kNewline) {
      size_t j = i + 1;
      while (j < n && (ClassOf(s[j]) == kSpace)) ++j;
      if (j < n && s[j] == '\n') pending |= ToneToken::kSentenceStart | ToneToken::kClauseStart;
      i = j;
      continue;
    }
    if (cls == kSentenceEnd) {
      pending |= ToneToken::kSentenceStart | ToneToken::kClauseStart;
      ++i;
      continue;
    }
    if (cls == kClauseEnd) {
      pending |= ToneToken::kClauseStart;
      ++i;
      continue;
    }
    if (cls == kBang || cls == kAsk) {
      size_t j = i;
      bool ask = false;
      while (j < n && (ClassOf(s[j]) == kBang || ClassOf(s[j]) == kAsk)) ask |= s[j++] == '?';
      push(i, j - i, ask ? ToneToken::kQuestion : ToneToken::kExclaim,
           j - i >= 2 ? ToneToken::kRepeated : 0);
      pending |= ToneToken::kSentenceStart | ToneToken::kClauseStart;
      i = j;
      continue;
    }
    if (cls == kPct || cls == kDollarSign) {
      push(i, 1, cls == kPct ? ToneToken::kPercent : ToneToken::kDollar, 0);
      ++i;
      continue;
    }
    if (cls == kAt) {  // @mention
      size_t j = i + 1;
      while (j < n && (IsWordByte(ClassOf(s[j])) || s[j] == '_')) ++j;
      i = j;
      continue;
    }
    if (cls == kAmp) {  // &amp; &#8220; ...
      size_t j = i + 1;
      while (j < n && j - i < 10 && (ClassOf(s[j]) == kWordChar || ClassOf(s[j]) == kDigit || s[j] == '#')) ++j;
      i = (j < n && s[j] == ';') ? j + 1 : i + 1;
      continue;
    }
    if (cls == kOther) { ++i; continue; }
    // A word or a number. URLs first.
    if ((s[i] == 'h' || s[i] == 'H') && (StartsWithAt(s, i, "http://") || StartsWithAt(s, i, "https://"))) {
      i = SkipToSpace(s, i);
      continue;
    }
    if ((s[i] == 'w' || s[i] == 'W') && StartsWithAt(s, i, "www.")) {
      i = SkipToSpace(s, i);
      continue;
    }
    size_t start = i;
    bool digits_only = true;
    int upper = 0, lowercase = 0;
    size_t lower_start = lower->size();
    while (i < n) {
      char c = s[i];
      uint8_t k = ClassOf(c);
      if (k == kWordChar || k == kDigit) {
        if (k == kWordChar) digits_only = false;
        if (c >= 'A' && c <= 'Z') { ++upper; c = static_cast<char>(c - 'A' + 'a'); }
        else if (c >= 'a' && c <= 'z') ++lowercase;
        if (IsCurlyApos(s, i)) {
          lower->push_back('\'');
          i += 3;
          continue;
        }
        lower->push_back(c);
        ++i;
      } else if (k == kApos) {
        lower->push_back('\'');
        ++i;
      } else if (digits_only && (c == '.' || c == ',') && i + 1 < n && ClassOf(s[i + 1]) == kDigit &&
                 i > start) {
        lower->push_back(c);
        ++i;
      } else {
        break;
      }
    }
    // Drop apostrophes at either end.
    size_t lb = lower_start, le = lower->size();
    size_t b = start, e = i;
    while (lb < le && (*lower)[lb] == '\'') { ++lb; b += (s[b] == '\'') ? 1 : 3; }
    while (le > lb && (*lower)[le - 1] == '\'') { --le; e -= (s[e - 1] == '\'') ? 1 : 3; }
    if (lb == le) {
      lower->resize(lower_start);
      continue;
    }
    uint8_t flags = (lowercase == 0 && upper >= 3) ? ToneToken::kCapitals : 0;
    tokens->push_back(ToneToken{static_cast<uint32_t>(b), static_cast<uint32_t>(e - b),
                                static_cast<uint32_t>(lb), static_cast<uint32_t>(le - lb),
                                digits_only ? ToneToken::kNumber : ToneToken::kWord,
                                static_cast<uint8_t>(flags | pending)});
    pending = 0;
  }
  lower_out->resize(buffer.n);
}

}  // namespace nanni
