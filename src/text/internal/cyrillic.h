// Russian Cyrillic romanization schemes (iuliia: ICAO 9303, MVD 310/782,
// BGN/PCGN, GOST 7.79/7034/52535/16876, ISO 9, ALA-LC, Wikipedia ...) and two
// informal ones, run by one engine from the generated table
// data/cyrillic_schemes.tsv (scripts/gen_text_cyrillic.py).
// A letter is looked up, in order, by (previous letter, letter), by (letter,
// next letter), then alone; a word's last two letters may map as an ending.
// Letters a scheme lacks (Ukrainian і, Serbian ђ ...) fall back to ICU's
// Cyrillic-Latin. Thread-safe: the table is parsed once behind a static.
#ifndef VIGIL_TEXT_INTERNAL_CYRILLIC_H_
#define VIGIL_TEXT_INTERNAL_CYRILLIC_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::text::internal {

// `text` romanized with scheme `scheme` (e.g. "icao_doc_9303"), lower case.
// With ascii=false the scheme's own letters are kept ("ž", "ʹ", "·"), as in
// its published samples; with ascii=true the result is folded to [a-z] and
// other characters of a word are dropped. Characters between words are
// copied. nullopt for an unknown scheme.
std::optional<std::string> CyrillicScheme(std::string_view scheme, std::string_view text,
                                          bool ascii);

// Every scheme in the table, in table order.
std::vector<std::string> CyrillicSchemeNames();

}  // namespace vigil::text::internal

#endif  // VIGIL_TEXT_INTERNAL_CYRILLIC_H_
