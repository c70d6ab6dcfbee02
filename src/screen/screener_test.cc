#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "index/snapshot_file.h"
#include "screen/index_build.h"
#include "screen/screener_impl.h"

namespace vigil::screen {
namespace {

// A small FtM list written for the test: people in several scripts and a
// company, plus namesakes that differ in birth year.
const char* kList =
    R"({"id": "t-xi", "schema": "Person", "properties": {"name": ["习近平"], "alias": ["Xi Jinping"], "birthDate": ["1953-06-15"], "nationality": ["cn"]}}
{"id": "t-xi-2", "schema": "Person", "properties": {"name": ["Xi Mingze"], "birthDate": ["1992"], "nationality": ["cn"]}}
{"id": "t-chen", "schema": "Person", "properties": {"name": ["陳水扁"], "alias": ["Chen Shui-bian"], "birthDate": ["1950-10-12"]}}
{"id": "t-putin", "schema": "Person", "properties": {"name": ["Владимир Владимирович Путин"], "alias": ["Vladimir Putin"], "birthDate": ["1952-10-07"]}}
{"id": "t-rosneft", "schema": "Company", "properties": {"name": ["Rosneft Oil Company"], "country": ["ru"]}}
{"id": "t-smith", "schema": "Person", "properties": {"name": ["John Smith"], "birthDate": ["1970"]}}
{"id": "t-smith-2", "schema": "Person", "properties": {"name": ["John Smith"], "birthDate": ["1981"]}}
)";

// The files this process wrote, removed when its tests end.
std::vector<std::string>& Written() {
  static std::vector<std::string> paths;
  return paths;
}
class RemoveWritten : public ::testing::Environment {
 public:
  void TearDown() override {
    for (const std::string& path : Written()) std::remove(path.c_str());
  }
};
::testing::Environment* const kRemoveWritten =
    ::testing::AddGlobalTestEnvironment(new RemoveWritten);

// ctest runs each test in its own process, several at once: a file name per
// process keeps them from overwriting each other's files.
std::string TempPath(const std::string& name) {
  std::string path = ::testing::TempDir() + "/" + std::to_string(getpid()) + "_" + name;
  Written().push_back(path);
  return path;
}

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

Entity Person(const std::string& name, const std::string& dob = "") {
  Entity e;
  e.id = "q";
  e.schema = Schema::kPerson;
  e.Add("name", name);
  if (!dob.empty()) e.Add("birthDate", dob);
  return e;
}

class ScreenerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    list_ = WriteTemp("screener_test_list.ftm.json", kList);
    auto s = ScreenerImpl::Build({list_}, {}, {}, {});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    screener_ = *s;
  }
  std::string list_;
  std::shared_ptr<const ScreenerImpl> screener_;
};

TEST_F(ScreenerTest, FindsAcrossScriptsAndOrders) {
  ScreenOptions o;
  for (const auto& [query, want] :
       std::vector<std::pair<std::string, std::string>>{{"Xi Jinping", "t-xi"},
                                                        {"习近平", "t-xi"},
                                                        {"Jinping Xi", "t-xi"},
                                                        {"Chen Shui-bian", "t-chen"},
                                                        {"Vladimir Putin", "t-putin"},
                                                        {"Путин Владимир", "t-putin"}}) {
    auto hits = screener_->Screen(Person(query), o);
    ASSERT_FALSE(hits.empty()) << query;
    EXPECT_EQ(hits[0].entity->id, want) << query;
  }
  EXPECT_EQ(screener_->size(), 7u);
  ASSERT_NE(screener_->FindEntity("t-chen"), nullptr);
  EXPECT_EQ(screener_->FindEntity("t-chen")->Caption(), "陳水扁");
  EXPECT_EQ(screener_->FindEntity("nobody"), nullptr);
}

TEST_F(ScreenerTest, SchemaFiltersAndLimits) {
  ScreenOptions o;
  // A person is never compared with a company.
  auto hits = screener_->Search("Rosneft Oil Company", Schema::kPerson, o);
  for (const auto& h : hits) EXPECT_NE(h.entity->id, "t-rosneft");
  hits = screener_->Search("Rosneft Oil Company", Schema::kCompany, o);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entity->id, "t-rosneft");
  // Exclusions and the limit.
  o.exclude_entity_ids = {"t-smith"};
  hits = screener_->Screen(Person("John Smith"), o);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entity->id, "t-smith-2");
  o.exclude_entity_ids.clear();
  o.limit = 1;
  EXPECT_EQ(screener_->Screen(Person("John Smith"), o).size(), 1u);
  o.limit = 10;
  o.exclude_datasets = {screener_->Datasets().at(0).name};
  EXPECT_TRUE(screener_->Screen(Person("John Smith"), o).empty());
}

TEST_F(ScreenerTest, BirthYearRanksTheRightNamesake) {
  ScreenOptions o;
  auto hits = screener_->Screen(Person("John Smith", "1981"), o);
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(hits[0].entity->id, "t-smith-2");
}

// The snapshot answers exactly what the in-memory index answers.
TEST_F(ScreenerTest, SnapshotRoundTrip) {
  auto matcher = Matcher::Create({});
  ASSERT_TRUE(matcher.ok());
  auto built = BuildIndexFromFiles({list_}, {}, **matcher, {}, nullptr);
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  index::SnapshotWriter w;
  for (const auto& [id, bytes] : (*built)->Sections()) w.Add(id, bytes);
  const std::string path = TempPath("screener_test.vidx");
  ASSERT_TRUE(w.WriteTo(path).ok());
  auto opened = ScreenerImpl::Open(path, {}, {});
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ((*opened)->size(), screener_->size());
  ASSERT_EQ((*opened)->Datasets().size(), 1u);
  EXPECT_EQ((*opened)->Datasets()[0].entities, 7u);
  ScreenOptions o;
  for (const char* q : {"Xi Jinping", "习近平", "John Smith", "Putin", "Chen Shuibian"}) {
    auto a = screener_->Screen(Person(q, "1953"), o);
    auto b = (*opened)->Screen(Person(q, "1953"), o);
    ASSERT_EQ(a.size(), b.size()) << q;
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].entity->id, b[i].entity->id) << q;
      EXPECT_DOUBLE_EQ(a[i].score, b[i].score) << q;
      EXPECT_EQ(a[i].explanation.ToJson(), b[i].explanation.ToJson()) << q;
    }
  }
  auto e = (*opened)->FindEntity("t-xi");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->Get("alias"), std::vector<std::string>{"Xi Jinping"});
  EXPECT_EQ(e->Get("birthDate"), std::vector<std::string>{"1953-06-15"});

  // Corruption: every failure is a Status naming the file.
  std::string bytes = w.Serialize();
  auto expect_error = [&](const std::string& content, const std::string& what) {
    const std::string bad = WriteTemp("screener_test_bad.vidx", content);
    auto r = ScreenerImpl::Open(bad, {}, {});
    ASSERT_FALSE(r.ok()) << what;
    EXPECT_NE(r.status().message().find("screener_test_bad.vidx"), std::string::npos)
        << what << ": " << r.status().message();
  };
  expect_error("", "empty");
  expect_error(bytes.substr(0, bytes.size() / 2), "truncated");
  expect_error(bytes.substr(0, 40), "truncated header");
  std::string flipped = bytes;
  flipped[bytes.size() - 100] ^= 0x01;
  expect_error(flipped, "flipped byte");
  expect_error(kList, "foreign file (a list, not an index)");
  EXPECT_EQ(ScreenerImpl::Open(path + ".missing", {}, {}).status().code(), StatusCode::kNotFound);
}

TEST(ScreenerBuild, DuplicateIdsAcrossListsAreAnError) {
  const std::string a = WriteTemp("screener_test_a.ftm.json", kList);
  const std::string b = WriteTemp("screener_test_b.ftm.json", kList);
  auto s = ScreenerImpl::Build({a, b}, {}, {}, {});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("t-xi"), std::string::npos) << s.status().message();
}

// A kanji query against a romaji-only entry: the name's Chinese readings
// (ma yuan zhang huang) find Chinese entries first; its Japanese readings
// get a retrieval of their own, so the romaji entry is scored even when only
// two candidates are.
TEST(ScreenerJapanese, KanjiQueryFindsRomajiEntryAmongChineseNamesakes) {
  const std::string list = WriteTemp("screener_japanese.ftm.json", R"(
{"id": "c1", "schema": "Person", "properties": {"name": ["MA, Yuan Zhang"]}}
{"id": "c2", "schema": "Person", "properties": {"name": ["ZHANG, Huang Yuan"]}}
{"id": "c3", "schema": "Person", "properties": {"name": ["HUANG, Ma Yuan"]}}
{"id": "c4", "schema": "Person", "properties": {"name": ["YUAN, Zhang Huang"]}}
{"id": "j1", "schema": "Person", "properties": {"name": ["ASAHARA, Shoko"]}}
)");
  ScreenerConfig config;
  config.candidates = 2;
  auto s = ScreenerImpl::Build({list}, {}, {}, config);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  auto hits = (*s)->Screen(Person("麻原彰晃"), ScreenOptions{});
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].entity->id, "j1");
  EXPECT_TRUE(hits[0].match);
}

TEST(ScreenerHanTranscription, ForeignNameInCharactersFindsLatinEntryAmongChineseNamesakes) {
  // 布鲁斯南 read as a Chinese name (bu lu si nan) is the Chinese entries'
  // name, and they fill the ordinary retrieval of two candidates; the
  // transcription model's spellings of the characters ("brusnan"),
  // retrieved on their own, find Brosnan too.
  const std::string list = WriteTemp("screener_han.ftm.json", R"(
{"id": "c1", "schema": "Person", "properties": {"name": ["BU, Lu Sinan"]}}
{"id": "c2", "schema": "Person", "properties": {"name": ["LU, Sinan Bu"]}}
{"id": "c3", "schema": "Person", "properties": {"name": ["BU, Lusi Nan"]}}
{"id": "c4", "schema": "Person", "properties": {"name": ["SI, Nan Bulu"]}}
{"id": "c5", "schema": "Person", "properties": {"name": ["NAN, Bulu Si"]}}
{"id": "b1", "schema": "Person", "properties": {"name": ["Brosnan"]}}
)");
  ScreenerConfig config;
  config.candidates = 2;
  auto s = ScreenerImpl::Build({list}, {}, {}, config);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  bool found = false;
  for (const auto& hit : (*s)->Screen(Person("布鲁斯南"), ScreenOptions{})) {
    if (hit.entity->id == "b1") found = hit.match;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace vigil::screen
