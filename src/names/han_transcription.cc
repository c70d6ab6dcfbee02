#include "names/han_transcription.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_map>
#include <utility>

#include "model/embedded.h"
#include "text/internal/table.h"

VIGIL_DECLARE_EMBEDDED(han_transcription);

namespace vigil::names {
namespace {

// The scoring constants, the same as scripts/gen_han_transcription.py's
// (which reports the F1 they give on the evaluation pairs).
constexpr size_t kMaxSegment = 5;   // letters one character writes, at most
constexpr size_t kMaxLetters = 40;  // longer words are not aligned
constexpr double kFloor = 1e-4;     // P of an unseen one-letter segment
constexpr double kFloorPerLetter = 0.05;
constexpr double kCharPrior = 3.0;      // pseudo-names backing a character off to its syllable
constexpr double kSyllablePrior = 2.0;  // pseudo-names backing a syllable off to the floor
constexpr double kBackPrior = 5.0;      // pseudo-names backing P(char | letters) off to P(char)
constexpr double kBackWeight = 0.5;     // weight of the character direction
// A character seen in fewer transcribed names marks a name that is not a
// transcription (军 in 马立军, a Chinese given name): the model stays out.
constexpr double kMinNames = 10;
// A segment whose consonants the character writes in under 1% of its names
// costs 1.5 of evidence.
constexpr double kOddShare = 0.01;
constexpr double kOddCost = 1.5;

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

// Unpacks a segment key (see Pack).
std::string Unpack(uint32_t key) {
  std::string out;
  for (; key != 0; key >>= 5) out.insert(out.begin(), static_cast<char>('a' + (key & 31) - 1));
  return out;
}

// A run of 1..5 letters packed five bits a letter (a = 1), so a segment is
// one integer key.
uint32_t Pack(std::string_view s) {
  uint32_t key = 0;
  for (char c : s) key = (key << 5) | static_cast<uint32_t>(c - 'a' + 1);
  return key;
}

// Sorted (segment, count) pairs of one character or one syllable.
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

class Model {
 public:
  Model() {
    std::unordered_map<std::string_view, uint16_t> syllable_ids;
    std::vector<std::unordered_map<uint32_t, float>> pooled;
    text::internal::ForEachRow(VIGIL_EMBEDDED(han_transcription), [&](const auto& cols) {
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
      auto [it, added] = syllable_ids.emplace(cols[1], static_cast<uint16_t>(pooled.size()));
      if (added) pooled.emplace_back();
      Char ch;
      ch.syllable = it->second;
      ch.total = ParseDouble(cols[2]);
      size_t pos = 0;
      const std::string_view segs = cols[3];
      while (pos < segs.size()) {
        size_t space = segs.find(' ', pos);
        if (space == std::string_view::npos) space = segs.size();
        const std::string_view item = segs.substr(pos, space - pos);
        pos = space + 1;
        const size_t colon = item.find(':');
        if (colon == 0 || colon == std::string_view::npos || colon > kMaxSegment) continue;
        const uint32_t key = Pack(item.substr(0, colon));
        const auto count = static_cast<float>(ParseDouble(item.substr(colon + 1)));
        ch.segments.emplace_back(key, count);
        pooled[ch.syllable][key] += count;
        segment_total_[key] += count;
      }
      std::sort(ch.segments.begin(), ch.segments.end());
      double written = 0;
      for (const auto& [key, count] : ch.segments) {
        const std::string shape = Consonants(Unpack(key));
        auto found = std::find_if(ch.shapes.begin(), ch.shapes.end(),
                                  [&](const auto& s) { return s.first == shape; });
        if (found == ch.shapes.end()) {
          ch.shapes.emplace_back(shape, count);
        } else {
          found->second += count;
        }
        written += count;
      }
      for (auto& shape : ch.shapes) shape.second /= written;
      total_ += ch.total;
      ids_.emplace(c, static_cast<uint16_t>(chars_.size()));
      chars_.push_back(std::move(ch));
    });
    for (auto& p : pooled) {
      Syllable s;
      for (const auto& [key, count] : p) {
        s.segments.emplace_back(key, count);
        s.total += count;
      }
      std::sort(s.segments.begin(), s.segments.end());
      syllables_.push_back(std::move(s));
    }
  }

  std::optional<uint16_t> Id(char32_t c) const {
    auto it = ids_.find(c);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
  }

  // log P(letters | character): the character's own counts, backed off to
  // those of every character with its reading, backed off to a floor.
  double LogP(uint16_t id, uint32_t key, size_t letters) const {
    const Char& c = chars_[id];
    const Syllable& s = syllables_[c.syllable];
    const double floor = kFloor * std::pow(kFloorPerLetter, static_cast<double>(letters - 1));
    const double p_syllable =
        (CountOf(s.segments, key) + kSyllablePrior * floor) / (s.total + kSyllablePrior);
    return std::log((CountOf(c.segments, key) + kCharPrior * p_syllable) / (c.total + kCharPrior));
  }

  // log P(character | letters) - log P(character).
  double LogRatioBack(uint16_t id, uint32_t key) const {
    const Char& c = chars_[id];
    const double p_char = (c.total + 0.5) / (total_ + 0.5 * static_cast<double>(chars_.size()));
    auto it = segment_total_.find(key);
    const double t = it == segment_total_.end() ? 0.0 : it->second;
    return std::log((CountOf(c.segments, key) + kBackPrior * p_char) / (t + kBackPrior)) -
           std::log(p_char);
  }

  // How many names of the training pairs the character was seen in.
  double Names(uint16_t id) const { return chars_[id].total; }

  // The character's segments, most written first, at most `n`.
  std::vector<std::pair<std::string, double>> Top(uint16_t id, size_t n) const {
    const Char& c = chars_[id];
    std::vector<std::pair<uint32_t, float>> segs(c.segments.begin(), c.segments.end());
    std::sort(segs.begin(), segs.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (segs.size() > n) segs.resize(n);
    std::vector<std::pair<std::string, double>> out;
    for (const auto& [key, count] : segs) out.emplace_back(Unpack(key), std::log(count / c.total));
    return out;
  }

  // Whether the character hardly ever writes the consonants of `seg` (斯
  // for a p).
  bool Odd(uint16_t id, std::string_view seg) const {
    const std::string shape = Consonants(seg);
    for (const auto& [s, share] : chars_[id].shapes) {
      if (s == shape) return share < kOddShare;
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
  struct Char {
    uint16_t syllable = 0;
    double total = 0;
    Segments segments;
    // Share of the character's names in which it writes each consonant
    // sequence (Consonants of its segments).
    std::vector<std::pair<std::string, double>> shapes;
  };
  struct Syllable {
    double total = 0;
    Segments segments;
  };
  // a..z 0..25, ^ 26, $ 27.
  static size_t Index(char c) {
    return c == '^' ? 26 : c == '$' ? 27 : static_cast<size_t>(c - 'a');
  }

  std::unordered_map<char32_t, uint16_t> ids_;
  std::vector<Char> chars_;
  std::vector<Syllable> syllables_;
  std::unordered_map<uint32_t, double> segment_total_;
  double total_ = 0;
  std::array<std::array<double, 28>, 28> bigram_{};
};

const Model& TheModel() {
  static const Model* model = new Model();  // never destroyed: used at exit
  return *model;
}

// The best alignment: letters per character, or empty when none exists.
std::vector<uint8_t> Align(std::string_view latin, std::span<const uint16_t> chars, double* log_p) {
  const size_t n = chars.size(), m = latin.size();
  if (n == 0 || m < n || m > kMaxSegment * n || m > kMaxLetters) return {};
  for (char c : latin) {
    if (c < 'a' || c > 'z') return {};
  }
  const Model& model = TheModel();
  constexpr double kNone = -1e300;
  // best[j][i]: the best log P of the first j characters writing the first
  // i letters; take[j][i]: how many letters character j-1 wrote there.
  std::vector<double> best((n + 1) * (m + 1), kNone);
  std::vector<uint8_t> take((n + 1) * (m + 1), 0);
  auto at = [m](size_t j, size_t i) { return j * (m + 1) + i; };
  best[at(0, 0)] = 0;
  for (size_t j = 0; j < n; ++j) {
    // Every character writes at least one letter, every later one too.
    const size_t first = j, last = m - (n - j);
    for (size_t i = first; i <= last; ++i) {
      const double here = best[at(j, i)];
      if (here == kNone) continue;
      for (size_t k = 1; k <= kMaxSegment && i + k <= m - (n - j - 1); ++k) {
        const double v = here + model.LogP(chars[j], Pack(latin.substr(i, k)), k);
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

}  // namespace

std::vector<uint16_t> HanTranscriptionChars(std::string_view han) {
  const Model& model = TheModel();
  std::vector<uint16_t> out;
  int32_t i = 0;
  const auto size = static_cast<int32_t>(han.size());
  while (i < size) {
    char32_t c = 0;
    U8_NEXT(han.data(), i, size, c);
    auto id = c > 0 ? model.Id(c) : std::nullopt;
    if (!id) return {};
    out.push_back(*id);
  }
  return out;
}

std::optional<HanTranscriptionFit> FitHanTranscription(std::string_view latin,
                                                       std::span<const uint16_t> chars) {
  const Model& model = TheModel();
  for (uint16_t id : chars) {
    if (model.Names(id) < kMinNames) return std::nullopt;
  }
  double log_p = 0;
  const std::vector<uint8_t> lengths = Align(latin, chars, &log_p);
  if (lengths.empty()) return std::nullopt;
  const double per_letter = (log_p - model.Background(latin)) / static_cast<double>(latin.size());
  double back = 0;
  int odd = 0;
  size_t pos = 0;
  for (size_t j = 0; j < chars.size(); ++j) {
    const std::string_view seg = latin.substr(pos, lengths[j]);
    back += model.LogRatioBack(chars[j], Pack(seg));
    // A character standing for consonants it hardly ever writes (斯 for the
    // p of "gupta"): a different name, whatever the rest.
    if (model.Odd(chars[j], seg)) ++odd;
    pos += lengths[j];
  }
  return HanTranscriptionFit{
      per_letter + kBackWeight * back / static_cast<double>(chars.size()) - kOddCost * odd, odd};
}

std::string HanTranscriptionAlignment(std::string_view latin, std::span<const uint16_t> chars) {
  double log_p = 0;
  const std::vector<uint8_t> lengths = Align(latin, chars, &log_p);
  std::string out;
  size_t pos = 0;
  for (uint8_t k : lengths) {
    if (!out.empty()) out += '|';
    out += latin.substr(pos, k);
    pos += k;
  }
  return out;
}

std::vector<std::string> HanTranscriptionSpellings(std::span<const uint16_t> chars, size_t n) {
  if (chars.empty() || n == 0) return {};
  const Model& model = TheModel();
  // A beam over the characters, each writing one of its three commonest
  // segments.
  std::vector<std::pair<std::string, double>> beam = {{"", 0.0}};
  for (uint16_t id : chars) {
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
