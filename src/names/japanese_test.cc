#include "names/japanese.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "names/golden_rows.h"

namespace vigil::names {
namespace {

std::string Explain(const std::vector<JapaneseCharReading>& readings) {
  std::string out;
  for (const JapaneseCharReading& r : readings) {
    if (!out.empty()) out += ' ';
    out += r.written + "=" + r.reading + "/" + std::string(r.kind);
    if (r.rendaku) out += "+rendaku";
    if (r.sokuon) out += "+sokuon";
  }
  return out;
}

TEST(JapaneseTest, Golden) {
  auto rows = ReadGolden("tests/golden/japanese_readings.tsv", 4);
  ASSERT_GE(rows.size(), 50u);
  for (const GoldenRow& row : rows) {
    const std::string& latin = row.cols[0];
    const std::string& han = row.cols[1];
    ASSERT_TRUE(row.cols[2] == "match" || row.cols[2] == "no_match") << "line " << row.line;
    const bool want = row.cols[2] == "match";
    const bool got = JapaneseReadingMatch(latin, han);
    const auto readings = JapaneseReadings(latin, han);
    EXPECT_EQ(got, want) << "japanese_readings.tsv:" << row.line << ": " << latin << " ~ " << han
                         << " (" << row.cols[3] << ")"
                         << (readings ? " read as " + Explain(*readings) : "");
    // The explanation agrees with the match, one reading per character.
    EXPECT_EQ(readings.has_value(), got) << "line " << row.line;
  }
}

TEST(JapaneseTest, ExplainsEachCharacter) {
  auto r = JapaneseReadings("asaharashoko", "麻原彰晃");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(Explain(*r), "asa=asa/kun hara=hara/kun sho=shou/on ko=kou/on");
  r = JapaneseReadings("nakajima", "中島");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(Explain(*r), "naka=naka/kun jima=shima/kun+rendaku");
  r = JapaneseReadings("hokkaidou", "北海道");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(Explain(*r), "hok=hoku/on+sokuon kai=kai/on dou=dou/on");
  r = JapaneseReadings("gosamaru", "護佐丸");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(Explain(*r), "go=go/on sa=sa/on maru=marui/kun-stem");
  r = JapaneseReadings("shinzo", "晋三");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(Explain(*r), "shin=shin/on zo=sou/name+rendaku");
  // Kunrei input is explained in its Hepburn spelling.
  r = JapaneseReadings("syoko", "彰晃");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(Explain(*r), "sho=shou/on ko=kou/on");
}

TEST(JapaneseTest, RejectsWhatIsNotARomajiWordOrKanjiRun) {
  EXPECT_FALSE(JapaneseReadingMatch("", "田中"));
  EXPECT_FALSE(JapaneseReadingMatch("tanaka", ""));
  EXPECT_FALSE(JapaneseReadingMatch("tana ka", "田中"));
  EXPECT_FALSE(JapaneseReadingMatch("tanaka", "田中a"));
  EXPECT_FALSE(JapaneseReadingMatch("tanaka", "々中"));
  EXPECT_FALSE(JapaneseReadingMatch(std::string(80, 'a'), "田中"));
  EXPECT_FALSE(JapaneseReadingMatch("tatatatatatatatata", "田田田田田田田田田"));  // 9 > max
  EXPECT_TRUE(JapaneseReadingMatch("tatatatatatatata", "田田田田田田田田"));
  EXPECT_TRUE(JapaneseReadingMatch("TANAKA", "田中"));
  EXPECT_TRUE(JapaneseReadingMatch("tanaka", "田 中"));
}

// Latin surnames of individuals on the OFAC SDN list ("SURNAME, Given"), the
// first word of each, letters only, lower case, deduplicated, in file order.
std::vector<std::string> OfacSurnames() {
  std::ifstream in("data/lists/ofac-sdn/sdn.csv");
  std::set<std::string> seen;
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("\"individual\"") == std::string::npos) continue;
    const size_t q = line.find('"');
    if (q == std::string::npos) continue;
    std::string word;
    for (size_t i = q + 1; i < line.size(); ++i) {
      const char c = line[i];
      if (c >= 'A' && c <= 'Z') {
        word += static_cast<char>(c - 'A' + 'a');
      } else if (c >= 'a' && c <= 'z') {
        word += c;
      } else {
        break;
      }
    }
    if (word.size() >= 2 && seen.insert(word).second) out.push_back(word);
  }
  return out;
}

std::vector<std::string> TableChars(bool name_readings_only) {
  std::vector<std::string> out;
  for (const GoldenRow& row : ReadGolden("src/names/data/han/han_japanese.tsv", 4)) {
    if (!name_readings_only || row.cols[3] != "-") out.push_back(row.cols[0]);
  }
  return out;
}

// How loose the rules are: random OFAC surnames (Arabic, Russian, Spanish,
// Chinese...) against random two-kanji pairs. A match here is almost surely
// false, so the rate must stay very low.
double FalseMatchRate(const std::vector<std::string>& chars, std::vector<std::string>* examples) {
  std::vector<std::string> surnames = OfacSurnames();
  EXPECT_GE(surnames.size(), 2000u);
  std::mt19937 rng(20261129);
  std::shuffle(surnames.begin(), surnames.end(), rng);
  surnames.resize(2000);
  std::vector<std::string> pairs;
  for (int i = 0; i < 200; ++i) {
    pairs.push_back(chars[rng() % chars.size()] + chars[rng() % chars.size()]);
  }
  size_t matches = 0;
  for (const std::string& s : surnames) {
    for (const std::string& p : pairs) {
      if (JapaneseReadingMatch(s, p)) {
        ++matches;
        if (examples->size() < 12) examples->push_back(s + "~" + p);
      }
    }
  }
  return static_cast<double>(matches) / (surnames.size() * pairs.size());
}

TEST(JapaneseTest, FalseMatchRateOnOfacSurnames) {
  for (bool common : {false, true}) {
    std::vector<std::string> examples;
    const double rate = FalseMatchRate(TableChars(common), &examples);
    std::string shown;
    for (const std::string& e : examples) shown += " " + e;
    std::printf("false-match rate, %s kanji: %.5f%% (e.g.%s)\n",
                common ? "name-reading" : "all table", 100 * rate, shown.c_str());
    EXPECT_LT(rate, common ? 0.002 : 0.0005);
  }
}

TEST(JapaneseTest, Speed) {
  const std::vector<std::pair<std::string, std::string>> calls = {
      {"asaharashoko", "麻原彰晃"}, {"mohammed", "麻原彰晃"}, {"tanaka", "田中"},
      {"abdulrahman", "田中角栄"},  {"hokkaido", "北海道"},   {"smith", "佐藤"}};
  JapaneseReadingMatch("tanaka", "田中");  // load the table
  const auto start = std::chrono::steady_clock::now();
  size_t n = 0, matches = 0;
  while (n < 200000) {
    for (const auto& [latin, han] : calls) matches += JapaneseReadingMatch(latin, han);
    n += calls.size();
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("JapaneseReadingMatch: %.0f calls/s\n", n / secs);
  EXPECT_EQ(matches, n / calls.size() * 3);
}

TEST(JapaneseKeys, RomajiFoldsAsTheMatcherReadsIt) {
  EXPECT_EQ(JapaneseKey("satoh"), "sato");
  EXPECT_EQ(JapaneseKey("satou"), "sato");
  EXPECT_EQ(JapaneseKey("sato"), "sato");
  EXPECT_EQ(JapaneseKey("shouko"), "shoko");
  EXPECT_EQ(JapaneseKey("smith-jones"), "smithjones");
}

TEST(JapaneseKeys, KanjiNamesAreFiledUnderTheirLikelyRomaji) {
  auto has = [](std::string_view han, std::string_view romaji) {
    auto keys = JapaneseKeyReadings(han, 32);
    return std::find(keys.begin(), keys.end(), romaji) != keys.end();
  };
  EXPECT_TRUE(has("田中", "tanaka"));
  EXPECT_TRUE(has("麻原", "asahara"));
  EXPECT_TRUE(has("彰晃", "shoko"));
  EXPECT_TRUE(has("重信", "shigenobu"));  // name readings first
  EXPECT_TRUE(has("房子", "fusako"));
  EXPECT_TRUE(JapaneseKeyReadings("田", 32).empty());        // one kanji: too unselective
  EXPECT_TRUE(JapaneseKeyReadings("田中角栄", 32).empty());  // longer runs split first
  EXPECT_LE(JapaneseKeyReadings("重信", 5).size(), 5u);
}

}  // namespace
}  // namespace vigil::names
