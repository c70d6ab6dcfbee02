#include "text/transliterate.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "text/internal/arabic.h"
#include "text/internal/collector.h"
#include "text/internal/cyrillic.h"
#include "text/internal/icu_util.h"
#include "text/normalize.h"

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

// Whole-name spellings from per-token lists (each most likely first): first
// every token's i-th spelling together (keeps one reading style across the
// name), then combinations in order of the sum of their ranks.
void Combine(const std::vector<std::vector<std::string>>& tokens, std::string_view scheme,
             size_t max, Collector& out) {
  if (tokens.empty()) return;
  size_t depth = 0;
  for (const auto& t : tokens) {
    if (t.empty()) return;  // a word with no reading: no candidate keeps the word count
    depth = std::max(depth, t.size());
  }
  std::vector<size_t> pick(tokens.size());
  auto emit = [&] {
    std::string s;
    for (size_t k = 0; k < tokens.size(); ++k) {
      if (k) s.push_back(' ');
      s += tokens[k][pick[k]];
    }
    out.Add(s, scheme);
  };
  for (size_t i = 0; i < depth && out.size() < max; ++i) {
    for (size_t k = 0; k < tokens.size(); ++k) pick[k] = std::min(i, tokens[k].size() - 1);
    emit();
  }
  // Rank vectors with sum `total`, enumerated recursively.
  auto rec = [&](auto& self, size_t k, size_t left) -> void {
    if (out.size() >= max) return;
    if (k + 1 == tokens.size()) {
      if (left < tokens[k].size()) {
        pick[k] = left;
        emit();
      }
      return;
    }
    for (size_t r = 0; r <= left && r < tokens[k].size(); ++r) {
      pick[k] = r;
      self(self, k + 1, left - r);
    }
  };
  for (size_t total = 1; total <= depth * tokens.size() && out.size() < max; ++total) {
    rec(rec, 0, total);
  }
}

std::vector<Romanization> RomanizeArabic(std::string_view cleaned) {
  std::vector<std::vector<std::string>> tokens;
  for (const auto& t : Tokenize(cleaned)) tokens.push_back(internal::ArabicWordSpellings(t, 8));
  Collector out(tokens.size());
  Combine(tokens, "arabic-vowelled", 32, out);
  return out.Take();
}

}  // namespace

std::vector<Romanization> Romanize(std::string_view cleaned, Script script) {
  switch (script) {
    case Script::kCyrillic:
      return RomanizeCyrillic(cleaned);
    case Script::kArabic:
      return RomanizeArabic(cleaned);
    default:
      return {};
  }
}

}  // namespace vigil::text
