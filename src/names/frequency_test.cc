#include "names/frequency.h"

#include <gtest/gtest.h>

namespace vigil::names {
namespace {

TEST(FrequencyTest, CommonPartsWeighLess) {
  for (const char* common : {"wang", "li", "kim", "mohammed", "ali", "john", "smith"}) {
    EXPECT_LT(NamePartWeight(common), 0.75f) << common;
    EXPECT_GT(NamePartWeight(common), 0.0f) << common;
  }
  EXPECT_LT(NamePartWeight("wang"), NamePartWeight("putin"));
  EXPECT_LT(NamePartWeight("muhammad"), NamePartWeight("nasrallah"));
  EXPECT_LT(NamePartWeight("smith"), NamePartWeight("kowalczyk"));
}

TEST(FrequencyTest, UnknownPartsWeighOne) {
  EXPECT_FLOAT_EQ(NamePartWeight("zzyzxqq"), 1.0f);
  EXPECT_FLOAT_EQ(NamePartWeight(""), 1.0f);
}

TEST(FrequencyTest, WeightsAreInRange) {
  for (const char* t : {"al", "de", "wang", "ivanov", "vladimir", "xi", "hussein"}) {
    const float w = NamePartWeight(t);
    EXPECT_GT(w, 0.0f) << t;
    EXPECT_LE(w, 1.0f) << t;
  }
}

TEST(FrequencyTest, CommonNameParts) {
  EXPECT_TRUE(IsCommonNamePart("wang"));
  EXPECT_TRUE(IsCommonNamePart("muhammad"));
  EXPECT_FALSE(IsCommonNamePart("putin"));
  EXPECT_FALSE(IsCommonNamePart("zzyzxqq"));
}

}  // namespace
}  // namespace vigil::names
