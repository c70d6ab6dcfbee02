#include "text/internal/hangul.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "text/internal/golden.h"

namespace vigil::text::internal {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += " " + s;
  return out;
}

// The hand-kept table of conventional spellings: every spelling of every row
// comes out of KoreanFamilySpellings, lower-case ASCII, each once.
TEST(KoreanFamilySpellings, HandKeptTableIsInTheUnion) {
  auto rows = ReadGolden("src/text/data/korean_surname_spellings.tsv", 2);
  ASSERT_GE(rows.size(), 70u);
  for (const auto& r : rows) {
    // Decode the Hangul cell (UTF-8, 3 bytes a syllable).
    std::u32string family;
    const std::string& h = r.cells[0];
    ASSERT_EQ(h.size() % 3, 0u) << "line " << r.line;
    for (size_t i = 0; i < h.size(); i += 3) {
      family.push_back(static_cast<char32_t>(((h[i] & 0x0F) << 12) | ((h[i + 1] & 0x3F) << 6) |
                                             (h[i + 2] & 0x3F)));
    }
    const auto got = KoreanFamilySpellings(family);
    std::set<std::string> seen;
    for (const auto& s : got) {
      EXPECT_TRUE(seen.insert(s).second) << "line " << r.line << ": " << s << " twice";
      for (char c : s) EXPECT_TRUE(c >= 'a' && c <= 'z') << "line " << r.line << ": " << s;
    }
    for (size_t k = 1; k < r.cells.size(); ++k) {
      EXPECT_TRUE(Has(got, r.cells[k]))
          << "line " << r.line << ": " << h << " lacks " << r.cells[k] << ":" << Joined(got);
    }
  }
}

TEST(KoreanFamilySpellings, ConventionalSpellingsOfCommonNames) {
  const struct {
    std::u32string_view family;
    std::vector<std::string> spellings;
  } kCases[] = {
      {U"노", {"roh", "noh", "no", "ro", "rho"}},  // Roh Moo-hyun, Roh Tae-woo
      {U"이", {"lee", "yi", "rhee", "ri"}},        // Rhee Syng-man
      {U"박", {"park", "pak", "bak"}},             // Pak Pong-ju
      {U"백", {"baek", "paik", "paek"}},           // Paik Nam-june
      {U"류", {"ryu", "yoo", "yu", "lyu"}},
      {U"임", {"lim", "im", "rim"}},
      {U"정", {"jung", "chung", "jeong"}},
      {U"어", {"eo", "auh"}},
  };
  for (const auto& c : kCases) {
    const auto got = KoreanFamilySpellings(c.family);
    for (const auto& s : c.spellings) EXPECT_TRUE(Has(got, s)) << s << ":" << Joined(got);
  }
}

// The Wikidata table keeps its order (most frequent first): the hand-kept
// spellings only add to it.
TEST(KoreanFamilySpellings, WikidataSpellingsComeFirst) {
  auto no = KoreanFamilySpellings(U"노");
  ASSERT_GE(no.size(), 2u);
  EXPECT_EQ(no[0], "noh");
  EXPECT_EQ(no[1], "no");
  auto kim = KoreanFamilySpellings(U"김");
  ASSERT_FALSE(kim.empty());
  EXPECT_EQ(kim[0], "kim");
  // Only in the hand-kept table.
  auto ro = KoreanFamilySpellings(U"로");
  ASSERT_FALSE(ro.empty());
  EXPECT_EQ(ro[0], "roh");
  EXPECT_TRUE(KoreanFamilySpellings(U"햏").empty());
}

}  // namespace
}  // namespace vigil::text::internal
