#include "text/internal/hangul.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <unordered_map>

#include "model/embedded.h"
#include "text/internal/table.h"

VIGIL_DECLARE_EMBEDDED(korean_surnames);
VIGIL_DECLARE_EMBEDDED(korean_surname_spellings);

namespace vigil::text::internal {
namespace {

constexpr char32_t kFirst = 0xAC00, kLast = 0xD7A3;

// Jamo readings by index (Unicode order: 19 initials, 21 vowels, 28 finals
// with 0 = none). RR: Revised Romanization of Korean (2000), MR: McCune-
// Reischauer with diacritics and apostrophes dropped.
constexpr std::array<const char*, 19> kInitialRr = {"g",  "kk", "n", "d",  "tt", "r", "m",
                                                    "b",  "pp", "s", "ss", "",   "j", "jj",
                                                    "ch", "k",  "t", "p",  "h"};
constexpr std::array<const char*, 19> kInitialMr = {"k",  "kk", "n", "t",  "tt", "r",  "m",
                                                    "p",  "pp", "s", "ss", "",   "ch", "tch",
                                                    "ch", "k",  "t", "p",  "h"};
// MR voices plain stops inside a word after a vowel or a sonorant.
constexpr std::array<const char*, 19> kInitialMrVoiced = {"g",  "kk", "n", "d",  "tt", "r", "m",
                                                          "b",  "pp", "s", "ss", "",   "j", "tch",
                                                          "ch", "k",  "t", "p",  "h"};
// Press style: k for ㄱ word-initially (Kim, Kang), else voiced; b and d
// (Ban, Bae, Do); j for ㅈ (Jong-un).
constexpr std::array<const char*, 19> kInitialPopular = {"k",  "kk", "n", "d",  "tt", "r", "m",
                                                         "b",  "pp", "s", "ss", "",   "j", "jj",
                                                         "ch", "k",  "t", "p",  "h"};
constexpr std::array<const char*, 19> kInitialPopularVoiced = {
    "g",  "kk", "n", "d",  "tt", "r", "m", "b", "pp", "s",
    "ss", "",   "j", "jj", "ch", "k", "t", "p", "h"};

constexpr std::array<const char*, 21> kVowelRr = {"a",  "ae", "ya", "yae", "eo", "e",  "yeo",
                                                  "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                                  "wo", "we", "wi", "yu",  "eu", "ui", "i"};
constexpr std::array<const char*, 21> kVowelMr = {"a",  "ae", "ya", "yae", "o",  "e",  "yo",
                                                  "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                                  "wo", "we", "wi", "yu",  "u",  "ui", "i"};
// Press style with oo for ㅜ and eo/eu kept (Ban Ki-moon, Moon Jae-in).
constexpr std::array<const char*, 21> kVowelOo = {"a",  "ae", "ya", "yae", "eo", "e",  "yeo",
                                                  "ye", "o",  "wa", "wae", "oe", "yo", "oo",
                                                  "wo", "we", "wi", "yoo", "eu", "ui", "i"};

constexpr std::array<const char*, 28> kFinal = {"",  "k",  "k", "k", "n", "n", "n", "t", "l", "k",
                                                "m", "l",  "l", "l", "p", "l", "m", "p", "p", "t",
                                                "t", "ng", "t", "t", "k", "t", "p", "t"};
// RR keeps a final ㄱ as "g" in the spelling of names more often than not
// (Seok-ju / Seog-ju are both seen); vigil uses the standard k.

using SurnameTable = std::unordered_map<std::u32string, std::vector<std::string>>;

std::u32string Decode(std::string_view s) {
  std::u32string out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// The union of the Wikidata-derived spellings (most frequent first) and the
// hand-kept conventional ones (data/korean_surname_spellings.tsv), each
// spelling once, Wikidata's first.
const SurnameTable& Surnames() {
  static const SurnameTable* t = [] {
    auto* m = new SurnameTable();
    auto add_rows = [m](std::string_view table) {
      ForEachRow(table, [&](const std::vector<std::string_view>& c) {
        if (c.size() < 2) return;
        auto& v = (*m)[Decode(c[0])];
        for (size_t i = 1; i < c.size(); ++i) {
          if (!c[i].empty() && std::find(v.begin(), v.end(), c[i]) == v.end()) v.emplace_back(c[i]);
        }
      });
    };
    add_rows(VIGIL_EMBEDDED(korean_surnames));
    add_rows(VIGIL_EMBEDDED(korean_surname_spellings));
    return m;
  }();
  return *t;
}

}  // namespace

std::string HangulWord(std::u32string_view word, HangulScheme scheme) {
  std::string out;
  bool after_sound = false;  // previous syllable ends in a vowel or sonorant
  bool first = true;
  for (char32_t c : word) {
    if (c < kFirst || c > kLast) continue;
    const uint32_t s = c - kFirst;
    const uint32_t l = s / 588, v = (s % 588) / 28, t = s % 28;
    const bool voiced = !first && after_sound;
    switch (scheme) {
      case HangulScheme::kRevised:
        out += kInitialRr[l];
        out += kVowelRr[v];
        break;
      case HangulScheme::kMcCune:
        out += voiced ? kInitialMrVoiced[l] : kInitialMr[l];
        out += kVowelMr[v];
        break;
      case HangulScheme::kPopular:
        out += voiced || !first ? kInitialPopularVoiced[l] : kInitialPopular[l];
        out += kVowelMr[v];
        break;
      case HangulScheme::kPopularOo:
        out += voiced || !first ? kInitialPopularVoiced[l] : kInitialPopular[l];
        out += kVowelOo[v];
        break;
    }
    out += kFinal[t];
    // Sonorant finals: none, ㄴ, ㄹ, ㅁ, ㅇ.
    after_sound = t == 0 || t == 4 || t == 8 || t == 16 || t == 21;
    first = false;
  }
  return out;
}

std::vector<std::string> KoreanFamilySpellings(std::u32string_view family) {
  const auto& t = Surnames();
  auto it = t.find(std::u32string(family));
  return it == t.end() ? std::vector<std::string>{} : it->second;
}

size_t KoreanFamilyLength(std::u32string_view name) {
  // The two-syllable family names (also listed in gen_text_korean.py).
  static constexpr std::u32string_view kTwo[] = {U"남궁", U"황보", U"제갈", U"선우",
                                                 U"독고", U"사공", U"서문", U"동방"};
  if (name.size() >= 3) {
    for (auto two : kTwo) {
      if (name.substr(0, 2) == two) return 2;
    }
  }
  return 1;
}

}  // namespace vigil::text::internal
