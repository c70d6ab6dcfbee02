#include "screen/queries.h"

#include <gtest/gtest.h>

namespace vigil::screen {
namespace {

TEST(Queries, CsvWithHeader) {
  auto f = ParseQueries(
      "id,full_name,first_name,last_name,date_of_birth,gender,nationality,place_of_birth\n"
      "a1,Xi Jinping,,,1953,male,cn,Beijing\n"
      "a2,,Tai Man,Chan,1960-02-03,,hk,\n"
      "\n"
      ",\"O'Brien, Robert\",,,,,,\n",
      "applicants.csv", false);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->format, "csv");
  ASSERT_EQ(f->queries.size(), 3u);
  const auto& q = f->queries[0];
  EXPECT_EQ(q.query_id, "a1");
  EXPECT_EQ(q.entity.schema, Schema::kPerson);
  EXPECT_EQ(q.entity.Get("name"), std::vector<std::string>{"Xi Jinping"});
  EXPECT_EQ(q.entity.Get("birthDate"), std::vector<std::string>{"1953"});
  EXPECT_EQ(q.entity.Get("birthPlace"), std::vector<std::string>{"Beijing"});
  EXPECT_EQ(f->queries[1].entity.Names(), std::vector<std::string>{"Tai Man Chan"});
  EXPECT_EQ(f->queries[2].query_id, "5");  // no id: the line number
  EXPECT_EQ(f->queries[2].entity.Get("name"), std::vector<std::string>{"O'Brien, Robert"});
}

TEST(Queries, CsvWithoutPersonColumnsIsLegalEntity) {
  auto f = ParseQueries("name;country\nRosneft;ru\n", "firms.csv", false);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_EQ(f->queries.size(), 1u);
  EXPECT_EQ(f->queries[0].entity.schema, Schema::kLegalEntity);
  EXPECT_EQ(f->queries[0].entity.Get("country"), std::vector<std::string>{"ru"});
}

TEST(Queries, JsonLines) {
  auto f = ParseQueries(
      "{\"id\": \"q1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"习近平\"]}}\n"
      "\n"
      "{\"schema\": \"Company\", \"properties\": {\"name\": \"Rosneft\"}}\n",
      "q.jsonl", false);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->format, "jsonl");
  ASSERT_EQ(f->queries.size(), 2u);
  EXPECT_EQ(f->queries[0].query_id, "q1");
  EXPECT_EQ(f->queries[1].query_id, "3");
  EXPECT_EQ(f->queries[1].entity.schema, Schema::kCompany);
}

struct Bad {
  std::string text;
  std::string where;  // expected file:line in the message
  std::string why;    // expected words in the message
};

TEST(Queries, MalformedInputNamesFileAndLine) {
  const std::vector<Bad> cases = {
      {"{\"id\": \"q1\", \"properties\": {\"name\": [\"A B\"]}}\n{\"id\": \n", "q:2", "JSON"},
      {"{\"id\": \"q1\", \"properties\": {\"birthDate\": [\"1950\"]}}\n", "q:1", "no name"},
      {"{\"id\": \"q1\", \"schema\": \"Spaceship\", \"properties\": {\"name\": [\"A\"]}}\n", "q:1",
       "schema"},
      {"name,dob\nAlice Smith,1950\nBob Jones,not-a-date\n", "q:3", "dob"},
      {"name,dob\nAlice Smith,1950,extra\n", "q:2", "fields"},
      {"name,dob\n\"Alice Smith,1950\n", "q:2", ""},
      {"name,dob\n,1950\n", "q:2", "no name"},
      {"dob,gender\n1950,male\n", "q:1", "name column"},
      {"", "q", "empty"},
  };
  for (const auto& c : cases) {
    auto f = ParseQueries(c.text, "q", false);
    ASSERT_FALSE(f.ok()) << c.text;
    EXPECT_EQ(f.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(f.status().message().rfind(c.where, 0), 0u) << f.status().message();
    EXPECT_NE(f.status().message().find(c.why), std::string::npos) << f.status().message();
  }
}

TEST(Queries, SkipInvalidCountsBadLines) {
  auto f =
      ParseQueries("name,dob\nAlice Smith,1950\nBob Jones,not-a-date\nCarol King,\n", "q", true);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->queries.size(), 2u);
  ASSERT_EQ(f->skipped.size(), 1u);
  EXPECT_EQ(f->skipped[0].where, "q:3");
}

TEST(Queries, CsvRowsQuoteAndExplain) {
  Query q;
  q.query_id = "a,1";
  q.entity.Add("name", "Xi Jinping");
  Hit h;
  auto e = std::make_shared<Entity>();
  e->id = "t-xi";
  e->schema = Schema::kPerson;
  e->Add("name", "习近平");
  e->datasets = {"wanted", "other"};
  h.entity = e;
  h.score = 0.912345;
  h.match = true;
  h.explanation.parts.push_back({"xi", "xi", "romanization", "pinyin", 1.0, 0.5});
  h.explanation.parts.push_back({"jinping", "", "unmatched", "", 0, 0.5});
  h.explanation.features.push_back({"birth_date", 0.5, 0.2, "year 1953 agrees"});
  EXPECT_EQ(ResultCsvRows(q, {h}),
            "\"a,1\",Xi Jinping,1,t-xi,Person,习近平,wanted;other,0.9123,true,"
            "xi=xi romanization/pinyin; jinping unmatched; birth_date +0.50 (year 1953 agrees)\n");
  EXPECT_EQ(ResultCsvHeader().substr(0, 9), "query_id,");
  auto line = nlohmann::json::parse(ResultJsonLine(q, {h}));
  EXPECT_EQ(line["query_id"], "a,1");
  EXPECT_EQ(line["results"][0]["score"], 0.9123);
  EXPECT_EQ(line["results"][0]["datasets"][1], "other");
}

}  // namespace
}  // namespace vigil::screen
