#include "text/transliterate.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "text/internal/abjad.h"
#include "text/internal/collector.h"
#include "text/internal/cyrillic.h"
#include "text/internal/hangul.h"
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

std::u32string Decode32(std::string_view s) {
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

std::vector<Romanization> RomanizeHebrew(std::string_view cleaned) {
  std::vector<std::vector<std::string>> tokens;
  for (const auto& t : Tokenize(cleaned)) tokens.push_back(internal::HebrewWordSpellings(t, 8));
  Collector out(tokens.size());
  Combine(tokens, "hebrew-vowelled", 32, out);
  // ICU's consonant skeleton last: some lists print exactly that.
  out.Add(internal::TransliterateUtf8(internal::Translit::kHebrewLatin, cleaned), "icu");
  return out.Take();
}

// Korean: a name written as one word of 2-4 syllables (김정은) is split into
// family name and given name, so the output has TWO tokens for that one input
// word ("kim jongun"); the given name's syllables stay joined (the comparator
// joins/splits syllables: "jong un" = "jongun"). Names already written with a
// space keep their words. Family name first, as written.
std::vector<Romanization> RomanizeHangul(std::string_view cleaned) {
  using internal::HangulScheme;
  using internal::HangulWord;
  std::vector<std::u32string> parts;
  for (const auto& w : Tokenize(cleaned)) parts.push_back(Decode32(w));
  if (parts.size() == 1 && parts[0].size() >= 2 && parts[0].size() <= 4) {
    std::u32string whole = parts[0];
    size_t f = internal::KoreanFamilyLength(whole);
    parts = {whole.substr(0, f), whole.substr(f)};
  }
  if (parts.empty()) return {};
  Collector out(parts.size());
  std::vector<std::string> family;
  if (parts.size() > 1 && parts[0].size() <= 2) family = internal::KoreanFamilySpellings(parts[0]);
  auto add = [&](const std::string& first, HangulScheme scheme, std::string_view name) {
    std::string s = first;
    for (size_t k = 1; k < parts.size(); ++k) s += " " + HangulWord(parts[k], scheme);
    out.Add(s, name);
  };
  constexpr struct {
    HangulScheme scheme;
    const char* name;
  } kSchemes[] = {{HangulScheme::kRevised, "rr"},
                  {HangulScheme::kPopular, "popular"},
                  {HangulScheme::kMcCune, "mccune-reischauer"},
                  {HangulScheme::kPopularOo, "popular"}};
  // Usual family spelling with each scheme's given name, then each scheme
  // pure (Gim Jeongeun), then the other family spellings.
  for (const auto& s : kSchemes) {
    add(family.empty() ? HangulWord(parts[0], s.scheme) : family[0], s.scheme, s.name);
  }
  for (const auto& s : kSchemes) add(HangulWord(parts[0], s.scheme), s.scheme, s.name);
  for (size_t j = 1; j < family.size(); ++j) {
    for (const auto& s : kSchemes) add(family[j], s.scheme, s.name);
  }
  return out.Take();
}

// Japanese kana through ICU (Hepburn-like, long vowels written out: satou),
// with the long-vowel spellings of passports and the press: o (Sato),
// ou (Satou), oh (Satoh), oo (Satoo); uu likewise.
std::vector<Romanization> RomanizeKana(std::string_view cleaned) {
  icu::UnicodeString u = internal::FromUtf8(cleaned);
  internal::Transliterate(internal::Translit::kKatakanaLatin, u);
  internal::Transliterate(internal::Translit::kHiraganaLatin, u);
  std::string base = internal::ToUtf8(u);
  Collector out(CountTokens(cleaned));
  auto replace_all = [](std::string s, std::string_view from, std::string_view to) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
      s.replace(p, from.size(), to);
    }
    return s;
  };
  std::string hepburn = replace_all(replace_all(base, "ou", "o"), "uu", "u");
  out.Add(hepburn, "hepburn");
  out.Add(base, "wapuro");
  out.Add(replace_all(replace_all(base, "ou", "oh"), "uu", "u"), "hepburn-oh");
  out.Add(replace_all(replace_all(base, "ou", "oo"), "uu", "uu"), "hepburn-oo");
  return out.Take();
}

std::vector<Romanization> RomanizeGreek(std::string_view cleaned) {
  Collector out(CountTokens(cleaned));
  out.Add(internal::TransliterateUtf8(internal::Translit::kGreekUngegn, cleaned), "elot-743");
  out.Add(internal::TransliterateUtf8(internal::Translit::kGreekLatin, cleaned), "icu");
  return out.Take();
}

// Armenian: BGN/PCGN spellings (Khachatryan) first, ICU's ISO 9985 folded
// (xacatryan) after.
std::vector<Romanization> RomanizeArmenian(std::string_view cleaned) {
  Collector out(CountTokens(cleaned));
  out.Add(internal::TransliterateUtf8(internal::Translit::kArmenianBgn, cleaned), "bgn-pcgn");
  out.Add(internal::TransliterateUtf8(internal::Translit::kArmenianLatin, cleaned), "iso-9985");
  return out.Take();
}

}  // namespace

std::vector<Romanization> Romanize(std::string_view cleaned, Script script) {
  switch (script) {
    case Script::kCyrillic:
      return RomanizeCyrillic(cleaned);
    case Script::kArabic:
      return RomanizeArabic(cleaned);
    case Script::kHebrew:
      return RomanizeHebrew(cleaned);
    case Script::kHangul:
      return RomanizeHangul(cleaned);
    case Script::kKana:
      return RomanizeKana(cleaned);
    case Script::kGreek:
      return RomanizeGreek(cleaned);
    case Script::kArmenian:
      return RomanizeArmenian(cleaned);
    case Script::kGeorgian: {
      Collector out(CountTokens(cleaned));
      out.Add(internal::TransliterateUtf8(internal::Translit::kGeorgianLatin, cleaned), "national");
      return out.Take();
    }
    default:
      return {};
  }
}

bool LooksNativeKoreanName(std::string_view cleaned) {
  std::vector<std::u32string> words;
  size_t total = 0;
  for (const auto& w : Tokenize(cleaned)) {
    std::u32string word = Decode32(w);
    for (char32_t c : word) {
      if (c < 0xAC00 || c > 0xD7A3) return false;  // not all Hangul syllables
    }
    total += word.size();
    words.push_back(std::move(word));
  }
  if (words.empty() || words.size() > 3 || total < 2 || total > 4) return false;
  std::u32string joined;
  for (const auto& w : words) joined += w;
  const size_t f = internal::KoreanFamilyLength(joined);
  // Written in words, the first one is the family name; a Korean given name
  // has one or two syllables (조 텔퍼드 is Zoe Telford).
  if (words.size() > 1 && words[0].size() != f) return false;
  if (joined.size() - f > 2) return false;
  return f == 2 || !internal::KoreanFamilySpellings(joined.substr(0, f)).empty();
}

}  // namespace vigil::text
