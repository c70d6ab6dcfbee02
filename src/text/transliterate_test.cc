#include "text/transliterate.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <set>

#include "text/internal/collector.h"
#include "text/internal/cyrillic.h"
#include "text/internal/golden.h"
#include "text/normalize.h"

namespace vigil::text {
namespace {

using internal::ReadGolden;

std::string Lower(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toLower().toUTF8String(out);
  return out;
}

std::string Joined(const std::vector<Romanization>& rs) {
  std::string out;
  for (const auto& r : rs) out += "\n  " + r.text + " (" + r.scheme + ")";
  return out;
}

// Every official sample of every iuliia scheme, in the scheme's own letters.
TEST(CyrillicSchemeTest, IuliiaOfficialSamples) {
  auto rows = ReadGolden("tests/golden/text_iuliia_samples.tsv", 3);
  ASSERT_GE(rows.size(), 160u);
  std::set<std::string> schemes;
  for (const auto& r : rows) {
    schemes.insert(r.cells[0]);
    auto got = internal::CyrillicScheme(r.cells[0], r.cells[1], /*ascii=*/false);
    ASSERT_TRUE(got.has_value()) << "unknown scheme " << r.cells[0];
    EXPECT_EQ(*got, Lower(r.cells[2])) << "text_iuliia_samples.tsv:" << r.line << " " << r.cells[0];
  }
  EXPECT_GE(schemes.size(), 28u);
}

TEST(CyrillicSchemeTest, UnknownSchemeIsNullopt) {
  EXPECT_FALSE(internal::CyrillicScheme("no-such-scheme", "юлия", true).has_value());
}

// tests/golden/text_romanize_<script>.tsv: input, a spelling that must be
// among Romanize's outputs, why.
class RomanizeGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(RomanizeGolden, ExpectedSpellingIsAmongOutputs) {
  std::string file = "tests/golden/text_romanize_" + GetParam() + ".tsv";
  auto rows = ReadGolden(file, 2);
  ASSERT_GE(rows.size(), 5u) << file;
  for (const auto& r : rows) {
    std::string cleaned = CleanName(r.cells[0]);
    Script script = DetectScript(cleaned);
    auto out = Romanize(cleaned, script);
    bool found = false;
    for (const auto& o : out) found |= o.text == r.cells[1];
    EXPECT_TRUE(found) << file << ":" << r.line << " " << r.cells[0] << " -> want " << r.cells[1]
                       << " (" << (r.cells.size() > 2 ? r.cells[2] : "")
                       << "), got:" << Joined(out);
  }
}

// Contract: lower-case ASCII, one token per input token, no duplicates.
TEST_P(RomanizeGolden, OutputsKeepTheContract) {
  for (const auto& r : ReadGolden("tests/golden/text_romanize_" + GetParam() + ".tsv", 2)) {
    std::string cleaned = CleanName(r.cells[0]);
    auto out = Romanize(cleaned, DetectScript(cleaned));
    std::set<std::string> seen;
    for (const auto& o : out) {
      EXPECT_TRUE(seen.insert(o.text).second) << "duplicate " << o.text;
      EXPECT_EQ(internal::CountTokens(o.text), internal::CountTokens(cleaned)) << o.text;
      for (char c : o.text) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == ' ') << o.text;
      EXPECT_FALSE(o.scheme.empty());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Scripts, RomanizeGolden, ::testing::Values("cyrillic"));

TEST(RomanizeTest, LatinHanAndUnknownGiveNothing) {
  EXPECT_TRUE(Romanize("john smith", Script::kLatin).empty());
  EXPECT_TRUE(Romanize("习近平", Script::kHan).empty());
  EXPECT_TRUE(Romanize("", Script::kUnknown).empty());
}

TEST(RomanizeTest, CyrillicPassportSpellingComesFirst) {
  auto out = Romanize("юлия щеглова", Script::kCyrillic);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0].text, "iuliia shcheglova");
  EXPECT_EQ(out[0].scheme, "icao-9303");
}

}  // namespace
}  // namespace vigil::text
