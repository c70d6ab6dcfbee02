#include "text/transliterate.h"

#include <unicode/utf8.h>

#include "text/internal/collector.h"
#include "text/internal/cyrillic.h"
#include "text/internal/icu_util.h"

namespace vigil::text {
namespace {

using internal::Collector;
using internal::CountTokens;

// Published schemes first in the order lists use them: current passports
// (ICAO 9303 since 2013), the press, geographic (BGN/PCGN), older passports
// (MVD 310 until 2010, MVD 782 2010-2013), GOST and ISO library schemes
// folded to ASCII, then the French-style spelling of old passports.
constexpr struct {
  const char* table;
  const char* scheme;
} kCyrillicSchemes[] = {
    {"icao_doc_9303", "icao-9303"}, {"informal", "informal"},     {"wikipedia", "wikipedia"},
    {"bgn_pcgn", "bgn-pcgn"},       {"mvd_310", "mvd-310"},       {"mvd_782", "mvd-782"},
    {"gost_7034", "gost-7034"},     {"gost_52535", "gost-52535"}, {"gost_779", "iso-9"},
    {"ala_lc", "ala-lc"},           {"scientific", "scientific"}, {"informal-j", "informal-j"},
    {"informal-x", "informal-x"},   {"mvd_310_fr", "mvd-310-fr"}, {"informal-fr", "informal-fr"},
};

// True when a letter outside the Russian alphabet appears (Ukrainian,
// Belarusian, Serbian, Macedonian, Bulgarian usage): ICU's general
// Cyrillic-Latin then adds its reading.
bool HasNonRussianLetter(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0x0400 && c <= 0x04FF && !(c >= 0x0430 && c <= 0x044F) && c != 0x0451) return true;
  }
  return false;
}

std::vector<Romanization> RomanizeCyrillic(std::string_view cleaned) {
  Collector out(CountTokens(cleaned));
  for (const auto& s : kCyrillicSchemes) {
    if (auto r = internal::CyrillicScheme(s.table, cleaned, /*ascii=*/true)) out.Add(*r, s.scheme);
  }
  if (HasNonRussianLetter(cleaned)) {
    out.Add(internal::TransliterateUtf8(internal::Translit::kCyrillicLatin, cleaned), "icu");
  }
  return out.Take();
}

}  // namespace

std::vector<Romanization> Romanize(std::string_view cleaned, Script script) {
  switch (script) {
    case Script::kCyrillic:
      return RomanizeCyrillic(cleaned);
    default:
      return {};
  }
}

}  // namespace vigil::text
