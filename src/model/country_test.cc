#include "model/country.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(CountryTest, NamesFromIcu) {
  EXPECT_EQ(CountryCode("China"), "cn");
  EXPECT_EQ(CountryCode("GERMANY"), "de");
  EXPECT_EQ(CountryCode("Côte d’Ivoire"), "ci");
  EXPECT_EQ(CountryCode("Cote d'Ivoire"), "ci");
  EXPECT_EQ(CountryCode("Bosnia & Herzegovina"), "ba");
  EXPECT_EQ(CountryCode("  united arab emirates "), "ae");
}

TEST(CountryTest, CodesBothLengths) {
  EXPECT_EQ(CountryCode("cn"), "cn");
  EXPECT_EQ(CountryCode("CHN"), "cn");
  EXPECT_EQ(CountryCode("RUS"), "ru");
  EXPECT_EQ(CountryCode("GB"), "gb");
  EXPECT_EQ(CountryCode("UK"), "gb");
}

TEST(CountryTest, DemonymsAndOfficialForms) {
  EXPECT_EQ(CountryCode("Chinese"), "cn");
  EXPECT_EQ(CountryCode("Russian Federation"), "ru");
  EXPECT_EQ(CountryCode("Iran (Islamic Republic of)"), "ir");
  EXPECT_EQ(CountryCode("United Kingdom of Great Britain and Northern Ireland"), "gb");
  EXPECT_EQ(CountryCode("Korea, North"), "kp");
  EXPECT_EQ(CountryCode("Korea, South"), "kr");
  EXPECT_EQ(CountryCode("DPRK"), "kp");
  EXPECT_EQ(CountryCode("Democratic People's Republic of Korea"), "kp");
  EXPECT_EQ(CountryCode("Syrian"), "sy");
  EXPECT_EQ(CountryCode("Syrian Arab Republic"), "sy");
  EXPECT_EQ(CountryCode("Burma"), "mm");
  EXPECT_EQ(CountryCode("Democratic Republic of the Congo"), "cd");
  EXPECT_EQ(CountryCode("United Republic of Tanzania"), "tz");
  EXPECT_EQ(CountryCode("the Netherlands"), "nl");
  EXPECT_EQ(CountryCode("Bahamas, The"), "bs");
  EXPECT_EQ(CountryCode("Virgin Islands, British"), "vg");
  EXPECT_EQ(CountryCode("Saint Kitts and Nevis"), "kn");
  EXPECT_EQ(CountryCode("St. Vincent and the Grenadines"), "vc");
  EXPECT_EQ(CountryCode("China, Hong Kong Special Administrative Region"), "hk");
}

TEST(CountryTest, HistoricalAndSpecialTerritories) {
  EXPECT_EQ(CountryCode("USSR"), "su");
  EXPECT_EQ(CountryCode("Soviet Union"), "su");
  EXPECT_EQ(CountryCode("Yugoslavia"), "yu");
  EXPECT_EQ(CountryCode("Hong Kong"), "hk");
  EXPECT_EQ(CountryCode("Macau"), "mo");
  EXPECT_EQ(CountryCode("Macao"), "mo");
  EXPECT_EQ(CountryCode("Taiwan"), "tw");
}

TEST(CountryTest, UnknownTextIsNotACountry) {
  EXPECT_EQ(CountryCode(""), std::nullopt);
  EXPECT_EQ(CountryCode("Atlantis"), std::nullopt);
  EXPECT_EQ(CountryCode("Moscow"), std::nullopt);
  EXPECT_EQ(CountryCode("zz"), std::nullopt);
  EXPECT_EQ(CountryCode("\xff\xfe"), std::nullopt);
}

}  // namespace
}  // namespace vigil
