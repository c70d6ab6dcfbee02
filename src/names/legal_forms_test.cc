#include "names/legal_forms.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace vigil::names {
namespace {

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> f;
  std::stringstream ss(line);
  for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
  return f;
}

std::vector<std::string> SplitTypes(const std::string& s) {
  std::vector<std::string> out;
  if (s == "-") return out;
  std::stringstream ss(s);
  for (std::string t; std::getline(ss, t, ',');) out.push_back(t);
  return out;
}

TEST(LegalFormsTest, Golden) {
  std::ifstream in("tests/golden/latin_legal_forms.tsv");
  ASSERT_TRUE(in.good()) << "cannot open tests/golden/latin_legal_forms.tsv";
  std::string line;
  int lineno = 0, rows = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = Fields(line);
    ASSERT_GE(f.size(), 4u) << "latin_legal_forms.tsv:" << lineno;
    const std::string where = "latin_legal_forms.tsv:" + std::to_string(lineno) + " " + f[1];
    if (f[0] == "tokens") {
      std::vector<std::string> tokens = Split(f[1]);
      EXPECT_EQ(ExtractLegalForms(tokens), SplitTypes(f[3])) << where;
      EXPECT_EQ(tokens, Split(f[2])) << where;
    } else {
      ASSERT_EQ(f[0], "text") << where;
      std::string text = f[1];
      EXPECT_EQ(ExtractLegalFormsFromText(text), SplitTypes(f[3])) << where;
      EXPECT_EQ(text, f[2]) << where;
    }
    ++rows;
  }
  EXPECT_GT(rows, 25);
}

TEST(LegalFormsTest, TypeOfOneSpelling) {
  EXPECT_EQ(LegalFormType("gmbh"), "llc");
  EXPECT_EQ(LegalFormType("ооо"), "llc");
  EXPECT_EQ(LegalFormType("plc"), "jsc");
  EXPECT_EQ(LegalFormType("acme"), "");
}

TEST(LegalFormsTest, OrgStopwords) {
  EXPECT_TRUE(IsOrgStopword("the"));
  EXPECT_TRUE(IsOrgStopword("&"));
  EXPECT_TRUE(IsOrgStopword("company"));
  EXPECT_TRUE(IsOrgStopword("holdings"));
  EXPECT_FALSE(IsOrgStopword("bank"));
  EXPECT_FALSE(IsOrgStopword("shipping"));
  EXPECT_FALSE(IsOrgStopword("national"));
}

}  // namespace
}  // namespace vigil::names
