// Candidate keys: the strings under which the candidate index files an entity,
// derived from the same name forms and token rules the comparator uses, so
// that any pair the comparator would score as a match shares at least one key.
// The index (src/index/) owns how keys are stored and ranked; this file owns
// what they are. Keys are namespaced by a one-letter prefix:
//   "t:<token>"      a name part, lower-case ASCII, as aligned
//   "r:<key>"        its romanization-variant key (names::RomanizationKey)
//   "p:<code>"       a phonetic code of a part
//                    (r: and p: also of the likeliest Latin spellings of a
//                    foreign name in characters, names::TranscriptionSpellings)
//   "t:<a><b>"       also adjacent parts joined ("shui"+"bian" -> "t:shuibian")
//   "n:<group>"      a nickname group
//   "s:<sounds>"     the first consonants in coarse sound classes, and with
//                    one left out (compare::TranscriptionKeys)
//   "j:<romaji>"     a Latin part folded as Japanese romaji, and the likely
//                    romaji of a kanji family or given name
//                    (names::JapaneseKey, names::JapaneseKeyReadings)
//   "i:<identifier>" an identifier (passport, national id, registration)
// Birth years are not keys (too unselective); the index may store them for
// filtering.
//
// Pure functions; thread-safe.
#ifndef VIGIL_COMPARE_KEYS_H_
#define VIGIL_COMPARE_KEYS_H_

#include <string>
#include <vector>

#include "vigil/matcher.h"

namespace vigil {

// Appends the entity's candidate keys to `keys`, deduplicated. Each key has
// a weight hint in [0,1] (the name part's rarity weight; 1 for identifiers)
// in the parallel vector `weights`. When `own_pass` is given, the keys that
// deserve a retrieval of their own go there too: the romaji of kanji (j:)
// and the likely Latin spellings of a foreign name in Chinese characters,
// which among the many keys of a Han name's Chinese and Korean readings
// would rank the Latin entry they stand for too low.
void CandidateKeys(const PreparedEntity& e, std::vector<std::string>* keys,
                   std::vector<float>* weights, std::vector<std::string>* own_pass = nullptr);

}  // namespace vigil

#endif  // VIGIL_COMPARE_KEYS_H_
