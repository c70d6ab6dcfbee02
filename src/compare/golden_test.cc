// Runs every row of tests/golden/match_*.tsv (format: include/vigil/eval.h)
// through Matcher::Compare, in both directions. Each failure prints the row,
// the scores and the explanation.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <gtest/gtest.h>

#include "vigil/eval.h"
#include "vigil/matcher.h"

namespace vigil {
namespace {

TEST(GoldenTest, EveryRowDecidesAsExpected) {
  auto matcher = Matcher::Create({});
  ASSERT_TRUE(matcher.ok());
  std::vector<LabelledPair> rows;
  for (const auto& entry : std::filesystem::directory_iterator("tests/golden")) {
    std::string name = entry.path().filename().string();
    if (name.rfind("match_", 0) != 0 || entry.path().extension() != ".tsv") continue;
    auto file = ReadLabelledPairs(entry.path().string());
    ASSERT_TRUE(file.ok()) << file.status().ToString();
    for (auto& r : *file) rows.push_back(std::move(r));
  }
  ASSERT_GT(rows.size(), 50u);
  size_t failures = 0;
  for (const auto& row : rows) {
    Comparison c = (*matcher)->Compare(row.left, row.right);
    Comparison r = (*matcher)->Compare(row.right, row.left);
    if (c.match != row.expected || r.match != row.expected) {
      ++failures;
      ADD_FAILURE() << row.where << " expected " << (row.expected ? "match" : "no_match") << " ("
                    << row.why << "): \"" << row.left.Caption() << "\" vs \"" << row.right.Caption()
                    << "\" score=" << c.score << " reverse=" << r.score << "\n"
                    << c.explanation.ToJson().dump();
    }
  }
  std::cout << rows.size() - failures << "/" << rows.size()
            << " golden pairs decided as expected\n";
}

// Score (what screening ranks candidates by) is Compare's score, to the bit,
// for every golden pair and the eval pairs: only the explanation is skipped.
TEST(GoldenTest, ScoreIsCompareWithoutTheExplanation) {
  auto matcher = Matcher::Create({});
  ASSERT_TRUE(matcher.ok());
  std::vector<LabelledPair> rows;
  for (const char* dir : {"tests/golden", "tests/eval"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".tsv") continue;
      const std::string name = entry.path().filename().string();
      if (std::string(dir) == "tests/golden" && name.rfind("match_", 0) != 0) continue;
      auto file = ReadLabelledPairs(entry.path().string());
      ASSERT_TRUE(file.ok()) << file.status().ToString();
      for (auto& r : *file) rows.push_back(std::move(r));
    }
  }
  ASSERT_GT(rows.size(), 5000u);
  for (const auto& row : rows) {
    const PreparedEntity a = (*matcher)->Prepare(row.left), b = (*matcher)->Prepare(row.right);
    const Comparison c = (*matcher)->Compare(a, b);
    ASSERT_EQ((*matcher)->Score(a, b), c.score) << row.where;
    ASSERT_FALSE(c.explanation.features.empty()) << row.where;
  }
}

TEST(PairFileTest, MalformedLineIsNamed) {
  auto path = std::filesystem::temp_directory_path() / "vigil_pairs_bad.tsv";
  {
    std::ofstream out(path);
    out << "# comment\nmatch\tPerson\tA B\tA B\twhy\nperhaps\tPerson\tA\tB\n";
  }
  auto r = ReadLabelledPairs(path.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find(":3:"), std::string::npos) << r.status().message();
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace vigil
