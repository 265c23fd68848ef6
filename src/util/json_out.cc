#include "util/json_out.h"

#include <cmath>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace nanni {

namespace {

// Writes the escape of byte `c` (one that needs one) at `p`; returns the end.
char* EscapeByte(unsigned char c, char* p) {
  static const char kHex[] = "0123456789abcdef";
  *p++ = '\\';
  switch (c) {
    case '"': *p++ = '"'; break;
    case '\\': *p++ = '\\'; break;
    case '\b': *p++ = 'b'; break;
    case '\f': *p++ = 'f'; break;
    case '\n': *p++ = 'n'; break;
    case '\r': *p++ = 'r'; break;
    case '\t': *p++ = 't'; break;
    default:
      std::memcpy(p, "u00", 3);
      p[3] = kHex[c >> 4];
      p[4] = kHex[c & 0xf];
      p += 5;
  }
  return p;
}

inline bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

#ifdef __SSE2__
// True when the 16 bytes at `s` span two pages. When they do not, reading all 16 cannot fault
// even if only the first few belong to the string: EscapeMask's result for the others is
// masked off and they are never counted as output.
inline bool CrossesPage(const char* s) {
  return (reinterpret_cast<uintptr_t>(s) & 4095) > 4096 - 16;
}

// The 16 bytes at `s`, which may run past the end of the string within its page (see
// CrossesPage): the address sanitizer is told not to check this one load.
// GCC says it builds with ASan by __SANITIZE_ADDRESS__, clang (the fuzz build) by __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define NANNI_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NANNI_ASAN 1
#endif
#endif
#if defined(NANNI_ASAN)
__attribute__((no_sanitize_address, noinline))
#endif
inline __m128i Load16(const char* s) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
}

// Bit i is set when byte i of `v` needs an escape (below 0x20, '"' or '\\').
inline unsigned EscapeMask(__m128i v) {
  const __m128i flip = _mm_set1_epi8(static_cast<char>(0x80));  // unsigned compare via signed
  const __m128i control = _mm_cmplt_epi8(_mm_xor_si128(v, flip), _mm_set1_epi8(static_cast<char>(0xa0)));
  const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))));
}
#endif

// Escapes the `n` bytes at `s` to `p`, which has room for 6 * n + 16 bytes (16 bytes at a
// time are stored even when fewer count); returns the end of what counts. Reports are mostly
// plain text: runs of 16 bytes that need no escape are copied as they are.
char* EscapeTo(const char* s, size_t n, char* p) {
  size_t i = 0;
#ifdef __SSE2__
  while (i < n) {
    char tail[16] = {};
    const char* src = s + i;
    const size_t len = std::min<size_t>(16, n - i);
    if (len < 16 && CrossesPage(src)) src = static_cast<const char*>(std::memcpy(tail, src, len));
    const __m128i bytes = Load16(src);
    const unsigned mask = EscapeMask(bytes) & ((1u << len) - 1);
    const size_t clean = mask == 0 ? len : static_cast<size_t>(__builtin_ctz(mask));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p), bytes);
    p += clean;
    i += clean;
    if (clean < len) p = EscapeByte(static_cast<unsigned char>(s[i++]), p);
  }
#endif
  for (; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (NeedsEscape(c)) {
      p = EscapeByte(c, p);
    } else {
      *p++ = static_cast<char>(c);
    }
  }
  return p;
}

}  // namespace

JsonOut::JsonOut() : buffer_(new char[kBufferBytes]), pos_(buffer_.get()), end_(pos_ + kBufferBytes) {}

JsonOut::JsonOut(Sink sink) : JsonOut() { sink_ = std::move(sink); }

void JsonOut::Drain() {
  std::string_view done(buffer_.get(), static_cast<size_t>(pos_ - buffer_.get()));
  if (sink_) {
    sink_(done);
  } else {
    text_.append(done);
  }
  pos_ = buffer_.get();
}

std::string JsonOut::Take() {
  Drain();
  std::string out = std::move(text_);
  text_.clear();
  return out;
}

void JsonOut::Flush() { Drain(); }

JsonOut& JsonOut::BeginObject() {
  Room(2);
  Comma();
  *pos_++ = '{';
  need_comma_ = false;
  return *this;
}
JsonOut& JsonOut::EndObject() {
  Room(1);
  *pos_++ = '}';
  need_comma_ = true;
  return *this;
}
JsonOut& JsonOut::BeginArray() {
  Room(2);
  Comma();
  *pos_++ = '[';
  need_comma_ = false;
  return *this;
}
JsonOut& JsonOut::EndArray() {
  Room(1);
  *pos_++ = ']';
  need_comma_ = true;
  return *this;
}

void JsonOut::Quoted(std::string_view value) {
  constexpr size_t kBlock = 4096;  // escapes to at most 24 KiB, well within the buffer
  if (value.size() <= kBlock) {  // nearly always: one check for room
    Room(6 * value.size() + 19);
    Comma();
    *pos_++ = '"';
    pos_ = EscapeTo(value.data(), value.size(), pos_);
    *pos_++ = '"';
    return;
  }
  Room(2);
  Comma();
  *pos_++ = '"';
  for (size_t at = 0; at < value.size(); at += kBlock) {
    size_t n = std::min(kBlock, value.size() - at);
    Room(6 * n + 16);
    pos_ = EscapeTo(value.data() + at, n, pos_);
  }
  Room(1);
  *pos_++ = '"';
}

JsonOut& JsonOut::String(std::string_view value) {
  Quoted(value);
  need_comma_ = true;
  return *this;
}

JsonOut& JsonOut::Key(std::string_view key) {
  Quoted(key);  // the same exact escaping as values
  Room(1);
  *pos_++ = ':';
  need_comma_ = false;
  return *this;
}

JsonOut& JsonOut::Int(int64_t value) {
  fmt::format_int digits(value);
  Room(1 + digits.size());
  Comma();
  std::memcpy(pos_, digits.data(), digits.size());
  pos_ += digits.size();
  need_comma_ = true;
  return *this;
}

JsonOut& JsonOut::Fixed(double value, int decimals) {
  if (!std::isfinite(value)) return Null();
  return Literal(fmt::format("{:.{}f}", value, decimals));
}

JsonOut& JsonOut::Bool(bool value) { return Literal(value ? "true" : "false"); }

JsonOut& JsonOut::Null() { return Literal("null"); }

JsonOut& JsonOut::Literal(std::string_view value) {
  Room(1 + value.size());
  Comma();
  std::memcpy(pos_, value.data(), value.size());
  pos_ += value.size();
  need_comma_ = true;
  return *this;
}

JsonOut& JsonOut::Time(const Timestamp& t) {
  Room(kRfc3339MaxBytes + 3);
  Comma();
  *pos_++ = '"';
  pos_ += FormatRfc3339(t, pos_);  // digits, '-', ':', 'T', 'Z', '+' and '.': nothing to escape
  *pos_++ = '"';
  need_comma_ = true;
  return *this;
}

JsonOut& JsonOut::OptTime(const std::optional<Timestamp>& t) { return t ? Time(*t) : Null(); }

JsonOut& JsonOut::RawValue(std::string_view json) {
  Room(1);
  Comma();
  Raw(json);
  need_comma_ = true;
  return *this;
}

JsonOut& JsonOut::Raw(std::string_view bytes) {
  if (bytes.size() > kBufferBytes) {
    Drain();
    if (sink_) {
      sink_(bytes);
    } else {
      text_.append(bytes);
    }
    return *this;
  }
  Room(bytes.size());
  std::memcpy(pos_, bytes.data(), bytes.size());
  pos_ += bytes.size();
  return *this;
}

}  // namespace nanni
