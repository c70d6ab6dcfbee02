#include "names/chinese.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "names/golden_rows.h"

namespace vigil::names {
namespace {

char RoleLetter(PartRole r) {
  switch (r) {
    case PartRole::kFamily:
      return 'F';
    case PartRole::kGiven:
      return 'G';
    default:
      return 'A';
  }
}

std::string Render(const NameForm& f) {
  std::string out;
  for (const NamePart& p : f.parts) {
    if (!out.empty()) out += ' ';
    out += p.text + '|' + RoleLetter(p.role);
  }
  return out;
}

std::string RenderAll(const std::vector<NameForm>& forms) {
  std::string out;
  for (const NameForm& f : forms) out += "  " + f.scheme + ": " + Render(f) + "\n";
  return out;
}

TEST(HanNameForms, Golden) {
  auto rows = ReadGolden("tests/golden/chinese_forms.tsv", 4);
  EXPECT_GE(rows.size(), 40u);
  for (const GoldenRow& row : rows) {
    const std::string& input = row.cols[0];
    const bool negative = !row.cols[1].empty() && row.cols[1][0] == '!';
    const std::string expected = negative ? row.cols[1].substr(1) : row.cols[1];
    const std::string& scheme = row.cols[2];
    std::vector<NameForm> forms = HanNameForms(input);
    bool found = false;
    for (const NameForm& f : forms) {
      if (Render(f) == expected && (scheme == "*" || f.scheme == scheme)) found = true;
      EXPECT_EQ(f.script, "han");
    }
    EXPECT_EQ(found, !negative) << "chinese_forms.tsv:" << row.line << ": " << input
                                << (negative ? " should not give [" : " should give [") << expected
                                << "] (" << scheme << "): " << row.cols[3] << "\ngot:\n"
                                << RenderAll(forms);
  }
}

TEST(HanNameForms, SimplifiedAndTraditionalGiveTheSameForms) {
  for (auto [s, t] : {std::pair{"陈大文", "陳大文"},
                      {"习近平", "習近平"},
                      {"黄志明", "黃志明"},
                      {"欧阳震华", "歐陽震華"},
                      {"邓小平", "鄧小平"}}) {
    auto a = HanNameForms(s), b = HanNameForms(t);
    EXPECT_EQ(RenderAll(a), RenderAll(b)) << s << " vs " << t;
    EXPECT_FALSE(a.empty());
  }
}

TEST(HanNameForms, CappedAndDeduplicated) {
  for (const char* name : {"黄志明", "张学友", "陈伟明", "吕女", "欧阳震华", "乐嘉"}) {
    auto forms = HanNameForms(name);
    EXPECT_LE(forms.size(), kMaxHanForms) << name;
    for (size_t i = 0; i < forms.size(); ++i) {
      for (size_t j = i + 1; j < forms.size(); ++j) {
        EXPECT_NE(Render(forms[i]), Render(forms[j])) << name << "\n" << RenderAll(forms);
      }
    }
  }
}

TEST(HanNameForms, PinyinFormComesFirstWithRoles) {
  auto forms = HanNameForms("陈大文");
  ASSERT_FALSE(forms.empty());
  EXPECT_EQ(forms[0].scheme, "pinyin");
  EXPECT_EQ(Render(forms[0]), "chen|F da|G wen|G");
  // A polyphonic surname's first form uses its surname reading.
  forms = HanNameForms("单雄信");
  ASSERT_FALSE(forms.empty());
  EXPECT_EQ(Render(forms[0]), "shan|F xiong|G xin|G");
}

TEST(HanNameForms, UnknownAndNonHanInput) {
  EXPECT_TRUE(HanNameForms("").empty());
  EXPECT_TRUE(HanNameForms("smith").empty());
  EXPECT_TRUE(HanNameForms("\xff\xfe").empty());
  // A character outside the tables (a private-use code point is not Han) is
  // left out; the rest still reads.
  auto forms = HanNameForms("陈\xee\x80\x80大文");
  ASSERT_FALSE(forms.empty());
  EXPECT_EQ(Render(forms[0]), "chen|F da|G wen|G");
  // A lone character has no family/given split.
  forms = HanNameForms("陈");
  ASSERT_FALSE(forms.empty());
  EXPECT_EQ(Render(forms[0]), "chen|A");
}

TEST(HanNameForms, OrganizationsHaveNoSurname) {
  auto forms = HanNameForms("华为技术", /*person=*/false);
  ASSERT_FALSE(forms.empty());
  EXPECT_EQ(Render(forms[0]), "hua|A wei|A ji|A shu|A");
}

TEST(ToSimplifiedHan, FoldsOnlyUnambiguousCharacters) {
  EXPECT_EQ(ToSimplifiedHan("陳大文"), "陈大文");
  EXPECT_EQ(ToSimplifiedHan("乾隆"), "乾隆");  // 乾 is qian or gan: left as written
  EXPECT_EQ(ToSimplifiedHan("abc"), "abc");
}

TEST(SplitChineseSyllables, Golden) {
  for (const GoldenRow& row : ReadGolden("tests/golden/chinese_syllables.tsv", 3)) {
    auto got = SplitChineseSyllables(row.cols[0]);
    std::string rendered = "-";
    if (got) {
      rendered.clear();
      for (const std::string& s : *got) rendered += (rendered.empty() ? "" : " ") + s;
    }
    EXPECT_EQ(rendered, row.cols[1])
        << "chinese_syllables.tsv:" << row.line << ": " << row.cols[0] << ": " << row.cols[2];
  }
}

TEST(ChineseSyllableMatch, Golden) {
  for (const GoldenRow& row : ReadGolden("tests/golden/chinese_syllable_pairs.tsv", 4)) {
    for (bool swap : {false, true}) {
      const std::string& a = swap ? row.cols[1] : row.cols[0];
      const std::string& b = swap ? row.cols[0] : row.cols[1];
      auto got = ChineseSyllableMatch(a, b);
      EXPECT_EQ(got ? std::string(*got) : "-", row.cols[2])
          << "chinese_syllable_pairs.tsv:" << row.line << ": " << a << " / " << b << ": "
          << row.cols[3];
    }
  }
}

TEST(CantoneseVariants, TwoSpellingsOfOneReading) {
  // The Hong Kong government's spelling and the Jyutping-like one.
  for (auto [a, b] : {std::pair{"mang", "maang"},
                      {"to", "do"},
                      {"keung", "geung"},
                      {"chuk", "juk"},
                      {"kam", "gam"},
                      {"toi", "doi"}}) {
    EXPECT_TRUE(CantoneseVariants(a, b)) << a << " / " << b;
    EXPECT_TRUE(CantoneseVariants(b, a)) << b << " / " << a;
  }
  // Two readings of one character are not two spellings (贵 gwai, 芾 fai);
  // nor are readings of no common character, or one spelling.
  EXPECT_FALSE(CantoneseVariants("gui", "yue"));
  EXPECT_FALSE(CantoneseVariants("pei", "fu"));
  EXPECT_FALSE(CantoneseVariants("ping", "peng"));
  EXPECT_FALSE(CantoneseVariants("mang", "mang"));
  EXPECT_FALSE(CantoneseVariants("smith", "smyth"));
}

TEST(ChineseSyllableEquivalents, ListsEveryMatch) {
  const auto& eq = ChineseSyllableEquivalents("xi");
  EXPECT_NE(std::find(eq.begin(), eq.end(), "hsi"), eq.end());
  for (const std::string& s : eq) EXPECT_TRUE(ChineseSyllableMatch("xi", s)) << s;
  EXPECT_TRUE(ChineseSyllableEquivalents("smith").empty());
}

TEST(IsLikelyChineseName, SyllableRunsOnly) {
  EXPECT_TRUE(IsLikelyChineseName({"xi", "jinping"}));
  EXPECT_TRUE(IsLikelyChineseName({"hsi", "chin", "ping"}));
  EXPECT_TRUE(IsLikelyChineseName({"chan", "tai", "man"}));
  EXPECT_TRUE(IsLikelyChineseName({"tan", "wei", "ming"}));
  EXPECT_FALSE(IsLikelyChineseName({"john", "smith"}));
  EXPECT_FALSE(IsLikelyChineseName({"vladimir", "putin"}));
  EXPECT_FALSE(IsLikelyChineseName({}));
  // A long run of syllables is not a Chinese name part.
  EXPECT_FALSE(IsLikelyChineseName({"chenshuibianwang"}));
}

// Replaces every occurrence of `from` in `s` by `to`.
std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t i = s.find(from); i != std::string::npos; i = s.find(from, i + to.size())) {
    s.replace(i, from.size(), to);
  }
  return s;
}

// vigil derives Wade-Giles from the spelling rules (scripts/gen_han_tables.py);
// cjklib's table (LGPL, not copied into vigil) is the reference when the
// shared data folder is on the machine.
TEST(WadeGiles, AgreesWithCjklibWhenPresent) {
  const std::string ref = "/work/shared/data/romanization/cjklib/wadegilespinyinmapping.csv";
  std::ifstream in(ref);
  if (!in.good()) GTEST_SKIP() << ref << " not present";
  std::unordered_map<std::string, std::string> ours;
  for (const GoldenRow& row : ReadGolden("src/names/data/han/wade_giles.tsv", 2)) {
    ours[row.cols[0]] = row.cols[1];
  }
  std::unordered_map<std::string, std::vector<std::string>> theirs;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string l = ReplaceAll(line, "\"", "");
    for (auto [from, to] :
         {std::pair{"\u2019", ""}, {"'", ""}, {"\u00ea", "e"}, {"\u00fc", "u"}, {"\u016d", "u"}}) {
      if (std::string(from) == "\u00fc") {
        // pinyin column: ü is v in vigil's tables; Wade-Giles column: u.
        size_t comma = l.find(',');
        l = ReplaceAll(l.substr(0, comma), from, to) + ReplaceAll(l.substr(comma), from, "v");
      } else {
        l = ReplaceAll(l, from, to);
      }
    }
    std::stringstream ss(l);
    std::string wg, py;
    std::getline(ss, wg, ',');
    std::getline(ss, py, ',');
    theirs[py].push_back(wg);
  }
  ASSERT_GT(theirs.size(), 390u);
  int compared = 0;
  for (const auto& [py, wg] : ours) {
    auto it = theirs.find(py);
    if (it == theirs.end()) continue;
    ++compared;
    EXPECT_NE(std::find(it->second.begin(), it->second.end(), wg), it->second.end())
        << py << ": vigil " << wg << ", cjklib " << it->second[0];
    std::string plain = ReplaceAll(py, "v", "u");
    EXPECT_TRUE(ChineseSyllableMatch(plain, wg)) << plain << " / " << wg;
  }
  EXPECT_GT(compared, 390);
}

// The syllable match sits in the comparator's inner loop: it must stay a hash
// lookup, far below a microsecond.
TEST(ChineseSyllableMatch, IsFast) {
  ChineseSyllableMatch("xi", "hsi");  // build the tables outside the timing
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"xi", "hsi"}, {"chan", "chen"}, {"wang", "wing"}, {"smith", "xi"}, {"tan", "chen"}};
  auto start = std::chrono::steady_clock::now();
  int hits = 0;
  for (int i = 0; i < 200000; ++i) {
    const auto& p = pairs[i % pairs.size()];
    hits += ChineseSyllableMatch(p.first, p.second).has_value();
  }
  double ns =
      std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() /
      200000;
  EXPECT_EQ(hits, 200000 / 5 * 3);
  EXPECT_LT(ns, 1000.0);
}

}  // namespace
}  // namespace vigil::names
