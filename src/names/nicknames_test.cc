#include "names/nicknames.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace vigil::names {
namespace {

TEST(NicknamesTest, Golden) {
  std::ifstream in("tests/golden/latin_nicknames.tsv");
  ASSERT_TRUE(in.good()) << "cannot open tests/golden/latin_nicknames.tsv";
  std::string line;
  int lineno = 0, rows = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    ASSERT_GE(f.size(), 3u) << "latin_nicknames.tsv:" << lineno;
    ASSERT_TRUE(f[2] == "yes" || f[2] == "no") << "latin_nicknames.tsv:" << lineno;
    EXPECT_EQ(AreNicknames(f[0], f[1]), f[2] == "yes")
        << "latin_nicknames.tsv:" << lineno << " " << f[0] << " / " << f[1];
    ++rows;
  }
  EXPECT_GT(rows, 20);
}

TEST(NicknamesTest, GroupsAreSortedKeys) {
  const auto sasha = NicknameGroups("sasha");
  ASSERT_GE(sasha.size(), 2u);  // Aleksandr and Aleksandra
  for (size_t i = 1; i < sasha.size(); ++i) EXPECT_LT(sasha[i - 1], sasha[i]);
  EXPECT_TRUE(NicknameGroups("zzyzx").empty());
}

}  // namespace
}  // namespace vigil::names
