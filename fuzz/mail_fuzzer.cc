// libFuzzer target: one mail message from arbitrary bytes through GMime and the whole mapping
// to an event (import/mail/). Whatever the bytes, nothing may crash, leak or trip ASan/UBSan,
// and the event produced must be one the NDJSON decoder accepts (valid UTF-8, valid kind...).
//
// Built by fuzz/CMakeLists.txt (the `fuzz` preset) when present. Standalone, from the repo root:
//   clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -DUSE_OS_TZDB=1 \
//     -DONLY_C_LOCALE=1 -DHAS_STRING_VIEW=1 fuzz/mail_fuzzer.cc \
//     src/import/mail/{mail_message,new_text,contact_level,request_rules,mail_mapper}.cc \
//     src/config/nanni_config.cc src/event/{canonical,event,kind,event_decoder}.cc \
//     src/util/{sha256,time,status,printable,text_file,toml_document}.cc \
//     $(pkg-config --cflags --libs gmime-3.0 tomlplusplus) -lsimdjson -lcrypto -lfmt -ldate-tz \
//     -o build/mail_fuzzer
//   build/mail_fuzzer -max_total_time=60 CORPUS_DIR    # seeds: scripts/fuzz.sh mail
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "event/canonical.h"
#include "event/event_decoder.h"
#include "import/mail/mail_mapper.h"
#include "import/mail/mail_message.h"
#include "import/mail/new_text.h"
#include "import/mail/request_rules.h"

namespace {

const nanni::NanniConfig& Config() {
  static const nanni::NanniConfig* config = [] {
    auto* c = new nanni::NanniConfig;
    c->company.domains = {"ettus.com", "example.org"};
    c->accounts.domains["lists.ettus.com"] = "usrp-list";
    return c;
  }();
  return *config;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  nanni::MailMessage headers, m;
  nanni::ParseMailMessage(raw, /*headers_only=*/true, &headers);
  nanni::ParseMailMessage(raw, /*headers_only=*/false, &m);

  nanni::MailMapper mapper(&Config());
  nanni::MailFacts parent_facts;
  mapper.Facts(headers, raw, &parent_facts);
  // The message is its own index: exercises self-reference and loop handling.
  nanni::FactsLookup lookup = [&](const std::string& id) -> const nanni::MailFacts* {
    return id == parent_facts.id || id == parent_facts.parent ? &parent_facts : nullptr;
  };
  nanni::Event event;
  if (mapper.ToEvent(m, raw, lookup, "fuzz.mbox", 1, &event)) {
    static nanni::EventDecoder* decoder = new nanni::EventDecoder();
    std::string encoded = nanni::EncodeCanonical(event);
    nanni::Event back;
    nanni::Status st = decoder->Decode(encoded, &back);
    if (!st.ok()) {
      std::fprintf(stderr, "mail event does not decode: %s\n%s\n", st.ToString().c_str(),
                   encoded.c_str());
      std::abort();
    }
  }
  // The text helpers on raw bytes too (they see only cleaned text in the importer).
  std::string clean = nanni::CleanText(raw);
  nanni::SplitNewText(clean);
  nanni::DetectRequest(clean);
  nanni::HtmlToText(raw);
  return 0;
}
