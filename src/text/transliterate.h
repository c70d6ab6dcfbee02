// Transliteration of non-Latin names to Latin spellings people actually use.
// Thread-safe: tables are built once, on first use, behind a static.
#ifndef VIGIL_TEXT_TRANSLITERATE_H_
#define VIGIL_TEXT_TRANSLITERATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/script.h"

namespace vigil::text {

struct Romanization {
  std::string text;    // lower-case ASCII, tokens separated by one space
  std::string scheme;  // "icao-9303", "bgn-pcgn", "gost-7034", "iso-9", "informal", "rr",
                       // "mccune-reischauer", "hepburn", "arabic-vowelled", "icu", ...
};

// The Latin spellings of a cleaned (CleanName) name in `script`, most usual
// first, without duplicates. Word boundaries are kept: one token in, one token
// out. For scripts that write no short vowels (Arabic, Hebrew) the spellings
// are vowelled the way names are commonly written (محمد -> muhammad, mohammed),
// not consonant skeletons. Han is not handled here (see names/chinese.h): for
// kHan, kLatin and kUnknown the result is empty.
// One exception to one-token-per-token: a Korean name written as a single
// Hangul word of 2-4 syllables (김정은) is split into family name and given
// name, so it gives two tokens, family name first as written, given name
// syllables joined ("kim jongun", "gim jeongeun"); the comparator joins and
// splits syllables ("jong un" = "jongun").
std::vector<Romanization> Romanize(std::string_view cleaned, Script script);

// Whether a cleaned Hangul name reads as a Korean person's own name rather
// than a foreign name written in Hangul: a known Korean family name first
// (김, 박, 남궁 ...) and a given name of one or two syllables, in one to three
// words.
// "김정은", "김 정은" yes; "마이클 존슨", "폴 랑주뱅", "저우허양", "조 텔퍼드" no.
bool LooksNativeKoreanName(std::string_view cleaned);

}  // namespace vigil::text

#endif  // VIGIL_TEXT_TRANSLITERATE_H_
