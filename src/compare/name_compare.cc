#include "compare/name_compare.h"

#include <algorithm>
#include <array>
#include <bit>

#include "compare/phonetic.h"
#include "compare/string_metrics.h"
#include "compare/transcription.h"
#include "names/chinese.h"
#include "names/frequency.h"
#include "names/japanese.h"
#include "names/latin_variants.h"
#include "names/nicknames.h"
#include "names/transcription_model.h"

namespace vigil::compare {
namespace {

using names::PartRole;

// How much a part's rarity weight counts, by role. Particles (al, van, bin)
// say little about identity; patronymics are often omitted; a family name says
// more than a given name when the role is known.
float RoleFactor(PartRole role) {
  switch (role) {
    case PartRole::kParticle:
      return 0.2f;
    case PartRole::kPatronymic:
      return 0.6f;
    case PartRole::kFamily:
      return 1.3f;
    case PartRole::kLegalForm:
      return 0.1f;
    default:
      return 1.0f;
  }
}

// How much of an unmatched part's weight is charged against the score. An
// extra given or middle name (a dropped middle name, an added Western given
// name) costs less than a family name that the other side lacks.
double UnmatchedFactor(const PreparedPart& p) {
  if (p.initial) return 0.3;  // an unmatched initial
  switch (p.role) {
    case PartRole::kFamily:
      return 1.0;
    case PartRole::kParticle:
      return 0.5;
    case PartRole::kPatronymic:
      return 0.35;
    case PartRole::kNumber:
      return 1.0;
    default:
      return 0.6;
  }
}

// Masculine and feminine forms of one name are different people:
// ivanov/ivanova, alexander/alexandra, mario/maria, sokolsky/sokolskaya.
// Ukrainian -enko is one form for both, spelled -enka in Belarusian
// (Lukashenko/Lukashenka): not a gender pair.
bool GenderVariants(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (a.size() < 3 || b.size() > a.size() + 2) return false;
  // Cheap exit first (this runs for most pairs of parts): both are one stem
  // and an ending of at most five letters.
  size_t common = 0;
  while (common < a.size() && a[common] == b[common]) ++common;
  if (common + 5 < b.size()) return false;
  if (b.size() == a.size() + 1 && b.back() == 'a' && b.substr(0, a.size()) == a) return true;
  static constexpr std::pair<std::string_view, std::string_view> kEndings[] = {
      {"er", "ra"},  {"o", "a"},     {"us", "a"},  {"iy", "aya"},    {"ii", "aya"}, {"y", "aya"},
      {"ij", "aja"}, {"ky", "kaya"}, {"ki", "ka"}, {"sky", "skaya"}, {"ski", "ska"}};
  for (auto [m, f] : kEndings) {
    for (int swap = 0; swap < 2; ++swap) {
      std::string_view x = swap ? b : a, y = swap ? a : b;
      if (x.size() > m.size() && y.size() > f.size() && x.ends_with(m) && y.ends_with(f) &&
          x.substr(0, x.size() - m.size()) == y.substr(0, y.size() - f.size())) {
        return !(m == "o" && x.ends_with("nko"));
      }
    }
  }
  return false;
}

// The generation a part of a person's name gives, after the first part:
// 1 junior, 2 senior, 10 + n the n-th of the name (II, III, 2nd, and the
// "3rd" the analyzer makes of 3세 and 三世), 0 for none. Jr, Sr, V and VI
// count only at the end ("Tran Thi Vi"); X and XI never (Malcolm X, 习 "xi").
uint8_t Generation(std::string_view t, bool last) {
  static constexpr std::pair<std::string_view, uint8_t> kEnd[] = {
      {"jr", 1}, {"junior", 1}, {"sr", 2}, {"senior", 2}, {"v", 15}, {"vi", 16}};
  static constexpr std::string_view kRoman[] = {
      "", "",    "ii",   "iii", "iv", "",    "",     "vii",   "viii", "ix", "",
      "", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix",  "xx"};
  if (last) {
    for (auto [s, g] : kEnd) {
      if (t == s) return g;
    }
  }
  for (size_t n = 2; n < std::size(kRoman); ++n) {
    if (!kRoman[n].empty() && t == kRoman[n]) return static_cast<uint8_t>(10 + n);
  }
  // 2nd, 3rd, 14th.
  size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2 || t.size() != digits + 2) return 0;
  const std::string_view suffix = t.substr(digits);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
  int n = 0;
  for (size_t k = 0; k < digits; ++k) n = n * 10 + (t[k] - '0');
  return n > 0 ? static_cast<uint8_t>(10 + n) : 0;
}

bool Initial(const PreparedPart& a, const PreparedPart& b) {
  return a.initial && b.text.size() > 1 && b.text[0] == a.text[0];
}

struct Pair {
  double score;
  uint8_t qi, qn;  // query parts [qi, qi+qn)
  uint8_t ci, cn;  // candidate parts [ci, ci+cn)
  const char* method;
  std::string_view scheme;
};

// Whether two words start alike for a transcription: the same letter, or
// letters that transcriptions swap (l/r, b/p/v/f/w, k/g/c/q, vowels).
bool SameOnset(std::string_view a, std::string_view b) {
  auto cls = [](char c) {
    switch (c) {
      case 'l':
      case 'r':
        return 'R';
      case 'b':
      case 'p':
      case 'v':
      case 'f':
      case 'w':
        return 'P';
      case 'k':
      case 'g':
      case 'c':
      case 'q':
        return 'K';
      case 'd':
      case 't':
        return 'T';
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
        return 'A';
      case 's':
      case 'z':
      case 'j':
      case 'x':
        return 'S';
      default:
        return c;
    }
  };
  return !a.empty() && !b.empty() && cls(a[0]) == cls(b[0]);
}

// The least sound similarity that counts as a transcription, by how
// faithfully the other script writes a Latin name (PairContext::sounds_floor).
// Measured on tests/eval and checked on a second sample (gen_eval.py
// --holdout): syllabic 0.70, alphabetic 0.78, abjad 0.85.
constexpr float kSyllabicFloor = 0.70f;
constexpr float kAlphabeticFloor = 0.78f;
constexpr float kAbjadFloor = 0.85f;
// The part's similarity: 0.65 at the floor, rising to 0.85; a word whose
// sounds only reach the floor is not a match on its own. Chosen together
// with the floors on the evaluation groups and on how often unrelated names
// pass (scripts/eval_specificity.py): about 1 in 190 random Latin/Han pairs
// of single words, 1 in 800 Latin/Cyrillic, 1 in 1,200 Latin/Arabic, 1 in
// 2,500 full names Latin/Hangul.
constexpr double kAtFloor = 0.65;
constexpr double kSlope = 0.8;

// A Latin word against a transcription of it, by sounds.
PartSimilarity SoundsScore(const SoundCode& a, const SoundCode& b, float floor) {
  if (floor <= 0 || !TranscriptionOnsetsAgree(a, b)) return {};
  const double sim = TranscriptionSimilarity(a, b, floor);
  if (sim < floor) return {};
  // At most 0.85: below the romanization rules, which are surer.
  return {std::min(0.85, kAtFloor + (sim - floor) * kSlope), "phonetic", "transcription"};
}

PartSimilarity SoundsScore(const PreparedPart& a, const PreparedPart& b, const PairContext& ctx) {
  return SoundsScore(a.sounds, b.sounds, ctx.sounds_floor);
}

// A Latin word against a word of a script that transcribes foreign names
// by convention (Chinese characters, Hangul): the learned model's evidence
// (names::FitTranscription, per letter and per unit) together with the
// agreement of sounds, which catches what the model has seen too rarely.
// Their weighted sum is 0 at the match threshold (0.70) and each unit of it
// `slope` of similarity, up to 0.85 (as for sounds: below the romanization
// rules, which are surer).
struct TranscriptionWeights {
  double evidence_at_threshold;  // with no agreement of sounds
  double sounds_weight;
  double slope;
  // Whether a unit standing for consonants it hardly ever writes rules the
  // word out when the sounds disagree too (Gupta, 古斯塔), whatever the
  // evidence.
  bool odd_vetoes;
  const char* scheme;
};
// Chosen on the reserved tenth of the Chinese pairs, which the model never
// learned from (scripts/gen_transcription.py --check), checked on tests/eval.
constexpr TranscriptionWeights kHanWeights = {-0.8, 2.0, 0.08, true, "han-transcription"};
// Chosen on the reserved tenth of the Korean pairs, which the model never
// learned from (scripts/gen_transcription.py --script hangul
// --reserved-pairs: each name with another person of its given name and
// with a look-alike last word): F1 0.923 with the Han weights, 0.929 with
// these. A Hangul word needs no veto: blocks that write silent letters (나
// for the kn of Knight) look odd to sound classes, and the evidence already
// pays for odd units (0.926 with the veto).
constexpr TranscriptionWeights kHangulWeights = {1.0, 3.0, 0.15, false, "hangul-transcription"};
// Chosen on the reserved tenth of the Russian pairs, which the model never
// learned from (scripts/gen_transcription.py --script cyrillic
// --reserved-pairs: each word with another of its initial and length): F1
// 0.976 (P 0.991 R 0.962; 0.975 with the onset check in TranscribedScore),
// the best of evidence at the threshold from 0.25 to 1.0 and sounds weights
// from 0 to 1.5 (all within 0.002). The veto costs
// recall here (F1 0.973): a Cyrillic letter standing for odd consonants is
// mostly a name written from another language's sounds.
constexpr TranscriptionWeights kCyrillicWeights = {0.5, 0.75, 0.15, false,
                                                   "cyrillic-transcription"};

// Chosen on the reserved tenth of the Arabic pairs (scripts/gen_transcription.py
// --script arabic --reserved-pairs: each name with another's spelling of the
// same initial): F1 0.972 by sounds alone, 0.984 with these (0.984 too with
// the evidence at 1.0, but unrelated names then matched 29 times in 44,700
// against 20 with these and 38 by sounds, eval_specificity.py); 0.982 with
// the first-letter check in TranscribedScore, which keeps screening Arabic
// names faster. The model's fit replaces the sounds as it does for
// Han and Hangul; spellings of Arabic names still meet by the romanization
// rules, which come first (Mohammed ~ محمد).
constexpr TranscriptionWeights kArabicWeights = {1.5, 1.0, 0.08, false, "arabic-transcription"};

const TranscriptionWeights& WeightsOf(names::TranscriptionScript script) {
  if (script == names::TranscriptionScript::kCyrillic) return kCyrillicWeights;
  if (script == names::TranscriptionScript::kArabic) return kArabicWeights;
  return script == names::TranscriptionScript::kHangul ? kHangulWeights : kHanWeights;
}

PartSimilarity TranscriptionScore(const names::TranscriptionFit& fit, const PartSimilarity& sounds,
                                  const TranscriptionWeights& w) {
  if (w.odd_vetoes && fit.odd > 0 && sounds.score == 0) return {};
  const double sum = fit.evidence + w.sounds_weight * sounds.score - w.evidence_at_threshold;
  const double score = std::min(0.85, 0.70 + w.slope * sum);
  if (score < 0.5) return {};
  return {score, "phonetic", w.scheme};
}

// A Latin part against a part romanized from a foreign name in another
// script, by sounds, and where the part keeps its units (a Hangul word) by
// what they are known to write.
PartSimilarity TranscribedScore(const PreparedPart& a, const PreparedPart& b,
                                const PairContext& ctx) {
  const PartSimilarity sounds = SoundsScore(a, b, ctx);
  const PreparedPart& native = a.units.empty() ? b : a;
  const PreparedPart& word = a.units.empty() ? a : b;
  if (native.units.empty() || !word.units.empty()) return sounds;
  // A Cyrillic word's first letter writes the Latin word's first sound (as
  // the model holds too): where this form's onsets disagree, no alignment,
  // which is the costliest step of screening a Cyrillic name.
  if (native.units.script == names::TranscriptionScript::kCyrillic &&
      !TranscriptionOnsetsAgree(a.sounds, b.sounds)) {
    return sounds;
  }
  // So for an Arabic word, by the letters the model knows its first letters
  // to write (ج a g, the ت of تش nothing before ch), which the sounds of a
  // romanization do not know. Screening 300 Arabic-script words: 440
  // queries a second with no check, 550 with the sounds' check (which
  // misses Greenberg ~ جرينبرج), 600 with this one, 740 before the model;
  // F1 on the reserved tenth 0.984, 0.983, 0.982.
  if (native.units.script == names::TranscriptionScript::kArabic &&
      !names::TranscriptionOnsetPossible(word.text, native.units)) {
    return sounds;
  }
  if (auto fit = names::FitTranscription(word.text, native.units)) {
    return TranscriptionScore(*fit, sounds, WeightsOf(native.units.script));
  }
  return sounds;
}

// Adjacent parts written as one: "abdul rahman" ~ "abdulrahman",
// "van der berg" ~ "vanderberg", "da wen" ~ "dawen".
PartSimilarity JoinedByLetters(const PreparedPart& one, const PreparedPart* parts, size_t count,
                               bool skeletons) {
  const std::string& t = one.text;
  size_t joined_size = 0;
  for (size_t k = 0; k < count; ++k) joined_size += parts[k].text.size();
  // Cheap exits first: this runs for every part against every run of
  // adjacent parts on the other side.
  const size_t diff = t.size() > joined_size ? t.size() - joined_size : joined_size - t.size();
  if (diff > 3 || t.empty() || parts[0].text.empty()) return {};
  const bool onset = SameOnset(t, parts[0].text);
  if (!onset) return {};
  if (diff == 0 && t.compare(0, parts[0].text.size(), parts[0].text) == 0) {
    size_t pos = 0;
    bool same = true;
    for (size_t k = 0; k < count && same; ++k) {
      same = t.compare(pos, parts[k].text.size(), parts[k].text) == 0;
      pos += parts[k].text.size();
    }
    if (same) return {1.0, "merged", ""};
  }
  std::string joined;
  joined.reserve(joined_size);
  for (size_t k = 0; k < count; ++k) joined += parts[k].text;
  // Chinese syllables are compared by their readings, not by transcription.
  bool syllables = true;
  for (size_t k = 0; k < count; ++k) syllables = syllables && parts[k].chinese_syllable;
  // Chinese syllables against a joined reading of characters are compared by
  // reading (尹子 "yinzi" is not "yin shao"); against a native name's words
  // (Hangul 성진 "seongjin") the skeleton applies.
  if (skeletons && !(syllables && one.transcription_only) && one.skeleton.size() >= 2 &&
      (one.skeleton.size() >= 3 || diff <= 1) && one.skeleton == TranscriptionSkeleton(joined)) {
    return {0.8, "phonetic", "transcription"};
  }
  if (one.transcription_only || syllables || one.chinese_syllable) return {};
  // Spelled apart and together, variants of one another (abdelrahman ~
  // abdul rahman) — not a word swallowing a whole other one (andreason is
  // not anna anderson).
  if (diff <= 1 && t[0] == joined[0] && names::RomanizationKey(joined) == one.key) {
    return {0.95, "romanization", ""};
  }
  if (t.size() >= 8 && diff <= 1 && BoundedEditDistance(t, joined, 1) == 1) {
    return {0.85, "typo", ""};
  }
  return {};
}

PartSimilarity CompareJoined(const PreparedPart& one, const PreparedPart* parts, size_t count,
                             bool skeletons, float sounds_floor, bool by_reading) {
  bool run_japanese = false, run_latin = false;
  for (size_t k = 0; k < count; ++k) (parts[k].japanese ? run_japanese : run_latin) = true;
  if (one.japanese || run_japanese) {
    // A kanji name against romaji written in two or three words, or one
    // romaji word against the family and given names in kanji.
    if (run_japanese == run_latin || one.japanese == run_japanese) return {};
    std::string joined;
    for (size_t k = 0; k < count; ++k) joined += parts[k].text;
    const bool match = one.japanese ? names::JapaneseReadingMatch(joined, one.text)
                                    : names::JapaneseReadingMatch(one.text, joined);
    if (match) return {0.9, "romanization", "japanese"};
    return {};
  }
  if (one.generation) return {};
  for (size_t k = 0; k < count; ++k) {
    if (parts[k].generation) return {};
  }
  PartSimilarity by_letters = JoinedByLetters(one, parts, count, skeletons);
  if (by_letters.score > 0 || sounds_floor <= 0) return by_letters;
  // A compound written as one word in another script (Hans-Jurgen ->
  // 한스위르겐 "hanseuwireugen"): by sounds, without the length checks above,
  // since transcriptions are longer than their Latin spelling. Chinese names
  // (and Korean names, whose syllables are spelled alike) meet by reading,
  // not by sound (see ComparePart) — but kana write every foreign name by
  // sound: Jong Un is ジョンウン "jonun" as Hans Jurgen is ハンスユルゲン.
  if (by_reading && (one.chinese_syllable || one.chinese_word)) return {};
  SoundCode run;
  for (size_t k = 0; k < count; ++k) {
    if (by_reading && (parts[k].chinese_syllable || parts[k].chinese_word)) return {};
    AppendSounds(&run, parts[k].sounds);
  }
  return SoundsScore(one.sounds, run, sounds_floor);
}

}  // namespace

size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t limit) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  if (limit <= 1) {
    // At most one edit: it can be placed at the first difference.
    size_t i = 0;
    while (i < n && i < m && a[i] == b[i]) ++i;
    if (i == n && i == m) return 0;
    if (limit == 0) return 1;
    bool one = false;
    if (n == m) {
      one =
          a.substr(i + 1) == b.substr(i + 1) ||
          (i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2));
    } else {
      one = n < m ? a.substr(i) == b.substr(i + 1) : a.substr(i + 1) == b.substr(i);
    }
    return one ? 1 : 2;
  }
  if (n > 62 || m > 62) {
    size_t d = DamerauLevenshtein(a, b);
    return std::min(d, limit + 1);
  }
  // Optimal string alignment over a band of width `limit` around the diagonal.
  // Three rows, rotated; a row is written only over its band and the cells
  // just outside it, which the next rows read.
  constexpr size_t kBig = 1000;
  size_t rows[3][64];
  size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
  for (size_t j = 0; j <= m; ++j) prev[j] = j <= limit ? j : kBig;
  for (size_t i = 1; i <= n; ++i) {
    const size_t lo = i > limit ? i - limit : 1;
    const size_t hi = std::min(m, i + limit);
    cur[0] = i <= limit ? i : kBig;
    if (lo > 1) cur[lo - 1] = kBig;
    if (hi < m) cur[hi + 1] = kBig;
    size_t row_min = cur[0];
    for (size_t j = lo; j <= hi; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return limit + 1;
    size_t* oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return std::min(prev[m], limit + 1);
}

const PartSimilarity* PartCache::Find(uint64_t q, uint64_t c, uint16_t ctx) const {
  size_t i = (q * 0x9E3779B97F4A7C15ull ^ c ^ ctx) & (kSize - 1);
  for (size_t probe = 0; probe < 8; ++probe, i = (i + 1) & (kSize - 1)) {
    const Entry& e = entries_[i];
    if (e.generation != generation_) return nullptr;
    if (e.q == q && e.c == c && e.ctx == ctx) return &e.sim;
  }
  return nullptr;
}

void PartCache::Insert(uint64_t q, uint64_t c, uint16_t ctx, const PartSimilarity& sim) {
  if (size_ >= kSize / 2) return;  // full enough: compute without remembering
  size_t i = (q * 0x9E3779B97F4A7C15ull ^ c ^ ctx) & (kSize - 1);
  for (size_t probe = 0; probe < 8; ++probe, i = (i + 1) & (kSize - 1)) {
    Entry& e = entries_[i];
    if (e.generation != generation_) {
      e = Entry{q, c, generation_, ctx, sim};
      ++size_;
      return;
    }
  }
}

PreparedForm PrepareForm(const names::NameForm& form) {
  PreparedForm out;
  out.scheme = form.scheme;
  out.script = form.script;
  const std::string& script = form.script;
  out.latin = script == "latin" || script == "unknown";
  out.han = script == "han";
  out.pinyin = form.scheme == "pinyin";
  out.hk = form.scheme == "hk-cantonese";
  out.arabic = script == "arabic";
  out.native = form.native;
  out.japanese = form.scheme == "japanese";
  out.kana = script == "kana";
  out.sino_korean = form.scheme == "sino-korean";
  if (!out.latin) {
    out.transcribes = script == "han" || script == "hangul" || script == "kana" ? 1
                      : script == "arabic" || script == "hebrew"                ? 3
                                                                                : 2;
  }
  bool chinese_name = false;
  if (out.latin && form.parts.size() <= 6) {
    std::vector<std::string> tokens;
    for (const auto& p : form.parts) tokens.push_back(p.text);
    chinese_name = names::IsLikelyChineseName(tokens);
  }
  for (const auto& p : form.parts) {
    if (p.role == PartRole::kLegalForm) continue;
    PreparedPart part;
    part.text = p.text;
    part.role = p.role;
    if (out.japanese) {
      part.japanese = true;
      part.weight = RoleFactor(p.role);
      part.hash = std::hash<std::string_view>{}(p.text) ^ (uint64_t(p.role) << 56) ^ (1ull << 61);
      if (!out.text.empty()) out.text += ' ';
      out.text += p.text;
      out.parts.push_back(std::move(part));
      continue;
    }
    part.key = names::RomanizationKey(p.text);
    part.phonetic = Metaphone(p.text);
    part.transcription_only = form.scheme.ends_with("-joined");
    if (part.transcription_only && form.scheme.starts_with("pinyin")) {
      // Pinyin letters as sounds: q and x are the ch and sh of transcriptions.
      std::string sounds;
      for (char ch : p.text) {
        if (ch == 'q')
          sounds += "ch";
        else if (ch == 'x')
          sounds += "sh";
        else
          sounds += ch;
      }
      part.skeleton = TranscriptionSkeleton(sounds);
    } else {
      part.skeleton = TranscriptionSkeleton(p.text);
    }
    part.sounds = EncodeSounds(
        TranscriptionSounds(p.text, part.transcription_only && form.scheme.starts_with("pinyin")));
    if (part.transcription_only && !p.native.empty() && script == "han") {
      part.units = names::ReadTranscriptionUnits(names::TranscriptionScript::kHan, p.native);
    } else if (!p.native.empty() && script == "hangul" && !form.native) {
      part.units = names::ReadTranscriptionUnits(names::TranscriptionScript::kHangul, p.native);
    } else if (!p.native.empty() && script == "cyrillic") {
      // Every romanization of the word (ICAO, BGN, GOST ...) shares its units.
      part.units = names::ReadTranscriptionUnits(names::TranscriptionScript::kCyrillic, p.native);
    } else if (!p.native.empty() && script == "arabic") {
      part.units = names::ReadTranscriptionUnits(names::TranscriptionScript::kArabic, p.native);
    }
    for (char ch : p.text) {
      if (ch >= 'a' && ch <= 'z') part.letters |= 1u << (ch - 'a');
    }
    part.nickname_groups = names::NicknameGroups(p.text);
    part.sino_korean = form.scheme == "sino-korean";
    part.hash = std::hash<std::string_view>{}(p.text) ^ (uint64_t(p.role) << 56) ^
                (uint64_t(part.sino_korean) << 60) ^ (uint64_t(part.transcription_only) << 62);
    // Two words spelled alike in Latin may be written apart (different units).
    if (!part.units.empty()) {
      part.hash ^= std::hash<std::string_view>{}(p.native) * 0x9E3779B97F4A7C15ull;
    }
    part.weight = names::NamePartWeight(p.text) * RoleFactor(p.role);
    const auto syllables = names::SplitChineseSyllables(p.text);
    part.chinese_syllable = syllables && syllables->size() == 1;
    part.chinese_word = chinese_name && syllables && syllables->size() > 1;
    part.in_chinese_name = chinese_name && form.parts.size() >= 2;
    part.initial = p.text.size() == 1 && form.scheme != "latin-syllables" && !part.sino_korean;
    if (!out.parts.empty() && p.role != PartRole::kNumber) {
      part.generation = Generation(p.text, &p == &form.parts.back());
    }
    out.chinese_syllables = out.chinese_syllables || (out.latin && part.chinese_syllable);
    if (!out.text.empty()) out.text += ' ';
    out.text += p.text;
    out.parts.push_back(std::move(part));
  }
  return out;
}

std::string TranscriptionSkeleton(std::string_view t) {
  std::string out;
  auto push = [&out](char c) {
    if (out.empty() || out.back() != c) out.push_back(c);
  };
  auto is_vowel = [](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  };
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    char n = i + 1 < t.size() ? t[i + 1] : 0;
    if (i == 0 && is_vowel(c)) {
      push('A');
      continue;
    }
    switch (c) {
      case 'b':
      case 'p':
      case 'f':
      case 'v':
      case 'w':
        push('P');
        break;
      case 'd':
      case 't':
        if (n == 'h') ++i;
        if ((c == 't' || c == 'd') && (n == 's' || n == 'z')) {
          ++i;
          push('S');
          break;
        }
        push('T');
        break;
      case 'g':
      case 'k':
      case 'q':
        if (n == 'h') ++i;
        push('K');
        break;
      case 'c':
        if (n == 'h') {
          ++i;
          push('S');
          break;
        }
        if (n == 'k') ++i;
        push(n == 'e' || n == 'i' ? 'S' : 'K');
        break;
      case 'x':
        push('K');
        push('S');
        break;
      case 's':
        if (n == 'h' || n == 'c') ++i;
        push('S');
        break;
      case 'z':
      case 'j':
        if (n == 'h') ++i;
        push('S');
        break;
      case 'l':
      case 'r':
        push('R');
        break;
      case 'm':
        push('M');
        break;
      case 'n':
        push('N');
        break;
      case 'h':
        break;
      default:
        break;  // vowels and anything else
    }
    if (c == 'p' && n == 'h') ++i;
  }
  return out;
}

PartSimilarity ComparePart(const PreparedPart& a, const PreparedPart& b, const PairContext& ctx) {
  if (a.japanese || b.japanese) {
    // Kanji against romaji, read as Japanese (田中 ~ tanaka).
    if (a.japanese == b.japanese || !ctx.cross_script) return {};
    const PreparedPart& han = a.japanese ? a : b;
    const PreparedPart& latin = a.japanese ? b : a;
    if (names::JapaneseReadingMatch(latin.text, han.text)) return {0.9, "romanization", "japanese"};
    return {};
  }
  if (ctx.person && (a.generation || b.generation)) return {};
  if (a.sino_korean || b.sino_korean) {
    // 왕영경 read as Chinese against Wang Yung-ching, syllable by syllable.
    const PreparedPart& korean = a.sino_korean ? a : b;
    const PreparedPart& other = a.sino_korean ? b : a;
    if (other.sino_korean || !other.chinese_syllable || !ctx.cross_script) return {};
    if (names::SinoKoreanReading(korean.text, other.text)) {
      return {0.85, "romanization", "sino-korean"};
    }
    return {};
  }
  if (a.text == b.text) return {1.0, "exact", ""};
  if (a.role == PartRole::kNumber || b.role == PartRole::kNumber) return {};
  if (a.transcription_only || b.transcription_only) {
    if (!ctx.cross_script) return {};
    // Characters transcribe syllable by syllable, adding vowels and dropping
    // consonants (Golinski -> 戈林斯基 "gelinsiji"): compared by sounds, not
    // by the coarse skeleton, which ignores vowels and length (Curry is not
    // 科洛 "keluo"), and by what the characters are known to write. A Latin
    // word that is also a Chinese syllable (Kut, Pick) meets them only so.
    const PreparedPart& chars = a.transcription_only ? a : b;
    const PreparedPart& word = a.transcription_only ? b : a;
    const bool syllable = a.chinese_syllable || b.chinese_syllable;
    // The words of a Latin name of several parts that reads as Chinese
    // ("Kangran Long", "Wang Wei") meet characters syllable by syllable, by
    // reading, never as a foreign name's transcription (kangran ~ 孔凌
    // "kongling" by sounds, wei ~ 张伟 by the model).
    if (word.in_chinese_name && (word.chinese_word || word.chinese_syllable)) return {};
    if (!chars.units.empty() && !word.transcription_only) {
      if (auto fit = names::FitTranscription(word.text, chars.units)) {
        return TranscriptionScore(*fit, syllable ? PartSimilarity{} : SoundsScore(a, b, ctx),
                                  WeightsOf(chars.units.script));
      }
    }
    return syllable ? PartSimilarity{} : SoundsScore(a, b, ctx);
  }
  if (a.chinese_syllable && b.chinese_syllable && !ctx.transcription) {
    // Two distinct syllables are different syllables: no typo or phonetic
    // rule between them (wang != wan), only readings of one character — and
    // only between two Latin spellings: a form read from characters already
    // carries every scheme's spelling.
    // A Hong Kong reading against the other Cantonese spelling of a
    // character with that reading (Jyutping-like maang, do, geung for the
    // government's mang, to, keung): weaker, the characters are not known
    // to agree.
    if (ctx.hk_vs_latin && names::CantoneseVariants(a.text, b.text)) {
      return {0.8, "romanization", "cantonese-variant"};
    }
    if (ctx.both_latin || ctx.pinyin_vs_latin) {
      if (auto scheme = names::ChineseSyllableMatch(a.text, b.text)) {
        if (ctx.both_latin) {
          // Systematic correspondences (Wade-Giles and pinyin) are strong;
          // dialect readings of some character are weaker evidence.
          const bool systematic = *scheme == "wade-giles" || *scheme == "same" ||
                                  *scheme == "pinyin" || *scheme == "taiwan";
          const bool cantonese = scheme->find("cantonese") != std::string_view::npos;
          return {systematic ? 0.9 : cantonese ? 0.82 : 0.75, "romanization", *scheme};
        }
        // A pinyin reading against a Cantonese spelling of some character
        // with that reading: weaker, the characters are not known to agree.
        if (scheme->find("cantonese") != std::string_view::npos) {
          return {0.8, "romanization", *scheme};
        }
      }
    }
    return {};
  }
  // "jinping" and "jinpeng" are two given names; their syllables meet in
  // the split form, by reading.
  if (a.chinese_word && b.chinese_word) return {};
  // A particle (al, el, van, the) meets only itself: "el" is not "il". In
  // another script it is transcribed like any word (von -> 폰 "pon").
  if ((a.role == PartRole::kParticle) != (b.role == PartRole::kParticle)) {
    return ctx.transcription ? TranscribedScore(a, b, ctx) : PartSimilarity{};
  }
  if (ctx.person && GenderVariants(a.text, b.text)) return {};
  // A Chinese syllable meets other spellings only as a reading (above): the
  // variant key folds vowels that tell syllables apart (en/in, zheng/zhong).
  if (!a.key.empty() && a.key == b.key && !a.chinese_syllable && !b.chinese_syllable &&
      !ctx.both_native) {
    return {0.95, "romanization", ""};
  }
  if (ctx.person && !a.nickname_groups.empty() && !b.nickname_groups.empty()) {
    // Sorted group ids: nicknames share a group.
    auto x = a.nickname_groups.begin(), y = b.nickname_groups.begin();
    while (x != a.nickname_groups.end() && y != b.nickname_groups.end()) {
      if (*x == *y) return {0.88, "nickname", ""};
      if (*x < *y)
        ++x;
      else
        ++y;
    }
  }
  if (ctx.person && (Initial(a, b) || Initial(b, a))) return {0.7, "initial", ""};
  // Between two names in syllabic scripts (characters, Hangul, kana) a
  // spelling that differs is another syllable, not a slip: 性 "seong" is not
  // 시영 "siyeong".
  if (ctx.both_syllabic) return {};
  const size_t la = a.text.size(), lb = b.text.size();
  const size_t longest = std::max(la, lb);
  const size_t shortest = std::min(la, lb);
  // Edit distance only where a rule can use it (at most 2, 4+ letters).
  // A letter on one side only takes an edit; one substitution mends two.
  // Two edits count only for long names keeping their first sound, or with
  // one phonetic code; otherwise only whether there is one.
  // Long names with one phonetic code are one name however their first
  // sound is spelled (Christopher, Kristopher; Geoffrey, Jeffery).
  const bool same_code = !a.phonetic.empty() && a.phonetic == b.phonetic;
  const bool spelled_apart = same_code && longest >= 6;
  const bool two_count = (longest >= 7 && SameOnset(a.text, b.text)) ||
                         (same_code && (a.text[0] == b.text[0] || spelled_apart));
  const size_t limit = two_count ? 2 : 1;
  const size_t only_one_side = std::popcount(a.letters ^ b.letters);
  // Two known given names of different groups are two names, however alike
  // they are spelled (Patrick, Patricia; Mario, Maria).
  const bool known_apart =
      ctx.person && !a.nickname_groups.empty() && !b.nickname_groups.empty() && !spelled_apart;
  size_t d =
      !known_apart && longest >= 4 && only_one_side <= 2 * limit && longest - shortest <= limit
          ? BoundedEditDistance(a.text, b.text, limit)
          : 3;
  if (d > limit) d = 3;
  // In a short name one changed letter is another name (Putin, Pitin); a
  // dropped, added or swapped letter is still a typo (Jon, John).
  bool changed_letter = false;
  if (longest <= 5 && la == lb && d == 1) {
    size_t differ = 0;
    for (size_t i = 0; i < la; ++i) differ += a.text[i] != b.text[i];
    changed_letter = differ == 1;
  }
  if (longest >= 4 && d == 1 && !changed_letter) {
    return {longest >= 6 ? 0.85 : 0.78, "typo", ""};
  }
  // Two slips in one name, but rarely in its first sound (sokolov, okulov).
  if (d == 2 && longest >= 7 && SameOnset(a.text, b.text)) return {0.75, "typo", ""};
  if (d == 2 && longest >= 4 && same_code && (a.text[0] == b.text[0] || spelled_apart)) {
    return {0.75, "phonetic", ""};
  }
  if (ctx.transcription && !a.skeleton.empty()) {
    // A native name's romanizations differ in vowels and in voicing (Kim
    // Jong Un, Gim Jeong-eun): its coarse skeleton, same onset, about the
    // same length. Foreign names are compared by their sounds.
    if (ctx.native) {
      if (a.skeleton.size() >= 2 && a.skeleton == b.skeleton && SameOnset(a.text, b.text) &&
          longest <= shortest + 2) {
        return {a.skeleton.size() >= 3 ? 0.8 : 0.78, "phonetic", "transcription"};
      }
    } else if (PartSimilarity s = TranscribedScore(a, b, ctx); s.score > 0) {
      return s;
    }
  }
  if (ctx.arabic && longest >= 5) {
    const auto& l = la < lb ? b.text : a.text;
    const auto& sh = la < lb ? a.text : b.text;
    if ((l.starts_with("al") || l.starts_with("el")) && l.size() == sh.size() + 2 &&
        l.compare(2, std::string::npos, sh) == 0) {
      return {0.92, "romanization", "arabic-article"};
    }
  }
  if (!ctx.person && shortest >= 3 && longest > shortest) {
    // "air" ~ "airlines", "intl" ~ "international": an abbreviated word.
    const auto& s = la < lb ? a.text : b.text;
    const auto& l = la < lb ? b.text : a.text;
    if (l.compare(0, s.size(), s) == 0) return {0.75, "abbreviation", ""};
  }
  return {};
}

NameScore CompareForms(const PreparedForm& q, const PreparedForm& c, bool person, bool explain,
                       PartCache* cache) {
  NameScore out;
  // Kanji kept as written meet only romaji; a Hangul name read as Chinese
  // meets only a Latin name with Chinese syllables.
  if ((q.japanese && !c.latin) || (c.japanese && !q.latin)) return out;
  if ((q.sino_korean && !c.chinese_syllables) || (c.sino_korean && !q.chinese_syllables)) {
    return out;
  }
  PairContext ctx;
  ctx.person = person;
  ctx.both_latin = q.latin && c.latin;
  ctx.both_native = !q.latin && !c.latin;
  ctx.both_syllabic = ctx.both_native && q.transcribes == 1 && c.transcribes == 1;
  ctx.cross_script = q.latin != c.latin;
  ctx.transcription = ctx.cross_script && !q.han && !c.han;
  // A native name (김영호) meets a Latin name through its romanizations,
  // which the form already spells, not through sounds: "sungjun" is not
  // 성길 "seonggil".
  const bool native = ctx.cross_script && (q.latin ? c.native : q.native);
  ctx.pinyin_vs_latin = ctx.cross_script && (q.pinyin || c.pinyin);
  ctx.hk_vs_latin = ctx.cross_script && (q.hk || c.hk);
  ctx.arabic = q.arabic || c.arabic;
  const uint16_t target = ctx.cross_script ? (q.latin ? c.transcribes : q.transcribes) : 0;
  static constexpr float kFloors[] = {0, kSyllabicFloor, kAlphabeticFloor, kAbjadFloor};
  ctx.sounds_floor = native ? 0 : kFloors[target];
  ctx.native = native;
  const bool kana = q.kana || c.kana;
  const uint16_t ctx_bits =
      uint16_t(ctx.person | ctx.both_latin << 1 | ctx.cross_script << 2 | ctx.transcription << 3 |
               ctx.pinyin_vs_latin << 4 | ctx.arabic << 5 | target << 6 | native << 8 | kana << 9 |
               ctx.hk_vs_latin << 10 | ctx.both_native << 13 | ctx.both_syllabic << 14);
  const size_t n = std::min<size_t>(q.parts.size(), 16);
  const size_t m = std::min<size_t>(c.parts.size(), 16);
  if (n == 0 || m == 0) return out;

  // Reused between calls: this runs for every pair of forms.
  thread_local std::vector<Pair> pairs;
  pairs.clear();
  // Between two names read from native scripts the family name is known on
  // both sides (the first characters of 张桢超 and of 赵臻): it meets only
  // the other family name, not a given-name syllable spelled alike (超 and
  // 赵 are both "chao" in Wade-Giles).
  const bool roles_known = !q.latin && !c.latin;
  auto roles_clash = [](PartRole a, PartRole b) {
    return (a == PartRole::kFamily && b == PartRole::kGiven) ||
           (a == PartRole::kGiven && b == PartRole::kFamily);
  };
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      if (roles_known && roles_clash(q.parts[i].role, c.parts[j].role)) continue;
      PartSimilarity s;
      const PartSimilarity* known =
          cache ? cache->Find(q.parts[i].hash, c.parts[j].hash, ctx_bits) : nullptr;
      if (known) {
        s = *known;
      } else {
        s = ComparePart(q.parts[i], c.parts[j], ctx);
        if (cache) cache->Insert(q.parts[i].hash, c.parts[j].hash, ctx_bits, s);
      }
      if (s.score > 0) {
        pairs.push_back({s.score, uint8_t(i), 1, uint8_t(j), 1, s.method, s.scheme});
      }
    }
  }
  // One part against a run of k adjacent parts on the other side, remembered
  // in the cache like single pairs.
  auto joined = [&](const PreparedPart& one, const PreparedPart* run, uint8_t k, bool one_latin) {
    const bool cross = ctx.transcription || one.transcription_only;
    // Coarse skeletons only where sounds do not apply: a native name's
    // romanizations.
    const bool skeletons = cross && ctx.native;
    // Compounds run together (한스위르겐 for Hans-Jürgen) are a habit of
    // the syllabic scripts; alphabets and abjads keep the hyphen or space,
    // and a Latin word is not written as two words of another script.
    const float floor = cross && target == 1 && !one_latin ? ctx.sounds_floor : 0;
    // Chinese syllables run together meet by sound only in kana (below).
    const bool by_reading = !kana;
    if (!cache) return CompareJoined(one, run, k, skeletons, floor, by_reading);
    uint64_t rh = k;
    for (uint8_t x = 0; x < k; ++x) rh = (rh ^ run[x].hash) * 0x100000001b3ull;
    // The part hashes carry transcription_only; ctx_bits the rest.
    const uint16_t bits = uint16_t(0x800 | (one_latin ? 0x1000 : 0) | ctx_bits);
    if (const PartSimilarity* known = cache->Find(one.hash, rh, bits)) return *known;
    PartSimilarity sim = CompareJoined(one, run, k, skeletons, floor, by_reading);
    cache->Insert(one.hash, rh, bits, sim);
    return sim;
  };
  for (uint8_t k = 2; k <= 3; ++k) {
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j + k <= m; ++j) {
        PartSimilarity s = joined(q.parts[i], &c.parts[j], k, q.latin);
        if (s.score > 0)
          pairs.push_back({s.score, uint8_t(i), 1, uint8_t(j), k, s.method, s.scheme});
      }
    }
    for (size_t j = 0; j < m; ++j) {
      for (size_t i = 0; i + k <= n; ++i) {
        PartSimilarity s = joined(c.parts[j], &q.parts[i], k, c.latin);
        if (s.score > 0)
          pairs.push_back({s.score, uint8_t(i), k, uint8_t(j), 1, s.method, s.scheme});
      }
    }
  }
  // Best pairs first; among equals, the one covering more weight.
  std::stable_sort(pairs.begin(), pairs.end(), [&](const Pair& a, const Pair& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.qn + a.cn > b.qn + b.cn;
  });

  constexpr int kGenerationPart = -2;
  std::array<int, 16> q_pair;
  std::array<int, 16> c_pair;
  q_pair.fill(-1);
  c_pair.fill(-1);
  thread_local std::vector<Pair> chosen;
  chosen.clear();
  for (const Pair& p : pairs) {
    bool free = true;
    for (int k = 0; k < p.qn; ++k) free = free && q_pair[p.qi + k] < 0;
    for (int k = 0; k < p.cn; ++k) free = free && c_pair[p.ci + k] < 0;
    if (!free) continue;
    int idx = static_cast<int>(chosen.size());
    for (int k = 0; k < p.qn; ++k) q_pair[p.qi + k] = idx;
    for (int k = 0; k < p.cn; ++k) c_pair[p.ci + k] = idx;
    chosen.push_back(p);
  }

  double matched = 0, total = 0;
  int matched_pairs = 0, substantive_q = 0, substantive_c = 0;
  double best_substantive = 0;
  bool number_mismatch = false, q_has_number = false, c_has_number = false;
  for (const Pair& p : chosen) {
    double w = 0;
    for (int k = 0; k < p.qn; ++k) w += q.parts[p.qi + k].weight;
    for (int k = 0; k < p.cn; ++k) w += c.parts[p.ci + k].weight;
    matched += p.score * w;
    total += w;
    bool substantive = false;
    for (int k = 0; k < p.qn; ++k) substantive |= q.parts[p.qi + k].role != PartRole::kParticle;
    for (int k = 0; k < p.cn; ++k) substantive |= c.parts[p.ci + k].role != PartRole::kParticle;
    if (substantive) {
      ++matched_pairs;
      best_substantive = std::max(best_substantive, p.score);
    }
  }
  // A part on each side that found no partner is a disagreement, not an
  // omission: "John Smith" / "Jane Smith", "Chan Tai Man" / "Chan Tai Ming",
  // "Alpha Trading" / "Beta Trading". Particles, patronymics and initials
  // are often dropped, so they don't count.
  // `loose` also counts an unmatched particle or stopword: in an organization
  // name, "Golden Harbour Trading" against "Golden Group Trading" is a
  // different company even though "group" says little on its own.
  auto conflicting = [](const PreparedForm& f, const std::array<int, 16>& paired, size_t count,
                        bool* family, bool* loose) {
    bool any = false;
    for (size_t i = 0; i < count; ++i) {
      const auto& p = f.parts[i];
      if (paired[i] != -1 || p.initial) continue;  // paired or a generation
      if (p.role == PartRole::kParticle || p.role == PartRole::kPatronymic) {
        *loose = true;
        continue;
      }
      any = true;
      *loose = true;
      if (p.role == PartRole::kFamily) *family = true;
    }
    return any;
  };
  // A generational suffix is not a name part to align: it is compared below.
  uint8_t q_generation = 0, c_generation = 0;
  if (person) {
    for (size_t i = 0; i < n; ++i) {
      if (q.parts[i].generation && q_pair[i] < 0) {
        q_generation = q.parts[i].generation;
        q_pair[i] = kGenerationPart;
      }
    }
    for (size_t j = 0; j < m; ++j) {
      if (c.parts[j].generation && c_pair[j] < 0) {
        c_generation = c.parts[j].generation;
        c_pair[j] = kGenerationPart;
      }
    }
  }
  bool q_family = false, c_family = false, q_loose = false, c_loose = false;
  const bool q_strict = conflicting(q, q_pair, n, &q_family, &q_loose);
  const bool c_strict = conflicting(c, c_pair, m, &c_family, &c_loose);
  const bool q_conflict = q_strict && (person ? c_strict : c_loose);
  const bool c_conflict = c_strict && (person ? q_strict : q_loose);
  for (size_t i = 0; i < n; ++i) {
    const auto& p = q.parts[i];
    if (q_pair[i] == kGenerationPart) continue;
    if (p.role != PartRole::kParticle) ++substantive_q;
    if (p.role == PartRole::kNumber) q_has_number = true;
    if (q_pair[i] < 0) {
      total += p.weight * UnmatchedFactor(p);
      if (p.role == PartRole::kNumber) number_mismatch = true;
    }
  }
  for (size_t j = 0; j < m; ++j) {
    const auto& p = c.parts[j];
    if (c_pair[j] == kGenerationPart) continue;
    if (p.role != PartRole::kParticle) ++substantive_c;
    if (p.role == PartRole::kNumber) c_has_number = true;
    if (c_pair[j] < 0) {
      total += p.weight * UnmatchedFactor(p);
      if (p.role == PartRole::kNumber) number_mismatch = true;
    }
  }
  double score = total > 0 ? matched / total : 0;
  if (q_conflict || c_conflict) score *= (!person || (q_family && c_family)) ? 0.7 : 0.8;
  // Names in another order are one name ("Jinping Xi", "Smith John"), but
  // reordered parts beside a part the other name lacks are another chain of
  // names: "Ahmed Ali" (Ahmed, son of Ali) is not "Ali Ahmed Mohammed".
  // A name that marks its family name ("SMITH, John Paul") is written in
  // whichever order the list uses.
  auto marks_family = [](const PreparedForm& f) {
    for (const auto& p : f.parts) {
      if (p.role == PartRole::kFamily) return true;
    }
    return false;
  };
  if (person && ctx.both_latin && (q_strict || c_strict) && !marks_family(q) && !marks_family(c)) {
    bool crossed = false;
    for (size_t x = 0; x < chosen.size() && !crossed; ++x) {
      for (size_t y = x + 1; y < chosen.size() && !crossed; ++y) {
        crossed = (chosen[x].qi < chosen[y].qi) != (chosen[x].ci < chosen[y].ci);
      }
    }
    if (crossed) score *= 0.8;
  }
  // One shared part between two multi-part names is not enough evidence:
  // "Wang Wei" and "Wang Fang" share a family name, nothing more.
  if (matched_pairs <= 1 && substantive_q >= 2 && substantive_c >= 2) score = std::min(score, 0.6);
  // A one-word name meeting one part of a longer name ("Saleh" ~ "Saleh
  // Ahmed") says no more: a list's one-word alias would otherwise match
  // everyone who bears that word. Below the threshold; a shared birth date
  // or identifier can still lift it.
  if (person && matched_pairs == 1 &&
      ((n == 1 && substantive_c >= 2) || (m == 1 && substantive_q >= 2))) {
    score = std::min(score, 0.65);
  }
  // A Hangul name read as Chinese meets a Latin name only whole and in order
  // (the family name first or last): a Korean reading stands for many
  // characters, so a partial or shuffled agreement is chance.
  if (q.sino_korean || c.sino_korean) {
    bool whole = true;
    for (size_t i = 0; i < n; ++i) {
      whole = whole && (q_pair[i] != -1 || q.parts[i].role == PartRole::kParticle);
    }
    for (size_t j = 0; j < m; ++j) {
      whole = whole && (c_pair[j] != -1 || c.parts[j].role == PartRole::kParticle);
    }
    bool ordered = true;
    const bool korean_is_q = q.sino_korean;
    for (size_t x = 0; x < chosen.size() && ordered; ++x) {
      for (size_t y = x + 1; y < chosen.size() && ordered; ++y) {
        const Pair& a = chosen[x];
        const Pair& b = chosen[y];
        if ((korean_is_q ? a.qi : a.ci) == 0 || (korean_is_q ? b.qi : b.ci) == 0) continue;
        ordered = (a.qi < b.qi) == (a.ci < b.ci);
      }
    }
    if (!whole || !ordered) score = std::min(score, 0.65);
  }
  // A Latin name whose only substantive agreement is an approximate one
  // ("chte el" ~ "el chute": a typo and a particle) is too little evidence.
  if (ctx.both_latin && matched_pairs == 1 && best_substantive < 0.9) {
    score = std::min(score, 0.65);
  }
  // Two Latin names none of whose parts agree closely — each a short typo or
  // a dialect reading of some character ("Chen Yan" ~ "Yin Chein") — are
  // guesses stacked on guesses: below a match however many there are.
  if (ctx.both_latin && person && matched_pairs >= 2 && best_substantive < 0.85) {
    score = std::min(score, 0.68);
  }
  // Junior and senior, II and III are father and son: different people. A
  // suffix on one side only leaves it open, so it weakens the match.
  if (q_generation != c_generation) {
    score *= q_generation && c_generation ? 0.5 : 0.8;
  }
  // Between two Latin names, one syllable that agrees only as a dialect
  // reading of some character (ping/peng: 平 in Cantonese) while the others
  // are spelled alike is a different syllable, not another romanization:
  // a name in another scheme differs in most of its syllables. (Two
  // spellings of one Cantonese reading, mang and maang, are one syllable.)
  if (ctx.both_latin) {
    int exact = 0, dialect = 0, other = 0;
    for (const Pair& p : chosen) {
      if (std::string_view(p.method) == "exact" || std::string_view(p.method) == "merged" ||
          (p.qn == 1 && p.cn == 1 &&
           names::CantoneseVariants(q.parts[p.qi].text, c.parts[p.ci].text))) {
        ++exact;
      } else if (p.qn == 1 && p.cn == 1 && q.parts[p.qi].chinese_syllable &&
                 c.parts[p.ci].chinese_syllable && p.score < 0.9) {
        ++dialect;
      } else {
        ++other;
      }
    }
    if (dialect == 1 && other == 0 && exact >= 1) score *= 0.7;
  }
  // A differing number is a different company or vessel ("Ferrostaal 1" is
  // not "Ferrostaal 2"); a number on one side only is weaker evidence.
  if (number_mismatch) score *= (q_has_number && c_has_number) ? 0.5 : 0.85;
  out.score = score;
  if (!explain) return out;

  // The explanation: query parts in order, then unmatched candidate parts.
  for (size_t i = 0; i < n; ++i) {
    const auto& qp = q.parts[i];
    PartAlignment a;
    a.query = qp.text;
    a.weight = qp.weight;
    if (q_pair[i] == kGenerationPart) {
      a.method = "generation";
    } else if (q_pair[i] < 0) {
      a.method = "unmatched";
    } else {
      const Pair& p = chosen[q_pair[i]];
      if (size_t(p.qi) != i) continue;  // a later part of a joined pair
      for (int k = 1; k < p.qn; ++k) a.query += " " + q.parts[p.qi + k].text;
      a.candidate = c.parts[p.ci].text;
      for (int k = 1; k < p.cn; ++k) a.candidate += " " + c.parts[p.ci + k].text;
      a.method = p.method;
      if (!p.scheme.empty()) {
        a.scheme = std::string(p.scheme);
      } else if (std::string_view(p.method) != "exact" || q.scheme != c.scheme) {
        // The scheme of the romanized side: "pinyin", "icao-9303", ...
        a.scheme = q.scheme != "latin" ? q.scheme : c.scheme != "latin" ? c.scheme : "";
      }
      a.similarity = p.score;
      a.weight = 0;
      for (int k = 0; k < p.qn; ++k) a.weight += q.parts[p.qi + k].weight;
    }
    out.parts.push_back(std::move(a));
  }
  for (size_t j = 0; j < m; ++j) {
    if (c_pair[j] >= 0) continue;
    PartAlignment a;
    a.candidate = c.parts[j].text;
    a.weight = c.parts[j].weight;
    a.method = c_pair[j] == kGenerationPart ? "generation" : "unmatched";
    out.parts.push_back(std::move(a));
  }
  return out;
}

}  // namespace vigil::compare
