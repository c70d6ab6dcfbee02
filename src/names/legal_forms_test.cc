#include "names/legal_forms.h"

#include <gtest/gtest.h>

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

struct Case {
  std::string name;
  std::string rest;
  std::vector<std::string> types;
};

TEST(LegalFormsTest, LatinTokens) {
  const std::vector<Case> cases = {
      {"acme ltd", "acme", {"llc"}},
      {"acme limited", "acme", {"llc"}},
      {"romashka limited liability company", "romashka", {"llc"}},
      {"ooo romashka", "romashka", {"llc"}},
      {"siemens ag", "siemens", {"jsc"}},
      {"rosneft pjsc", "rosneft", {"jsc"}},
      {"volkswagen gmbh", "volkswagen", {"llc"}},
      {"mueller gmbh & co kg", "mueller", {"lp"}},
      {"cemex s a b de c v", "cemex", {"jsc"}},
      {"grupo alfa sa de cv", "grupo alfa", {"jsc"}},
      {"fiat s p a", "fiat", {"jsc"}},
      {"kowalski sp z o o", "kowalski", {"llc"}},
      {"shell n v", "shell", {"jsc"}},
      {"dbs pte ltd", "dbs", {"llc"}},
      {"petronas sdn bhd", "petronas", {"llc"}},
      {"acme corp", "acme", {"llc"}},
      {"zao acme", "acme", {"jsc"}},
      {"acme", "acme", {}},
      {"limited", "limited", {}},  // never reduced to nothing
      {"acme holdings", "acme holdings", {}},
      {"bank of limited resources", "bank of limited resources", {}},  // not at an edge
  };
  for (const Case& c : cases) {
    std::vector<std::string> tokens = Split(c.name);
    const std::vector<std::string> types = ExtractLegalForms(tokens);
    EXPECT_EQ(tokens, Split(c.rest)) << c.name;
    EXPECT_EQ(types, c.types) << c.name;
  }
}

TEST(LegalFormsTest, TextWithoutSpaces) {
  const std::vector<Case> cases = {
      {"中国石油天然气股份有限公司", "中国石油天然气", {"jsc"}},
      {"华为技术有限公司", "华为技术", {"llc"}},
      {"株式会社トヨタ", "トヨタ", {"jsc"}},
      {"トヨタ自動車株式会社", "トヨタ自動車", {"jsc"}},
      {"ооо ромашка", "ромашка", {"llc"}},
      {"пао газпром", "газпром", {"jsc"}},
      {"газпром пао", "газпром", {"jsc"}},
      {"прооо ромашка", "прооо ромашка", {}},  // not a whole word
      {"有限公司", "有限公司", {}},            // never reduced to nothing
  };
  for (const Case& c : cases) {
    std::string text = c.name;
    const std::vector<std::string> types = ExtractLegalFormsFromText(text);
    EXPECT_EQ(text, c.rest) << c.name;
    EXPECT_EQ(types, c.types) << c.name;
  }
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
