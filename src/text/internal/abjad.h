// Names in abjads -- Arabic script (Arabic, Persian, Urdu) and Hebrew -- to
// the Latin spellings people use.
// Arabic-script names (Arabic, Persian, Urdu letters) to the Latin spellings
// people use. Names are written without short vowels, so a letter-by-letter
// transliteration gives skeletons (mhmd); vigil instead
//  1. looks the word up in a lexicon generated from real name pairs
//     (data/arabic_lexicon.tsv, scripts/gen_text_arabic.py), and
//  2. always adds spellings from weighted letter rules searched with a beam:
//     consonant readings (ق q/k/g, ج j/g/dj ...), long-vowel letters
//     (ا a, و o/u/w, ي i/e/y), ة a/ah/at, ع as a vowel onset, a guessed short
//     vowel between two consonants, written harakat where present, the
//     article ال as al/el/assimilated (ash-, ar-), and عبدال as abdul/abdel.
// Hebrew works the same way with data/hebrew_lexicon.tsv
// (scripts/gen_text_hebrew.py, Wikidata names) and Hebrew letter rules
// (ו o/u/v, י i/e/y, ב b/v, כ k/ch, פ p/f, final ה a/ah/e, guessed a/e).
// Thread-safe: the lexicons are parsed once behind a static.
#ifndef VIGIL_TEXT_INTERNAL_ARABIC_H_
#define VIGIL_TEXT_INTERNAL_ARABIC_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigil::text::internal {

// The lexicon key of a word: short-vowel marks and tatweel removed, alef
// forms to bare alef, alef maqsura and Persian yeh to yeh, Persian kaf to kaf.
// Must agree with arabic_key() in scripts/gen_text_arabic.py.
std::string ArabicKey(std::string_view word);

// Latin spellings of one Arabic-script word, most likely first, at most
// `limit`, each lower-case a-z.
std::vector<std::string> ArabicWordSpellings(std::string_view word, size_t limit);

// Only the rule-based part (for tests and measurement).
std::vector<std::string> ArabicRuleSpellings(std::string_view word, size_t limit);

// Hebrew: the lexicon key (points, geresh and apostrophes removed), and
// spellings as for Arabic.
std::string HebrewKey(std::string_view word);
std::vector<std::string> HebrewWordSpellings(std::string_view word, size_t limit);
std::vector<std::string> HebrewRuleSpellings(std::string_view word, size_t limit);

}  // namespace vigil::text::internal

#endif  // VIGIL_TEXT_INTERNAL_ARABIC_H_
