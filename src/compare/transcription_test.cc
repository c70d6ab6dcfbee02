#include "compare/transcription.h"

#include <gtest/gtest.h>

#include <string>

namespace vigil::compare {
namespace {

double Sim(std::string_view latin, std::string_view romanized, bool pinyin = false) {
  return TranscriptionSimilarity(TranscriptionSounds(latin, false),
                                 TranscriptionSounds(romanized, pinyin));
}

TEST(TranscriptionSounds, SpellingsOfOneSoundAreOneClass) {
  EXPECT_EQ(TranscriptionSounds("michael", false), "MaCaL");  // ch, ambiguous
  EXPECT_EQ(TranscriptionSounds("philips", false), "FaRaPS");
  EXPECT_EQ(TranscriptionSounds("schneider", false), "XNaTaL");
  EXPECT_EQ(TranscriptionSounds("khodorkovsky", false), "HaTaLKaFSKa");
  EXPECT_EQ(TranscriptionSounds("shchukin", false), "XaKaN");
  EXPECT_EQ(TranscriptionSounds("dzhugashvili", false), "XaKaXFaRa");
  EXPECT_EQ(TranscriptionSounds("mueller", false), "MaRaL");
  EXPECT_EQ(TranscriptionSounds("washington", false), "WaXaNTaN");
  EXPECT_EQ(TranscriptionSounds("young", false), "YaN");
  EXPECT_EQ(TranscriptionSounds("wright", false), "RaT");        // silent gh
  EXPECT_EQ(TranscriptionSounds("baghdadi", false), "PaKTaTa");  // Arabic gh
  EXPECT_EQ(TranscriptionSounds("guillaume", false), "KaRaMa");
  EXPECT_EQ(TranscriptionSounds("cecilia", false), "SaSaRa");
  EXPECT_EQ(TranscriptionSounds("matthew", false), "MaZa");  // tth, silent w
  EXPECT_EQ(TranscriptionSounds("aziz", false), "azaz");
  EXPECT_EQ(TranscriptionSounds("potts", false), "Pac");  // ts: Korean 츠, Japanese tsu
}

TEST(TranscriptionSounds, AnRBeforeAConsonantOrAtTheEndIsACoda) {
  EXPECT_EQ(TranscriptionSounds("weber", false), "WaPaL");
  EXPECT_EQ(TranscriptionSounds("carter", false), "KaLTaL");
  EXPECT_EQ(TranscriptionSounds("maria", false), "MaRa");  // before a vowel: an r
  EXPECT_GE(Sim("carter", "kateo"), 0.78);                 // 카터
}

TEST(TranscriptionSounds, PinyinReadsItsOwnLetters) {
  EXPECT_EQ(TranscriptionSounds("leimeng", true), "RaMaN");
  EXPECT_EQ(TranscriptionSounds("kangfeierde", true), "KaNFaLTa");  // er is an r
  EXPECT_EQ(TranscriptionSounds("jiali", true), "QaRa");
  EXPECT_EQ(TranscriptionSounds("shashibiya", true), "XaXaPaYa");
  EXPECT_EQ(TranscriptionSounds("zhangcisi", true), "XaNcaSa");  // c is ts
}

TEST(TranscriptionSimilarity, IdenticalAndEmpty) {
  EXPECT_DOUBLE_EQ(TranscriptionSimilarity("MaCaL", "MaCaL"), 1.0);
  EXPECT_EQ(TranscriptionSimilarity("", "MaCaR"), 0.0);
  EXPECT_EQ(TranscriptionSimilarity("MaCaR", ""), 0.0);
}

TEST(TranscriptionSimilarity, IsSymmetric) {
  for (auto [a, b] : {std::pair{"redmond", "leimeng"},
                      {"cornfeld", "kangfeierde"},
                      {"johnson", "jonseun"},
                      {"weedon", "uidon"}}) {
    const std::string x = TranscriptionSounds(a, false), y = TranscriptionSounds(b, false);
    EXPECT_DOUBLE_EQ(TranscriptionSimilarity(x, y), TranscriptionSimilarity(y, x)) << a;
  }
}

// Real transcriptions (Wikidata labels) into syllabic scripts reach the
// syllabic floor (0.70), into Cyrillic the alphabetic floor (0.78).
TEST(TranscriptionSimilarity, TranscriptionsOfOneNameAreClose) {
  EXPECT_GE(Sim("michael", "maikeul"), 0.85);             // 마이클: added vowels
  EXPECT_GE(Sim("johnson", "jonseun"), 0.85);             // 존슨
  EXPECT_GE(Sim("haider", "haideo"), 0.78);               // 하이더: r dropped
  EXPECT_GE(Sim("quiroga", "kuiluojia", true), 0.85);     // 奎羅加
  EXPECT_GE(Sim("courtney", "kaoteni", true), 0.80);      // 考特尼
  EXPECT_GE(Sim("cornfeld", "kangfeierde", true), 0.75);  // 康菲爾德
  EXPECT_GE(Sim("curry", "jiali", true), 0.70);           // 加里: jia for ca
  EXPECT_GE(Sim("weedon", "uidon"), 0.78);                // Уидон
  EXPECT_GE(Sim("hippocrates", "gippokrat"), 0.78);       // Гиппократ
}

TEST(TranscriptionSimilarity, DifferentNamesAreFar) {
  EXPECT_LT(Sim("pajuelo", "pulasi", true), 0.70);  // 普拉斯, not 柏祖路
  EXPECT_LT(Sim("morton", "milan"), 0.78);
  EXPECT_LT(Sim("politzer", "berandili"), 0.85);
  EXPECT_LT(Sim("ivanov", "ivanova"), 1.0);
  EXPECT_LT(Sim("smith", "jones"), 0.6);
}

TEST(TranscriptionOnsets, FirstSoundsMustBeRelated) {
  auto agree = [](std::string_view a, std::string_view b) {
    return TranscriptionOnsetsAgree(TranscriptionSounds(a, false), TranscriptionSounds(b, false));
  };
  EXPECT_TRUE(agree("curry", "gari"));
  EXPECT_TRUE(agree("joerg", "oereukeu"));  // German j is a glide
  EXPECT_TRUE(agree("hector", "ektor"));
  EXPECT_TRUE(agree("philip", "pilip"));
  EXPECT_FALSE(agree("martin", "nartin"));
  EXPECT_FALSE(agree("smith", "jones"));
  EXPECT_FALSE(agree("anna", "manna"));
}

}  // namespace
}  // namespace vigil::compare
