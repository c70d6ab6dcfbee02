#include "compare/transcription.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace vigil::compare {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

class SoundWriter {
 public:
  void Push(char s) {
    // Doubled letters are one sound (tt, ll, ss); so is a run of vowels.
    if (!out_.empty() && out_.back() == s) return;
    out_.push_back(s);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// The sound of each Latin consonant letter on its own, a to z; the cases in
// LatinSounds read the digraphs and the letters whose sound depends on their
// neighbours. 'r' marks an r or l, resolved in TranscriptionSounds.
constexpr std::string_view kLatinLetters = "aPKTaFKHaJKrMNaPKrSTaFWSYz";

std::string LatinSounds(std::string_view w) {
  SoundWriter out;
  const size_t n = w.size();
  auto at = [&](size_t i) -> char { return i < n ? w[i] : 0; };
  for (size_t i = 0; i < n; ++i) {
    const char c = w[i];
    const char next = at(i + 1);
    if (IsVowel(c)) {
      out.Push('a');
      continue;
    }
    // A doubled consonant is one sound, read with what follows it (tts, gge).
    if (c == next && c != 'w' && c != 'y') continue;
    switch (c) {
      case 'y':
        // A glide before a vowel (Yusuf, Yaroslav), else a vowel (Yrjo,
        // Kelly); between vowels part of their run (Meyer -> 마이어 "maieo").
        out.Push(IsVowel(next) && (i == 0 || !IsVowel(w[i - 1])) ? 'Y' : 'a');
        break;
      case 'w':
        if (i == 0 && next == 'r') break;  // wr: an r (Wright)
        if (next == 'h') ++i;
        out.Push(IsVowel(at(i + 1)) || at(i + 1) == 'y' ? 'W' : 'a');
        break;
      case 'p':
        if (next == 'h') {
          ++i;
          out.Push('F');
        } else {
          // German pf is one sound, written p (Pfeiffer -> 파이퍼).
          if (next == 'f') i += at(i + 2) == 'f' ? 2 : 1;
          out.Push('P');
        }
        break;
      case 'c':
        if (next == 'h') {
          ++i;
          out.Push('C');
        } else if (next == 'z') {  // Polish cz
          ++i;
          out.Push('X');
        } else if (next == 'k') {
          ++i;
          out.Push('K');
        } else {
          out.Push(next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K');
        }
        break;
      case 'd':
        if (next == 'z' && at(i + 2) == 'h') {  // Russian дж
          i += 2;
          out.Push('X');
        } else if (next == 's' && at(i + 2) == 'c' && at(i + 3) == 'h') {
          i += 3;
          out.Push('X');
        } else if (next == 'j' || next == 'g') {  // dj, Italian/English dg
          ++i;
          out.Push('J');
        } else if (next == 'z') {  // dz: Polish dz, the j of Japanese in Cyrillic
          ++i;
          out.Push('J');
        } else {
          if (next == 'h') ++i;
          out.Push('T');
        }
        break;
      case 't':
        if (next == 's' && at(i + 2) == 'c' && at(i + 3) == 'h') {
          i += 3;
          out.Push('X');
        } else if (next == 'c' && at(i + 2) == 'h') {
          i += 2;
          out.Push('X');
        } else if (next == 's' || next == 'z') {
          ++i;
          out.Push('c');  // ts, tz: Korean and Japanese write ch, tsu
        } else if (next == 'h') {
          // th: a t, an s in Korean and Japanese (Theodore -> 시어도어), an
          // f in Russian forms of Greek names (Theodore -> Фёдор).
          ++i;
          out.Push('Z');
        } else {
          out.Push('T');
        }
        break;
      case 'g':
        if (next == 'h') {
          // gh: silent in English igh, ugh (Wright, Hugh, Vaughan), else a
          // g (Ghana, Baghdadi, the Arabic gh of Wagh).
          ++i;
          const char before = i >= 2 ? w[i - 2] : 0;
          if (!((before == 'i' || before == 'u') && !IsVowel(at(i + 1)))) out.Push('K');
        } else if (next == 'u' && (at(i + 2) == 'e' || at(i + 2) == 'i')) {
          ++i;  // gue, gui: a hard g (Guillaume, Guerra)
          out.Push('K');
        } else if (next == 'n' && i > 0) {
          // gn inside a word is a palatal n (Montaigne, Vignola).
        } else {
          out.Push(next == 'e' || next == 'i' || next == 'y' ? 'G' : 'K');
        }
        break;
      case 'k':
        if (next == 'h') {
          ++i;
          out.Push('H');
        } else {
          out.Push('K');
        }
        break;
      case 'x':
        if (i == 0) {
          out.Push('S');
        } else {
          out.Push('K');
          out.Push('S');
        }
        break;
      case 'n':
        // ng before a consonant or at the end is one nasal.
        if (next == 'g' && !IsVowel(at(i + 2)) && at(i + 2) != 'y') ++i;
        out.Push('N');
        break;
      case 's':
        if (next == 'c' && at(i + 2) == 'h') {
          i += 2;
          if (at(i + 1) == 'c' && at(i + 2) == 'h') i += 2;  // shch spelled sch+ch
          out.Push('X');
        } else if (next == 'h' || next == 'z') {
          ++i;
          if (at(i + 1) == 'c' && at(i + 2) == 'h') i += 2;  // shch
          out.Push('X');
        } else {
          out.Push('S');
        }
        break;
      case 'z':
        if (next == 'h') {
          ++i;
          out.Push('X');
        } else {
          out.Push('z');
        }
        break;
      default:
        if (c >= 'a' && c <= 'z') out.Push(kLatinLetters[static_cast<size_t>(c - 'a')]);
        break;
    }
  }
  return out.Take();
}

// The sound of each pinyin letter on its own, a to z (digraphs apart): j q x
// are palatals, z c the ts sounds.
constexpr std::string_view kPinyinLetters = "aPcTaFKHaQKRMNaPQRSTaaWQYc";

std::string PinyinSounds(std::string_view w) {
  SoundWriter out;
  const size_t n = w.size();
  auto at = [&](size_t i) -> char { return i < n ? w[i] : 0; };
  for (size_t i = 0; i < n; ++i) {
    const char c = w[i];
    const char next = at(i + 1);
    if (c < 'a' || c > 'z') continue;
    if (c == 'e' && next == 'r' && !IsVowel(at(i + 2))) {
      // er (尔, 爾): the r of transcriptions.
      ++i;
      out.Push('a');
      out.Push('r');
    } else if ((c == 'z' || c == 'c' || c == 's') && next == 'h') {
      ++i;  // zh ch sh
      out.Push('X');
    } else if (c == 'n' && next == 'g' && !IsVowel(at(i + 2))) {
      ++i;  // ng
      out.Push('N');
    } else {
      out.Push(kPinyinLetters[static_cast<size_t>(c - 'a')]);
    }
  }
  return out.Take();
}

// Index of a sound class in the cost tables.
constexpr std::string_view kClasses = "aYWPFMNTZSzcXCJGKHRLQ";

constexpr int Index(char s) {
  for (size_t i = 0; i < kClasses.size(); ++i) {
    if (kClasses[i] == s) return static_cast<int>(i);
  }
  return -1;
}

struct Costs {
  std::array<std::array<float, kClasses.size()>, kClasses.size()> sub;
  std::array<float, kClasses.size()> indel;
  std::array<float, kClasses.size()> weight;
};

// Replacing a sound by an unrelated one costs more than dropping one.
constexpr float kUnrelated = 1.3f;

constexpr Costs MakeCosts() {
  Costs c{};
  for (size_t i = 0; i < kClasses.size(); ++i) {
    for (size_t j = 0; j < kClasses.size(); ++j) c.sub[i][j] = i == j ? 0.0f : kUnrelated;
    c.indel[i] = 1.0f;
    c.weight[i] = 1.0f;
  }
  // Sounds that transcriptions write for one another.
  const struct {
    char a, b;
    float cost;
  } kNear[] = {
      {'a', 'Y', 0.3f},  {'a', 'W', 0.3f}, {'a', 'H', 0.6f}, {'Y', 'J', 0.2f}, {'W', 'F', 0.3f},
      {'W', 'P', 0.35f}, {'P', 'F', 0.3f}, {'P', 'M', 0.7f}, {'F', 'H', 0.5f}, {'M', 'N', 0.6f},
      {'T', 'S', 0.5f},  {'c', 'S', 0.3f}, {'c', 'C', 0.2f}, {'c', 'X', 0.3f}, {'c', 'z', 0.3f},
      {'c', 'T', 0.4f},  {'c', 'Q', 0.3f}, {'z', 'C', 0.4f}, {'z', 'S', 0.2f}, {'z', 'J', 0.25f},
      {'z', 'X', 0.3f},  {'z', 'Q', 0.3f}, {'z', 'G', 0.3f}, {'z', 'T', 0.5f}, {'Z', 'T', 0.15f},
      {'Z', 'S', 0.25f}, {'Z', 'F', 0.4f}, {'T', 'C', 0.5f}, {'T', 'X', 0.6f}, {'T', 'Q', 0.6f},
      {'S', 'X', 0.25f}, {'S', 'C', 0.4f}, {'S', 'Q', 0.3f}, {'S', 'J', 0.6f}, {'S', 'G', 0.5f},
      {'X', 'C', 0.15f}, {'X', 'J', 0.2f}, {'X', 'Q', 0.2f}, {'X', 'G', 0.3f}, {'X', 'H', 0.6f},
      {'C', 'K', 0.25f}, {'C', 'H', 0.3f}, {'C', 'Q', 0.2f}, {'C', 'J', 0.3f}, {'J', 'H', 0.4f},
      {'J', 'Q', 0.2f},  {'J', 'G', 0.2f}, {'G', 'K', 0.2f}, {'G', 'Q', 0.2f}, {'K', 'H', 0.4f},
      {'K', 'Q', 0.3f},  {'H', 'Q', 0.5f}, {'H', 'G', 0.4f}, {'R', 'L', 0.1f},
  };
  for (const auto& e : kNear) {
    const int a = Index(e.a), b = Index(e.b);
    c.sub[a][b] = c.sub[b][a] = e.cost;
  }
  // What transcriptions add or drop: vowels between consonants, h, glides,
  // a non-rhotic r, a nasal, a final s.
  const struct {
    char s;
    float indel, weight;
  } kSoft[] = {{'a', 0.2f, 0.25f}, {'H', 0.3f, 0.5f},  {'Y', 0.25f, 0.5f}, {'W', 0.35f, 0.5f},
               {'R', 0.45f, 0.8f}, {'L', 0.25f, 0.5f}, {'N', 0.6f, 1.0f},  {'S', 0.7f, 1.0f},
               {'z', 0.7f, 1.0f},  {'c', 0.7f, 1.0f},  {'M', 0.8f, 1.0f}};
  for (const auto& e : kSoft) {
    c.indel[Index(e.s)] = e.indel;
    c.weight[Index(e.s)] = e.weight;
  }
  return c;
}

// A stop at the end of a word is often dropped (Redmond -> 雷蒙 "leimeng",
// Dufault -> дюфо "dyufo").
constexpr float kFinalStopIndel = 0.5f;

constexpr Costs kCosts = MakeCosts();

constexpr std::array<int8_t, 128> MakeIndexOf() {
  std::array<int8_t, 128> t{};
  for (auto& v : t) v = 0;
  for (size_t i = 0; i < kClasses.size(); ++i) t[static_cast<size_t>(kClasses[i])] = int8_t(i);
  return t;
}
constexpr std::array<int8_t, 128> kIndexOf = MakeIndexOf();

int FastIndex(char c) { return kIndexOf[static_cast<unsigned char>(c) & 127]; }

constexpr int kVowel = Index('a');
constexpr int kFinalStops[] = {Index('T'), Index('K')};

// Sounds that transcriptions drop in a cluster or at the end (a nasal coda,
// a final s) but not between two vowels: Suzuki is not 세코 "seko".
constexpr int kCodaSounds[] = {Index('N'), Index('M'), Index('S'), Index('z'), Index('c')};

float IndelAt(const std::string& cls, size_t i) {
  const int k = cls[i];
  if (i + 1 == cls.size() && (k == kFinalStops[0] || k == kFinalStops[1])) return kFinalStopIndel;
  if (i > 0 && i + 1 < cls.size() && cls[i - 1] == kVowel && cls[i + 1] == kVowel &&
      std::find(std::begin(kCodaSounds), std::end(kCodaSounds), k) != std::end(kCodaSounds)) {
    return 1.0f;
  }
  return kCosts.indel[k];
}

}  // namespace

std::string TranscriptionSounds(std::string_view word, bool pinyin) {
  std::string s = pinyin ? PinyinSounds(word) : LatinSounds(word);
  // An r or l after a vowel and before a consonant or at the end is what
  // non-rhotic transcriptions leave out (Weber -> 베버 "bebeo", Carter ->
  // 카터) and Chinese ones write 尔 "er": its own class, cheap to drop.
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != 'r') continue;
    const bool coda = i > 0 && s[i - 1] == 'a' && (i + 1 == s.size() || s[i + 1] != 'a');
    s[i] = coda ? 'L' : 'R';
  }
  return s;
}

SoundCode EncodeSounds(std::string_view sounds) {
  SoundCode out;
  out.cls.reserve(sounds.size());
  for (char c : sounds) {
    const int k = FastIndex(c);
    out.cls.push_back(static_cast<char>(k));
    out.weight += kCosts.weight[k];
  }
  return out;
}

void AppendSounds(SoundCode* run, const SoundCode& more) {
  for (char k : more.cls) {
    if (!run->cls.empty() && run->cls.back() == k) continue;
    run->cls.push_back(k);
    run->weight += kCosts.weight[static_cast<int>(k)];
  }
}

bool TranscriptionOnsetsAgree(const SoundCode& a, const SoundCode& b) {
  if (a.cls.empty() || b.cls.empty()) return false;
  const int x = a.cls[0], y = b.cls[0];
  if (x == y) return true;
  // A vowel may be heard with a glide or h before it (Yrjo, Hector, Jorg).
  auto soft = [](int c) {
    return c == kVowel || c == Index('Y') || c == Index('W') || c == Index('H') || c == Index('J');
  };
  if (x == kVowel || y == kVowel) return soft(x) && soft(y);
  return kCosts.sub[x][y] <= 0.5f;
}

bool TranscriptionOnsetsAgree(std::string_view a, std::string_view b) {
  return TranscriptionOnsetsAgree(EncodeSounds(a), EncodeSounds(b));
}

double TranscriptionSimilarity(const SoundCode& a, const SoundCode& b, double floor) {
  const size_t n = a.cls.size(), m = b.cls.size();
  if (n == 0 || m == 0) return 0;
  if (n > 40 || m > 40) return a.cls == b.cls ? 1 : 0;
  // Adding or dropping a sound costs at least half its weight, so words of
  // very different weight cannot reach the floor.
  const float heavier = std::max(a.weight, b.weight);
  if (1.0 - 0.5 * std::abs(a.weight - b.weight) / heavier < floor) return 0;
  // Weighted edit distance, two rows; given up once every path costs more
  // than the floor allows.
  const float limit = static_cast<float>((1.0 - floor) * heavier) + 1e-4f;
  std::array<float, 41> b_indel, prev, cur;
  for (size_t j = 0; j < m; ++j) b_indel[j] = IndelAt(b.cls, j);
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + b_indel[j - 1];
  for (size_t i = 1; i <= n; ++i) {
    const float a_indel = IndelAt(a.cls, i - 1);
    const auto& sub = kCosts.sub[static_cast<int>(a.cls[i - 1])];
    cur[0] = prev[0] + a_indel;
    float row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      float v = prev[j - 1] + sub[static_cast<int>(b.cls[j - 1])];
      v = std::min(v, prev[j] + a_indel);
      v = std::min(v, cur[j - 1] + b_indel[j - 1]);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (floor > 0 && row_min > limit) return 0;
    std::swap(prev, cur);
  }
  const double sim = 1.0 - prev[m] / heavier;
  return std::clamp(sim, 0.0, 1.0);
}

double TranscriptionSimilarity(std::string_view a, std::string_view b, double floor) {
  return TranscriptionSimilarity(EncodeSounds(a), EncodeSounds(b), floor);
}

void TranscriptionKeys(const SoundCode& code, std::vector<std::string>* keys) {
  // Coarse consonants of the first three, with up to two readings each.
  struct Coarse {
    char first, second;  // second == 0: one reading; first == 0: may be silent
  };
  auto coarse = [](char cls) -> Coarse {
    switch (kClasses[static_cast<unsigned char>(cls)]) {
      case 'P':
      case 'F':
        return {'P', 0};
      case 'M':
      case 'N':
        return {'N', 0};
      case 'T':
      case 'Z':
        return {'T', 0};
      case 'S':
      case 'z':
      case 'c':
      case 'X':
      case 'G':
        return {'S', 0};
      case 'C':
      case 'Q':
        return {'S', 'K'};
      case 'J':
        return {'S', '-'};
      case 'K':
        return {'K', 0};
      case 'R':
        return {'R', 0};
      default:
        return {0, 0};  // vowels, glides, h, a coda r: left out
    }
  };
  std::vector<std::string> readings = {""};
  for (char cls : code.cls) {
    const Coarse c = coarse(cls);
    if (c.first == 0) continue;
    std::vector<std::string> next;
    for (const auto& r : readings) {
      if (r.size() >= 3) {
        next.push_back(r);
        continue;
      }
      for (char x : {c.first, c.second}) {
        if (x == 0) continue;
        std::string t = r;
        if (x != '-' && (t.empty() || t.back() != x)) t.push_back(x);
        next.push_back(std::move(t));
      }
    }
    readings.swap(next);
    bool all_full = true;
    for (const auto& r : readings) all_full = all_full && r.size() >= 3;
    if (all_full) break;
  }
  for (const auto& r : readings) {
    if (r.size() < 2) continue;
    keys->push_back(r);
    if (r.size() == 3) {
      keys->push_back(r.substr(1));
      keys->push_back({r[0], r[2]});
      keys->push_back(r.substr(0, 2));
    }
  }
  std::sort(keys->begin(), keys->end());
  keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
}

}  // namespace vigil::compare
