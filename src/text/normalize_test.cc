#include "text/normalize.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "text/internal/golden.h"
#include "text/internal/icu_util.h"

namespace vigil::text {
namespace {

using internal::ReadGolden;

TEST(CleanNameTest, Golden) {
  auto rows = ReadGolden("tests/golden/text_clean.tsv", 2);
  ASSERT_GE(rows.size(), 20u);
  for (const auto& r : rows) {
    EXPECT_EQ(CleanName(r.cells[0]), r.cells[1])
        << "text_clean.tsv:" << r.line << " (" << (r.cells.size() > 2 ? r.cells[2] : "") << ")";
  }
}

TEST(CleanNameTest, IdempotentOnGoldenOutputs) {
  for (const auto& r : ReadGolden("tests/golden/text_clean.tsv", 2)) {
    EXPECT_EQ(CleanName(r.cells[1]), r.cells[1]) << "text_clean.tsv:" << r.line;
  }
}

TEST(CleanNameTest, ArbitraryBytesNeverCrashAndGiveValidUtf8) {
  std::string s;
  uint32_t x = 12345;
  for (int round = 0; round < 2000; ++round) {
    s.clear();
    for (int i = 0; i < 24; ++i) {
      x = x * 1103515245u + 12345u;
      s.push_back(static_cast<char>(x >> 16));
    }
    std::string out = CleanName(s);
    // Valid UTF-8 in, valid UTF-8 out: cleaning the output changes nothing.
    EXPECT_EQ(CleanName(out), out);
    EXPECT_TRUE(out.empty() || (out.front() != ' ' && out.back() != ' '));
  }
}

TEST(FoldToAsciiTest, Golden) {
  auto rows = ReadGolden("tests/golden/text_fold.tsv", 2);
  ASSERT_GE(rows.size(), 8u);
  for (const auto& r : rows) {
    EXPECT_EQ(FoldToAscii(r.cells[0]), r.cells[1]) << "text_fold.tsv:" << r.line;
  }
}

// The per-letter table must give exactly what ICU's Latin-ASCII gives on
// whole strings (it is only a cache of it).
TEST(FoldToAsciiTest, TableAgreesWithIcuOnRandomLatinStrings) {
  uint32_t x = 7;
  auto next = [&] { return x = x * 1664525u + 1013904223u; };
  for (int round = 0; round < 3000; ++round) {
    icu::UnicodeString u;
    for (int k = 0; k < 8; ++k) {
      uint32_t r = next() >> 8;
      UChar32 c =
          r % 5 == 0 ? 0x20 : (r % 3 == 0 ? 0x1E00 + (r >> 4) % 0x100 : 0x00C0 + (r >> 4) % 0x190);
      u.append(c);
    }
    std::string s;
    u.toUTF8String(s);
    EXPECT_EQ(FoldToAscii(s), internal::TransliterateUtf8(internal::Translit::kLatinAscii, s)) << s;
  }
}

TEST(FoldToAsciiTest, ThreadsShareNoTransliterator) {
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 300; ++i) {
        if (FoldToAscii("josé łukasz straße") != "jose lukasz strasse") ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(TokenizeTest, SplitsOnSpaces) {
  EXPECT_EQ(Tokenize("kim jong un"), (std::vector<std::string>{"kim", "jong", "un"}));
  EXPECT_EQ(Tokenize(" a  b "), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(Tokenize("").empty());
}

}  // namespace
}  // namespace vigil::text
