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

// The bytes of the UTF-8 code point at i (1 when it is not a valid lead), and the code point.
size_t CodePoint(std::string_view s, size_t i, uint32_t* cp) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  const size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || s.size() - i < n) {
    *cp = c;
    return 1;
  }
  uint32_t v = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    const unsigned char t = static_cast<unsigned char>(s[i + k]);
    if ((t & 0xC0) != 0x80) {
      *cp = c;
      return 1;
    }
    v = (v << 6) | (t & 0x3F);
  }
  *cp = v;
  return n;
}

bool IsPictograph(uint32_t cp) { return (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x1F000 && cp <= 0x1FAFF); }
// What rides on an emoji: variation selectors, skin tones, the zero-width joiner.
bool IsEmojiModifier(uint32_t cp) { return cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF); }

// The length of the emoji sequence at i (0 when none), and of its first code point.
size_t EmojiSequenceAt(std::string_view s, size_t i, size_t* first) {
  uint32_t cp;
  size_t n = CodePoint(s, i, &cp);
  if (!IsPictograph(cp)) return 0;
  *first = n;
  size_t j = i + n;
  while (j < s.size()) {
    size_t m = CodePoint(s, j, &cp);
    if (IsEmojiModifier(cp)) {
      j += m;
    } else if (cp == 0x200D && j + m < s.size()) {  // joined: a family, a profession...
      uint32_t next;
      size_t k = CodePoint(s, j + m, &next);
      if (!IsPictograph(next)) break;
      j += m + k;
    } else {
      break;
    }
  }
  return j - i;
}
// Every pictograph's lead byte is E2 or F0: the rest of the text costs one comparison.
inline size_t EmojiAt(std::string_view s, size_t i, size_t* first) {
  return static_cast<unsigned char>(s[i]) < 0xE2 ? 0 : EmojiSequenceAt(s, i, first);
}

// U+201C and U+201D, the typographic double quotes.
bool IsCurlyQuote(std::string_view s, size_t i) {
  return s.size() - i >= 3 && s[i] == '\xE2' && s[i + 1] == '\x80' && (s[i + 2] == '\x9C' || s[i + 2] == '\x9D');
}

// Marks the tokens between pairs of double quotes (at most kMaxQuoted tokens apart) quoted.
constexpr size_t kMaxQuoted = 15;
void MarkQuoted(const std::vector<size_t>& quotes, std::vector<ToneToken>* tokens) {
  size_t q = 0;
  while (q + 1 < quotes.size()) {
    if (quotes[q + 1] - quotes[q] > kMaxQuoted) {  // too far apart: the second may open a pair
      ++q;
      continue;
    }
    for (size_t t = quotes[q]; t < quotes[q + 1]; ++t) (*tokens)[t].flags |= ToneToken::kQuoted;
    q += 2;
  }
}

// Masking inside a word that starts with a letter, at s[i] ('*' or '$'): appends what it
// reads as ("f*ck", "sh**" keep their '*'; "a$$" reads "ass") and returns the bytes taken, or
// 0 when the sign ends the word (one trailing '*' is a footnote mark; "$5" is a price). Kept
// out of line: the word loop stays small for the common case.
[[gnu::noinline]] size_t MaskedAt(std::string_view s, size_t i, LowerBuffer* lower) {
  const size_t n = s.size();
  if (s[i] == '$') {
    if (i + 1 < n && ClassOf(s[i + 1]) == kDigit) return 0;
    lower->push_back('s');
    return 1;
  }
  size_t j = i;
  while (j < n && s[j] == '*') ++j;
  const bool inner = j < n && ClassOf(s[j]) == kWordChar;
  if (!inner && j - i < 2) return 0;
  for (size_t m = i; m < j; ++m) lower->push_back('*');
  return j - i;
}

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
  std::vector<size_t> quotes;  // the token index at each double quote
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
    if (cls == kClauseEnd || IsCurlyQuote(s, i)) {
      if (s[i] == '"' || s[i] == '\xE2') quotes.push_back(tokens->size());
      pending |= ToneToken::kClauseStart;
      i += s[i] == '\xE2' ? 3 : 1;
      continue;
    }
    if (size_t first = 0, n_emoji = EmojiAt(s, i, &first); n_emoji > 0) {
      const uint32_t at = static_cast<uint32_t>(lower->size());
      for (size_t k = 0; k < first; ++k) lower->push_back(s[i + k]);
      tokens->push_back(ToneToken{static_cast<uint32_t>(i), static_cast<uint32_t>(n_emoji), at,
                                  static_cast<uint32_t>(first), ToneToken::kWord, pending});
      pending = 0;
      i += n_emoji;
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
    bool letter_first = ClassOf(s[start]) == kWordChar;
    while (i < n) {
      char c = s[i];
      uint8_t k = ClassOf(c);
      if (static_cast<unsigned char>(c) < 0x80 && (k == kWordChar || k == kDigit)) {  // the common case
        if (k == kWordChar) digits_only = false;
        if (c >= 'A' && c <= 'Z') { ++upper; c = static_cast<char>(c - 'A' + 'a'); }
        else if (k == kWordChar) ++lowercase;
        lower->push_back(c);
        ++i;
        continue;
      }
      size_t unused;
      if (static_cast<unsigned char>(c) >= 0x80 && (IsCurlyQuote(s, i) || EmojiAt(s, i, &unused) > 0)) break;
      if ((c == '*' || c == '$') && letter_first && i > start) {
        const size_t masked = MaskedAt(s, i, lower);
        if (masked == 0) break;
        digits_only = false;
        i += masked;
        continue;
      }
      if (k == kWordChar) {  // a byte of a non-ASCII letter
        digits_only = false;
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
  MarkQuoted(quotes, tokens);
  lower_out->resize(buffer.n);
}

}  // namespace nanni
