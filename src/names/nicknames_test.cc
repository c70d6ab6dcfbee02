#include "names/nicknames.h"

#include <gtest/gtest.h>

namespace vigil::names {
namespace {

TEST(NicknamesTest, EnglishNicknames) {
  EXPECT_TRUE(AreNicknames("robert", "bob"));
  EXPECT_TRUE(AreNicknames("bob", "robert"));
  EXPECT_TRUE(AreNicknames("william", "bill"));
  EXPECT_TRUE(AreNicknames("elizabeth", "liz"));
  // Both have the nickname "bill", which does not make them one name.
  EXPECT_TRUE(AreNicknames("robert", "bill"));
  EXPECT_FALSE(AreNicknames("robert", "william"));
}

TEST(NicknamesTest, SlavicDiminutives) {
  EXPECT_TRUE(AreNicknames("aleksandr", "sasha"));
  EXPECT_TRUE(AreNicknames("vladimir", "volodya"));
  EXPECT_TRUE(AreNicknames("yevgeny", "zhenya"));
  EXPECT_TRUE(AreNicknames("dmitry", "dima"));
  EXPECT_TRUE(AreNicknames("ekaterina", "katya"));
  EXPECT_FALSE(AreNicknames("dmitry", "sasha"));
}

TEST(NicknamesTest, CrossLanguageEquivalents) {
  EXPECT_TRUE(AreNicknames("william", "wilhelm"));
  EXPECT_TRUE(AreNicknames("guillaume", "william"));
  EXPECT_TRUE(AreNicknames("john", "johann"));
  EXPECT_TRUE(AreNicknames("juan", "giovanni"));
  EXPECT_FALSE(AreNicknames("william", "juan"));
}

TEST(NicknamesTest, NotTransitive) {
  // "ron" is a nickname of both Aaron and Ronald; that does not make them one.
  EXPECT_TRUE(AreNicknames("aaron", "ron"));
  EXPECT_TRUE(AreNicknames("ronald", "ron"));
  EXPECT_FALSE(AreNicknames("aaron", "ronald"));
}

TEST(NicknamesTest, GroupsAreSortedKeys) {
  const auto sasha = NicknameGroups("sasha");
  ASSERT_GE(sasha.size(), 2u);  // Aleksandr and Aleksandra
  for (size_t i = 1; i < sasha.size(); ++i) EXPECT_LT(sasha[i - 1], sasha[i]);
  EXPECT_TRUE(NicknameGroups("zzyzx").empty());
  EXPECT_FALSE(AreNicknames("zzyzx", "zzyzx"));
  EXPECT_TRUE(AreNicknames("robert", "robert"));
}

}  // namespace
}  // namespace vigil::names
