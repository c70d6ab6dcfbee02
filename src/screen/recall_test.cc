// placeholder replaced below
#include <gtest/gtest.h>
TEST(Recall, Placeholder) {}
