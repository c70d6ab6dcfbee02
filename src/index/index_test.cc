#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/crc32c.h"
#include "index/key_index.h"
#include "index/retrieve.h"
#include "index/string_table.h"

namespace vigil::index {
namespace {

TEST(Crc32c, KnownVectors) {
  // RFC 3720 (iSCSI) check value and test patterns.
  EXPECT_EQ(Crc32c("123456789"), 0xE3069283u);
  EXPECT_EQ(Crc32c(std::string(32, '\0')), 0x8A9136AAu);
  EXPECT_EQ(Crc32c(std::string(32, '\xff')), 0x62A8AB43u);
  EXPECT_EQ(Crc32c(""), 0u);
  // Extending in pieces equals one pass.
  std::string s = "the quick brown fox jumps over the lazy dog, twice over";
  uint32_t c = Crc32cExtend(0, s.data(), 7);
  c = Crc32cExtend(c, s.data() + 7, s.size() - 7);
  EXPECT_EQ(c, Crc32c(s));
}

TEST(StringTable, InternFindAndView) {
  StringTableBuilder b;
  std::vector<std::string> words;
  for (int i = 0; i < 1000; ++i) words.push_back("t:key" + std::to_string(i * 7919 % 1009));
  for (const auto& w : words) b.Intern(w);
  EXPECT_EQ(b.size(), 1000u);  // 7919 is coprime with 1009: all distinct
  EXPECT_EQ(b.Intern(words[3]), 3u);
  StringTableView v = b.View();
  for (uint32_t i = 0; i < words.size(); ++i) {
    ASSERT_EQ(v.Find(words[i]), i);
    EXPECT_EQ(v.Get(i), words[i]);
  }
  EXPECT_FALSE(v.Find("t:absent").has_value());
  EXPECT_FALSE(v.Find("").has_value());
}

TEST(StringTable, DamagedArraysAreErrors) {
  StringTableBuilder b;
  b.Intern("alpha");
  b.Intern("beta");
  std::vector<uint32_t> offsets = b.offsets();
  offsets[1] = 100;  // beyond the blob
  offsets[2] = 3;
  EXPECT_FALSE(StringTableView::Create(b.blob(), offsets, b.slots()).ok());
  std::vector<uint32_t> slots = b.slots();
  slots[0] = 77;
  EXPECT_FALSE(StringTableView::Create(b.blob(), b.offsets(), slots).ok());
  std::vector<uint32_t> odd(3, 0);
  EXPECT_FALSE(StringTableView::Create(b.blob(), b.offsets(), odd).ok());
}

// Documents whose keys are their words.
std::vector<std::vector<std::string>> Docs() {
  return {
      {"xi", "jinping"},         // 0
      {"xi", "mingze"},          // 1
      {"chen", "shui", "bian"},  // 2
      {"chan", "tai", "man"},    // 3
      {"chen", "da", "wen"},     // 4
      {"xi", "jinping", "xi"},   // 5 (duplicate key)
  };
}

KeyIndexBuffers BuildDocs(unsigned threads, uint32_t copies = 1) {
  auto docs = Docs();
  auto n = static_cast<uint32_t>(docs.size() * copies);
  auto r = BuildKeyIndex(n, threads, [&](uint32_t doc, std::vector<std::string>* keys) {
    *keys = docs[doc % docs.size()];
  });
  EXPECT_TRUE(r.ok());
  return std::move(r).value();
}

TEST(KeyIndex, PostingsAreSortedAndDeduplicated) {
  auto b = BuildDocs(1);
  auto ix = KeyIndex::FromBuffers(b);
  ASSERT_TRUE(ix.ok()) << ix.status().ToString();
  auto xi = ix->Find("xi");
  ASSERT_GE(xi, 0);
  auto p = ix->Postings(static_cast<uint32_t>(xi));
  EXPECT_EQ(std::vector<uint32_t>(p.begin(), p.end()), (std::vector<uint32_t>{0, 1, 5}));
  EXPECT_EQ(ix->Find("nobody"), -1);
  EXPECT_EQ(ix->key_count(), 11u);  // distinct words
}

TEST(KeyIndex, ParallelBuildEqualsSerial) {
  auto serial = BuildDocs(1, 500);
  auto parallel = BuildDocs(4, 500);
  auto a = KeyIndex::FromBuffers(serial);
  auto b = KeyIndex::FromBuffers(parallel);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->key_count(), b->key_count());
  for (uint32_t k = 0; k < a->key_count(); ++k) {
    auto kb = b->Find(a->KeyText(k));
    ASSERT_GE(kb, 0);
    auto pa = a->Postings(k);
    auto pb = b->Postings(static_cast<uint32_t>(kb));
    EXPECT_EQ(std::vector<uint32_t>(pa.begin(), pa.end()),
              std::vector<uint32_t>(pb.begin(), pb.end()));
  }
}

TEST(KeyIndex, PostingBeyondDocumentCountIsCorruption) {
  auto b = BuildDocs(1);
  b.postings[0] = 999;
  EXPECT_EQ(KeyIndex::FromBuffers(b).status().code(), StatusCode::kCorruption);
}

std::vector<QueryTerm> Terms(const KeyIndex& ix, std::vector<std::string> words) {
  std::vector<QueryTerm> out;
  for (const auto& w : words) {
    auto k = ix.Find(w);
    if (k >= 0) out.push_back({static_cast<uint32_t>(k), 1.0f});
  }
  return out;
}

TEST(Retrieve, RanksByWeightedRarity) {
  auto b = BuildDocs(1);
  auto ix = KeyIndex::FromBuffers(b).value();
  auto terms = Terms(ix, {"xi", "jinping"});
  auto c = Retrieve(ix, terms, {}, nullptr, nullptr);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].doc, 0u);  // both keys; ties broken by ordinal
  EXPECT_EQ(c[1].doc, 5u);
  EXPECT_EQ(c[2].doc, 1u);  // "xi" only
  EXPECT_GT(c[1].score, c[2].score);
  // A filter and a boost.
  auto f = Retrieve(
      ix, terms, {}, [](uint32_t d) { return d != 0; },
      [](uint32_t d) { return d == 1 ? 10.0f : 1.0f; });
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].doc, 1u);
  EXPECT_EQ(f[1].doc, 5u);
  // top_n cut keeps the best.
  RetrieveOptions one;
  one.top_n = 1;
  auto t = Retrieve(ix, terms, one, nullptr, nullptr);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].doc, 0u);
}

TEST(Retrieve, CommonKeysOnlyBoostOnceTheBudgetIsSpent) {
  // 10,000 documents all share "common"; one in 100 has "rare".
  const uint32_t n = 10000;
  auto r = BuildKeyIndex(n, 2, [](uint32_t doc, std::vector<std::string>* keys) {
    keys->push_back("common");
    if (doc % 100 == 0) keys->push_back("rare");
    if (doc % 200 == 0) keys->push_back("rarer");
  });
  ASSERT_TRUE(r.ok());
  auto ix = KeyIndex::FromBuffers(*r).value();
  RetrieveOptions o;
  o.top_n = 10;
  o.open_budget = 50;
  o.rare_df = 20;
  auto c = Retrieve(ix, Terms(ix, {"common", "rare", "rarer"}), o, nullptr, nullptr);
  ASSERT_EQ(c.size(), 10u);
  // Best: documents with all three keys (every 200th), ordinal order.
  for (size_t i = 0; i < c.size(); ++i) EXPECT_EQ(c[i].doc, i * 200);
  // Only the common key: still finds documents through it.
  auto only = Retrieve(ix, Terms(ix, {"common"}), o, nullptr, nullptr);
  EXPECT_EQ(only.size(), 10u);
  // Every document touched by a common key after the budget was already found
  // by a rarer one: with "rare" (100 docs) over a 50 budget, "common" opens
  // nothing new, so nothing without "rare" can appear.
  o.top_n = 1000;
  auto all = Retrieve(ix, Terms(ix, {"common", "rare"}), o, nullptr, nullptr);
  EXPECT_EQ(all.size(), 100u);
  for (const auto& x : all) EXPECT_EQ(x.doc % 100, 0u);
}

}  // namespace
}  // namespace vigil::index
