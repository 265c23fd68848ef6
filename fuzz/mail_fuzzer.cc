// libFuzzer target: one mail message from arbitrary bytes through GMime and the whole mapping
// to an event (import/mail/). Whatever the bytes, nothing may crash, leak or trip ASan/UBSan,
// and the event produced must be one the NDJSON decoder accepts (valid UTF-8, valid kind...).
//
// Built by fuzz/CMakeLists.txt (the `fuzz` preset) and run by scripts/fuzz.sh, which seeds it
// from the real mail archives (seed_mail_fuzzer).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "event/canonical.h"
#include "event/event_decoder.h"
#include "import/mail/mail_date.h"
#include "import/mail/mail_mapper.h"
#include "import/mail/mail_message.h"
#include "import/mail/mime_params.h"
#include "import/mail/request_rules.h"
#include "text/new_text.h"

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
  nanni::WithoutCode(nanni::SplitNewText(clean).new_text);
  nanni::DetectRequest(clean);
  nanni::HtmlToText(raw);
  std::string_view bytes(raw);
  nanni::Timestamp date;
  nanni::ParseMailDate(bytes.substr(0, 300), &date);
  std::string param;
  nanni::ExtendedParameter(bytes.substr(0, 4096), "filename", &param);
  nanni::VisibleName(bytes.substr(0, 4096));
  return 0;
}
