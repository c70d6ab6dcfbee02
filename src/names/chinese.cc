#include "names/chinese.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "model/embedded.h"

VIGIL_DECLARE_EMBEDDED(han_chars);
VIGIL_DECLARE_EMBEDDED(han_surnames);
VIGIL_DECLARE_EMBEDDED(han_t2s);
VIGIL_DECLARE_EMBEDDED(han_wade_giles);

namespace vigil::names {
namespace {

struct CharInfo {
  bool surname = false;
  bool given = false;
  std::vector<std::string> pinyin;          // most common reading first; ü written v
  std::vector<std::string> hk;              // HK government spelling first
  std::vector<std::string> korean;          // Revised Romanization, then the common spelling
  std::vector<std::string> korean_surname;  // spellings of the reading as a surname
};

struct Spelling {
  std::string text;
  std::string scheme;
};

struct SurnameInfo {
  double ppm = 0;
  // One character: alternative surname readings, preferred first. Several
  // characters (尉迟): one syllable per character.
  std::vector<std::string> pinyin;
  std::vector<std::string> confusable;  // the common reading people also write
  std::vector<std::string> hk;          // HK spelling of the surname reading
  std::vector<Spelling> others;         // dialect, Taiwan, Korean, sinonym spellings
};

// Scheme names returned by ChineseSyllableMatch; a pair stores an index.
constexpr std::array<std::string_view, 14> kSchemes = {
    "same",   "wade-giles", "pinyin", "cantonese", "hokkien", "teochew",      "hakka",
    "taiwan", "korean",     "fuzhou", "sinonym",   "surname", "hk-cantonese", "cantonese-variant"};

uint8_t SchemeIndex(std::string_view s) {
  for (size_t i = 0; i < kSchemes.size(); ++i) {
    if (kSchemes[i] == s) return static_cast<uint8_t>(i);
  }
  return 11;  // "surname": a spelling from a table with another label
}

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  if (s == "-") return out;
  for (std::string_view w : SplitOn(s, ' ')) out.emplace_back(w);
  return out;
}

// Calls fn(columns) for each data row of an embedded TSV table.
template <typename Fn>
void ForEachRow(std::string_view table, Fn fn) {
  for (std::string_view line : SplitOn(table, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols;
    size_t start = 0;
    while (true) {
      size_t end = line.find('\t', start);
      cols.push_back(line.substr(start, end == std::string_view::npos ? end : end - start));
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    fn(cols);
  }
}

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

void AppendUtf8(std::string& out, char32_t c) {
  char buf[4];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(c));
  out.append(buf, static_cast<size_t>(len));
}

// Packs a syllable of at most 6 letters a-z into 30 bits (5 bits a letter);
// 0 for anything else, which no stored pair uses.
uint32_t Pack(std::string_view s) {
  if (s.empty() || s.size() > 6) return 0;
  uint32_t v = 0;
  for (char c : s) {
    if (c < 'a' || c > 'z') return 0;
    v = (v << 5) | static_cast<uint32_t>(c - 'a' + 1);
  }
  return v;
}

// A Cantonese spelling without what the Hong Kong government's spelling and
// the Jyutping-like one write differently: the voicing of the initial (do /
// to, geung / keung, ban / pan, juk / chuk) and a long a (maang / mang).
std::string CantoneseSkeleton(std::string_view s) {
  std::string out;
  if (s.starts_with("ch")) {
    out = "c";
    s.remove_prefix(2);
  } else if (!s.empty()) {
    const char c = s[0];
    out = c == 'd' ? 't' : c == 'g' ? 'k' : c == 'b' ? 'p' : c == 'j' ? 'c' : c;
    s.remove_prefix(1);
  }
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == 'a' && i + 1 < s.size() && s[i + 1] == 'a') continue;
    out += s[i];
  }
  return out;
}

uint64_t PairKey(uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | b;
}

// A syllable spelled with a vowel (or "tsz", "sze"-like z finals); bare
// consonant readings (ng 吳, m 唔) only count as a whole token.
bool HasNucleus(std::string_view s) {
  return s.find_first_of("aeiouyvz") != std::string_view::npos;
}

class HanTables {
 public:
  HanTables() {
    ForEachRow(VIGIL_EMBEDDED(han_t2s), [&](const std::vector<std::string_view>& c) {
      if (c.size() < 2) return;
      std::u32string t = DecodeUtf8(c[0]), s = DecodeUtf8(c[1]);
      if (t.size() == 1 && s.size() == 1) t2s_[t[0]] = s[0];
    });
    ForEachRow(VIGIL_EMBEDDED(han_wade_giles), [&](const std::vector<std::string_view>& c) {
      if (c.size() >= 2) wade_giles_[std::string(c[0])] = std::string(c[1]);
    });
    ForEachRow(VIGIL_EMBEDDED(han_chars), [&](const std::vector<std::string_view>& c) {
      if (c.size() < 6) return;
      std::u32string ch = DecodeUtf8(c[0]);
      if (ch.size() != 1) return;
      CharInfo info;
      info.surname = c[1].find('s') != std::string_view::npos;
      info.given = c[1].find('g') != std::string_view::npos;
      info.pinyin = Words(c[2]);
      info.hk = Words(c[3]);
      info.korean = Words(c[4]);
      info.korean_surname = Words(c[5]);
      chars_.emplace(ch[0], std::move(info));
    });
    ForEachRow(VIGIL_EMBEDDED(han_surnames), [&](const std::vector<std::string_view>& c) {
      if (c.size() < 6) return;
      SurnameInfo info;
      info.ppm = std::strtod(std::string(c[1]).c_str(), nullptr);
      info.pinyin = Words(c[2]);
      info.confusable = Words(c[3]);
      info.hk = Words(c[4]);
      for (const std::string& w : Words(c[5])) {
        size_t colon = w.find(':');
        if (colon == std::string::npos) continue;
        info.others.push_back({w.substr(0, colon), w.substr(colon + 1)});
      }
      surnames_.emplace(DecodeUtf8(c[0]), std::move(info));
    });
    BuildSyllables();
  }

  const CharInfo* Char(char32_t c) const {
    auto it = chars_.find(c);
    return it == chars_.end() ? nullptr : &it->second;
  }
  const SurnameInfo* Surname(const std::u32string& s) const {
    auto it = surnames_.find(s);
    return it == surnames_.end() ? nullptr : &it->second;
  }
  char32_t Simplify(char32_t c) const {
    auto it = t2s_.find(c);
    return it == t2s_.end() ? c : it->second;
  }
  // Toneless Wade-Giles of a pinyin syllable (v for ü accepted); the input
  // when the syllable is unknown.
  std::string WadeGiles(const std::string& pinyin) const {
    auto it = wade_giles_.find(pinyin);
    return it == wade_giles_.end() ? pinyin : it->second;
  }
  bool IsSyllable(std::string_view s) const { return syllables_.count(std::string(s)) > 0; }
  size_t max_syllable() const { return max_syllable_; }
  std::optional<std::string_view> Match(std::string_view a, std::string_view b) const {
    uint32_t pa = Pack(a), pb = Pack(b);
    if (pa == 0 || pb == 0) return std::nullopt;
    if (pa == pb) {
      if (IsSyllable(a)) return kSchemes[0];
      return std::nullopt;
    }
    auto it = pairs_.find(PairKey(pa, pb));
    if (it == pairs_.end()) return std::nullopt;
    return kSchemes[it->second];
  }
  bool CantoneseVariants(std::string_view a, std::string_view b) const {
    const uint32_t pa = Pack(a), pb = Pack(b);
    return pa != 0 && pb != 0 && pa != pb && cantonese_variants_.count(PairKey(pa, pb)) > 0;
  }
  // The pinyin readings of name characters read `korean` (Revised
  // Romanization of the syllable) in Korean.
  const std::vector<std::string>& SinoKorean(std::string_view korean) const {
    static const std::vector<std::string> kNone;
    auto it = sino_korean_.find(std::string(korean));
    return it == sino_korean_.end() ? kNone : it->second;
  }
  const std::vector<std::string>& Equivalents(std::string_view s) const {
    static const std::vector<std::string> kNone;
    auto it = equivalents_.find(std::string(s));
    return it == equivalents_.end() ? kNone : it->second;
  }

 private:
  void AddSyllable(const std::string& s) {
    if (s.empty() || !HasNucleus(s)) return;
    syllables_.insert(s);
    max_syllable_ = std::max(max_syllable_, s.size());
  }
  // First scheme to claim a pair keeps it: Wade-Giles, then pinyin spelling
  // variants, then Cantonese, then the surname tables.
  void AddPair(const std::string& a, const std::string& b, std::string_view scheme) {
    uint32_t pa = Pack(a), pb = Pack(b);
    if (pa == 0 || pb == 0 || pa == pb) return;
    if (!pairs_.emplace(PairKey(pa, pb), SchemeIndex(scheme)).second) return;
    equivalents_[a].push_back(b);
    equivalents_[b].push_back(a);
  }

  void BuildSyllables() {
    for (const auto& [py, wg] : wade_giles_) {
      for (const std::string& v : PinyinSpellings(py)) {
        AddSyllable(v);
        AddPair(v, wg, "wade-giles");
      }
      AddSyllable(wg);
      const std::vector<std::string> variants = PinyinSpellings(py);
      for (size_t i = 0; i < variants.size(); ++i) {
        for (size_t j = i + 1; j < variants.size(); ++j)
          AddPair(variants[i], variants[j], "pinyin");
      }
    }
    for (const auto& [c, info] : chars_) {
      for (const std::string& h : info.hk) AddSyllable(h);
      if (!info.surname && !info.given) continue;
      if (!info.korean.empty() && !info.pinyin.empty()) {
        // Korean reads 李 "ri" as 이 "i" at the start of a word (the initial
        // law: r and n drop before i and y, r becomes n elsewhere); Hangul
        // writes the name as read, so both readings are filed.
        const std::string& rr = info.korean[0];
        std::string initial = rr;
        if (rr.size() > 1 && (rr[0] == 'r' || rr[0] == 'n') && (rr[1] == 'i' || rr[1] == 'y')) {
          initial = rr.substr(1);
        } else if (rr[0] == 'r') {
          initial[0] = 'n';
        }
        for (const std::string& key : {rr, initial}) {
          auto& readings = sino_korean_[key];
          for (const std::string& py : info.pinyin) {
            for (const std::string& v : PinyinSpellings(py)) {
              if (std::find(readings.begin(), readings.end(), v) == readings.end()) {
                readings.push_back(v);
              }
            }
          }
        }
      }
      for (const std::string& py : info.pinyin) {
        for (const std::string& h : info.hk) {
          for (const std::string& v : PinyinSpellings(py)) AddPair(v, h, "cantonese");
          AddPair(WadeGiles(py), h, "cantonese");
        }
      }
    }
    for (const auto& [name, info] : surnames_) {
      if (name.size() != 1) continue;
      std::vector<std::string> readings = info.pinyin;
      for (const std::string& h : info.hk) {
        AddSyllable(h);
        for (const std::string& py : info.pinyin) AddPair(py, h, "hk-cantonese");
      }
      for (const Spelling& sp : info.others) {
        AddSyllable(sp.text);
        for (const std::string& py : readings) {
          AddPair(py, sp.text, sp.scheme);
          AddPair(WadeGiles(py), sp.text, sp.scheme);
        }
        for (const std::string& h : info.hk) AddPair(h, sp.text, sp.scheme);
        if (const CharInfo* ci = Char(name[0])) {
          if (!ci->hk.empty()) AddPair(ci->hk[0], sp.text, sp.scheme);
        }
      }
    }
    // A character's Cantonese spellings are one reading written two ways,
    // the Hong Kong government's and the Jyutping-like one (孟 mang / maang,
    // 杜 to / do, 姜 keung / geung, 竹 chuk / juk). Filed apart, since a pair
    // has one scheme and other schemes may join it already (ding / ting).
    // A character's other readings (polyphones) are not such pairs: the two
    // spellings must agree once voicing (d/t, g/k, b/p, j/ch) and vowel
    // length (aa/a) are set aside.
    for (const auto& [c, info] : chars_) {
      for (size_t i = 0; i < info.hk.size(); ++i) {
        for (size_t j = i + 1; j < info.hk.size(); ++j) {
          const uint32_t pa = Pack(info.hk[i]), pb = Pack(info.hk[j]);
          if (pa == 0 || pb == 0 || pa == pb) continue;
          if (CantoneseSkeleton(info.hk[i]) != CantoneseSkeleton(info.hk[j])) continue;
          cantonese_variants_.insert(PairKey(pa, pb));
          AddPair(info.hk[i], info.hk[j], "cantonese-variant");
        }
      }
    }
  }

 public:
  // Plain-ASCII spellings of a pinyin syllable written with v for ü: "lv" ->
  // {lu, lv, lyu}; anything else -> itself.
  static std::vector<std::string> PinyinSpellings(const std::string& py) {
    size_t v = py.find('v');
    if (v == std::string::npos) return {py};
    std::string u = py, yu = py;
    u[v] = 'u';
    yu.replace(v, 1, "yu");
    return {u, py, yu};
  }

 private:
  std::unordered_map<char32_t, CharInfo> chars_;
  std::unordered_map<std::u32string, SurnameInfo> surnames_;
  std::unordered_map<char32_t, char32_t> t2s_;
  std::unordered_map<std::string, std::string> wade_giles_;
  std::unordered_set<std::string> syllables_;
  std::unordered_map<uint64_t, uint8_t> pairs_;
  std::unordered_set<uint64_t> cantonese_variants_;
  std::unordered_map<std::string, std::vector<std::string>> equivalents_;
  std::unordered_map<std::string, std::vector<std::string>> sino_korean_;
  size_t max_syllable_ = 0;
};

const HanTables& Tables() {
  static const HanTables* tables = new HanTables();  // never destroyed: used at exit
  return *tables;
}

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x3134F) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

bool IsSeparator(char32_t c) {
  return c == U' ' || c == 0x00B7 || c == 0x30FB || c == 0xFF65 || c == 0x2022 || c == 0x2027 ||
         c == 0x2E31 || c == 0x318D || c == U'.' || c == U'-';
}

// Accumulates forms, dropping empty and duplicate ones, up to the cap.
class FormSet {
 public:
  void Add(std::vector<NamePart> parts, std::string_view scheme) {
    if (forms_.size() >= kMaxHanForms || parts.empty()) return;
    std::string key;
    for (const NamePart& p : parts) {
      if (p.text.empty()) return;
      key += p.text;
      key += static_cast<char>('0' + static_cast<int>(p.role));
      key += ' ';
    }
    if (!seen_.insert(key).second) return;
    forms_.push_back(NameForm{std::move(parts), std::string(scheme), "han"});
  }
  std::vector<NameForm> Take() { return std::move(forms_); }

 private:
  std::vector<NameForm> forms_;
  std::unordered_set<std::string> seen_;
};

// Romanization of one given-name character in one scheme; empty when unknown.
using GivenFn = std::string (*)(const CharInfo&);

std::string VToU(std::string s) {
  std::replace(s.begin(), s.end(), 'v', 'u');
  return s;
}
std::string GivenPinyin(const CharInfo& c) { return c.pinyin.empty() ? "" : VToU(c.pinyin[0]); }
std::string GivenPinyinV(const CharInfo& c) { return c.pinyin.empty() ? "" : c.pinyin[0]; }
std::string GivenPinyinYu(const CharInfo& c) {
  return c.pinyin.empty() ? "" : HanTables::PinyinSpellings(c.pinyin[0]).back();
}
std::string GivenWadeGiles(const CharInfo& c) {
  return c.pinyin.empty() ? "" : Tables().WadeGiles(c.pinyin[0]);
}
std::string GivenHk(const CharInfo& c) { return c.hk.empty() ? "" : c.hk[0]; }
// Hong Kong romanisation writes an initial s both "s" and "sh" (石 sek /
// shek, 成 sing / shing, 書 sue / shue): the "sh" spelling where the table
// has one.
std::string GivenHkSh(const CharInfo& c) {
  for (const std::string& h : c.hk) {
    if (h.starts_with("sh")) return h;
  }
  return GivenHk(c);
}
std::string GivenKoreanRr(const CharInfo& c) { return c.korean.empty() ? "" : c.korean[0]; }
std::string GivenKorean(const CharInfo& c) { return c.korean.empty() ? "" : c.korean.back(); }

struct ParsedName {
  std::u32string family;
  std::vector<const CharInfo*> given;  // known given-name characters only
  const SurnameInfo* surname = nullptr;
  std::vector<const CharInfo*> family_chars;
};

std::vector<NamePart> BuildParts(const std::string& family, const ParsedName& name,
                                 GivenFn given_fn) {
  std::vector<NamePart> parts;
  if (!family.empty()) parts.push_back({family, PartRole::kFamily});
  for (const CharInfo* c : name.given) {
    std::string g = given_fn(*c);
    if (!g.empty()) parts.push_back({std::move(g), PartRole::kGiven});
  }
  return parts;
}

// The family name read in one scheme: per character, joined ("ouyang").
std::string JoinFamily(const ParsedName& name, GivenFn fn) {
  std::string out;
  for (const CharInfo* c : name.family_chars) {
    if (c == nullptr) return "";
    std::string s = fn(*c);
    if (s.empty()) return "";
    out += s;
  }
  return out;
}

std::string Concat(const std::vector<std::string>& syllables) {
  std::string out;
  for (const std::string& s : syllables) out += s;
  return out;
}

void AddChineseForms(const ParsedName& name, FormSet& forms) {
  const HanTables& t = Tables();
  const SurnameInfo* sur = name.surname;
  const bool single = name.family.size() == 1;

  // Surname readings: the table's surname reading when it has one.
  std::vector<std::string> sur_pinyin;  // alternatives (joined for compounds)
  if (sur != nullptr && !sur->pinyin.empty()) {
    if (single) {
      sur_pinyin = sur->pinyin;
    } else {
      sur_pinyin.push_back(Concat(sur->pinyin));
    }
  } else {
    std::string f = JoinFamily(name, GivenPinyinV);
    if (!f.empty()) sur_pinyin.push_back(f);
  }
  std::string py0 = sur_pinyin.empty() ? "" : sur_pinyin[0];

  std::string wg;
  if (sur != nullptr && !single && !sur->pinyin.empty()) {
    for (const std::string& s : sur->pinyin) wg += t.WadeGiles(s);
  } else if (single && !py0.empty()) {
    wg = t.WadeGiles(py0);
  } else {
    wg = JoinFamily(name, GivenWadeGiles);
  }

  std::string hk = (sur != nullptr && !sur->hk.empty()) ? sur->hk[0] : JoinFamily(name, GivenHk);

  std::string taiwan = wg;
  std::vector<Spelling> dialect;
  if (sur != nullptr) {
    for (const Spelling& sp : sur->others) {
      if (sp.scheme == "taiwan" && taiwan == wg) {
        taiwan = sp.text;
      } else if (sp.scheme != "korean" && sp.text != wg && sp.text != hk) {
        dialect.push_back(sp);
      }
    }
  }

  std::string korean_family;
  if (single && name.family_chars[0] != nullptr && !name.family_chars[0]->korean_surname.empty()) {
    korean_family = name.family_chars[0]->korean_surname[0];
  } else if (!single) {
    korean_family = JoinFamily(name, GivenKoreanRr);
  }

  forms.Add(BuildParts(VToU(py0), name, GivenPinyin), "pinyin");
  forms.Add(BuildParts(wg, name, GivenWadeGiles), "wade-giles");
  forms.Add(BuildParts(hk, name, GivenHk), "hk-cantonese");
  forms.Add(BuildParts(taiwan, name, GivenWadeGiles), "taiwan");
  forms.Add(BuildParts(korean_family, name, GivenKoreanRr), "korean-rr");
  forms.Add(BuildParts(korean_family, name, GivenKorean), "korean");
  // Other surname readings (乐 yue/le), then the reading people confuse it
  // with (曾 ceng for zeng), with pinyin given names.
  for (size_t i = 1; single && i < sur_pinyin.size(); ++i) {
    forms.Add(BuildParts(VToU(sur_pinyin[i]), name, GivenPinyin), "pinyin");
  }
  if (sur != nullptr && !sur->confusable.empty()) {
    forms.Add(BuildParts(single ? sur->confusable[0] : Concat(sur->confusable), name, GivenPinyin),
              "pinyin");
  }
  // ü written v or yu (吕 lv / lyu on PRC passports).
  bool has_v = py0.find('v') != std::string::npos;
  for (const CharInfo* c : name.given) {
    if (!c->pinyin.empty() && c->pinyin[0].find('v') != std::string::npos) has_v = true;
  }
  if (has_v) {
    forms.Add(BuildParts(py0, name, GivenPinyinV), "pinyin");
    forms.Add(
        BuildParts(py0.empty() ? py0 : HanTables::PinyinSpellings(py0).back(), name, GivenPinyinYu),
        "pinyin");
  }
  // Dialect surname spellings, with the given name in pinyin (Singapore and
  // Malaysia write "Tan Wei Ming") or in Cantonese for Cantonese spellings;
  // a Hokkien or Teochew surname also meets a Cantonese given name, as in
  // Malaysia and Hong Kong ("Lim Chi Ho" for 林志豪).
  for (const Spelling& sp : dialect) {
    bool cantonese = sp.scheme == "cantonese";
    forms.Add(BuildParts(sp.text, name, cantonese ? GivenHk : GivenPinyin), sp.scheme);
  }
  for (const Spelling& sp : dialect) {
    if (sp.scheme != "cantonese") forms.Add(BuildParts(sp.text, name, GivenHk), sp.scheme);
  }
  if (single && name.family_chars[0] != nullptr) {
    const auto& ks = name.family_chars[0]->korean_surname;
    for (size_t i = 1; i < ks.size(); ++i) {
      forms.Add(BuildParts(ks[i], name, GivenKoreanRr), "korean");
    }
  }
  // Mixed schemes: the family name in one system and the given name in
  // another, as names of the Republican era, Hong Kong, Taiwan and the
  // diaspora are often written: Chiang Kai-shek (Wade-Giles family name,
  // Cantonese given name), Sun Yat-sen. Only whole parts switch scheme (never
  // single syllables of the given name), so a name has at most nine such
  // forms whatever its length, and most collapse into the forms above (sun =
  // sun, ming = ming). Most common patterns first: the cap drops the last.
  const std::string py = VToU(py0);
  const struct {
    const std::string& family;
    GivenFn given;
  } kMixed[] = {{wg, GivenHk},     {wg, GivenHkSh},   {py, GivenHk},
                {py, GivenHkSh},   {hk, GivenHkSh},   {hk, GivenWadeGiles},
                {hk, GivenPinyin}, {wg, GivenPinyin}, {py, GivenWadeGiles}};
  for (const auto& m : kMixed) forms.Add(BuildParts(m.family, name, m.given), "mixed");
}

// A transliterated foreign name (阿卜杜勒·卡迪尔): each run of characters read
// as one word, its pinyin syllables joined.
void AddTransliteratedForms(const std::vector<std::u32string>& segments, FormSet& forms) {
  const HanTables& t = Tables();
  std::vector<NamePart> parts;
  for (const std::u32string& seg : segments) {
    std::string text, han;
    for (char32_t c : seg) {
      const CharInfo* ci = t.Char(t.Simplify(c));
      if (ci == nullptr || ci->pinyin.empty()) continue;
      text += VToU(ci->pinyin[0]);
      AppendUtf8(han, t.Simplify(c));
    }
    if (!text.empty()) parts.push_back({std::move(text), PartRole::kAny, std::move(han)});
  }
  forms.Add(std::move(parts), "pinyin-joined");
}

// An organization: no surname; one part per character.
void AddOrganizationForms(const std::vector<std::u32string>& segments, FormSet& forms) {
  const HanTables& t = Tables();
  std::vector<const CharInfo*> chars;
  for (const std::u32string& seg : segments) {
    for (char32_t c : seg) {
      const CharInfo* ci = t.Char(c);
      if (ci != nullptr && !ci->pinyin.empty()) chars.push_back(ci);
    }
  }
  for (auto [fn, scheme] : {std::pair<GivenFn, std::string_view>{GivenPinyin, "pinyin"},
                            {GivenWadeGiles, "wade-giles"},
                            {GivenHk, "hk-cantonese"}}) {
    std::vector<NamePart> parts;
    for (const CharInfo* c : chars) {
      std::string s = fn(*c);
      if (!s.empty()) parts.push_back({std::move(s), PartRole::kAny});
    }
    forms.Add(std::move(parts), scheme);
  }
}

}  // namespace

bool SinoKoreanReading(std::string_view korean, std::string_view latin) {
  const HanTables& t = Tables();
  for (const std::string& py : t.SinoKorean(korean)) {
    if (py == latin) return true;
    if (auto scheme = t.Match(py, latin)) {
      if (*scheme == "wade-giles" || *scheme == "pinyin" || *scheme == "taiwan") return true;
    }
  }
  return false;
}

const std::vector<std::string>& ChineseSyllableEquivalents(std::string_view syllable) {
  return Tables().Equivalents(syllable);
}

std::string ToSimplifiedHan(std::string_view han) {
  const HanTables& t = Tables();
  std::string out;
  for (char32_t c : DecodeUtf8(han)) AppendUtf8(out, t.Simplify(c));
  return out;
}

std::vector<NameForm> HanNameForms(std::string_view cleaned_han, bool person) {
  const HanTables& t = Tables();
  std::vector<std::u32string> segments(1);
  for (char32_t c : DecodeUtf8(cleaned_han)) {
    if (IsSeparator(c)) {
      if (!segments.back().empty()) segments.emplace_back();
    } else if (IsHan(c)) {
      segments.back().push_back(t.Simplify(c));
    }
  }
  if (segments.back().empty()) segments.pop_back();
  if (segments.empty()) return {};

  FormSet forms;
  if (!person) {
    AddOrganizationForms(segments, forms);
    return forms.Take();
  }
  std::u32string whole;
  if (segments.size() == 1) {
    whole = segments[0];
  } else if (segments.size() == 2 && segments[0].size() <= 2 &&
             segments[0].size() + segments[1].size() <= 4 &&
             (segments[0].size() == 1 || t.Surname(segments[0]) != nullptr)) {
    whole = segments[0] + segments[1];  // "陈 大文": surname, space, given name
  } else {
    AddTransliteratedForms(segments, forms);
    return forms.Take();
  }

  ParsedName name;
  size_t family_len = 1;
  if (whole.size() >= 3 && t.Surname(whole.substr(0, 2)) != nullptr) family_len = 2;
  if (whole.size() == 1) {
    // A lone character: no family/given split to make.
    const CharInfo* c = t.Char(whole[0]);
    if (c == nullptr || c->pinyin.empty()) return {};
    forms.Add({{VToU(c->pinyin[0]), PartRole::kAny}}, "pinyin");
    forms.Add({{t.WadeGiles(c->pinyin[0]), PartRole::kAny}}, "wade-giles");
    if (!c->hk.empty()) forms.Add({{c->hk[0], PartRole::kAny}}, "hk-cantonese");
    return forms.Take();
  }
  name.family = whole.substr(0, family_len);
  name.surname = t.Surname(name.family);
  for (char32_t c : name.family) name.family_chars.push_back(t.Char(c));
  for (size_t i = family_len; i < whole.size(); ++i) {
    const CharInfo* c = t.Char(whole[i]);
    if (c != nullptr && !c->pinyin.empty()) name.given.push_back(c);
  }
  AddChineseForms(name, forms);
  return forms.Take();
}

std::optional<std::vector<std::string>> SplitChineseSyllables(std::string_view token) {
  const HanTables& t = Tables();
  if (token.empty()) return std::nullopt;
  if (token == "ng") return std::vector<std::string>{std::string(token)};
  const size_t n = token.size();
  // best[i]: cost of the best split of token[i..]: (syllables, vowel-initial
  // syllables after the first); next[i]: the length of its first syllable.
  constexpr int kInf = 1 << 20;
  std::vector<std::pair<int, int>> best(n + 1, {kInf, kInf});
  std::vector<size_t> next(n + 1, 0);
  best[n] = {0, 0};
  for (size_t i = n; i-- > 0;) {
    for (size_t len = std::min(t.max_syllable(), n - i); len >= 1; --len) {
      if (best[i + len].first == kInf || !t.IsSyllable(token.substr(i, len))) continue;
      std::pair<int, int> cost = best[i + len];
      cost.first += 1;
      if (i > 0 && std::string_view("aeiou").find(token[i]) != std::string_view::npos) {
        cost.second += 1;
      }
      if (cost < best[i]) {  // strictly better: longer first syllables win ties
        best[i] = cost;
        next[i] = len;
      }
    }
  }
  if (best[0].first == kInf) return std::nullopt;
  std::vector<std::string> out;
  for (size_t i = 0; i < n; i += next[i]) out.emplace_back(token.substr(i, next[i]));
  return out;
}

std::optional<std::string_view> ChineseSyllableMatch(std::string_view a, std::string_view b) {
  return Tables().Match(a, b);
}

bool CantoneseVariants(std::string_view a, std::string_view b) {
  return Tables().CantoneseVariants(a, b);
}

bool IsLikelyChineseName(const std::vector<std::string>& tokens) {
  if (tokens.empty()) return false;
  size_t total = 0;
  for (const std::string& token : tokens) {
    auto syllables = SplitChineseSyllables(token);
    if (!syllables || syllables->size() > 3) return false;
    total += syllables->size();
  }
  return total <= 6;
}

}  // namespace vigil::names
