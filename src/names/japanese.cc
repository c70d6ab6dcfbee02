#include "names/japanese.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/embedded.h"
#include "text/internal/table.h"

VIGIL_DECLARE_EMBEDDED(han_japanese);

namespace vigil::names {
namespace {

// Romaji after folding fits in 63 letters, so the positions 0..63 of a DP
// row fit one 64-bit set.
constexpr size_t kMaxLatin = 63;

// A romaji word after Fold: Hepburn consonants, lower case, macrons dropped.
struct Folded {
  std::array<char, kMaxLatin + 1> text{};
  size_t size = 0;
  std::string_view view() const { return {text.data(), size}; }
};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Lower-case a-z from `in`, with macron and circumflex vowels reduced to the
// plain vowel (a long vowel is written like a short one) and ' - dropped.
// False for anything else or when longer than kMaxLatin.
bool Letters(std::string_view in, Folded& out) {
  out.size = 0;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(in.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(in.data(), i, n, c);
    char a = 0;
    if (c >= 'a' && c <= 'z') {
      a = static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      a = static_cast<char>(c - 'A' + 'a');
    } else if (c == '\'' || c == '-' || c == 0x2019) {
      continue;
    } else {
      switch (c) {
        case 0x0101:
        case 0x0100:
        case 0x00E2:
        case 0x00C2:
          a = 'a';
          break;  // ā â
        case 0x012B:
        case 0x012A:
        case 0x00EE:
        case 0x00CE:
          a = 'i';
          break;  // ī î
        case 0x016B:
        case 0x016A:
        case 0x00FB:
        case 0x00DB:
          a = 'u';
          break;  // ū û
        case 0x0113:
        case 0x0112:
        case 0x00EA:
        case 0x00CA:
          a = 'e';
          break;  // ē ê
        case 0x014D:
        case 0x014C:
        case 0x00F4:
        case 0x00D4:
          a = 'o';
          break;  // ō ô
        default:
          return false;
      }
    }
    if (out.size == kMaxLatin) return false;
    out.text[out.size++] = a;
  }
  return out.size > 0;
}

// Kunrei, Nihon-shiki and passport spellings to Hepburn, in place through a
// second buffer: si shi, ti chi, tu tsu, hu fu, zi ji, di ji, du zu, sya sha,
// tya cha, zya/jya ja, dya ja, cch tch; m before b/m/p is n. Left to right,
// so the digraphs sh/ch/ts are kept whole (the "hu" in "shu" stays).
bool FoldSpelling(Folded& s) {
  Folded out;
  const std::string_view in = s.view();
  auto at = [&](size_t k) { return k < in.size() ? in[k] : '\0'; };
  auto put = [&](std::string_view t) {
    if (out.size + t.size() > kMaxLatin) return false;
    for (char c : t) out.text[out.size++] = c;
    return true;
  };
  for (size_t i = 0; i < in.size();) {
    const char c = in[i], d = at(i + 1);
    bool ok = true;
    size_t used = 1;
    if ((c == 's' || c == 'c') && d == 'h') {
      ok = put(in.substr(i, 2)), used = 2;
    } else if (c == 't' && d == 's') {
      ok = put("ts"), used = 2;
    } else if (d == 'y' && IsVowel(at(i + 2)) &&
               (c == 's' || c == 't' || c == 'z' || c == 'j' || c == 'd')) {
      ok = put(c == 's' ? "sh" : c == 't' ? "ch" : "j"), used = 2;
    } else if (d == 'i' && (c == 's' || c == 't' || c == 'z' || c == 'd')) {
      ok = put(c == 's' ? "sh" : c == 't' ? "ch" : "j");
    } else if (d == 'u' && (c == 't' || c == 'h' || c == 'd')) {
      ok = put(c == 't' ? "ts" : c == 'h' ? "f" : "z");
    } else if (c == 'c' && d == 'c' && at(i + 2) == 'h') {
      ok = put("t");
    } else if (c == 'm' && (d == 'b' || d == 'm' || d == 'p')) {
      ok = put("n");
    } else {
      ok = put(in.substr(i, 1));
    }
    if (!ok) return false;
    i += used;
  }
  s = out;
  return true;
}

// A table reading in the form the matcher compares: spelling folded, long
// vowels collapsed (shou -> sho, chuu -> chu, ookii -> okii).
std::string Canonical(std::string_view reading) {
  Folded f;
  if (!Letters(reading, f) || !FoldSpelling(f)) return {};
  std::string out;
  for (size_t i = 0; i < f.size; ++i) {
    const char c = f.text[i];
    if (!out.empty() && (c == 'u' || c == 'o') &&
        (out.back() == 'o' || (out.back() == 'u' && c == 'u'))) {
      continue;
    }
    out.push_back(c);
  }
  return out;
}

// End offsets of the kana syllables (morae) of a Hepburn reading: "akiraka"
// -> 1 3 5 7, "shinzou" -> 3 4 6 7; a doubled consonant and a syllabic n are
// their own mora.
std::vector<size_t> MoraEnds(std::string_view r) {
  std::vector<size_t> ends;
  size_t i = 0;
  while (i < r.size()) {
    const char c = r[i];
    if (IsVowel(c)) {
      ++i;
    } else if (c == 'n' && (i + 1 == r.size() || (!IsVowel(r[i + 1]) && r[i + 1] != 'y'))) {
      ++i;
    } else if (i + 1 < r.size() && (r[i + 1] == c || (c == 't' && r[i + 1] == 'c'))) {
      ++i;  // sokuon
    } else {
      while (i < r.size() && !IsVowel(r[i])) ++i;
      if (i < r.size()) ++i;
    }
    ends.push_back(i);
  }
  return ends;
}

enum Kind : uint8_t { kOn, kKun, kName, kKunStem };
constexpr std::array<std::string_view, 4> kKindNames = {"on", "kun", "name", "kun-stem"};

// One way a character may be spelled. Texts live in one arena.
struct Form {
  uint32_t offset = 0;
  uint8_t size = 0;
  uint8_t kind = kOn;
  bool rendaku = false;
  bool sokuon = false;   // the stem before a dropped tsu/chi/ku/ki
  uint16_t reading = 0;  // index into the character's readings
  uint16_t rank = 0;     // lower is preferred in explanations
};

struct CharEntry {
  uint32_t form_begin = 0, form_end = 0;
  uint32_t reading_begin = 0;
};

// Voiced spellings of a canonical reading's first consonant (rendaku).
std::vector<std::string> Rendaku(const std::string& r) {
  std::vector<std::string> out;
  auto voiced = [&](char c, size_t skip) {
    std::string v(1, c);
    v.append(r, skip, std::string::npos);
    out.push_back(std::move(v));
  };
  if (r.starts_with("sh") || r.starts_with("ch")) {
    voiced('j', 2);
  } else if (r.starts_with("ts")) {
    voiced('z', 2);
  } else if (!r.empty()) {
    switch (r[0]) {
      case 'k':
        voiced('g', 1);
        break;
      case 's':
        voiced('z', 1);
        break;
      case 't':
        voiced('d', 1);
        break;
      case 'h':
      case 'f':
        voiced('b', 1);
        voiced('p', 1);
        break;
      default:
        break;
    }
  }
  return out;
}

class JapaneseTable {
 public:
  JapaneseTable() {
    text::internal::ForEachRow(VIGIL_EMBEDDED(han_japanese),
                               [this](const std::vector<std::string_view>& cols) { AddRow(cols); });
  }

  const CharEntry* Find(char32_t c) const {
    auto it = chars_.find(c);
    return it == chars_.end() ? nullptr : &it->second;
  }
  const Form& form(uint32_t i) const { return forms_[i]; }
  std::string_view text(const Form& f) const { return {arena_.data() + f.offset, f.size}; }
  const std::string& reading(const CharEntry& e, uint16_t i) const {
    return readings_[e.reading_begin + i];
  }

 private:
  // char, on readings, kun readings, name readings (tab-separated).
  void AddRow(const std::vector<std::string_view>& cols) {
    if (cols.size() < 4) return;
    UChar32 c;
    int32_t i = 0;
    U8_NEXT(cols[0].data(), i, static_cast<int32_t>(cols[0].size()), c);
    if (c < 0) return;

    CharEntry entry;
    entry.reading_begin = static_cast<uint32_t>(readings_.size());
    entry.form_begin = static_cast<uint32_t>(forms_.size());
    std::vector<std::pair<std::string, Form>> forms;
    auto add = [&](const std::string& text, Form f) {
      if (text.empty() || text.size() > kMaxLatin) return;
      for (auto& [t, g] : forms) {
        if (t == text && g.sokuon == f.sokuon) {  // keep the better-ranked duplicate
          if (f.rank < g.rank) g = f;
          return;
        }
      }
      forms.emplace_back(text, f);
    };
    auto add_with_rendaku = [&](const std::string& text, Form f) {
      add(text, f);
      for (const std::string& v : Rendaku(text)) {
        Form g = f;
        g.rendaku = true;
        g.rank = static_cast<uint16_t>(f.rank + 8);
        add(v, g);
      }
    };
    uint16_t index = 0;
    for (uint8_t kind : {kOn, kKun, kName}) {
      std::string_view col = cols[kind + 1];
      if (col == "-") continue;
      size_t p = 0;
      while (p < col.size()) {
        size_t sp = col.find(' ', p);
        if (sp == std::string_view::npos) sp = col.size();
        std::string raw(col.substr(p, sp - p));
        p = sp + 1;
        readings_.push_back(raw);
        Form f;
        f.kind = kind;
        f.reading = index++;
        f.rank = static_cast<uint16_t>(kind == kName ? 2 : 0);
        const std::string whole = Canonical(raw);
        add_with_rendaku(whole, f);
        // Sokuon: the stem before a final tsu/chi/ku/ki.
        for (std::string_view tail : {"tsu", "chi", "ku", "ki"}) {
          if (whole.size() > tail.size() && whole.ends_with(tail)) {
            Form s = f;
            s.sokuon = true;
            s.rank = static_cast<uint16_t>(f.rank + 1);
            add_with_rendaku(whole.substr(0, whole.size() - tail.size()), s);
          }
        }
        // A kun reading without its okurigana: a prefix at a mora boundary,
        // of at least two letters and two morae (丸 marui -> maru, not ma:
        // one mora of a longer word is too easily met by chance), or the
        // one-mora stem of a two-mora reading in -ru (見 miru -> mi).
        if (kind == kKun) {
          const std::vector<size_t> ends = MoraEnds(raw);
          for (size_t j = 0; j + 1 < ends.size(); ++j) {
            const size_t e = ends[j];
            const bool ichidan = ends.size() == 2 && raw.ends_with("ru");
            if (e < 2 || (j == 0 && !ichidan)) continue;
            Form s = f;
            s.kind = kKunStem;
            s.rank = 4;
            add_with_rendaku(Canonical(raw.substr(0, e)), s);
          }
        }
      }
    }
    std::stable_sort(forms.begin(), forms.end(),
                     [](const auto& a, const auto& b) { return a.second.rank < b.second.rank; });
    for (auto& [text, f] : forms) {
      f.offset = static_cast<uint32_t>(arena_.size());
      f.size = static_cast<uint8_t>(text.size());
      arena_ += text;
      forms_.push_back(f);
    }
    entry.form_end = static_cast<uint32_t>(forms_.size());
    chars_.emplace(static_cast<char32_t>(c), entry);
  }

  std::unordered_map<char32_t, CharEntry> chars_;
  std::vector<Form> forms_;
  std::vector<std::string> readings_;
  std::string arena_;
};

const JapaneseTable& Table() {
  static const JapaneseTable* table = new JapaneseTable();  // never destroyed: used at exit
  return *table;
}

// The kanji of `han`, looked up; 々 stands for the character before it.
struct Chars {
  std::array<const CharEntry*, kMaxJapaneseChars> entries{};
  size_t size = 0;
};

bool LookUp(std::string_view han, Chars& out) {
  const JapaneseTable& table = Table();
  out.size = 0;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(han.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(han.data(), i, n, c);
    if (c == ' ' || c == 0x3000 || c == 0x30FB || c == 0xFF65 || c == 0x00B7) continue;
    const CharEntry* e = nullptr;
    if (c == 0x3005) {  // 々
      if (out.size == 0) return false;
      e = out.entries[out.size - 1];
    } else if (c >= 0) {
      e = table.Find(static_cast<char32_t>(c));
    }
    if (e == nullptr || out.size == kMaxJapaneseChars) return false;
    out.entries[out.size++] = e;
  }
  return out.size > 0;
}

bool Fold(std::string_view latin, Folded& out) { return Letters(latin, out) && FoldSpelling(out); }

// Offsets where `form` can end when it starts at `p` of `s`, as a bit set. A
// vowel o of the form may be followed in `s` by the o, u or h (before a
// consonant or the end) of a long vowel, a vowel u by another u.
uint64_t MatchForm(std::string_view form, std::string_view s, size_t p) {
  uint64_t cur = uint64_t{1} << p;
  const size_t n = s.size();
  for (char c : form) {
    uint64_t next = 0;
    for (uint64_t bits = cur; bits != 0; bits &= bits - 1) {
      const size_t q = static_cast<size_t>(__builtin_ctzll(bits));
      if (q >= n || s[q] != c) continue;
      const size_t r = q + 1;
      next |= uint64_t{1} << r;
      if (r >= n) continue;
      if (c == 'o' &&
          (s[r] == 'o' || s[r] == 'u' || (s[r] == 'h' && (r + 1 == n || !IsVowel(s[r + 1]))))) {
        next |= uint64_t{1} << (r + 1);
      } else if (c == 'u' && s[r] == 'u') {
        next |= uint64_t{1} << (r + 1);
      }
    }
    cur = next;
    if (cur == 0) return 0;
  }
  return cur;
}

// Where the next character's reading may start after `form` ended at the
// offsets `ends`: the same offsets, or for a sokuon stem the second letter
// of a doubled consonant (kk, pp, ss, tt, tch).
uint64_t NextStarts(const Form& form, uint64_t ends, std::string_view s) {
  if (!form.sokuon) return ends;
  uint64_t out = 0;
  for (uint64_t bits = ends; bits != 0; bits &= bits - 1) {
    const size_t q = static_cast<size_t>(__builtin_ctzll(bits));
    if (q + 1 >= s.size()) continue;
    const char c = s[q];
    if (IsVowel(c) || c == 'n' || c == 'm' || c == 'y' || c == 'w') continue;
    if (s[q + 1] == c || (c == 't' && s[q + 1] == 'c' && q + 2 < s.size() && s[q + 2] == 'h')) {
      out |= uint64_t{1} << (q + 1);
    }
  }
  return out;
}

// Whether form `f` may spell character `i` of `count`.
bool Allowed(const Form& f, size_t i, size_t count) {
  return !(i == 0 && f.rendaku) && !(f.sokuon && i + 1 == count);
}

// Offsets reachable after character i from the start offsets `starts`.
uint64_t Step(const JapaneseTable& table, const CharEntry& e, size_t i, size_t count,
              uint64_t starts, std::string_view s) {
  uint64_t out = 0;
  for (uint64_t bits = starts; bits != 0; bits &= bits - 1) {
    const size_t p = static_cast<size_t>(__builtin_ctzll(bits));
    if (p >= s.size()) continue;
    for (uint32_t k = e.form_begin; k < e.form_end; ++k) {
      const Form& f = table.form(k);
      if (!Allowed(f, i, count)) continue;
      const std::string_view t = table.text(f);
      if (t[0] != s[p]) continue;
      out |= NextStarts(f, MatchForm(t, s, p), s);
    }
  }
  return out;
}

}  // namespace

bool JapaneseReadingMatch(std::string_view latin, std::string_view han) {
  Folded s;
  Chars chars;
  if (!Fold(latin, s) || !LookUp(han, chars)) return false;
  const JapaneseTable& table = Table();
  uint64_t reach = 1;
  for (size_t i = 0; i < chars.size && reach != 0; ++i) {
    reach = Step(table, *chars.entries[i], i, chars.size, reach, s.view());
  }
  return (reach >> s.size) & 1;
}

std::optional<std::vector<JapaneseCharReading>> JapaneseReadings(std::string_view latin,
                                                                 std::string_view han) {
  Folded folded;
  Chars chars;
  if (!Fold(latin, folded) || !LookUp(han, chars)) return std::nullopt;
  const std::string_view s = folded.view();
  const JapaneseTable& table = Table();
  const size_t count = chars.size;
  // finish[i]: offsets from which characters i.. can spell the rest of s.
  std::array<uint64_t, kMaxJapaneseChars + 1> finish{};
  finish[count] = uint64_t{1} << s.size();
  for (size_t i = count; i-- > 0;) {
    for (size_t p = 0; p < s.size(); ++p) {
      if (Step(table, *chars.entries[i], i, count, uint64_t{1} << p, s) & finish[i + 1]) {
        finish[i] |= uint64_t{1} << p;
      }
    }
  }
  if ((finish[0] & 1) == 0) return std::nullopt;
  std::vector<JapaneseCharReading> out;
  size_t p = 0;
  for (size_t i = 0; i < count; ++i) {
    const CharEntry& e = *chars.entries[i];
    bool found = false;
    for (uint32_t k = e.form_begin; k < e.form_end && !found; ++k) {
      const Form& f = table.form(k);
      const std::string_view t = table.text(f);
      if (!Allowed(f, i, count) || t[0] != s[p]) continue;
      const uint64_t ends = MatchForm(t, s, p);
      // The shortest end from which the rest can still be spelled.
      for (uint64_t bits = ends; bits != 0 && !found; bits &= bits - 1) {
        const size_t q = static_cast<size_t>(__builtin_ctzll(bits));
        const uint64_t next = NextStarts(f, uint64_t{1} << q, s);
        if ((next & finish[i + 1]) == 0) continue;
        const size_t r = static_cast<size_t>(__builtin_ctzll(next & finish[i + 1]));
        out.push_back({std::string(s.substr(p, r - p)), table.reading(e, f.reading),
                       kKindNames[f.kind], f.rendaku, f.sokuon});
        p = r;
        found = true;
      }
    }
    if (!found) return std::nullopt;  // unreachable: finish[i] said it can
  }
  return out;
}

std::string JapaneseKey(std::string_view latin) {
  std::string c = Canonical(latin);
  // An h lengthening an o (Satoh, Ohno) is not a sound of its own.
  std::string out;
  for (size_t i = 0; i < c.size(); ++i) {
    if (c[i] == 'h' && i > 0 && c[i - 1] == 'o' && (i + 1 == c.size() || !IsVowel(c[i + 1]))) {
      continue;
    }
    out.push_back(c[i]);
  }
  return out;
}

std::vector<std::string> JapaneseKeyReadings(std::string_view han, size_t max) {
  Chars chars;
  // One kanji alone reads as too many short words (ma, ko) to be a key.
  if (max == 0 || !LookUp(han, chars) || chars.size < 2 || chars.size > 3) return {};
  const JapaneseTable& table = Table();
  // The most usual whole readings of each character (forms come sorted by
  // rank, name readings first here, since these are names): no sokuon stems;
  // voiced forms only after the first character.
  constexpr size_t kPerChar = 8;
  std::array<std::vector<const Form*>, 3> options;
  for (size_t i = 0; i < chars.size; ++i) {
    const CharEntry& e = *chars.entries[i];
    for (int pass = 0; pass < 2; ++pass) {
      for (uint32_t f = e.form_begin; f < e.form_end && options[i].size() < kPerChar; ++f) {
        const Form& form = table.form(f);
        if (form.sokuon || (form.rendaku && i == 0)) continue;
        if ((form.kind == kName) != (pass == 0)) continue;
        options[i].push_back(&form);
      }
    }
    if (options[i].empty()) return {};
  }
  struct Candidate {
    int rank;
    std::string text;
  };
  std::vector<Candidate> all;
  std::array<size_t, 3> pick{};
  while (true) {
    Candidate c{0, {}};
    for (size_t i = 0; i < chars.size; ++i) {
      const Form& f = *options[i][pick[i]];
      c.rank += f.kind == kName ? f.rank - 2 : f.rank;
      c.text += table.text(f);
    }
    if (c.text.size() >= 4) all.push_back(std::move(c));
    size_t i = 0;
    while (i < chars.size && ++pick[i] == options[i].size()) pick[i++] = 0;
    if (i == chars.size) break;
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const Candidate& a, const Candidate& b) { return a.rank < b.rank; });
  std::vector<std::string> out;
  for (auto& c : all) {
    if (out.size() == max) break;
    if (std::find(out.begin(), out.end(), c.text) == out.end()) out.push_back(std::move(c.text));
  }
  return out;
}

}  // namespace vigil::names
