#include "vigil/matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "compare/name_compare.h"

namespace vigil {
namespace {

Entity Person(std::string name) {
  Entity e;
  e.id = name;
  e.schema = Schema::kPerson;
  e.Add("name", name);
  return e;
}

class MatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto m = Matcher::Create({});
    ASSERT_TRUE(m.ok());
    matcher_ = std::move(*m);
  }
  std::unique_ptr<Matcher> matcher_;
};

TEST_F(MatcherTest, IdenticalNamesScoreOne) {
  auto c = matcher_->Compare(Person("Xi Jinping"), Person("Xi Jinping"));
  EXPECT_DOUBLE_EQ(c.score, 1.0);
  EXPECT_TRUE(c.match);
}

TEST_F(MatcherTest, ExplanationNamesTheSchemeOfATransliteratedPart) {
  auto c = matcher_->Compare(Person("陳大文"), Person("Chan Tai Man"));
  ASSERT_TRUE(c.match) << c.explanation.ToJson().dump();
  ASSERT_FALSE(c.explanation.parts.empty());
  bool cantonese = false;
  for (const auto& p : c.explanation.parts)
    cantonese = cantonese || p.scheme.find("canton") != std::string::npos;
  EXPECT_TRUE(cantonese) << c.explanation.ToJson().dump();
  auto j = c.explanation.ToJson();
  EXPECT_EQ(j["features"][0]["name"], "name");
}

TEST_F(MatcherTest, ScheamaMismatchScoresZeroAndSaysWhy) {
  Entity company = Person("Acme");
  company.schema = Schema::kCompany;
  auto c = matcher_->Compare(Person("Acme"), company);
  EXPECT_EQ(c.score, 0);
  EXPECT_FALSE(c.match);
  ASSERT_EQ(c.explanation.features.size(), 1u);
  EXPECT_EQ(c.explanation.features[0].name, "schema");
}

TEST_F(MatcherTest, ThresholdIsConfigurable) {
  auto strict = Matcher::Create({.threshold = 0.99});
  ASSERT_TRUE(strict.ok());
  auto c = (*strict)->Compare(Person("Jonathon Smith"), Person("Jonathan Smith"));
  EXPECT_FALSE(c.match);
  EXPECT_FALSE(Matcher::Create({.threshold = 1.5}).ok());
}

TEST_F(MatcherTest, RareNamePartsCountForMore) {
  // Two names that share one part: the rare shared part gives the higher score.
  auto common = matcher_->Compare(Person("Wang Xiaoming"), Person("Wang Dongfang"));
  auto rare = matcher_->Compare(Person("Zhuge Xiaoming"), Person("Zhuge Dongfang"));
  EXPECT_LT(common.score, rare.score);
}

TEST_F(MatcherTest, FamilyNameDisagreementCostsMoreThanGivenName) {
  Entity a = Person("");
  a.properties.clear();
  a.Add("firstName", "Ivan");
  a.Add("lastName", "Petrov");
  Entity other_family = a, other_given = a;
  other_family.properties["lastName"] = {"Sidorov"};
  other_given.properties["firstName"] = {"Pavel"};
  EXPECT_LT(matcher_->Compare(a, other_family).score, matcher_->Compare(a, other_given).score);
  // The same holds when the family name is marked by writing it first with a comma.
  EXPECT_LT(matcher_->Compare(Person("PETROV, Ivan"), Person("SIDOROV, Ivan")).score,
            matcher_->Compare(Person("PETROV, Ivan"), Person("PETROV, Pavel")).score);
}

TEST_F(MatcherTest, PreparedComparisonEqualsDirect) {
  auto q = matcher_->Prepare(Person("Hsi Chin-p'ing"));
  auto c = matcher_->Prepare(Person("习近平"));
  EXPECT_DOUBLE_EQ(matcher_->Compare(q, c).score,
                   matcher_->Compare(Person("Hsi Chin-p'ing"), Person("习近平")).score);
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

// Optimal string alignment distance, the whole table: the reference for the
// banded, early-exit BoundedEditDistance.
size_t FullOsa(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

TEST(BoundedEditDistanceTest, AgreesWithTheFullTableUpToTheLimit) {
  // Random words over three letters, so that swaps and repeats are common.
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return seed >> 16;
  };
  for (int round = 0; round < 20000; ++round) {
    std::string a, b;
    const size_t la = next() % 12, lb = next() % 12;
    for (size_t i = 0; i < la; ++i) a += static_cast<char>('a' + next() % 3);
    for (size_t i = 0; i < lb; ++i) b += static_cast<char>('a' + next() % 3);
    const size_t full = FullOsa(a, b);
    for (size_t limit = 0; limit <= 3; ++limit) {
      ASSERT_EQ(compare::BoundedEditDistance(a, b, limit), std::min(full, limit + 1))
          << a << " / " << b << " limit " << limit;
    }
  }
  EXPECT_EQ(compare::BoundedEditDistance("vladimir", "wladimir", 2), 1u);
  EXPECT_EQ(compare::BoundedEditDistance("sokolov", "okulov", 1), 2u);
}

}  // namespace
}  // namespace vigil
