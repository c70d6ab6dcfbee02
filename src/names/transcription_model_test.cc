#include "names/transcription_model.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <string>

namespace vigil::names {
namespace {

TranscriptionUnits Han(const std::string& han) {
  return ReadTranscriptionUnits(TranscriptionScript::kHan, han);
}

std::optional<double> Evidence(const std::string& latin, const TranscriptionUnits& units) {
  if (units.empty()) return std::nullopt;
  auto fit = FitTranscription(latin, units);
  if (!fit) return std::nullopt;
  return fit->evidence;
}

TEST(HanTranscriptionTest, KnowsTheCharactersOfTranscriptions) {
  EXPECT_EQ(Han("古普塔").ids.size(), 3u);
  EXPECT_EQ(Han("斯").ids.size(), 1u);
  // Not Han, or a character no transcription in the data uses.
  EXPECT_TRUE(Han("abc").empty());
  EXPECT_TRUE(Han("古x").empty());
  EXPECT_TRUE(Han("").empty());
}

TEST(HanTranscriptionTest, AlignsLettersWithTheCharactersThatWriteThem) {
  EXPECT_EQ(TranscriptionAlignment("gupta", Han("古普塔")), "gu|p|ta");
  EXPECT_EQ(TranscriptionAlignment("trump", Han("特朗普")), "t|rum|p");
  EXPECT_EQ(TranscriptionAlignment("christensen", Han("克里斯滕森")), "ch|ri|s|ten|sen");
  // Fewer letters than characters, or too many for them: no alignment.
  EXPECT_EQ(TranscriptionAlignment("al", Han("古普塔")), "");
  EXPECT_EQ(TranscriptionAlignment("abcdefghijklmnop", Han("古普")), "");
  EXPECT_FALSE(FitTranscription("o'neil", Han("奥尼尔")));
}

TEST(HanTranscriptionTest, TranscriptionsScoreAboveUnrelatedNames) {
  // Transcriptions (of names the model learned from, and of names like
  // them) are well above 0 and far above a name of the same first sound.
  struct Case {
    std::string latin, han, unrelated;
  };
  for (const Case& c : std::initializer_list<Case>{{"gupta", "古普塔", "古斯塔"},
                                                   {"donald", "唐纳德", "多纳泰罗"},
                                                   {"vladimir", "弗拉基米尔", "弗兰克林"},
                                                   {"schwarzenegger", "施瓦辛格", "施泰因迈尔"},
                                                   {"hertzsch", "赫茨希", "赫尔曼"},
                                                   {"christensen", "克里斯滕森", "克劳福德"},
                                                   {"redmond", "雷蒙", "雷诺"},
                                                   {"kut", "库特", "库克"}}) {
    auto match = Evidence(c.latin, Han(c.han));
    ASSERT_TRUE(match) << c.latin;
    EXPECT_GT(*match, 0.5) << c.latin << " ~ " << c.han;
    auto other = Evidence(c.latin, Han(c.unrelated));
    ASSERT_TRUE(other) << c.latin;
    EXPECT_LT(*other, *match - 2.0) << c.latin << " ~ " << c.unrelated;
  }
}

TEST(HanTranscriptionTest, FlagsCharactersWritingConsonantsTheyDoNotWrite) {
  // 斯 writes s, never the p of "gupta"; 克 writes k, not the t of "kut".
  EXPECT_EQ(FitTranscription("gupta", Han("古普塔"))->odd, 0);
  EXPECT_EQ(FitTranscription("gupta", Han("古斯塔"))->odd, 1);
  EXPECT_EQ(FitTranscription("kut", Han("库特"))->odd, 0);
  EXPECT_EQ(FitTranscription("kut", Han("库克"))->odd, 1);
}

}  // namespace
}  // namespace vigil::names
