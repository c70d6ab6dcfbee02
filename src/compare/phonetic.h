// Phonetic codes for names: Soundex, Metaphone, NYSIIS and the Match Rating
// Approach. They follow the jellyfish library's definitions, and every row of
// its reference vectors (tests/data/jellyfish/) passes.
//
// Inputs are UTF-8 in any case; they are upper-cased (full Unicode case
// mapping) first. Soundex and Metaphone also decompose (NFKD), so "Ç" codes
// as "C"; NYSIIS and the match rating keep precomposed letters, which are
// neither vowels nor coded consonants ("Frédéric" -> "FRÉÉRC"). Codes are
// UTF-8; an empty input gives an empty code.
//
// Pure functions; thread-safe.
#ifndef VIGIL_COMPARE_PHONETIC_H_
#define VIGIL_COMPARE_PHONETIC_H_

#include <optional>
#include <string>
#include <string_view>

namespace vigil::compare {

// American Soundex: first letter and three digits ("Washington" -> "W252").
std::string Soundex(std::string_view s);

// Lawrence Philips' original Metaphone; words in a phrase are coded apart and
// joined by one space ("sunlight labs" -> "SNLT LBS").
std::string Metaphone(std::string_view s);

// New York State Identification and Intelligence System code
// ("Catherine", "Katherine", "Katerina" -> "CATARAN").
std::string Nysiis(std::string_view s);

// Match Rating Approach codex: first letter, then consonants without doubles,
// first three and last three kept when longer than six ("Catherine" -> "CTHRN").
std::string MatchRatingCodex(std::string_view s);

// Match Rating Approach comparison: whether the two names match. nullopt when
// their codexes differ in length by 3 or more, where the method gives no answer.
std::optional<bool> MatchRatingComparison(std::string_view a, std::string_view b);

}  // namespace vigil::compare

#endif  // VIGIL_COMPARE_PHONETIC_H_
