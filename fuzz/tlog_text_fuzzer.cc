// Fuzzes the transparency log's text formats, all of which arrive from outside (a customer's
// checkpoint, a proof handed over, a witness's request): the first byte picks the parser, the
// rest is its input. Anything must parse or give an error that quotes no input raw; what
// parses must format back to the same bytes (the parsers are strict, so each text has one
// form); and checking a proof of any bytes must never crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_checks.h"
#include "ledger/event_proof.h"
#include "tlog/checkpoint.h"
#include "tlog/proof_bundle.h"
#include "tlog/signed_note.h"
#include "tlog/witness.h"

namespace {

void Same(std::string_view what, std::string_view in, const std::string& out) {
  if (in == out) return;
  std::fprintf(stderr, "%.*s does not format back to its input\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string out;
  switch (data[0] % 5) {
    case 0: {
      nanni::Checkpoint c;
      nanni::Status st = nanni::ParseCheckpoint(text, &c);
      nanni::fuzz::CheckMessage(st);
      if (st.ok()) Same("a checkpoint", text, nanni::FormatCheckpoint(c));
      break;
    }
    case 1: {
      nanni::SignedNote note;
      nanni::Status st = nanni::ParseSignedNote(text, &note);
      nanni::fuzz::CheckMessage(st);
      if (st.ok() && nanni::FormatSignedNote(note, &out).ok()) Same("a signed note", text, out);
      nanni::TrustedCheckpoint trusted;
      nanni::fuzz::CheckMessage(nanni::TrustCheckpoint(text, nanni::fuzz::TestLogKey(), {}, 0, &trusted));
      break;
    }
    case 2: {
      nanni::ProofBundle bundle;
      nanni::Status st = nanni::ParseProofBundle(text, &bundle);
      nanni::fuzz::CheckMessage(st);
      if (st.ok() && nanni::FormatProofBundle(bundle, &out).ok()) Same("a proof", text, out);
      nanni::ProvenEvent proven;
      nanni::fuzz::CheckMessage(nanni::VerifyEventProof(text, nanni::fuzz::TestLogKey(), {}, 0, &proven));
      break;
    }
    case 3: {
      nanni::AddCheckpointRequest request;
      nanni::Status st = nanni::ParseAddCheckpoint(text, &request);
      nanni::fuzz::CheckMessage(st);
      if (st.ok()) Same("a witness request", text, nanni::FormatAddCheckpoint(request));
      break;
    }
    default: {
      nanni::EventLeaf leaf;
      nanni::Status st = nanni::DecodeEventLeaf(text, &leaf);
      nanni::fuzz::CheckMessage(st);
      if (st.ok()) Same("an event's leaf data", text, nanni::EncodeEventLeaf(leaf));
      break;
    }
  }
  return 0;
}
