#include "names/latin_variants.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace vigil::names {
namespace {

TEST(LatinVariantsTest, GoldenPairs) {
  std::ifstream in("tests/golden/latin_variants.tsv");
  ASSERT_TRUE(in.good()) << "cannot open tests/golden/latin_variants.tsv";
  std::string line;
  int rows = 0, lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    ASSERT_GE(f.size(), 3u) << "latin_variants.tsv:" << lineno;
    ASSERT_TRUE(f[2] == "meet" || f[2] == "apart") << "latin_variants.tsv:" << lineno;
    const std::string ka = RomanizationKey(f[0]), kb = RomanizationKey(f[1]);
    EXPECT_EQ(ka == kb, f[2] == "meet")
        << "latin_variants.tsv:" << lineno << " " << f[0] << " -> " << ka << ", " << f[1] << " -> "
        << kb << " (" << (f.size() > 3 ? f[3] : "") << ")";
    ++rows;
  }
  EXPECT_GT(rows, 40);
}

TEST(LatinVariantsTest, KeyIsStableUnderCaseAndNonLetters) {
  EXPECT_EQ(RomanizationKey("Mohammed"), RomanizationKey("mohammed"));
  EXPECT_EQ(RomanizationKey("o'brien"), RomanizationKey("obrien"));
  EXPECT_EQ(RomanizationKey(""), "");
  EXPECT_EQ(RomanizationKey("123"), "");
  // A key is a fixed point of the rules that matter for indexing: it is never empty
  // for a token with letters.
  EXPECT_FALSE(RomanizationKey("a").empty());
  EXPECT_FALSE(RomanizationKey("y").empty());
}

TEST(LatinVariantsTest, ParticlesCanonicalize) {
  EXPECT_EQ(CanonicalParticle("el"), "al");
  EXPECT_EQ(CanonicalParticle("ul"), "al");
  EXPECT_EQ(CanonicalParticle("ibn"), "bin");
  EXPECT_EQ(CanonicalParticle("binti"), "bin");
  EXPECT_EQ(CanonicalParticle("abou"), "abu");
  EXPECT_EQ(CanonicalParticle("abdel"), "abd");
  EXPECT_EQ(CanonicalParticle("von"), "von");
  EXPECT_EQ(CanonicalParticle("della"), "della");
  EXPECT_EQ(CanonicalParticle("ivan"), "");
  EXPECT_EQ(ParticleKind("bint"), Particle::kFiliation);
  EXPECT_EQ(ParticleKind("smith"), Particle::kNone);
}

std::vector<std::string> Join(std::vector<std::string> t) { return JoinArabicCompounds(t); }

TEST(LatinVariantsTest, AbdCompoundsMeet) {
  const std::vector<std::string> want = {"abdulrahman"};
  EXPECT_EQ(Join({"abd", "al", "rahman"}), want);
  EXPECT_EQ(Join({"abdul", "rahman"}), want);
  EXPECT_EQ(Join({"abdel", "rahman"}), want);
  EXPECT_EQ(Join({"abd", "ar", "rahman"}), want);
  EXPECT_EQ(Join({"abdurrahman"}), want);
  EXPECT_EQ(Join({"abdulrahman"}), want);
  EXPECT_EQ(Join({"abdurahman"}), want);
  const std::vector<std::string> allah = {"abdullah"};
  EXPECT_EQ(Join({"abd", "allah"}), allah);
  EXPECT_EQ(Join({"abdallah"}), allah);
  EXPECT_EQ(Join({"abdulla"}), allah);
  EXPECT_EQ(Join({"abdel", "aziz"}), Join({"abd", "al", "aziz"}));
}

TEST(LatinVariantsTest, CompoundsLeaveOtherTokensAlone) {
  EXPECT_EQ(Join({"osama", "bin", "laden"}), (std::vector<std::string>{"osama", "bin", "laden"}));
  EXPECT_EQ(Join({"abdi", "hassan"}), (std::vector<std::string>{"abdi", "hassan"}));
  EXPECT_EQ(Join({"ali", "abdul"}), (std::vector<std::string>{"ali", "abdul"}));
  EXPECT_EQ(Join({"abdul", "bin", "saleh"}), (std::vector<std::string>{"abdul", "bin", "saleh"}));
}

}  // namespace
}  // namespace vigil::names
