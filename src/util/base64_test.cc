#include "util/base64.h"

#include <gtest/gtest.h>

namespace nanni {
namespace {

// RFC 4648 section 10.
TEST(Base64Test, MatchesRfc4648Vectors) {
  const std::pair<const char*, const char*> kVectors[] = {
      {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},     {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : kVectors) {
    EXPECT_EQ(Base64Encode(plain), encoded);
    std::string back;
    ASSERT_TRUE(Base64Decode(encoded, &back).ok()) << encoded;
    EXPECT_EQ(back, plain);
  }
}

TEST(Base64Test, RoundTripsEveryByte) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (size_t n = 0; n <= all.size(); n += 37) {
    std::string back;
    ASSERT_TRUE(Base64Decode(Base64Encode(all.substr(0, n)), &back).ok());
    EXPECT_EQ(back, all.substr(0, n));
  }
}

TEST(Base64Test, RefusesEverythingButTheOneCanonicalForm) {
  const std::pair<const char*, const char*> kBad[] = {
      {"Zg=", "multiple of 4"},
      {"Zg", "multiple of 4"},
      {"Zh==", "non-zero bits"},          // "f" is Zg==: Zh== decodes to it too, loosely
      {"Zm9=", "non-zero bits"},
      {"Zm 9", "byte 0x20 at 2"},
      {"Zm9v\n", "multiple of 4"},
      {"Zm9vYmF\n", "byte 0x0a at 7"},
      {"Zg==Zg==", "'=' at 2"},
      {"Zm-v", "'-' at 2"},               // the URL-safe alphabet is not accepted
      {"====", "'=' at 0"},
      {"A===", "'=' at 1"},
  };
  for (const auto& [text, want] : kBad) {
    std::string out;
    Status s = Base64Decode(text, &out);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << text;
    EXPECT_NE(s.message().find(want), std::string::npos) << text << ": " << s.message();
  }
}

}  // namespace
}  // namespace nanni
