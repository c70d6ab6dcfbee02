#include "names/transcription_model.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/embedded.h"
#include "text/internal/table.h"

VIGIL_DECLARE_EMBEDDED(han_transcription);
VIGIL_DECLARE_EMBEDDED(hangul_transcription);
VIGIL_DECLARE_EMBEDDED(cyrillic_transcription);
VIGIL_DECLARE_EMBEDDED(arabic_transcription);

namespace vigil::names {
namespace {

// The scoring constants of one script's model, the same as
// scripts/gen_transcription.py's (which reports the F1 they give on the
// evaluation pairs).
struct Params {
  std::string_view table;   // the embedded model
  size_t max_segment = 5;   // letters one unit writes, at most (Pack holds 6)
  size_t min_segment = 1;   // ... and at least (0: a unit may write none)
  size_t min_first = 1;     // ... the first unit at least (a word's first letter is heard)
  double floor;             // P of an unseen one-letter segment ...
  double floor_per_letter;  // ... times this for each more letter
  double unit_prior;        // pseudo-names backing a unit off to its reading
  double reading_prior;     // pseudo-names backing a reading off to the floor
  double back_prior;        // pseudo-names backing P(unit | letters) off to P(unit)
  double back_weight;       // weight of the unit direction
  double odd_share;         // a segment whose consonants the unit writes this rarely ...
  double odd_cost;          // ... costs this much evidence, unless it holds
  double dropped_share;     // consonants the unit writes this often, and one more
  // A unit seen in fewer transcribed names marks a word that is not a
  // transcription (军 in 马立军, 伟 in 张伟: a Chinese given name): no fit.
  double min_names = 0;
};

Params ParamsOf(TranscriptionScript script) {
  // The scoring constants the scripts share; the evidence separates the
  // reserved names about as well over a wide range of them.
  Params p;
  p.floor = 1e-4;
  p.floor_per_letter = 0.05;
  p.unit_prior = 3.0;
  p.reading_prior = 2.0;
  p.back_prior = 5.0;
  p.back_weight = 0.5;
  p.odd_share = 0.03;
  p.dropped_share = 0.2;
  p.odd_cost = 1.5;
  switch (script) {
    case TranscriptionScript::kHan:
      p.table = VIGIL_EMBEDDED(han_transcription);
      p.max_segment = 5;
      p.min_names = 5;
      break;
    case TranscriptionScript::kHangul:
      // Korean writes up to six letters with one block (니체 nie|tzsche).
      p.table = VIGIL_EMBEDDED(hangul_transcription);
      p.max_segment = 6;
      p.min_names = 0;
      // Blocks write every consonant heard: 마이크 is Mike, 마이클 Michael.
      p.dropped_share = 2.0;
      p.odd_share = 0.01;
      break;
    case TranscriptionScript::kCyrillic:
      // A letter writes up to four (щ szcz, о eaux), or none: the signs ь
      // and ъ, and one of two letters for one Latin letter (дж j, кс x).
      p.table = VIGIL_EMBEDDED(cyrillic_transcription);
      p.max_segment = 4;
      p.min_segment = 0;
      break;
    case TranscriptionScript::kArabic:
      // An abjad: a letter writes its consonant and the short vowels beside
      // it (برنارد b|er|n|a|r|d), and a letter may write nothing the Latin
      // spelling shows, the first one too (إيان |i|a|n for Ian; تشميتز
      // |sch|m|i|t|z for Schmitz).
      p.table = VIGIL_EMBEDDED(arabic_transcription);
      p.min_segment = 0;
      p.min_first = 0;
      break;
  }
  return p;
}

constexpr size_t kMaxLetters = 40;  // longer words are not aligned

// The consonant classes of a segment, repeats merged: "ck" -> "K", "dmond"
// -> "TNT". Vowels, h and y are not consonants here.
std::string Consonants(std::string_view seg) {
  std::string out;
  for (char ch : seg) {
    char c = 0;
    switch (ch) {
      case 'p':
      case 'b':
      case 'f':
      case 'v':
        c = 'P';
        break;
      case 'w':
        c = 'W';
        break;
      case 't':
      case 'd':
        c = 'T';
        break;
      case 'k':
      case 'c':
      case 'g':
      case 'q':
      case 'x':
        c = 'K';
        break;
      case 's':
      case 'z':
      case 'j':
        c = 'S';
        break;
      case 'l':
      case 'r':
        c = 'R';
        break;
      case 'm':
      case 'n':
        c = 'N';
        break;
      default:
        break;
    }
    if (c != 0 && (out.empty() || out.back() != c)) out += c;
  }
  return out;
}

// Whether `part` is `whole` with some letters left out ("P" of "PK").
bool IsSubsequence(std::string_view part, std::string_view whole) {
  size_t k = 0;
  for (char c : whole) {
    if (k < part.size() && part[k] == c) ++k;
  }
  return k == part.size();
}

// Unpacks a segment key (see Pack).
std::string Unpack(uint32_t key) {
  std::string out;
  for (; key != 0; key >>= 5) out.insert(out.begin(), static_cast<char>('a' + (key & 31) - 1));
  return out;
}

// A run of 1..6 letters packed five bits a letter (a = 1), so a segment is
// one integer key.
uint32_t Pack(std::string_view s) {
  uint32_t key = 0;
  for (char c : s) key = (key << 5) | static_cast<uint32_t>(c - 'a' + 1);
  return key;
}

// Sorted (segment, count) pairs of one unit or one reading.
using Segments = std::vector<std::pair<uint32_t, float>>;

float CountOf(const Segments& segs, uint32_t key) {
  auto it = std::lower_bound(segs.begin(), segs.end(), std::pair<uint32_t, float>{key, 0.0f},
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  return it != segs.end() && it->first == key ? it->second : 0.0f;
}

double ParseDouble(std::string_view s) {
  double v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// One script's model: per unit, the letter runs it writes (expected counts);
// per reading, those of all its units; and the letter bigrams of names.
class Model {
 public:
  explicit Model(const Params& params) : params_(params) {
    for (size_t k = 1; k < floor_.size(); ++k) {
      floor_[k] = params_.floor * std::pow(params_.floor_per_letter, static_cast<double>(k - 1));
    }
    floor_[0] = params_.floor;  // writing no letter
    std::unordered_map<std::string_view, uint16_t> reading_ids;
    std::vector<std::unordered_map<uint32_t, float>> pooled;
    text::internal::ForEachRow(params_.table, [&](const auto& cols) {
      if (cols[0] == "~") {
        // ~ <prev><next> log-probability; ^ starts and $ ends a word.
        if (cols.size() == 3 && cols[1].size() == 2) {
          bigram_[Index(cols[1][0])][Index(cols[1][1])] = ParseDouble(cols[2]);
        }
        return;
      }
      if (cols.size() != 4) return;
      int32_t i = 0;
      char32_t c = 0;
      U8_NEXT(cols[0].data(), i, static_cast<int32_t>(cols[0].size()), c);
      if (c <= 0) return;
      auto [it, added] = reading_ids.emplace(cols[1], static_cast<uint16_t>(pooled.size()));
      if (added) pooled.emplace_back();
      Unit unit;
      unit.reading = it->second;
      unit.total = ParseDouble(cols[2]);
      size_t pos = 0;
      const std::string_view segs = cols[3];
      while (pos < segs.size()) {
        size_t space = segs.find(' ', pos);
        if (space == std::string_view::npos) space = segs.size();
        const std::string_view item = segs.substr(pos, space - pos);
        pos = space + 1;
        const size_t colon = item.find(':');
        // An empty segment (":12.5"): the unit wrote no letter.
        if (colon == std::string_view::npos || colon > params_.max_segment) continue;
        const uint32_t key = Pack(item.substr(0, colon));
        const auto count = static_cast<float>(ParseDouble(item.substr(colon + 1)));
        unit.segments.emplace_back(key, count);
        pooled[unit.reading][key] += count;
        segment_total_[key] += count;
      }
      std::sort(unit.segments.begin(), unit.segments.end());
      double written = 0;
      for (const auto& [key, count] : unit.segments) {
        const std::string shape = Consonants(Unpack(key));
        auto found = std::find_if(unit.shapes.begin(), unit.shapes.end(),
                                  [&](const auto& s) { return s.first == shape; });
        if (found == unit.shapes.end()) {
          unit.shapes.emplace_back(shape, count);
        } else {
          found->second += count;
        }
        written += count;
      }
      for (auto& shape : unit.shapes) shape.second /= written;
      for (const auto& [key, count] : unit.segments) {
        if (count < kOnsetShare * written) continue;
        const std::string seg = Unpack(key);
        if (seg.empty()) {
          unit.silent = true;
        } else {
          unit.onsets |= 1u << (seg[0] - 'a');
        }
      }
      total_ += unit.total;
      ids_.emplace(c, static_cast<uint16_t>(units_.size()));
      units_.push_back(std::move(unit));
    });
    for (auto& p : pooled) {
      Reading r;
      for (const auto& [key, count] : p) {
        r.segments.emplace_back(key, count);
        r.total += count;
      }
      std::sort(r.segments.begin(), r.segments.end());
      readings_.push_back(std::move(r));
    }
  }

  const Params& params() const { return params_; }

  std::optional<uint16_t> Id(char32_t c) const {
    auto it = ids_.find(c);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
  }

  // log P(letters | unit): the unit's own counts, backed off to those of
  // every unit with its reading, backed off to a floor.
  double LogP(uint16_t id, uint32_t key, size_t letters) const {
    const Unit& u = units_[id];
    const Reading& r = readings_[u.reading];
    const double p_reading = (CountOf(r.segments, key) + params_.reading_prior * floor_[letters]) /
                             (r.total + params_.reading_prior);
    return std::log((CountOf(u.segments, key) + params_.unit_prior * p_reading) /
                    (u.total + params_.unit_prior));
  }

  // log P(unit | letters) - log P(unit).
  double LogRatioBack(uint16_t id, uint32_t key) const {
    const Unit& u = units_[id];
    const double p_unit = (u.total + 0.5) / (total_ + 0.5 * static_cast<double>(units_.size()));
    auto it = segment_total_.find(key);
    const double t = it == segment_total_.end() ? 0.0 : it->second;
    return std::log((CountOf(u.segments, key) + params_.back_prior * p_unit) /
                    (t + params_.back_prior)) -
           std::log(p_unit);
  }

  // How many names of the training pairs the unit was seen in.
  double Names(uint16_t id) const { return units_[id].total; }

  // Whether the unit commonly writes a run starting with `c`, or nothing.
  bool Starts(uint16_t id, char c) const { return (units_[id].onsets >> (c - 'a')) & 1u; }
  bool Silent(uint16_t id) const { return units_[id].silent; }

  // The unit's segments, most written first, at most `n`, with log P.
  std::vector<std::pair<std::string, double>> Top(uint16_t id, size_t n) const {
    const Unit& u = units_[id];
    std::vector<std::pair<uint32_t, float>> segs(u.segments.begin(), u.segments.end());
    std::sort(segs.begin(), segs.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (segs.size() > n) segs.resize(n);
    std::vector<std::pair<std::string, double>> out;
    for (const auto& [key, count] : segs) out.emplace_back(Unpack(key), std::log(count / u.total));
    return out;
  }

  // Whether the unit hardly ever writes the consonants of `seg` (斯 for a p).
  // Not when the segment holds the consonants the unit commonly writes and
  // one more, a letter the transcription left out: 波 for the peaux of
  // Carpeaux; and a final consonant of the word, silent in its language,
  // after a unit that commonly writes only a vowel (耶 for the yet of Poyet).
  bool Odd(uint16_t id, std::string_view seg, bool last) const {
    const std::string shape = Consonants(seg);
    for (const auto& [s, share] : units_[id].shapes) {
      if (s == shape) {
        if (share >= params_.odd_share) return false;
        break;
      }
    }
    for (const auto& [s, share] : units_[id].shapes) {
      if (share < params_.dropped_share || s.size() + 1 != shape.size()) continue;
      if (s.empty() ? last && !Consonants(seg.substr(seg.size() - 1)).empty()
                    : IsSubsequence(s, shape))
        return false;
    }
    return true;
  }

  // log P(word) under the letter bigrams of names.
  double Background(std::string_view word) const {
    double total = 0;
    size_t prev = Index('^');
    for (char ch : word) {
      total += bigram_[prev][Index(ch)];
      prev = Index(ch);
    }
    return total + bigram_[prev][Index('$')];
  }

 private:
  struct Unit {
    uint16_t reading = 0;
    double total = 0;
    Segments segments;
    // Share of the unit's names in which it writes each consonant sequence
    // (Consonants of its segments).
    std::vector<std::pair<std::string, double>> shapes;
    // The first letters of the runs it commonly writes (a bit a letter),
    // and whether it commonly writes nothing.
    uint32_t onsets = 0;
    bool silent = false;
  };
  // "Commonly": in this share of the unit's names.
  static constexpr double kOnsetShare = 0.02;
  struct Reading {
    double total = 0;
    Segments segments;
  };
  // a..z 0..25, ^ 26, $ 27.
  static size_t Index(char c) {
    return c == '^' ? 26 : c == '$' ? 27 : static_cast<size_t>(c - 'a');
  }

  Params params_;
  std::array<double, 7> floor_{};  // the floor by segment length, 0..6
  std::unordered_map<char32_t, uint16_t> ids_;
  std::vector<Unit> units_;
  std::vector<Reading> readings_;
  std::unordered_map<uint32_t, double> segment_total_;
  double total_ = 0;
  std::array<std::array<double, 28>, 28> bigram_{};
};

// One model per script, built on first use; never destroyed (used at exit).
const Model& ModelOf(TranscriptionScript script) {
  if (script == TranscriptionScript::kHangul) {
    static const Model* hangul = new Model(ParamsOf(TranscriptionScript::kHangul));
    return *hangul;
  }
  if (script == TranscriptionScript::kCyrillic) {
    static const Model* cyrillic = new Model(ParamsOf(TranscriptionScript::kCyrillic));
    return *cyrillic;
  }
  if (script == TranscriptionScript::kArabic) {
    static const Model* arabic = new Model(ParamsOf(TranscriptionScript::kArabic));
    return *arabic;
  }
  static const Model* han = new Model(ParamsOf(TranscriptionScript::kHan));
  return *han;
}

// The best alignment: letters per unit, or empty when none exists.
std::vector<uint8_t> Align(const Model& model, std::string_view latin,
                           std::span<const uint16_t> units, double* log_p) {
  const size_t n = units.size(), m = latin.size();
  const size_t max_segment = model.params().max_segment;
  const size_t min_segment = model.params().min_segment;
  if (n == 0 || m == 0 || m < min_segment * n || m > max_segment * n || m > kMaxLetters) return {};
  for (char c : latin) {
    if (c < 'a' || c > 'z') return {};
  }
  constexpr double kNone = -1e300;
  // best[j][i]: the best log P of the first j units writing the first i
  // letters; take[j][i]: how many letters unit j-1 wrote there.
  std::vector<double> best((n + 1) * (m + 1), kNone);
  std::vector<uint8_t> take((n + 1) * (m + 1), 0);
  auto at = [m](size_t j, size_t i) { return j * (m + 1) + i; };
  best[at(0, 0)] = 0;
  for (size_t j = 0; j < n; ++j) {
    // Every unit writes at least min_segment letters, every later one too;
    // the first at least min_first (a word's first letter is heard, except
    // where a script writes a silent letter first: تش for sch).
    const size_t first = j * min_segment, last = m - (n - j) * min_segment;
    const size_t lowest =
        j == 0 ? std::max<size_t>(min_segment, model.params().min_first) : min_segment;
    for (size_t i = first; i <= last; ++i) {
      const double here = best[at(j, i)];
      if (here == kNone) continue;
      for (size_t k = lowest; k <= max_segment && i + k <= m - (n - j - 1) * min_segment; ++k) {
        const double v = here + model.LogP(units[j], Pack(latin.substr(i, k)), k);
        if (v > best[at(j + 1, i + k)]) {
          best[at(j + 1, i + k)] = v;
          take[at(j + 1, i + k)] = static_cast<uint8_t>(k);
        }
      }
    }
  }
  if (best[at(n, m)] == kNone) return {};
  *log_p = best[at(n, m)];
  std::vector<uint8_t> lengths(n);
  for (size_t j = n, i = m; j > 0; --j) {
    lengths[j - 1] = take[at(j, i)];
    i -= lengths[j - 1];
  }
  return lengths;
}

std::optional<TranscriptionFit> Fit(std::string_view latin, const TranscriptionUnits& units) {
  const Model& model = ModelOf(units.script);
  for (uint16_t id : units.ids) {
    if (model.Names(id) < model.params().min_names) return std::nullopt;
  }
  double log_p = 0;
  const std::vector<uint8_t> lengths = Align(model, latin, units.ids, &log_p);
  if (lengths.empty()) return std::nullopt;
  const Params& params = model.params();
  const double per_letter = (log_p - model.Background(latin)) / static_cast<double>(latin.size());
  double back = 0;
  int odd = 0;
  size_t pos = 0;
  for (size_t j = 0; j < units.ids.size(); ++j) {
    const std::string_view seg = latin.substr(pos, lengths[j]);
    back += model.LogRatioBack(units.ids[j], Pack(seg));
    // A unit standing for consonants it hardly ever writes (斯 for the p of
    // "gupta"): a different name, whatever the rest.
    if (model.Odd(units.ids[j], seg, j + 1 == units.ids.size())) ++odd;
    pos += lengths[j];
  }
  return TranscriptionFit{per_letter +
                              params.back_weight * back / static_cast<double>(units.ids.size()) -
                              params.odd_cost * odd,
                          odd};
}

// An Arabic-script letter as the model's unit: Persian yeh, kaf and the heh
// forms are the Arabic letters; 0 for what is left out (vowel marks, shadda,
// the superscript alef, tatweel, joiners), as gen_transcription.py folds.
char32_t ArabicUnit(char32_t c) {
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x200C && c <= 0x200F)) {
    return 0;
  }
  switch (c) {
    case 0x06CC:  // ی
      return 0x064A;
    case 0x06A9:  // ک
      return 0x0643;
    case 0x06BE:  // ھ
    case 0x06C1:  // ہ
      return 0x0647;
    default:
      return c;
  }
}

}  // namespace

TranscriptionUnits ReadTranscriptionUnits(TranscriptionScript script, std::string_view word) {
  const Model& model = ModelOf(script);
  TranscriptionUnits out;
  out.script = script;
  int32_t i = 0;
  const auto size = static_cast<int32_t>(word.size());
  while (i < size) {
    char32_t c = 0;
    U8_NEXT(word.data(), i, size, c);
    if (script == TranscriptionScript::kArabic && c > 0) {
      c = ArabicUnit(c);
      if (c == 0) continue;
    }
    auto id = c > 0 ? model.Id(c) : std::nullopt;
    if (!id) {
      out.ids.clear();
      return out;
    }
    out.ids.push_back(*id);
  }
  return out;
}

std::optional<TranscriptionFit> FitTranscription(std::string_view latin,
                                                 const TranscriptionUnits& units) {
  // The fits last asked for on this thread: the romanized forms of a name
  // (RR, McCune-Reischauer, press spellings; an Arabic name's up to 32
  // vowelled spellings) share their units, so a comparison asks for each fit
  // once per form. Two ways a set, so that two fits of one comparison that
  // fall in one set do not push each other out form after form.
  struct Memo {
    std::string latin;
    TranscriptionUnits units;
    std::optional<TranscriptionFit> fit;
  };
  constexpr int kSetBits = 6;
  constexpr size_t kSets = size_t{1} << kSetBits;
  thread_local std::array<std::array<Memo, 2>, kSets> memo;
  thread_local std::array<uint8_t, kSets> older{};  // the way to replace next
  uint64_t h = std::hash<std::string_view>{}(latin) ^ static_cast<uint64_t>(units.script);
  for (uint16_t id : units.ids) h = (h ^ id) * 0x100000001b3ull;
  // The high bits of a multiplicative hash: every bit of h mixed in.
  const size_t set = (h * 0x9E3779B97F4A7C15ull) >> (64 - kSetBits);
  for (uint8_t way = 0; way < 2; ++way) {
    const Memo& m = memo[set][way];
    if (!latin.empty() && m.latin == latin && m.units.script == units.script &&
        m.units.ids == units.ids) {
      older[set] = static_cast<uint8_t>(1 - way);
      return m.fit;
    }
  }
  Memo& m = memo[set][older[set]];
  older[set] = static_cast<uint8_t>(1 - older[set]);
  m.latin = latin;
  m.units = units;
  m.fit = Fit(latin, units);
  return m.fit;
}

bool TranscriptionOnsetPossible(std::string_view latin, const TranscriptionUnits& units) {
  if (latin.empty() || latin[0] < 'a' || latin[0] > 'z') return false;
  const Model& model = ModelOf(units.script);
  for (size_t j = 0; j < units.ids.size(); ++j) {
    if (model.Starts(units.ids[j], latin[0])) return true;
    // A later unit writes the first letter only after units writing none.
    const size_t least = j == 0 ? model.params().min_first : model.params().min_segment;
    if (least > 0 || !model.Silent(units.ids[j])) return false;
  }
  return false;
}

std::string TranscriptionAlignment(std::string_view latin, const TranscriptionUnits& units) {
  double log_p = 0;
  const std::vector<uint8_t> lengths = Align(ModelOf(units.script), latin, units.ids, &log_p);
  std::string out;
  size_t pos = 0;
  for (size_t j = 0; j < lengths.size(); ++j) {
    const uint8_t k = lengths[j];
    if (j > 0) out += '|';  // a unit writing nothing still has its place
    out += latin.substr(pos, k);
    pos += k;
  }
  return out;
}

std::vector<std::string> TranscriptionSpellings(const TranscriptionUnits& units, size_t n) {
  if (units.empty() || n == 0) return {};
  const Model& model = ModelOf(units.script);
  // A beam over the units, each writing one of its three commonest segments.
  std::vector<std::pair<std::string, double>> beam = {{"", 0.0}};
  for (uint16_t id : units.ids) {
    std::vector<std::pair<std::string, double>> next;
    for (const auto& [text, logp] : beam) {
      for (const auto& [seg, seg_logp] : model.Top(id, 3)) {
        next.emplace_back(text + seg, logp + seg_logp);
      }
    }
    std::sort(next.begin(), next.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (next.size() > n) next.resize(n);
    beam = std::move(next);
  }
  std::vector<std::string> out;
  for (auto& [text, logp] : beam) out.push_back(std::move(text));
  return out;
}

}  // namespace vigil::names
