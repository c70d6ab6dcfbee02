#include "text/script.h"

#include <gtest/gtest.h>

#include <set>

#include "text/internal/golden.h"

namespace vigil::text {
namespace {

TEST(DetectScriptTest, Golden) {
  auto rows = internal::ReadGolden("tests/golden/text_script.tsv", 2);
  ASSERT_GE(rows.size(), 15u);
  for (const auto& r : rows) {
    EXPECT_EQ(ScriptName(DetectScript(r.cells[0])), r.cells[1])
        << "text_script.tsv:" << r.line << " " << r.cells[0];
  }
}

TEST(ScriptNameTest, EveryScriptHasADistinctName) {
  std::set<std::string_view> names;
  for (int s = 0; s <= static_cast<int>(Script::kOther); ++s) {
    names.insert(ScriptName(static_cast<Script>(s)));
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(Script::kOther) + 1);
}

}  // namespace
}  // namespace vigil::text
