// The data files of data/tone/, embedded in the binary at build time (the assembler's
// .incbin reads them; src/CMakeLists.txt makes this file depend on them).
#include "tone/tone_model.h"
#include "util/embed.h"

#ifndef NANNI_TONE_DATA_DIR
#error "NANNI_TONE_DATA_DIR must name the data/tone folder"
#endif


NANNI_EMBED(nanni_tone_lexicon, NANNI_TONE_DATA_DIR "/lexicon.tsv")
NANNI_EMBED(nanni_tone_rules, NANNI_TONE_DATA_DIR "/weights_rules.tsv")
NANNI_EMBED(nanni_tone_fitted, NANNI_TONE_DATA_DIR "/weights_fitted.tsv")

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
