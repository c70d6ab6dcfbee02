// Golden test: real Remarks strings from the bundled SDN file and the
// properties they must give (tests/data/lists/ofac_remarks.tsv).
#include "lists/ofac_remarks.h"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace vigil::lists {
namespace {

std::string Render(const PropertyList& props) {
  std::string out;
  for (const auto& [p, v] : props) {
    if (!out.empty()) out += " | ";
    out += p + "=" + v;
  }
  return out;
}

TEST(OfacRemarksTest, GoldenRealRemarks) {
  std::ifstream in("tests/data/lists/ofac_remarks.tsv");
  ASSERT_TRUE(in) << "run from the repository root";
  std::string line;
  int cases = 0, lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << "line " << lineno;
    EXPECT_EQ(Render(ParseOfacRemarks(line.substr(0, tab))), line.substr(tab + 1))
        << "ofac_remarks.tsv:" << lineno << ": " << line.substr(0, tab);
    ++cases;
  }
  EXPECT_GE(cases, 30);
}

TEST(OfacRemarksTest, DateForms) {
  EXPECT_EQ(Render(ParseOfacRemarks("DOB 15 Jun 1953.")), "birthDate=1953-06-15");
  EXPECT_EQ(Render(ParseOfacRemarks("DOB Jan 1960")), "birthDate=1960-01");
  EXPECT_EQ(Render(ParseOfacRemarks("DOB circa 1960")), "birthDate=1960");
  EXPECT_EQ(Render(ParseOfacRemarks("DOB 1950 to 1953")),
            "birthDate=1950 | birthDate=1951 | birthDate=1952 | birthDate=1953");
  // A day-precise range keeps its two ends.
  EXPECT_EQ(Render(ParseOfacRemarks("DOB 01 Jan 1950 to 31 Dec 1951")),
            "birthDate=1950-01-01 | birthDate=1951-12-31");
  EXPECT_EQ(Render(ParseOfacRemarks("DOB sometime")), "");
}

TEST(OfacRemarksTest, NamesAndWeakAliases) {
  EXPECT_EQ(Render(ParseOfacRemarks("a.k.a. 'ABU-'UMAR'; f.k.a. 'OLD NAME'; n.k.a. 'NEW'.")),
            "alias=ABU-'UMAR | previousName=OLD NAME | alias=NEW");
  EXPECT_EQ(Render(ParseOfacRemarks("a.k.a. 'SHORTY' (weak).")), "weakAlias=SHORTY");
}

TEST(OfacRemarksTest, UnknownClausesGiveNothing) {
  EXPECT_EQ(Render(ParseOfacRemarks("Secretary General of Hizballah; all offices worldwide")), "");
  EXPECT_EQ(Render(ParseOfacRemarks("")), "");
  EXPECT_EQ(Render(ParseOfacRemarks(";;; .")), "");
}

}  // namespace
}  // namespace vigil::lists
