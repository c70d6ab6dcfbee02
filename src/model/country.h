// Country names, demonyms and codes -> ISO 3166-1 alpha-2 codes.
//
// Watchlists write countries many ways: "China", "CHN", "Chinese", "Korea,
// North", "Iran (Islamic Republic of)", "USSR". CountryCode maps all of them
// to the lower-case alpha-2 code FollowTheMoney stores in nationality,
// country and citizenship ("cn", "kp", "ir", "su").
//
// Names come from ICU's English display names of every ISO country plus an
// authored table (country.cc) of demonyms, official long forms, list-specific
// spellings and historical states (su, yu, cs). Matching ignores case,
// accents, punctuation and a leading "the".
//
// Thread-safety: the lookup table is built once on first use (thread-safe
// static initialization); CountryCode may be called from several threads.
#ifndef VIGIL_MODEL_COUNTRY_H_
#define VIGIL_MODEL_COUNTRY_H_

#include <optional>
#include <string>
#include <string_view>

namespace vigil {

// The alpha-2 code ("cn") for a country name, demonym, alpha-2 or alpha-3
// code; nullopt when the text names no country vigil knows.
std::optional<std::string> CountryCode(std::string_view text);

}  // namespace vigil

#endif  // VIGIL_MODEL_COUNTRY_H_
