#include "compare/phonetic.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vigil::compare {

// Defined in string_metrics_test.cc (same test binary).
std::vector<std::vector<std::string>> ReadJellyfishCsv(const std::string& name);

namespace {

template <typename F>
void CheckCodeFile(const std::string& file, F code) {
  for (const auto& row : ReadJellyfishCsv(file)) {
    const std::string expected = row.size() > 1 ? row[1] : "";
    EXPECT_EQ(code(row[0]), expected) << file << ": " << row[0];
  }
}

TEST(PhoneticTest, SoundexMatchesJellyfish) { CheckCodeFile("soundex.csv", Soundex); }
TEST(PhoneticTest, MetaphoneMatchesJellyfish) { CheckCodeFile("metaphone.csv", Metaphone); }
TEST(PhoneticTest, NysiisMatchesJellyfish) { CheckCodeFile("nysiis.csv", Nysiis); }
TEST(PhoneticTest, MatchRatingCodexMatchesJellyfish) {
  CheckCodeFile("match_rating_codex.csv", MatchRatingCodex);
}

TEST(PhoneticTest, MatchRatingComparisonMatchesJellyfish) {
  for (const auto& row : ReadJellyfishCsv("match_rating_comparison.csv")) {
    ASSERT_EQ(row.size(), 3u);
    const std::optional<bool> got = MatchRatingComparison(row[0], row[1]);
    const std::string text = !got ? "None" : *got ? "True" : "False";
    EXPECT_EQ(text, row[2]) << row[0] << " / " << row[1];
    EXPECT_EQ(MatchRatingComparison(row[1], row[0]), got) << "symmetric";
  }
}

TEST(PhoneticTest, NameVariantsShareCodes) {
  EXPECT_EQ(Soundex("Mohammed"), Soundex("Muhammad"));
  EXPECT_EQ(Metaphone("Smith"), Metaphone("Smyth"));
  EXPECT_EQ(Nysiis("Catherine"), Nysiis("Katherine"));
  EXPECT_NE(Soundex("Ivanov"), Soundex("Petrov"));
}

}  // namespace
}  // namespace vigil::compare
