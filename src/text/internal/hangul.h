// Korean names in Hangul to Latin: Revised Romanization (RR, South Korean
// passports since 2000), McCune-Reischauer without diacritics (older South
// Korean and North Korean documents: ŏ -> o, ŭ -> u, aspirate marks
// dropped), and the "popular" spellings of the press (Kim Jong-un, Ban
// Ki-moon). Syllables are romanized one by one without sound-change rules
// across them, the way names are written on documents. Family names use the
// spellings people actually carry (김 Kim, 이 Lee/Yi, 박 Park/Pak): those
// generated from Wikidata (data/korean_surnames.tsv, scripts/gen_text_korean.py)
// and the conventional passport and press spellings kept by hand
// (data/korean_surname_spellings.tsv: 노 Roh, 이 Rhee, 백 Paik).
// Thread-safe: the table is parsed once behind a static.
#ifndef VIGIL_TEXT_INTERNAL_HANGUL_H_
#define VIGIL_TEXT_INTERNAL_HANGUL_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigil::text::internal {

enum class HangulScheme { kRevised, kMcCune, kPopular, kPopularOo };

// The syllables of `word` (other characters skipped) in `scheme`, joined.
std::string HangulWord(std::u32string_view word, HangulScheme scheme);

// Known spellings of a family name (one or two syllables): the Wikidata
// spellings, most common first, then the hand-kept conventional ones not
// among them; each once. Empty when unknown.
std::vector<std::string> KoreanFamilySpellings(std::u32string_view family);

// Length in syllables of the family name at the start of a one-word full
// name: 2 for 남궁, 황보, 제갈, 선우, 독고 ..., else 1.
size_t KoreanFamilyLength(std::u32string_view name);

}  // namespace vigil::text::internal

#endif  // VIGIL_TEXT_INTERNAL_HANGUL_H_
