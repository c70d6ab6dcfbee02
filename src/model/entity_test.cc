#include "vigil/entity.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(EntityTest, RoundTripKeepsUnknownProperties) {
  auto e = EntityFromJsonText(
      R"({"id":"x1","schema":"Person","properties":{"name":["Xi Jinping"],"notAProp":["kept"],)"
      R"("birthDate":["1953"]},"datasets":["wanted"],"caption":"Xi","referents":["a"]})");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->schema, Schema::kPerson);
  EXPECT_EQ(e->Get("notAProp").at(0), "kept");
  auto j = EntityToJson(*e);
  EXPECT_EQ(j["properties"]["notAProp"][0], "kept");
  EXPECT_EQ(j["caption"], "Xi");
  EXPECT_EQ(j["referents"][0], "a");
  EXPECT_EQ(j["datasets"][0], "wanted");
}

TEST(EntityTest, BadShapesNameTheField) {
  auto e = EntityFromJsonText(R"({"id":"x","schema":"Martian"})");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("schema"), std::string::npos);
  e = EntityFromJsonText(R"({"id":"x","schema":"Person","properties":{"name":[{"a":1}]}})");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("\"name\""), std::string::npos);
  e = EntityFromJsonText(R"({"id":"x", "schema": )");
  ASSERT_FALSE(e.ok());
}

TEST(EntityTest, NamesAssembledFromParts) {
  Entity e;
  e.Add("firstName", "Tai Man");
  e.Add("lastName", "Chan");
  EXPECT_EQ(e.Names(), std::vector<std::string>{"Tai Man Chan"});
  e.Add("name", "CHAN Tai-man");
  e.Add("alias", "Alexander Chan");
  e.Add("alias", "Alexander Chan");
  e.Add("weakAlias", "Sandy");
  EXPECT_EQ(e.Names(), (std::vector<std::string>{"CHAN Tai-man", "Alexander Chan"}));
  EXPECT_EQ(e.WeakNames(), std::vector<std::string>{"Sandy"});
}

TEST(EntityTest, SchemaCompatibility) {
  EXPECT_TRUE(SchemataCompatible(Schema::kPerson, Schema::kPerson));
  EXPECT_FALSE(SchemataCompatible(Schema::kPerson, Schema::kCompany));
  EXPECT_TRUE(SchemataCompatible(Schema::kLegalEntity, Schema::kCompany));
  EXPECT_TRUE(SchemataCompatible(Schema::kCompany, Schema::kOrganization));
  EXPECT_FALSE(SchemataCompatible(Schema::kVessel, Schema::kCompany));
}

TEST(PartialDateTest, Precisions) {
  EXPECT_EQ(ParsePartialDate("1953")->precision(), PartialDate::Precision::kYear);
  EXPECT_EQ(ParsePartialDate("1953-06")->month, 6);
  EXPECT_EQ(ParsePartialDate("1953-06-15")->day, 15);
  EXPECT_EQ(ParsePartialDate("1953-06-15T00:00:00")->day, 15);
  EXPECT_FALSE(ParsePartialDate("53").has_value());
  EXPECT_FALSE(ParsePartialDate("1953-13").has_value());
  EXPECT_FALSE(ParsePartialDate("1953/06/15").has_value());
  EXPECT_EQ(ParsePartialDate("1953-06")->ToString(), "1953-06");
}

}  // namespace
}  // namespace vigil

#include "model/embedded.h"
VIGIL_DECLARE_EMBEDDED(embed_test);
TEST(EmbeddedTest, FileBytesAreLinkedIn) {
  EXPECT_EQ(VIGIL_EMBEDDED(embed_test), "hello embedded\n");
}
