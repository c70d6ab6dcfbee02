#include "text/internal/abjad.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>

#include "model/embedded.h"
#include "text/internal/table.h"

VIGIL_DECLARE_EMBEDDED(arabic_lexicon);
VIGIL_DECLARE_EMBEDDED(hebrew_lexicon);

namespace vigil::text::internal {
namespace {

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

void Append(std::string& out, char32_t c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<size_t>(len));
}

bool IsHaraka(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670; }

char32_t FoldLetter(char32_t c) {
  switch (c) {
    case U'أ':
    case U'إ':
    case U'آ':
    case U'ٱ':
      return U'ا';
    case U'ى':
    case U'ی':
    case U'ې':
      return U'ي';
    case U'ک':
      return U'ك';
    case U'ۀ':
    case U'ە':
      return U'ه';
    default:
      return c;
  }
}

using Lexicon = std::unordered_map<std::string_view, std::vector<std::string_view>>;

const Lexicon* ParseLexicon(std::string_view data) {
  auto* l = new Lexicon();
  l->reserve(40000);
  ForEachRow(data, [&](const std::vector<std::string_view>& c) {
    if (c.size() < 2) return;
    (*l)[c[0]].assign(c.begin() + 1, c.end());
  });
  return l;
}

const Lexicon& GetLexicon() {
  static const Lexicon* lex = ParseLexicon(VIGIL_EMBEDDED(arabic_lexicon));
  return *lex;
}

const Lexicon& GetHebrewLexicon() {
  static const Lexicon* lex = ParseLexicon(VIGIL_EMBEDDED(hebrew_lexicon));
  return *lex;
}

struct Option {
  const char* latin;
  double weight;
};

// What a letter contributes. kConsonant letters may take a guessed short
// vowel before the next consonant; kVowel letters already carry one.
enum class Kind { kConsonant, kVowel, kSilent };

struct Reading {
  Kind kind;
  std::vector<Option> options;
};

// Position of a letter inside the word, for letters read differently there.
enum class Pos { kInitial, kMedial, kFinal };

bool IsVowelLetter(char32_t c) {
  return c == U'ا' || c == U'و' || c == U'ي' || c == U'ى' || c == U'آ' || c == U'أ' || c == U'إ' ||
         c == U'ی';
}

Reading Read(char32_t c, Pos pos, char32_t prev, char32_t next) {
  const bool after_vowel = prev != 0 && IsVowelLetter(prev);
  const bool before_alef = next == U'ا';
  switch (c) {
    case U'ب':
      return {Kind::kConsonant, {{"b", 1}}};
    case U'ت':
      return {Kind::kConsonant, {{"t", 1}}};
    case U'ث':
      return {Kind::kConsonant, {{"th", .7}, {"s", .3}}};
    case U'ج':
      return {Kind::kConsonant, {{"j", .65}, {"g", .2}, {"dj", .15}}};
    case U'ح':
      return {Kind::kConsonant, {{"h", 1}}};
    case U'خ':
      return {Kind::kConsonant, {{"kh", .9}, {"h", .1}}};
    case U'د':
      return {Kind::kConsonant, {{"d", 1}}};
    case U'ذ':
      return {Kind::kConsonant, {{"dh", .4}, {"z", .4}, {"th", .2}}};
    case U'ر':
      return {Kind::kConsonant, {{"r", 1}}};
    case U'ز':
      return {Kind::kConsonant, {{"z", 1}}};
    case U'س':
      return {Kind::kConsonant, {{"s", 1}}};
    case U'ش':
      return {Kind::kConsonant, {{"sh", .8}, {"ch", .2}}};
    case U'ص':
      return {Kind::kConsonant, {{"s", 1}}};
    case U'ض':
      return {Kind::kConsonant, {{"d", .8}, {"dh", .2}}};
    case U'ط':
      return {Kind::kConsonant, {{"t", 1}}};
    case U'ظ':
      return {Kind::kConsonant, {{"z", .7}, {"dh", .3}}};
    case U'غ':
      return {Kind::kConsonant, {{"gh", .7}, {"g", .3}}};
    case U'ف':
      return {Kind::kConsonant, {{"f", .9}, {"v", .1}}};
    case U'ڤ':
      return {Kind::kConsonant, {{"v", 1}}};
    case U'ق':
      return {Kind::kConsonant, {{"q", .5}, {"k", .4}, {"g", .1}}};
    case U'ك':
    case U'ک':
      return {Kind::kConsonant, {{"k", .85}, {"c", .15}}};
    case U'گ':
      return {Kind::kConsonant, {{"g", 1}}};
    case U'ل':
      return {Kind::kConsonant, {{"l", 1}}};
    case U'م':
      return {Kind::kConsonant, {{"m", 1}}};
    case U'ن':
      return {Kind::kConsonant, {{"n", 1}}};
    case U'ه':
    case U'ۀ':
    case U'ە':
      if (pos == Pos::kFinal && prev != 0 && !IsVowelLetter(prev))
        return {Kind::kConsonant, {{"h", .6}, {"e", .25}, {"a", .15}}};
      return {Kind::kConsonant, {{"h", 1}}};
    case U'پ':
      return {Kind::kConsonant, {{"p", 1}}};
    case U'چ':
      return {Kind::kConsonant, {{"ch", 1}}};
    case U'ژ':
      return {Kind::kConsonant, {{"zh", .6}, {"j", .4}}};
    case U'ع':
      if (pos == Pos::kInitial)
        return {Kind::kVowel, {{"a", .5}, {"o", .2}, {"e", .15}, {"u", .15}}};
      if (after_vowel) return {Kind::kVowel, {{"", .7}, {"a", .3}}};
      return {Kind::kVowel, {{"a", .45}, {"", .35}, {"e", .2}}};
    case U'ء':
      return {Kind::kSilent, {{"", 1}}};
    case U'ئ':
      return {Kind::kVowel, {{"", .4}, {"i", .3}, {"y", .3}}};
    case U'ؤ':
      return {Kind::kVowel, {{"", .4}, {"u", .3}, {"o", .3}}};
    case U'أ':
      if (pos == Pos::kInitial) return {Kind::kVowel, {{"a", .7}, {"o", .15}, {"u", .15}}};
      return {Kind::kVowel, {{"a", .5}, {"", .5}}};
    case U'إ':
      return {Kind::kVowel, {{"i", .6}, {"e", .4}}};
    case U'آ':
      return {Kind::kVowel, {{"a", .8}, {"aa", .2}}};
    case U'ٱ':
    case U'ا':
      if (pos == Pos::kInitial) return {Kind::kVowel, {{"a", .6}, {"i", .2}, {"e", .1}, {"o", .1}}};
      return {Kind::kVowel, {{"a", .85}, {"e", .1}, {"aa", .05}}};
    case U'و':
      if (pos == Pos::kInitial) return {Kind::kConsonant, {{"w", .8}, {"v", .2}}};
      if (after_vowel || before_alef) return {Kind::kConsonant, {{"w", .8}, {"v", .2}}};
      if (pos == Pos::kFinal) return {Kind::kVowel, {{"o", .4}, {"u", .3}, {"ou", .2}, {"w", .1}}};
      return {Kind::kVowel, {{"o", .45}, {"u", .4}, {"ou", .15}}};
    case U'ي':
    case U'ی':
      if (pos == Pos::kInitial) return {Kind::kConsonant, {{"y", .9}, {"i", .1}}};
      if (after_vowel || before_alef || next == U'و') return {Kind::kConsonant, {{"y", 1}}};
      if (pos == Pos::kFinal)
        return {Kind::kVowel, {{"i", .5}, {"y", .25}, {"ie", .1}, {"e", .15}}};
      return {Kind::kVowel, {{"i", .5}, {"e", .25}, {"ee", .15}, {"ei", .1}}};
    case U'ى':
      return {Kind::kVowel, {{"a", .6}, {"i", .2}, {"y", .2}}};
    case U'ة':
      return {Kind::kVowel, {{"a", .6}, {"ah", .3}, {"at", .1}}};
    default:
      return {Kind::kSilent, {{"", 1}}};
  }
}

// The short vowel guessed between two consonants when none is written; before
// the last letter a cluster (-rts, -nd) is as likely as a vowel.
constexpr Option kGuess[] = {{"a", .35}, {"", .35}, {"e", .18}, {"o", .06}, {"i", .06}};
constexpr Option kGuessFinal[] = {{"", .45}, {"e", .25}, {"a", .2}, {"o", .05}, {"i", .05}};

const char* HarakaLatin(char32_t c) {
  switch (c) {
    case 0x064E:
      return "a";  // fatha
    case 0x0650:
      return "i";  // kasra
    case 0x064F:
      return "u";  // damma
    case 0x064B:
      return "an";
    case 0x064D:
      return "in";
    case 0x064C:
      return "un";
    default:
      return nullptr;  // sukun, shadda (handled), others
  }
}

// How one abjad is read: letters, long-vowel letters, marks to skip, and the
// short vowels guessed between consonants.
struct Alphabet {
  Reading (*read)(char32_t c, Pos pos, char32_t prev, char32_t next);
  bool (*is_vowel_letter)(char32_t c);
  bool (*is_mark)(char32_t c);
  const Option* guess;
  size_t guess_size;
  const Option* guess_final;
  size_t guess_final_size;
};

struct Hyp {
  std::string text;
  double score;
};

void Prune(std::vector<Hyp>& beam, size_t width) {
  std::sort(beam.begin(), beam.end(), [](const Hyp& a, const Hyp& b) {
    return a.score != b.score ? a.score > b.score : a.text < b.text;
  });
  std::vector<Hyp> kept;
  for (auto& h : beam) {
    bool dup = false;
    for (const auto& k : kept) dup |= k.text == h.text;
    if (!dup) kept.push_back(std::move(h));
    if (kept.size() == width) break;
  }
  beam = std::move(kept);
}

// Rule spellings of `w` (letters, with any harakat), appended to each prefix.
std::vector<Hyp> Rules(const Alphabet& a, const std::u32string& w, std::vector<Hyp> beam,
                       size_t width) {
  // Letters without harakat, remembering the haraka that follows each.
  std::u32string letters;
  std::vector<char32_t> haraka;
  std::vector<bool> shadda;
  for (char32_t c : w) {
    if (a.is_mark(c)) {
      if (letters.empty()) continue;
      if (c == 0x0651) {
        shadda.back() = true;
      } else {
        haraka.back() = c;
      }
      continue;
    }
    if (c == 0x0640) continue;  // tatweel
    letters.push_back(c);
    haraka.push_back(0);
    shadda.push_back(false);
  }
  const size_t n = letters.size();
  Kind last = Kind::kVowel;  // nothing to insert before the first letter
  bool last_had_haraka = false;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = letters[i];
    Pos pos = i == 0 ? Pos::kInitial : (i + 1 == n ? Pos::kFinal : Pos::kMedial);
    Reading r = a.read(c, pos, i > 0 ? letters[i - 1] : 0, i + 1 < n ? letters[i + 1] : 0);
    if (r.kind == Kind::kSilent && r.options.size() == 1 && *r.options[0].latin == 0) continue;
    const bool insert = r.kind == Kind::kConsonant && last == Kind::kConsonant && !last_had_haraka;
    // Gemination is written with a shadda that names almost never carry:
    // a consonant between a (guessed) short vowel and a long vowel may be
    // doubled (صدام saddam, حسن hassan).
    const bool may_double = insert && !shadda[i] && pos == Pos::kMedial && i + 1 < n &&
                            a.is_vowel_letter(letters[i + 1]);
    std::vector<Hyp> next;
    for (const auto& h : beam) {
      if (insert) {
        const bool fin = pos == Pos::kFinal;
        const Option* guesses = fin ? a.guess_final : a.guess;
        const size_t guess_count = fin ? a.guess_final_size : a.guess_size;
        for (size_t gi = 0; gi < guess_count; ++gi) {
          const Option& g = guesses[gi];
          for (const auto& o : r.options) {
            std::string t = h.text + g.latin + o.latin;
            if (shadda[i]) t += o.latin;
            if (may_double && *g.latin != 0) {
              next.push_back({t + o.latin, h.score * g.weight * o.weight * .25});
            }
            next.push_back({std::move(t), h.score * g.weight * o.weight});
          }
        }
      } else {
        for (const auto& o : r.options) {
          std::string t = h.text + o.latin;
          if (shadda[i]) t += o.latin;
          next.push_back({std::move(t), h.score * o.weight});
        }
      }
    }
    beam = std::move(next);
    if (const char* v = haraka[i] ? HarakaLatin(haraka[i]) : nullptr) {
      for (auto& h : beam) h.text += v;
    }
    last_had_haraka = haraka[i] != 0;
    last = r.kind == Kind::kSilent ? last : r.kind;
    Prune(beam, width);
  }
  return beam;
}

constexpr Alphabet kArabic = {
    Read, IsVowelLetter, IsHaraka, kGuess, std::size(kGuess), kGuessFinal, std::size(kGuessFinal)};

// Hebrew. Matres lectionis: א and ע carry a vowel, ו is o/u (וו is v/w), י
// is i/e/y (יי is y/ei); ה at the end is a/ah/e; ב, כ, פ are b/v, k/ch, p/f
// depending on a dagesh that names are written without.
bool IsHebrewVowelLetter(char32_t c) { return c == U'א' || c == U'ו' || c == U'י' || c == U'ע'; }
bool IsHebrewMark(char32_t c) {
  return (c >= 0x0591 && c <= 0x05C7 && c != 0x05BE) || c == 0x05F3 || c == 0x05F4;
}

Reading ReadHebrew(char32_t c, Pos pos, char32_t prev, char32_t next) {
  const bool initial = pos == Pos::kInitial;
  switch (c) {
    case U'א':
    case U'ע':
      if (initial) return {Kind::kVowel, {{"a", .5}, {"e", .3}, {"i", .1}, {"o", .1}}};
      if (pos == Pos::kFinal) return {Kind::kVowel, {{"a", .7}, {"", .3}}};
      return {Kind::kVowel, {{"", .5}, {"a", .3}, {"e", .2}}};
    case U'ב':
      return {Kind::kConsonant, initial ? std::vector<Option>{{"b", .9}, {"v", .1}}
                                        : std::vector<Option>{{"b", .55}, {"v", .45}}};
    case U'ג':
      return {Kind::kConsonant, {{"g", .85}, {"j", .15}}};
    case U'ד':
      return {Kind::kConsonant, {{"d", 1}}};
    case U'ה':
      if (pos == Pos::kFinal)
        return {Kind::kVowel, {{"a", .5}, {"ah", .25}, {"e", .2}, {"h", .05}}};
      return {Kind::kConsonant, {{"h", 1}}};
    case U'ו':
      if (next == U'ו' || initial) return {Kind::kConsonant, {{"v", .6}, {"w", .4}}};
      if (prev == U'ו') return {Kind::kSilent, {{"", 1}}};
      if (pos == Pos::kFinal) return {Kind::kVowel, {{"o", .5}, {"u", .3}, {"ov", .2}}};
      return {Kind::kVowel, {{"o", .5}, {"u", .4}, {"ou", .1}}};
    case U'ז':
      return {Kind::kConsonant, {{"z", .85}, {"zh", .1}, {"j", .05}}};
    case U'ח':
      return {Kind::kConsonant, {{"ch", .4}, {"h", .4}, {"kh", .2}}};
    case U'ט':
    case U'ת':
      return {Kind::kConsonant, {{"t", 1}}};
    case U'י':
      if (next == U'י') return {Kind::kConsonant, {{"y", .5}, {"ei", .3}, {"ai", .2}}};
      if (prev == U'י') return {Kind::kSilent, {{"", 1}}};
      if (initial) return {Kind::kConsonant, {{"y", .85}, {"i", .1}, {"j", .05}}};
      if (IsHebrewVowelLetter(prev) || next == U'ו' || next == U'א')
        return {Kind::kConsonant, {{"y", 1}}};
      if (pos == Pos::kFinal) return {Kind::kVowel, {{"i", .6}, {"y", .3}, {"ie", .1}}};
      return {Kind::kVowel, {{"i", .5}, {"e", .3}, {"y", .2}}};
    case U'כ':
    case U'ך':
      if (initial) return {Kind::kConsonant, {{"k", .9}, {"ch", .1}}};
      return {Kind::kConsonant, {{"k", .5}, {"ch", .3}, {"kh", .2}}};
    case U'ל':
      return {Kind::kConsonant, {{"l", 1}}};
    case U'מ':
    case U'ם':
      return {Kind::kConsonant, {{"m", 1}}};
    case U'נ':
    case U'ן':
      return {Kind::kConsonant, {{"n", 1}}};
    case U'ס':
      return {Kind::kConsonant, {{"s", 1}}};
    case U'פ':
      if (initial) return {Kind::kConsonant, {{"p", .7}, {"f", .3}}};
      return {Kind::kConsonant, {{"p", .5}, {"f", .5}}};
    case U'ף':
      return {Kind::kConsonant, {{"f", 1}}};
    case U'צ':
    case U'ץ':
      return {Kind::kConsonant, {{"tz", .4}, {"ts", .3}, {"z", .2}, {"ch", .1}}};
    case U'ק':
      return {Kind::kConsonant, {{"k", .8}, {"q", .2}}};
    case U'ר':
      return {Kind::kConsonant, {{"r", 1}}};
    case U'ש':
      return {Kind::kConsonant, {{"sh", .7}, {"s", .3}}};
    default:
      return {Kind::kSilent, {{"", 1}}};
  }
}

constexpr Option kHebrewGuess[] = {{"a", .35}, {"e", .35}, {"", .2}, {"o", .05}, {"i", .05}};
constexpr Option kHebrewGuessFinal[] = {{"", .4}, {"e", .3}, {"a", .2}, {"o", .05}, {"i", .05}};
constexpr Alphabet kHebrew = {ReadHebrew,
                              IsHebrewVowelLetter,
                              IsHebrewMark,
                              kHebrewGuess,
                              std::size(kHebrewGuess),
                              kHebrewGuessFinal,
                              std::size(kHebrewGuessFinal)};

bool IsSunLetter(char32_t c) {
  static constexpr std::u32string_view kSun = U"تثدذرزسشصضطظلن";
  return kSun.find(c) != std::u32string_view::npos;
}

}  // namespace

std::string ArabicKey(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (char32_t c : Decode(word)) {
    if (IsHaraka(c) || c == 0x0640) continue;
    Append(out, FoldLetter(c));
  }
  return out;
}

std::vector<std::string> ArabicRuleSpellings(std::string_view word, size_t limit) {
  std::u32string w = Decode(word);
  constexpr size_t kWidth = 24;
  std::vector<Hyp> start{{"", 1.0}};
  std::vector<Hyp> found;
  // عبدال...: "Abd al-X" written as one word.
  std::u32string_view v(w);
  if (v.size() > 6 && v.substr(0, 5) == U"عبدال") {
    std::vector<Hyp> pre{{"abdul", .45}, {"abdel", .3}, {"abdal", .25}};
    found = Rules(kArabic, std::u32string(v.substr(5)), pre, kWidth);
  } else if (v.size() > 3 && v.substr(0, 2) == U"ال") {
    std::u32string rest(v.substr(2));
    std::vector<Hyp> pre{{"al", .6}, {"el", .2}};
    auto rest_spellings = Rules(kArabic, rest, {{"", 1.0}}, kWidth);
    found = Rules(kArabic, rest, pre, kWidth);
    if (IsSunLetter(FoldLetter(rest[0]))) {
      // ash-shams: the article assimilates to a sun letter.
      for (const auto& h : rest_spellings) {
        if (h.text.empty()) continue;
        size_t first_len = h.text.size() > 1 && h.text[1] == 'h' ? 2 : 1;
        found.push_back({"a" + h.text.substr(0, first_len) + h.text, h.score * .35});
      }
    }
  } else {
    found = Rules(kArabic, w, start, kWidth);
  }
  Prune(found, limit);
  std::vector<std::string> out;
  for (auto& h : found) {
    if (!h.text.empty()) out.push_back(std::move(h.text));
  }
  return out;
}

std::vector<std::string> ArabicWordSpellingsUncached(std::string_view word, size_t limit) {
  std::vector<std::string> out;
  auto add = [&](std::string_view s) {
    if (s.empty() || out.size() >= limit) return;
    if (std::find(out.begin(), out.end(), s) == out.end()) out.emplace_back(s);
  };
  const Lexicon& lex = GetLexicon();
  std::string key = ArabicKey(word);
  // The patronymic particle: "son of", bin in the Gulf, ibn classically,
  // ben in the Maghreb, whether written بن or ابن.
  if (key == "بن" || key == "ابن") {
    for (const char* s : {"bin", "ibn", "ben"}) add(s);
  }
  if (auto it = lex.find(key); it != lex.end()) {
    for (auto s : it->second) add(s);
  } else if (key.rfind("ال", 0) == 0) {
    // Unknown with the article: the bare name may be known.
    if (auto it2 = lex.find(std::string_view(key).substr(std::string_view("ال").size()));
        it2 != lex.end()) {
      for (auto s : it2->second) add("al" + std::string(s));
      for (auto s : it2->second) add("el" + std::string(s));
    }
  }
  size_t rule_budget = out.size() >= 3 ? 2 : limit;
  for (const auto& s : ArabicRuleSpellings(word, rule_budget)) add(s);
  return out;
}

std::string HebrewKey(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (char32_t c : Decode(word)) {
    if (IsHebrewMark(c) || c == U'\'' || c == U'"' || c == U'`') continue;
    Append(out, c);
  }
  return out;
}

std::vector<std::string> HebrewRuleSpellings(std::string_view word, size_t limit) {
  std::vector<Hyp> found = Rules(kHebrew, Decode(word), {{"", 1.0}}, 24);
  Prune(found, limit);
  std::vector<std::string> out;
  for (auto& h : found) {
    if (!h.text.empty()) out.push_back(std::move(h.text));
  }
  return out;
}

std::vector<std::string> HebrewWordSpellingsUncached(std::string_view word, size_t limit) {
  std::vector<std::string> out;
  auto add = [&](std::string_view s) {
    if (s.empty() || out.size() >= limit) return;
    if (std::find(out.begin(), out.end(), s) == out.end()) out.emplace_back(s);
  };
  const Lexicon& lex = GetHebrewLexicon();
  if (auto it = lex.find(HebrewKey(word)); it != lex.end()) {
    for (auto s : it->second) add(s);
  }
  for (const auto& s : HebrewRuleSpellings(word, out.size() >= 3 ? 2 : limit)) add(s);
  return out;
}

namespace {

// Names repeat (محمد, عبد, כהן): each thread keeps the spellings of the words
// it has seen. Bounded: emptied when full.
const std::vector<std::string>& Cached(int alphabet, std::string_view word, size_t limit,
                                       std::vector<std::string> (*compute)(std::string_view,
                                                                           size_t)) {
  constexpr size_t kMaxEntries = 1 << 16;
  thread_local std::unordered_map<std::string, std::vector<std::string>> cache;
  std::string key;
  key.reserve(word.size() + 2);
  key.push_back(static_cast<char>('0' + alphabet));
  key.push_back(static_cast<char>(limit));
  key.append(word);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  if (cache.size() >= kMaxEntries) cache.clear();
  return cache.emplace(std::move(key), compute(word, limit)).first->second;
}

}  // namespace

std::vector<std::string> ArabicWordSpellings(std::string_view word, size_t limit) {
  return Cached(0, word, limit, ArabicWordSpellingsUncached);
}

std::vector<std::string> HebrewWordSpellings(std::string_view word, size_t limit) {
  return Cached(1, word, limit, HebrewWordSpellingsUncached);
}

}  // namespace vigil::text::internal
