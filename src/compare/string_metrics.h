// String metrics over names: Jaro, Jaro-Winkler, Levenshtein, Damerau-Levenshtein,
// Hamming and Jaccard. They follow the definitions of the jellyfish library
// (tests/data/jellyfish/ holds its reference vectors and every row passes), except
// that strings are compared by Unicode code point rather than by grapheme cluster:
// vigil hands these functions NFC-cleaned, mostly ASCII tokens, where the two agree.
//
// Inputs are UTF-8; an invalid byte counts as one unit of its own. The comparator
// calls these in its inner loop, so strings of up to kInlineLength code points are
// compared without touching the heap; longer strings still work, with one allocation.
//
// Pure functions; thread-safe.
#ifndef VIGIL_COMPARE_STRING_METRICS_H_
#define VIGIL_COMPARE_STRING_METRICS_H_

#include <cstddef>
#include <string_view>

namespace vigil::compare {

// Strings up to this many code points are compared on the stack.
inline constexpr size_t kInlineLength = 64;

// Jaro similarity in [0, 1]; 0 when either string is empty.
double Jaro(std::string_view a, std::string_view b);

// Jaro-Winkler similarity in [0, 1]: Jaro boosted by a common prefix of up to
// 4 code points with scale 0.1, applied only when Jaro exceeds 0.7.
double JaroWinkler(std::string_view a, std::string_view b);

// Jaro-Winkler with Winkler's "long tolerance" adjustment: strings longer than
// 4 code points that agree on more than half of what follows the common prefix
// get a further boost.
double JaroWinklerLongTolerance(std::string_view a, std::string_view b);

// Edit distance with insertions, deletions and substitutions, each costing 1.
int Levenshtein(std::string_view a, std::string_view b);

// Unrestricted Damerau-Levenshtein distance: Levenshtein plus transposition of
// two adjacent code points, where a transposed pair may be edited further
// (jellyfish's definition, not the "optimal string alignment" restriction).
int DamerauLevenshtein(std::string_view a, std::string_view b);

// Number of positions at which the strings differ, plus the difference of
// their lengths (jellyfish's definition, defined for unequal lengths too).
int Hamming(std::string_view a, std::string_view b);

// Jaccard index of two sets. With ngram_size 0 the sets are the
// whitespace-separated words; with ngram_size n > 0 they are the
// non-overlapping chunks of n code points ("night", 2 -> {ni, gh, t}).
// 0 when both sets are empty.
double Jaccard(std::string_view a, std::string_view b, size_t ngram_size = 0);

}  // namespace vigil::compare

#endif  // VIGIL_COMPARE_STRING_METRICS_H_
