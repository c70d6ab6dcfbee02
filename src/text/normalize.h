// Name normalization: the first filter of every name vigil reads.
// Pure functions of their input; thread-safe.
#ifndef VIGIL_TEXT_NORMALIZE_H_
#define VIGIL_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigil::text {

// NFKC, full case folding, fullwidth forms to ASCII, confusable letters folded
// to the dominant script of the name (Latin "A" written with Cyrillic "А"
// inside a Latin name becomes Latin, and the reverse), apostrophes and their
// look-alikes removed inside a word (Ch'en -> chen, O'Brien -> obrien),
// hyphens, dots, commas and other punctuation to a space, whitespace collapsed.
// Letters keep their script and diacritics: "José Ñúñez" -> "josé ñúñez".
// Invalid UTF-8 bytes are dropped.
std::string CleanName(std::string_view raw);

// Latin with diacritics to plain ASCII lower case: "josé" -> "jose",
// "straße" -> "strasse", "ø" -> "o", "ł" -> "l". Non-Latin letters pass through.
std::string FoldToAscii(std::string_view cleaned);

// Splits a cleaned name on spaces.
std::vector<std::string> Tokenize(std::string_view cleaned);

}  // namespace vigil::text

#endif  // VIGIL_TEXT_NORMALIZE_H_
