#include "compare/string_metrics.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace vigil::compare {

// Rows of a jellyfish reference file: comma-separated, fields optionally in
// double quotes. Shared with phonetic_test.cc (same test binary).
std::vector<std::vector<std::string>> ReadJellyfishCsv(const std::string& name) {
  std::ifstream in("tests/data/jellyfish/" + name);
  EXPECT_TRUE(in.good()) << "cannot open tests/data/jellyfish/" << name;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (char c : line) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.emplace_back();
      } else {
        fields.back().push_back(c);
      }
    }
    rows.push_back(std::move(fields));
  }
  EXPECT_FALSE(rows.empty()) << name;
  return rows;
}

namespace {

// jellyfish's expected similarities are written to 3 decimals and hold
// within 0.001 (its own tests' tolerance).
void ExpectRounded(double actual, const std::string& expected, const std::string& context) {
  EXPECT_NEAR(actual, std::stod(expected), 0.001) << context;
}

template <typename F>
void CheckSimilarityFile(const std::string& file, F metric) {
  for (const auto& row : ReadJellyfishCsv(file)) {
    ASSERT_GE(row.size(), 3u) << file;
    ExpectRounded(metric(row[0], row[1]), row[2], file + ": " + row[0] + " / " + row[1]);
  }
}

template <typename F>
void CheckDistanceFile(const std::string& file, F metric) {
  for (const auto& row : ReadJellyfishCsv(file)) {
    ASSERT_GE(row.size(), 3u) << file;
    EXPECT_EQ(metric(row[0], row[1]), std::stoi(row[2]))
        << file << ": " << row[0] << " / " << row[1];
    EXPECT_EQ(metric(row[1], row[0]), std::stoi(row[2])) << file << " (swapped)";
  }
}

TEST(StringMetricsTest, JaroMatchesJellyfish) { CheckSimilarityFile("jaro_distance.csv", Jaro); }

TEST(StringMetricsTest, JaroWinklerMatchesJellyfish) {
  CheckSimilarityFile("jaro_winkler.csv", JaroWinkler);
}

TEST(StringMetricsTest, JaroWinklerLongToleranceMatchesJellyfish) {
  CheckSimilarityFile("jaro_winkler_longtol.csv", JaroWinklerLongTolerance);
}

TEST(StringMetricsTest, LevenshteinMatchesJellyfish) {
  CheckDistanceFile("levenshtein.csv", Levenshtein);
}

TEST(StringMetricsTest, DamerauLevenshteinMatchesJellyfish) {
  CheckDistanceFile("damerau_levenshtein.csv", DamerauLevenshtein);
}

TEST(StringMetricsTest, HammingMatchesJellyfish) { CheckDistanceFile("hamming.csv", Hamming); }

TEST(StringMetricsTest, JaccardMatchesJellyfish) {
  for (const auto& row : ReadJellyfishCsv("jaccard.csv")) {
    ASSERT_GE(row.size(), 3u);
    const size_t ngram = row.size() > 3 && !row[3].empty() ? std::stoul(row[3]) : 0;
    ExpectRounded(Jaccard(row[0], row[1], ngram), row[2], row[0] + " / " + row[1]);
  }
}

TEST(StringMetricsTest, UnrestrictedDamerauEditsATransposedPair) {
  // "ca" -> "ac" -> "abc": the optimal-string-alignment variant says 3.
  EXPECT_EQ(DamerauLevenshtein("ca", "abc"), 2);
  EXPECT_EQ(Levenshtein("ca", "abc"), 3);
}

TEST(StringMetricsTest, ComparesByCodePoint) {
  EXPECT_EQ(Levenshtein("josé", "jose"), 1);
  EXPECT_EQ(Levenshtein("иванов", "иванова"), 1);
  EXPECT_EQ(DamerauLevenshtein("иваонв", "иванов"), 1);
  EXPECT_EQ(Hamming("陳大文", "陈大文"), 1);
  EXPECT_DOUBLE_EQ(JaroWinkler("müller", "müller"), 1.0);
  EXPECT_NEAR(JaroWinkler("mártha", "márhta"), JaroWinkler("martha", "marhta"), 1e-12);
}

TEST(StringMetricsTest, LongStringsLeaveTheInlinePath) {
  const std::string a(200, 'a');
  std::string b = a;
  b[100] = 'b';
  EXPECT_EQ(Levenshtein(a, b), 1);
  EXPECT_EQ(DamerauLevenshtein(a, b + "c"), 2);
  EXPECT_GT(JaroWinkler(a, b), 0.99);
  std::string u;
  for (int i = 0; i < 100; ++i) u += "ж";
  EXPECT_EQ(Levenshtein(u, u + "ы"), 1);
  EXPECT_EQ(DamerauLevenshtein(u + "аб", u + "ба"), 1);
}

TEST(StringMetricsTest, InvalidUtf8IsComparedBytewise) {
  EXPECT_EQ(Levenshtein("a\xff", "a\xff"), 0);
  EXPECT_EQ(Levenshtein("a\xff", "a\xfe"), 1);
  EXPECT_EQ(Levenshtein("\xc3", "é"), 1);
}

}  // namespace
}  // namespace vigil::compare
