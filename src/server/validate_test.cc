#include "server/validate.h"

#include <gtest/gtest.h>

namespace vigil::server {
namespace {

using nlohmann::json;

TEST(ValidateTest, MalformedJsonSaysWhere) {
  auto r = ParseJsonObject(R"({"queries": )");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("malformed JSON at byte"), std::string::npos);
  EXPECT_NE(ParseJsonObject("[1]").status().message().find("found an array"), std::string::npos);
  EXPECT_FALSE(ParseJsonObject("").ok());
}

TEST(ValidateTest, EntityErrorsNameTheField) {
  EntityLimits limits;
  auto e = ParseQueryEntity(json::parse(R"({"schema": "Persn", "properties": {"name": "x"}})"),
                            "queries.q1", limits);
  EXPECT_NE(e.status().message().find("queries.q1.schema: unknown schema \"Persn\""),
            std::string::npos)
      << e.status().message();
  e = ParseQueryEntity(
      json::parse(R"({"schema": "Person", "properties": {"name": ["a"], "birthDate": [1953]}})"),
      "queries.q1", limits);
  EXPECT_NE(e.status().message().find("queries.q1.properties.birthDate[0]: expected a string, "
                                      "found a number"),
            std::string::npos)
      << e.status().message();
  e = ParseQueryEntity(json::parse(R"({"schema": "Person", "properties": {"birthDate": "1953"}})"),
                       "q", limits);
  EXPECT_NE(e.status().message().find("needs a name"), std::string::npos);
  e = ParseQueryEntity(json::parse(R"({"schema": "Person", "propertie": {}})"), "q", limits);
  EXPECT_NE(e.status().message().find("q.propertie: unknown field"), std::string::npos);
  // A single string is a one-element array.
  e = ParseQueryEntity(json::parse(R"({"schema": "Person", "properties": {"name": "Xi Jinping"}})"),
                       "q", limits);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->Get("name").at(0), "Xi Jinping");
}

TEST(ValidateTest, LimitsAreResourceExhausted) {
  EntityLimits limits{2, 2, 8};
  auto e = ParseQueryEntity(
      json::parse(R"({"schema": "Person", "properties": {"name": ["a"], "b": ["x"], "c": ["y"]}})"),
      "q", limits);
  EXPECT_EQ(e.status().code(), StatusCode::kResourceExhausted);
  e = ParseQueryEntity(
      json::parse(R"({"schema": "Person", "properties": {"name": ["123456789"]}})"), "q", limits);
  EXPECT_EQ(e.status().code(), StatusCode::kResourceExhausted);
  e = ParseQueryEntity(
      json::parse(R"({"schema": "Person", "properties": {"name": ["a","b","c"]}})"), "q", limits);
  EXPECT_EQ(e.status().code(), StatusCode::kResourceExhausted);
}

TEST(ValidateTest, Params) {
  EXPECT_DOUBLE_EQ(*ParseDoubleParam("0.5", "threshold", 0, 1), 0.5);
  EXPECT_FALSE(ParseDoubleParam("1.5", "threshold", 0, 1).ok());
  EXPECT_FALSE(ParseDoubleParam("nan", "threshold", 0, 1).ok());
  EXPECT_FALSE(ParseDoubleParam("0.5x", "threshold", 0, 1).ok());
  EXPECT_EQ(*ParseIntParam("7", "limit", 1, 10), 7);
  EXPECT_FALSE(ParseIntParam("99999999999999999999", "limit", 1, 10).ok());
  EXPECT_FALSE(ParseIntParam("", "limit", 1, 10).ok());
}

TEST(ValidateTest, CsvQuotesNewlinesAndLines) {
  std::vector<int64_t> lines;
  auto rows = ParseCsv("id,name\r\n1,\"Chan, Tai\nMan\"\n\n2,\"say \"\"hi\"\"\"\n", &lines);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[1][1], "Chan, Tai\nMan");
  EXPECT_EQ((*rows)[2][1], "say \"hi\"");
  EXPECT_EQ(lines, (std::vector<int64_t>{1, 2, 5}));
  EXPECT_FALSE(ParseCsv("a\n\"open", nullptr).ok());
}

TEST(ValidateTest, Utf8) {
  EXPECT_TRUE(IsValidUtf8("习近平 Владимир محمد"));
  EXPECT_FALSE(IsValidUtf8("\xff"));
  EXPECT_FALSE(IsValidUtf8("\xe4\xb9"));
}

}  // namespace
}  // namespace vigil::server
