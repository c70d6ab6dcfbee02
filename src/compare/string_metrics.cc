#include "compare/string_metrics.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>

namespace vigil::compare {
namespace {

// A buffer of N elements on the stack, or on the heap when more are needed.
template <typename T, size_t N>
class SmallBuffer {
 public:
  explicit SmallBuffer(size_t n) : size_(n) {
    if (n > N) {
      heap_ = std::make_unique<T[]>(n);
      data_ = heap_.get();
    } else {
      data_ = inline_;
    }
  }
  SmallBuffer(const SmallBuffer&) = delete;
  SmallBuffer& operator=(const SmallBuffer&) = delete;

  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T* data() { return data_; }
  size_t size() const { return size_; }
  void Fill(T value) { std::fill(data_, data_ + size_, value); }

 private:
  size_t size_;
  T* data_;
  std::unique_ptr<T[]> heap_;
  T inline_[N];
};

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Decodes one UTF-8 sequence at s[*i], advancing *i. An invalid or truncated
// sequence yields its first byte tagged above the Unicode range, so it equals
// only the same invalid byte.
char32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 1) {
    ++*i;
    return c;
  }
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return 0x110000 + c;
  }
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[*i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++*i;
      return 0x110000 + c;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  *i += len;
  return cp;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) NextCodePoint(s, &i);
  return n;
}

// The code points of a string, decoded once.
class Decoded {
 public:
  explicit Decoded(std::string_view s) : buf_(CountCodePoints(s)) {
    size_t k = 0;
    for (size_t i = 0; i < s.size();) buf_[k++] = NextCodePoint(s, &i);
  }
  const char32_t* data() { return buf_.data(); }
  size_t size() const { return buf_.size(); }

 private:
  SmallBuffer<char32_t, kInlineLength> buf_;
};

// Calls f(a, n, b, m) with both strings as arrays of one element type: bytes
// when both are ASCII (the common case), decoded code points otherwise.
template <typename F>
auto WithUnits(std::string_view a, std::string_view b, F&& f) {
  if (IsAscii(a) && IsAscii(b)) {
    return f(reinterpret_cast<const unsigned char*>(a.data()), a.size(),
             reinterpret_cast<const unsigned char*>(b.data()), b.size());
  }
  Decoded da(a), db(b);
  return f(da.data(), da.size(), db.data(), db.size());
}

enum class JaroKind { kPlain, kWinkler, kWinklerLongTolerance };

template <typename T>
double JaroImpl(const T* s1, size_t n1, const T* s2, size_t n2, JaroKind kind) {
  if (n1 == 0 || n2 == 0) return 0.0;
  const size_t min_len = std::min(n1, n2);
  const size_t half = std::max(n1, n2) / 2;
  const size_t range = half > 0 ? half - 1 : 0;

  SmallBuffer<bool, kInlineLength> flags1(n1), flags2(n2);
  flags1.Fill(false);
  flags2.Fill(false);
  size_t common = 0;
  for (size_t i = 0; i < n1; ++i) {
    const size_t lo = i > range ? i - range : 0;
    const size_t hi = std::min(i + range, n2 - 1);
    for (size_t j = lo; j <= hi; ++j) {
      if (!flags2[j] && s2[j] == s1[i]) {
        flags1[i] = flags2[j] = true;
        ++common;
        break;
      }
    }
  }
  if (common == 0) return 0.0;

  // Matched characters taken in order from each string; a position where
  // the two sequences differ is half a transposition.
  size_t half_transpositions = 0;
  for (size_t i = 0, k = 0; i < n1; ++i) {
    if (!flags1[i]) continue;
    while (!flags2[k]) ++k;
    if (s1[i] != s2[k]) ++half_transpositions;
    ++k;
  }
  const double m = static_cast<double>(common);
  const double t = static_cast<double>(half_transpositions / 2);
  double weight = (m / n1 + m / n2 + (m - t) / m) / 3.0;
  if (kind == JaroKind::kPlain || weight <= 0.7) return weight;

  size_t prefix = 0;
  const size_t max_prefix = std::min<size_t>(min_len, 4);
  while (prefix < max_prefix && s1[prefix] == s2[prefix]) ++prefix;
  weight += prefix * 0.1 * (1.0 - weight);

  if (kind == JaroKind::kWinklerLongTolerance && min_len > 4 && common > prefix + 1 &&
      2 * common >= min_len + prefix) {
    weight +=
        (1.0 - weight) * (m - prefix - 1.0) / (static_cast<double>(n1) + n2 - prefix * 2.0 + 2.0);
  }
  return weight;
}

template <typename T>
int LevenshteinImpl(const T* a, size_t n, const T* b, size_t m) {
  if (n == 0) return static_cast<int>(m);
  if (m == 0) return static_cast<int>(n);
  SmallBuffer<int, kInlineLength + 1> row(m + 1);
  for (size_t j = 0; j <= m; ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    int diagonal = row[0];  // distance(a[0..i-1), b[0..j-1))
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= m; ++j) {
      const int above = row[j];
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[m];
}

// Maps each element of a and b to a dense alphabet id so the "last row where
// this character was seen" table is a flat array.
template <typename T>
size_t DenseIds(const T* a, size_t n, const T* b, size_t m, uint32_t* ids) {
  if constexpr (sizeof(T) == 1) {
    for (size_t i = 0; i < n; ++i) ids[i] = a[i];
    for (size_t j = 0; j < m; ++j) ids[n + j] = b[j];
    return 256;
  } else {
    SmallBuffer<T, 2 * kInlineLength> seen(n + m);
    size_t distinct = 0;
    auto id_of = [&](T c) {
      for (size_t k = 0; k < distinct; ++k) {
        if (seen[k] == c) return static_cast<uint32_t>(k);
      }
      seen[distinct] = c;
      return static_cast<uint32_t>(distinct++);
    };
    for (size_t i = 0; i < n; ++i) ids[i] = id_of(a[i]);
    for (size_t j = 0; j < m; ++j) ids[n + j] = id_of(b[j]);
    return distinct;
  }
}

// Lowrance-Wagner dynamic programme for the unrestricted distance.
template <typename T>
int DamerauImpl(const T* a, size_t n, const T* b, size_t m) {
  if (n == 0) return static_cast<int>(m);
  if (m == 0) return static_cast<int>(n);
  SmallBuffer<uint32_t, 2 * kInlineLength> ids(n + m);
  const size_t alphabet = DenseIds(a, n, b, m, ids.data());
  const uint32_t* ia = ids.data();
  const uint32_t* ib = ids.data() + n;
  SmallBuffer<size_t, 256> last_row(alphabet);
  last_row.Fill(0);

  const size_t w = m + 2;
  SmallBuffer<int, 34 * 34> d((n + 2) * w);
  auto at = [&](size_t i, size_t j) -> int& { return d[i * w + j]; };
  const int inf = static_cast<int>(n + m);
  at(0, 0) = inf;
  for (size_t i = 0; i <= n; ++i) {
    at(i + 1, 0) = inf;
    at(i + 1, 1) = static_cast<int>(i);
  }
  for (size_t j = 0; j <= m; ++j) {
    at(0, j + 1) = inf;
    at(1, j + 1) = static_cast<int>(j);
  }
  for (size_t i = 1; i <= n; ++i) {
    size_t last_col = 0;  // last column in this row where a[i-1] matched
    for (size_t j = 1; j <= m; ++j) {
      const size_t i1 = last_row[ib[j - 1]];
      const size_t j1 = last_col;
      int cost = 1;
      if (ia[i - 1] == ib[j - 1]) {
        cost = 0;
        last_col = j;
      }
      const int transpose =
          at(i1, j1) + static_cast<int>(i - i1 - 1) + 1 + static_cast<int>(j - j1 - 1);
      at(i + 1, j + 1) = std::min({at(i, j) + cost, at(i + 1, j) + 1, at(i, j + 1) + 1, transpose});
    }
    last_row[ia[i - 1]] = i;
  }
  return at(n + 1, m + 1);
}

template <typename T>
int HammingImpl(const T* a, size_t n, const T* b, size_t m) {
  const size_t common = std::min(n, m);
  int d = static_cast<int>(std::max(n, m) - common);
  for (size_t i = 0; i < common; ++i) d += a[i] != b[i];
  return d;
}

std::unordered_set<std::string_view> JaccardSet(std::string_view s, size_t ngram_size) {
  std::unordered_set<std::string_view> out;
  if (ngram_size == 0) {
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      size_t j = i;
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
      if (j > i) out.insert(s.substr(i, j - i));
      i = j;
    }
    return out;
  }
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    for (size_t k = 0; k < ngram_size && i < s.size(); ++k) NextCodePoint(s, &i);
    out.insert(s.substr(start, i - start));
  }
  return out;
}

}  // namespace

double Jaro(std::string_view a, std::string_view b) {
  return WithUnits(a, b, [](auto* s1, size_t n1, auto* s2, size_t n2) {
    return JaroImpl(s1, n1, s2, n2, JaroKind::kPlain);
  });
}

double JaroWinkler(std::string_view a, std::string_view b) {
  return WithUnits(a, b, [](auto* s1, size_t n1, auto* s2, size_t n2) {
    return JaroImpl(s1, n1, s2, n2, JaroKind::kWinkler);
  });
}

double JaroWinklerLongTolerance(std::string_view a, std::string_view b) {
  return WithUnits(a, b, [](auto* s1, size_t n1, auto* s2, size_t n2) {
    return JaroImpl(s1, n1, s2, n2, JaroKind::kWinklerLongTolerance);
  });
}

int Levenshtein(std::string_view a, std::string_view b) {
  return WithUnits(a, b, [](auto* s1, size_t n1, auto* s2, size_t n2) {
    return LevenshteinImpl(s1, n1, s2, n2);
  });
}

int DamerauLevenshtein(std::string_view a, std::string_view b) {
  return WithUnits(
      a, b, [](auto* s1, size_t n1, auto* s2, size_t n2) { return DamerauImpl(s1, n1, s2, n2); });
}

int Hamming(std::string_view a, std::string_view b) {
  return WithUnits(
      a, b, [](auto* s1, size_t n1, auto* s2, size_t n2) { return HammingImpl(s1, n1, s2, n2); });
}

double Jaccard(std::string_view a, std::string_view b, size_t ngram_size) {
  const auto sa = JaccardSet(a, ngram_size);
  const auto sb = JaccardSet(b, ngram_size);
  size_t common = 0;
  for (std::string_view x : sa) common += sb.count(x);
  const size_t uni = sa.size() + sb.size() - common;
  return uni == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(uni);
}

}  // namespace vigil::compare
