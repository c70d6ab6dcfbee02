#include "names/analyze.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vigil::names {
namespace {

std::vector<std::string> Native(const NameForm& form) {
  std::vector<std::string> out;
  for (const auto& p : form.parts) out.push_back(p.native);
  return out;
}

TEST(AnalyzeHangulTest, AForeignNameKeepsItsWordsAsWritten) {
  const AnalyzedName name = AnalyzeName("슈테판 츠바이크", Schema::kPerson);
  ASSERT_FALSE(name.forms.empty());
  for (const NameForm& form : name.forms) {
    EXPECT_FALSE(form.native);
    EXPECT_EQ(Native(form), (std::vector<std::string>{"슈테판", "츠바이크"})) << form.scheme;
  }
}

TEST(AnalyzeHangulTest, ANativeNameOrASplitWordKeepsNone) {
  // 김정은 is a Korean name, compared by its romanizations; 마이클 is one
  // word romanized as two (family and given name), so the words do not
  // line up with the parts.
  for (const char* raw : {"김정은", "김 정은", "마이클"}) {
    const AnalyzedName name = AnalyzeName(raw, Schema::kPerson);
    ASSERT_FALSE(name.forms.empty()) << raw;
    for (const NameForm& form : name.forms) {
      for (const auto& p : form.parts) EXPECT_TRUE(p.native.empty()) << raw << " " << p.text;
    }
  }
}

TEST(AnalyzeHangulTest, AnOrganizationKeepsNone) {
  const AnalyzedName name = AnalyzeName("마이크로소프트 코리아", Schema::kCompany);
  for (const NameForm& form : name.forms) {
    for (const auto& p : form.parts) EXPECT_TRUE(p.native.empty()) << p.text;
  }
}

}  // namespace
}  // namespace vigil::names
