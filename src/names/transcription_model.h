// How a script transcribes foreign names, learned from name pairs.
//
// Some scripts write a foreign name by sound, a unit per syllable, with units
// chosen by convention rather than by their own reading. Chinese characters:
// Redmond 雷蒙 (re|dmond), Gupta 古普塔 (gu|p|ta), 斯 for a bare s, 尔 for an
// r or l, 克 for k, c or ck. Hangul syllable blocks, following the source
// language: Stefan Zweig 슈테판 츠바이크 (s|te|fan z|we|i|g), Jörg 외르크
// (jo|r|g). Cyrillic letters, as Russian writes foreign names by ear:
// Hippocrates гиппократ (h|i|p|p|o|c|r|a|tes), Wilhelm вильгельм
// (w|i|l||h|e|l||m: the soft sign writes nothing). Arabic letters, which
// leave short vowels out: Schmitz تشميتز (|sch|m|i|t|z). A model per script
// (data/han/han_transcription.tsv, data/hangul/hangul_transcription.tsv,
// data/cyrillic/cyrillic_transcription.tsv,
// data/arabic/arabic_transcription.tsv, learned by
// scripts/gen_transcription.py from Wikidata name pairs) gives for each unit
// the Latin letter runs it writes and how often. A Latin word is aligned with
// the units, each writing one to a few consecutive letters (a Cyrillic or
// Arabic letter possibly none), and the best alignment is scored against
// chance in both directions: how much likelier the letters are written by
// these units than anyway, and how much likelier each unit is for its
// letters than in general.
//
// Pure functions; thread-safe (the models are static and immutable, built on
// first use; FitTranscription remembers its last fits per thread).
#ifndef VIGIL_NAMES_TRANSCRIPTION_MODEL_H_
#define VIGIL_NAMES_TRANSCRIPTION_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::names {

// The scripts with a model, and their units.
enum class TranscriptionScript : uint8_t {
  kHan,       // a Chinese character (simplified); pooled by its pinyin
  kHangul,    // a Hangul syllable block; pooled by its Revised Romanization
  kCyrillic,  // a Russian letter, lower case; pooled by its ICAO 9303 reading
  kArabic,    // an Arabic letter (vowel marks left out); pooled with its other forms
};

// A word as the units of one script's model.
struct TranscriptionUnits {
  TranscriptionScript script = TranscriptionScript::kHan;
  std::vector<uint16_t> ids;  // the model's ids, in writing order

  bool empty() const { return ids.empty(); }
};

// The units of a word written in `script` (UTF-8; Han simplified), as the
// model knows them; empty when some unit is not in the model or the word is
// not in that script. Arabic vowel marks, shadda and tatweel are left out,
// Persian yeh and kaf read as the Arabic letters. Computed once per name part.
TranscriptionUnits ReadTranscriptionUnits(TranscriptionScript script, std::string_view word);

// How well `latin` (lower-case ASCII letters) fits as the name the units
// transcribe.
struct TranscriptionFit {
  // The log-likelihood ratio per letter of the word as these units write
  // it against the same letters by chance, plus half the ratio per unit of
  // each unit given its letters against the unit in general, minus 1.5 for
  // each odd unit. Near or below 0 for unrelated names; Gupta ~ 古普塔 is
  // about 5.8, Redmond ~ 雷蒙 about 1.9.
  double evidence = 0;
  // Units standing for consonants they hardly ever write (斯 for the p of
  // "gupta" in 古斯塔): a sign of another name.
  int odd = 0;
};

// nullopt when the two cannot be aligned (fewer letters than units, except
// in Cyrillic and Arabic; more than the script's letters per unit: five for
// Han and Arabic, six for Hangul, four for Cyrillic; a letter outside a-z),
// or when a Chinese character is seen in fewer than five transcribed names
// (军 of 马立军: a Chinese given name, not a transcription).
std::optional<TranscriptionFit> FitTranscription(std::string_view latin,
                                                 const TranscriptionUnits& units);

// Whether the units commonly write `latin`'s first letter first (a unit
// writes a run starting with it in 2% of its names, after units that may
// write nothing): a cheap check before FitTranscription, which for any
// other word finds little evidence. The ت of تش writes nothing before the
// ch of Charles; ج writes the g of Greenberg.
bool TranscriptionOnsetPossible(std::string_view latin, const TranscriptionUnits& units);

// The alignment behind the evidence, for explanations and tests: the letters
// each unit writes, separated by '|' ("re|dmond"). Empty when the two cannot
// be aligned.
std::string TranscriptionAlignment(std::string_view latin, const TranscriptionUnits& units);

// The `n` likeliest Latin spellings the units write, likeliest first
// (布鲁斯南 -> "brusnan", ...): keys for retrieval, so that a list finds the
// Latin name a transcription came from.
std::vector<std::string> TranscriptionSpellings(const TranscriptionUnits& units, size_t n);

}  // namespace vigil::names

#endif  // VIGIL_NAMES_TRANSCRIPTION_MODEL_H_
