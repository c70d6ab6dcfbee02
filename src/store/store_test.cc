#pragma GCC diagnostic ignored "-Wmissing-field-initializers"  // designated initializers in tests
#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace vigil::store {
namespace {

using nlohmann::json;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("vigil_store_test_" + std::to_string(getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Remove();
    auto s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }
  // Runs SQL on the file behind the store's back, as an intruder would.
  void Tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
  }
  HitRecord Hit(const std::string& id, const std::string& name, double score) {
    HitRecord h;
    h.entity = {{"id", id}, {"schema", "Person"}, {"properties", {{"name", {name}}}}};
    h.entity_id = id;
    h.entity_caption = name;
    h.dataset = "test_list";
    h.score = score;
    h.explanation = {{"name_score", score}};
    return h;
  }
  ScreeningInput Subject(const std::string& key) {
    ScreeningInput in;
    in.subject = {{"id", key}, {"schema", "Person"}, {"properties", {{"name", {"Chan Tai Man"}}}}};
    in.subject_key = key;
    in.caption = "Chan Tai Man";
    in.reference = "APP-1";
    return in;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
  Actor alice_{"vk_00000001", "alice"};
};

TEST_F(StoreTest, KeysStoreOnlyTheHashAndRevokeWorks) {
  auto k = store_->CreateKey("alice", Role::kAnalyst, Actor{"", "cli"});
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  EXPECT_EQ(k->key.rfind(k->info.id + "_", 0), 0u);
  auto who = store_->Authenticate(k->key);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->name, "alice");
  EXPECT_EQ(who->role, Role::kAnalyst);
  EXPECT_FALSE(store_->Authenticate(k->key + "x").ok());
  EXPECT_EQ(store_->Authenticate("").status().code(), StatusCode::kUnauthenticated);
  ASSERT_TRUE(store_->RevokeKey(k->info.id, Actor{"", "cli"}).ok());
  EXPECT_EQ(store_->Authenticate(k->key).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(store_->RevokeKey("vk_nope", Actor{"", "cli"}).status().code(), StatusCode::kNotFound);
  // The secret is nowhere in the file.
  store_.reset();
  FILE* f = std::fopen(path_.c_str(), "rb");
  ASSERT_NE(f, nullptr);
  std::string bytes;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  std::fclose(f);
  EXPECT_EQ(bytes.find(k->key), std::string::npos);
}

TEST_F(StoreTest, NoMatchSuppressesUntilTheListEntryChanges) {
  auto first = store_->RecordScreening(Subject("s1"), {Hit("e1", "CHAN Tai-man", 0.9)}, alice_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  int64_t alert = (*first)["alerts"][0]["id"];
  EXPECT_EQ((*first)["alerts"][0]["status"], "open");

  // Screening again while open: the same alert, not a duplicate.
  auto again = store_->RecordScreening(Subject("s1"), {Hit("e1", "CHAN Tai-man", 0.9)}, alice_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)["alerts"][0]["id"], alert);
  EXPECT_EQ((*again)["alerts"][0]["new"], false);

  auto d = store_->Decide(alert, "no_match", "born 1982, not 1970", alice_);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ((*d)["alert"]["status"], "no_match");

  auto third = store_->RecordScreening(Subject("s1"), {Hit("e1", "CHAN Tai-man", 0.9)}, alice_);
  ASSERT_TRUE(third.ok());
  const json& sup = (*third)["alerts"][0];
  EXPECT_EQ(sup["status"], "suppressed");
  EXPECT_EQ(sup["suppressed_by"]["decision_id"], (*d)["decision_id"]);
  EXPECT_EQ(sup["suppressed_by"]["alert_id"], alert);
  EXPECT_EQ((*third)["suppressed"], 1);

  // Still suppressed on the next screening (chained through the suppressed alert).
  auto fourth = store_->RecordScreening(Subject("s1"), {Hit("e1", "CHAN Tai-man", 0.9)}, alice_);
  EXPECT_EQ((*fourth)["alerts"][0]["status"], "suppressed");

  // The list entry changed: a fresh open alert.
  auto changed =
      store_->RecordScreening(Subject("s1"), {Hit("e1", "CHAN Tai-man (born 1970)", 0.9)}, alice_);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ((*changed)["alerts"][0]["status"], "open");
  EXPECT_EQ((*changed)["alerts"][0]["new"], true);

  // Another subject with the same hit is not suppressed.
  auto other = store_->RecordScreening(Subject("s2"), {Hit("e1", "CHAN Tai-man", 0.9)}, alice_);
  EXPECT_EQ((*other)["alerts"][0]["status"], "open");

  auto full = store_->GetAlert(alert);
  ASSERT_TRUE(full.ok());
  ASSERT_EQ((*full)["history"].size(), 2u);
  EXPECT_EQ((*full)["history"][1]["decision"], "no_match");
  EXPECT_EQ((*full)["history"][1]["comment"], "born 1982, not 1970");

  auto list = store_->ListAlerts({.statuses = {"suppressed"}});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ((*list)["total"], 2);
  list = store_->ListAlerts({.statuses = {"open", "no_match"}, .sort = "score"});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ((*list)["total"], 3);
  EXPECT_EQ(store_->ListAlerts({.sort = "id; DROP TABLE alerts"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Decide(alert, "maybe", "", alice_).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Decide(999, "match", "", alice_).status().code(), StatusCode::kNotFound);
}

TEST_F(StoreTest, CaseLifecycleAndTimeline) {
  auto s = store_->RecordScreening(Subject("s1"), {Hit("e1", "CHAN Tai-man", 0.95)}, alice_);
  int64_t alert = (*s)["alerts"][0]["id"];
  auto c = store_->CreateCase("Chan Tai Man", "confirmed", {alert}, {"e1"}, alice_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  int64_t id = (*c)["id"];
  EXPECT_EQ((*c)["status"], "open");
  EXPECT_EQ(store_->CreateCase("x", "", {4242}, {}, alice_).status().code(), StatusCode::kNotFound);

  EXPECT_EQ(store_->UpdateCase(id, {.status = "referred"}, alice_).status().code(),
            StatusCode::kFailedPrecondition);
  ASSERT_TRUE(store_->UpdateCase(id, {.status = "investigating"}, alice_).ok());
  EXPECT_EQ(store_->UpdateCase(id, {.status = "referred"}, alice_).status().code(),
            StatusCode::kInvalidArgument);  // no counterpart
  ASSERT_TRUE(store_->AddCaseNote(id, "called the bank", alice_).ok());
  auto r = store_->UpdateCase(
      id, {.status = "referred", .counterpart = "HK Police", .reference = "NB-77"}, alice_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["counterpart"], "HK Police");
  auto closed = store_->UpdateCase(id, {.status = "closed", .comment = "convicted"}, alice_);
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(store_->UpdateCase(id, {.status = "open"}, alice_).status().code(),
            StatusCode::kFailedPrecondition);
  const json& tl = (*closed)["timeline"];
  std::vector<std::string> kinds;
  for (const auto& e : tl) kinds.push_back(e["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"created", "status", "note", "status", "status"}));
  EXPECT_EQ(tl[3]["detail"]["reference"], "NB-77");
  EXPECT_EQ((*closed)["notes"][0]["text"], "called the bank");
}

TEST_F(StoreTest, AuditChainDetectsEditsDeletionsAndReordering) {
  ASSERT_TRUE(store_->CreateKey("a", Role::kAdmin, Actor{"", "cli"}).ok());
  ASSERT_TRUE(store_->RecordScreening(Subject("s1"), {Hit("e1", "X", 0.8)}, alice_).ok());
  ASSERT_TRUE(store_->CreateCase("t", "", {}, {}, alice_).ok());
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok);
  EXPECT_EQ(v->records, 4);
  auto page = store_->ListAudit("2", 10);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ((*page)["records"].size(), 2u);
  EXPECT_EQ((*page)["records"][0]["seq"], 3);

  // The triggers refuse edits through SQL...
  store_.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE audit SET actor = 'mallory' WHERE seq = 2", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  // ...but someone with the file can drop them; verification still notices.
  Tamper(
      "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;"
      "UPDATE audit SET actor = 'mallory' WHERE seq = 2");
  store_ = std::move(Store::Open(path_).value());
  v = store_->VerifyAudit();
  EXPECT_FALSE(v->ok);
  EXPECT_EQ(v->first_bad_seq, 2);
  EXPECT_NE(v->reason.find("edited"), std::string::npos);
}

TEST_F(StoreTest, AuditDeletionIsNamed) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store_->CreateCase("t", "", {}, {}, alice_).ok());
  store_.reset();
  Tamper("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 2");
  store_ = std::move(Store::Open(path_).value());
  auto v = store_->VerifyAudit();
  EXPECT_FALSE(v->ok);
  EXPECT_EQ(v->first_bad_seq, 3);
  EXPECT_NE(v->reason.find("record 2 is missing"), std::string::npos) << v->reason;
}

TEST_F(StoreTest, AuditTruncationIsNamed) {
  auto s = store_->RecordScreening(Subject("s1"), {Hit("e1", "X", 0.8)}, alice_);
  ASSERT_TRUE(store_->Decide((*s)["alerts"][0]["id"], "match", "", alice_).ok());
  EXPECT_TRUE(store_->VerifyAudit()->ok);
  store_.reset();
  // Cutting the last record leaves a chain that is intact as far as it goes.
  Tamper(
      "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)");
  store_ = std::move(Store::Open(path_).value());
  auto v = store_->VerifyAudit();
  EXPECT_FALSE(v->ok);
  EXPECT_NE(v->reason.find("decision 1 has no audit record"), std::string::npos) << v->reason;
}

TEST_F(StoreTest, MigrationsAreRecordedAndReopenIsIdempotent) {
  store_.reset();
  auto again = Store::Open(path_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  store_ = std::move(*again);
  Tamper("INSERT INTO schema_migrations VALUES (999, 'x')");
  store_.reset();
  auto newer = Store::Open(path_);
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.status().message().find("newer"), std::string::npos);
}

TEST_F(StoreTest, StatsCountByStatusAndAnalyst) {
  auto s =
      store_->RecordScreening(Subject("s1"), {Hit("e1", "A", 0.95), Hit("e2", "B", 0.72)}, alice_);
  ASSERT_TRUE(store_->Decide((*s)["alerts"][0]["id"], "match", "", alice_).ok());
  auto st = store_->Stats(30);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ((*st)["alerts_by_status"]["open"], 1);
  EXPECT_EQ((*st)["alerts_by_status"]["match"], 1);
  EXPECT_EQ((*st)["score_histogram"][9]["count"], 1);
  EXPECT_EQ((*st)["score_histogram"][7]["count"], 1);
  EXPECT_EQ((*st)["decisions_by_analyst"][0]["match"], 1);
  EXPECT_EQ((*st)["alerts_by_day"][0]["count"], 2);
}

}  // namespace
}  // namespace vigil::store
