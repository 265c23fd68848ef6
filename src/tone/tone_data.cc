// The data files of data/tone/, embedded in the binary at build time (the assembler's
// .incbin reads them; src/CMakeLists.txt makes this file depend on them).
#include "tone/tone_model.h"

#ifndef NANNI_TONE_DATA_DIR
#error "NANNI_TONE_DATA_DIR must name the data/tone folder"
#endif

#define NANNI_EMBED(sym, file)                                     \
  __asm__(".section .rodata\n"                                     \
          ".global " #sym "_begin\n"                               \
          ".balign 16\n" #sym "_begin:\n"                          \
          ".incbin \"" NANNI_TONE_DATA_DIR "/" file "\"\n"         \
          ".global " #sym "_end\n" #sym "_end:\n"                  \
          ".byte 0\n"                                              \
          ".previous\n");                                          \
  extern "C" const char sym##_begin[];                             \
  extern "C" const char sym##_end[];

NANNI_EMBED(nanni_tone_lexicon, "lexicon.tsv")
NANNI_EMBED(nanni_tone_rules, "weights_rules.tsv")
NANNI_EMBED(nanni_tone_fitted, "weights_fitted.tsv")

namespace nanni {

std::vector<ToneDataFile> ToneModel::EmbeddedLexicons() {
  return {{"data/tone/lexicon.tsv",
           std::string_view(nanni_tone_lexicon_begin, nanni_tone_lexicon_end - nanni_tone_lexicon_begin)}};
}

std::vector<ToneDataFile> ToneModel::EmbeddedWeights() {
  return {{"data/tone/weights_rules.tsv",
           std::string_view(nanni_tone_rules_begin, nanni_tone_rules_end - nanni_tone_rules_begin)},
          {"data/tone/weights_fitted.tsv",
           std::string_view(nanni_tone_fitted_begin, nanni_tone_fitted_end - nanni_tone_fitted_begin)}};
}

}  // namespace nanni
