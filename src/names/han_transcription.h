// How Chinese characters transcribe foreign names, learned from name pairs.
//
// Chinese writes a foreign name by sound, a character per syllable, with
// characters chosen by convention rather than by their Mandarin reading:
// Redmond 雷蒙 (re|dmond), Gupta 古普塔 (gu|p|ta), 斯 for a bare s, 尔 for an
// r or l, 克 for k, c or ck. The model (data/han/han_transcription.tsv,
// learned by scripts/gen_han_transcription.py from Wikidata name pairs) gives
// for each character the Latin letter runs it writes and how often. A Latin
// word is aligned with the characters, each writing one to five consecutive
// letters, and the best alignment is scored against chance in both
// directions: how much likelier the letters are written by these characters
// than anyway, and how much likelier each character is for its letters than
// in general.
//
// Pure functions; thread-safe (the model is static and immutable).
#ifndef VIGIL_NAMES_HAN_TRANSCRIPTION_H_
#define VIGIL_NAMES_HAN_TRANSCRIPTION_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::names {

// The characters of a run of Han characters (UTF-8, simplified) as the model
// knows them; empty when some character is not in the model or the run is
// not Han. Computed once per name part.
std::vector<uint16_t> HanTranscriptionChars(std::string_view han);

// How well `latin` (lower-case ASCII letters) fits as the name `chars`
// transcribe.
struct HanTranscriptionFit {
  // The log-likelihood ratio per letter of the word as these characters
  // write it against the same letters by chance, plus half the ratio per
  // character of each character given its letters against the character in
  // general, minus 1.5 for each odd character. Near or below 0 for unrelated
  // names; Gupta ~ 古普塔 is about 5.8, Redmond ~ 雷蒙 about 1.9.
  double evidence = 0;
  // Characters standing for consonants they hardly ever write (斯 for the p
  // of "gupta" in 古斯塔): a sign of another name.
  int odd = 0;
};

// nullopt when the two cannot be aligned (fewer letters than characters,
// more than five letters per character, or a letter outside a-z) or when a
// character is seen in fewer than ten transcribed names (军 of 马立军: a
// Chinese given name, not a transcription).
std::optional<HanTranscriptionFit> FitHanTranscription(std::string_view latin,
                                                       std::span<const uint16_t> chars);

// The alignment behind the evidence, for explanations and tests: the letters
// each character writes, separated by '|' ("re|dmond"). Empty when the two
// cannot be aligned.
std::string HanTranscriptionAlignment(std::string_view latin, std::span<const uint16_t> chars);

// The `n` likeliest Latin spellings the characters write, likeliest first
// (布鲁斯南 -> "brusnan", ...): keys for retrieval, so that a list finds the
// Latin name a transcription came from.
std::vector<std::string> HanTranscriptionSpellings(std::span<const uint16_t> chars, size_t n);

}  // namespace vigil::names

#endif  // VIGIL_NAMES_HAN_TRANSCRIPTION_H_
