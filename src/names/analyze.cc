#include "names/analyze.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <string>

#include "names/chinese.h"
#include "names/japanese.h"
#include "names/latin_variants.h"
#include "names/legal_forms.h"
#include "text/normalize.h"
#include "text/script.h"
#include "text/transliterate.h"

namespace vigil::names {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsNumber(std::string_view s, bool person) {
  if (s.empty()) return false;
  if (std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  // In a person's name "xi" is a name (习), not eleven.
  if (person) return false;
  // Roman numerals as ordinals in company and vessel names ("ii", "iv").
  static constexpr std::string_view kRoman[] = {"ii",   "iii", "iv", "vi", "vii",
                                                "viii", "ix",  "xi", "xii"};
  return std::find(std::begin(kRoman), std::end(kRoman), s) != std::end(kRoman);
}

// East Slavic patronymics: -ovich/-evich/-ich, -ovna/-evna/-ichna, and their
// romanization variants (-ovitch, -ovič folded to -ovic), and as Hangul and
// kana write them (-오비치 "obichi", -오브나 "obeuna", -ヴィチ "vichi").
bool LooksPatronymic(std::string_view t) {
  for (std::string_view suf :
       {"ovich", "evich", "ovitch", "evitch", "ovic", "evic", "ovna", "evna", "ichna", "inichna",
        "ilyich", "ilich", "obichi", "ebichi", "ovichi", "evichi", "obeuna", "ebeuna"}) {
    if (EndsWith(t, suf) && t.size() >= suf.size() + 2) return true;
  }
  return false;
}

// Titles and honorifics written into a person's name ("Dr. Ayman
// al-Zawahiri", "Sheikh Hasina", "General Qasem Soleimani", "Prince
// Tsuneyoshi Takeda"). They weigh like particles: present on one side only,
// they say little. Words that are also common names are left out: surnames
// and given names (Major, Bishop, Judge, Sultan, Amir, Imam, Earl, Baron,
// Marquis, Infante) and Chinese syllables (King, a Hong Kong given name;
// gen).
bool IsPersonTitle(std::string_view t) {
  static constexpr std::string_view kTitles[] = {
      "dr",       "mr",          "mrs",     "ms",        "mme",          "sheikh",    "shaikh",
      "sheik",    "shaykh",      "haji",    "hajji",     "hadji",        "mullah",    "mulla",
      "maulana",  "maulvi",      "mawlawi", "ayatollah", "hojatoleslam", "prince",    "princess",
      "queen",    "emperor",     "empress", "pope",      "saint",        "sir",       "dame",
      "lord",     "lady",        "duke",    "duchess",   "countess",     "general",   "colonel",
      "col",      "lieutenant",  "lt",      "captain",   "capt",         "commander", "sergeant",
      "sgt",      "brigadier",   "admiral", "president", "senator",      "rev",       "reverend",
      "crown",    "pasha",       "basha",   "effendi",   "count",        "baroness",  "marquess",
      "archduke", "archduchess", "tsar",    "czar",      "tsarina",      "caliph",    "khedive"};
  return std::find(std::begin(kTitles), std::end(kTitles), t) != std::end(kTitles);
}

// Titles that Hangul writes before or after a name as a word of their own
// (교황 식스토 2세, Pope Sixtus II): like IsPersonTitle. Words that are also
// family names (왕 Wang, 성 Seong, 경 Gyeong) are left out.
bool IsHangulTitle(std::string_view word) {
  static constexpr std::string_view kTitles[] = {
      "교황", "추기경", "대주교", "주교", "황제",   "여제", "국왕", "여왕",   "왕비",
      "왕자", "공주",   "태자",   "세자", "왕세자", "대공", "공작", "백작",   "후작",
      "남작", "대통령", "총리",   "수상", "장군",   "박사", "술탄", "셰이크", "아야톨라"};
  return std::find(std::begin(kTitles), std::end(kTitles), word) != std::end(kTitles);
}

// Marks the parts of a form romanized from Hangul whose word is a title.
void MarkHangulTitles(std::string_view cleaned, NameForm* form) {
  std::vector<std::string_view> words;
  for (size_t pos = 0; pos < cleaned.size();) {
    size_t space = cleaned.find(' ', pos);
    if (space == std::string_view::npos) space = cleaned.size();
    if (space > pos) words.push_back(cleaned.substr(pos, space - pos));
    pos = space + 1;
  }
  if (words.size() != form->parts.size()) return;
  for (size_t i = 0; i < words.size(); ++i) {
    if (IsHangulTitle(words[i])) form->parts[i].role = PartRole::kParticle;
  }
}

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return {};
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) {
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, 4, static_cast<UChar32>(c), error);
    if (!error) out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

// Titles Chinese writes before a name (教宗狄约尼削, Pope Dionysius; 总统特朗普)
// or after it (王伟先生, 李博士): removed from a person's name in
// characters, which has no spaces to set them apart. Only words that are
// never a name's start or end: not 王子 (Wang Zi-), 太子, 公主.
void StripHanTitles(std::string* cleaned) {
  static constexpr std::u32string_view kBefore[] = {
      U"教宗",     U"教皇", U"国王", U"女王", U"皇帝", U"总统", U"总理", U"首相", U"大主教",
      U"枢机主教", U"主教", U"酋长", U"谢赫", U"苏丹", U"王储", U"亲王", U"公爵", U"伯爵"};
  static constexpr std::u32string_view kAfter[] = {U"先生", U"女士", U"小姐", U"博士", U"教授",
                                                   U"将军", U"总统", U"总理", U"首相"};
  const std::u32string text = DecodeUtf8(*cleaned);
  const std::u32string simple = DecodeUtf8(ToSimplifiedHan(*cleaned));
  if (text.empty() || simple.size() != text.size()) return;
  size_t begin = 0, end = text.size();
  auto rest = [&] { return end - begin; };
  for (std::u32string_view t : kBefore) {
    if (rest() >= t.size() + 2 && std::u32string_view(simple).substr(begin, t.size()) == t) {
      begin += t.size();
      while (begin < end && (text[begin] == U' ' || text[begin] == U'\u00B7')) ++begin;
      break;
    }
  }
  for (std::u32string_view t : kAfter) {
    if (rest() >= t.size() + 2 &&
        std::u32string_view(simple).substr(end - t.size(), t.size()) == t) {
      end -= t.size();
      while (end > begin && text[end - 1] == U' ') --end;
      break;
    }
  }
  if (begin > 0 || end < text.size()) {
    *cleaned = EncodeUtf8(std::u32string_view(text).substr(begin, end - begin));
  }
}

// A regnal or generational number as Hangul, Han and kana write it after a
// name: 3세 (Hangul), 二世 and 2世 (Chinese, Japanese), as in 스뱌토슬라프 3세,
// 伊丽莎白二世, エリザベス2世 (Sviatoslav III, Elizabeth II). Removes it from
// `cleaned` and returns the number, or 0 when there is none.
int TakeRegnalNumber(std::string* cleaned) {
  // Hebrew and Arabic write the ordinal as a word after the name: פליפה
  // השישי, محمد السادس (Felipe VI, Mohammed VI).
  static constexpr std::pair<std::string_view, int> kOrdinalWords[] = {
      {"הראשון", 1}, {"השני", 2},   {"השלישי", 3}, {"הרביעי", 4},  {"החמישי", 5}, {"השישי", 6},
      {"השביעי", 7}, {"השמיני", 8}, {"התשיעי", 9}, {"העשירי", 10}, {"الأول", 1},  {"الاول", 1},
      {"الثاني", 2}, {"الثانى", 2}, {"الثالث", 3}, {"الرابع", 4},  {"الخامس", 5}, {"السادس", 6},
      {"السابع", 7}, {"الثامن", 8}, {"التاسع", 9}, {"العاشر", 10}};
  if (const size_t space = cleaned->find_last_of(' '); space != std::string::npos && space > 0) {
    const std::string_view word = std::string_view(*cleaned).substr(space + 1);
    for (auto [w, n] : kOrdinalWords) {
      if (word == w) {
        cleaned->resize(space);
        while (!cleaned->empty() && (cleaned->back() == ' ' || cleaned->back() == ',')) {
          cleaned->pop_back();
        }
        return cleaned->empty() ? 0 : n;
      }
    }
  }
  std::u32string text = DecodeUtf8(*cleaned);
  while (!text.empty() && text.back() == U' ') text.pop_back();
  if (text.size() < 3 || (text.back() != U'\uC138' && text.back() != U'\u4E16')) return 0;
  const bool hangul = text.back() == U'\uC138';
  size_t begin = text.size() - 1;
  int number = 0;
  if (text[begin - 1] >= U'0' && text[begin - 1] <= U'9') {
    while (begin > 0 && text[begin - 1] >= U'0' && text[begin - 1] <= U'9') --begin;
    for (size_t k = begin; k + 1 < text.size(); ++k) number = number * 10 + int(text[k] - U'0');
  } else if (!hangul) {
    // Chinese numerals up to 99: 二, 十四, 二十, 二十一.
    static constexpr std::u32string_view kDigits =
        U"\u3007\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341";
    while (begin > 0 && kDigits.find(text[begin - 1]) != std::u32string_view::npos) --begin;
    const std::u32string_view run(text.data() + begin, text.size() - 1 - begin);
    const size_t ten = run.find(U'\u5341');
    auto digit = [&](size_t k) { return static_cast<int>(kDigits.find(run[k])); };
    if (ten == std::u32string_view::npos) {
      number = run.size() == 1 ? digit(0) : 0;
    } else if (ten <= 1 && run.size() - ten <= 2) {
      const int tens = ten == 0 ? 1 : digit(0);
      const int units = ten + 1 < run.size() ? digit(ten + 1) : 0;
      number = tens < 10 && units < 10 ? tens * 10 + units : 0;
    }
  }
  if (number <= 0 || number > 99 || begin == 0) return 0;
  size_t end = begin;
  while (end > 0 &&
         (text[end - 1] == U' ' || text[end - 1] == U'\u00B7' || text[end - 1] == U'\u30FB')) {
    --end;
  }
  if (end == 0) return 0;
  *cleaned = EncodeUtf8(std::u32string_view(text).substr(0, end));
  return number;
}

// The ordinal as a name part: "2nd", "3rd", "14th" (compare::Generation reads it).
std::string OrdinalText(int n) {
  const int last = n % 10, tens = n % 100 / 10;
  const char* suffix = tens == 1   ? "th"
                       : last == 1 ? "st"
                       : last == 2 ? "nd"
                       : last == 3 ? "rd"
                                   : "th";
  return std::to_string(n) + suffix;
}

// Turns one Latin-script token list into a NameForm, tagging numbers,
// particles and patronymics. Organizations lose their legal forms first.
NameForm LatinForm(std::vector<std::string> tokens, Schema schema, std::string scheme,
                   std::string script, std::vector<std::string>* legal_forms) {
  NameForm form;
  form.scheme = std::move(scheme);
  form.script = std::move(script);
  const bool person = schema == Schema::kPerson;
  if (!person && schema != Schema::kThing) {
    auto found = ExtractLegalForms(tokens);
    if (legal_forms) {
      for (auto& f : found) {
        if (std::find(legal_forms->begin(), legal_forms->end(), f) == legal_forms->end()) {
          legal_forms->push_back(std::move(f));
        }
      }
    }
  }
  if (person) tokens = JoinArabicCompounds(tokens);
  for (auto& t : tokens) {
    if (t.empty()) continue;
    NamePart part;
    part.text = std::move(t);
    if (IsNumber(part.text, person)) {
      part.role = PartRole::kNumber;
    } else if (ParticleKind(part.text) != Particle::kNone ||
               (!person && IsOrgStopword(part.text))) {
      // Organization stopwords ("the", "of", "company") weigh like particles.
      part.role = PartRole::kParticle;
    } else if (person && LooksPatronymic(part.text)) {
      part.role = PartRole::kPatronymic;
    } else if (person && IsPersonTitle(part.text)) {
      part.role = PartRole::kParticle;
    }
    form.parts.push_back(std::move(part));
  }
  return form;
}

void AddForm(std::vector<NameForm>* forms, NameForm form) {
  if (form.parts.empty()) return;
  for (const auto& f : *forms) {
    if (f.parts.size() != form.parts.size()) continue;
    // A Hangul name read as Chinese compares by other rules than its
    // romanization, however alike they are spelled (후선 "hu seon").
    if ((f.scheme == "sino-korean") != (form.scheme == "sino-korean")) continue;
    bool same = true;
    for (size_t i = 0; i < f.parts.size() && same; ++i)
      same = f.parts[i].text == form.parts[i].text;
    if (same) return;
  }
  forms->push_back(std::move(form));
}

// A Chinese name written in Hangul by the Korean readings of its characters
// (王永慶 -> 왕영경, 李會 -> 이회): one part per syllable, its Revised
// Romanization, compared with Latin syllables by names::SinoKoreanReading.
// Names of two to four syllables in one or two words.
void AddSinoKoreanForm(std::string_view cleaned, std::vector<NameForm>* forms) {
  std::vector<std::string> syllables;
  size_t words = 0;
  bool in_word = false;
  for (int32_t i = 0, n = static_cast<int32_t>(cleaned.size()); i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(cleaned.data(), i, n, c);
    if (c == ' ') {
      in_word = false;
      continue;
    }
    if (c < 0xAC00 || c > 0xD7A3) return;  // not a Hangul syllable
    if (!in_word) ++words;
    in_word = true;
    const auto readings = text::Romanize(cleaned.substr(start, i - start), text::Script::kHangul);
    if (readings.empty() || readings.front().scheme != "rr") return;
    syllables.push_back(readings.front().text);
  }
  if (words == 0 || words > 2 || syllables.size() < 2 || syllables.size() > 4) return;
  NameForm form;
  form.scheme = "sino-korean";
  form.script = "hangul";
  for (auto& s : syllables) form.parts.push_back(NamePart{std::move(s)});
  AddForm(forms, std::move(form));
}

// The article Arabic writes joined to a name (الشكر "alshakr", الفرات
// "alfrat") split off as a particle, in another form of each romanization,
// so that "Shukr" and "al-Furat" meet the name itself, by every rule: the
// Latin spelling may drop the article or write it apart.
void AddArticleSplitForms(std::vector<NameForm>* forms) {
  // The likeliest four romanizations are enough: an Arabic name has up to
  // 32, and each extra form is compared with every form of every candidate
  // (screening the example applicants, all 32 cost a fifth of the time).
  const size_t count = std::min<size_t>(forms->size(), 4);
  for (size_t f = 0; f < count; ++f) {
    NameForm split;
    bool changed = false;
    for (const NamePart& p : (*forms)[f].parts) {
      if (p.role != PartRole::kParticle && p.text.size() >= 5 && p.text.starts_with("al")) {
        split.parts.push_back(NamePart{"al", PartRole::kParticle});
        // The word as written, without its article, for the transcription model.
        constexpr std::string_view kArticle = "\u0627\u0644";  // ال
        split.parts.push_back(NamePart{
            p.text.substr(2), p.role,
            p.native.starts_with(kArticle) ? p.native.substr(kArticle.size()) : std::string()});
        changed = true;
      } else {
        split.parts.push_back(p);
      }
    }
    if (!changed) continue;
    split.scheme = (*forms)[f].scheme + "-article";
    split.script = (*forms)[f].script;
    AddForm(forms, std::move(split));
  }
}

// A Latin name whose tokens all split into Chinese syllables gets a second
// form with one part per syllable, so "Chen Shuibian", "Chen Shui-bian" and
// 陳水扁 align part by part.
void AddSyllableForm(std::vector<NameForm>* forms) {
  if (forms->empty()) return;
  const NameForm& base = forms->front();
  if (base.parts.size() > 4) return;
  std::vector<std::string> tokens;
  for (const auto& p : base.parts) tokens.push_back(p.text);
  if (!IsLikelyChineseName(tokens)) return;
  NameForm split;
  split.scheme = "latin-syllables";
  split.script = base.script;
  bool changed = false;
  for (const auto& p : base.parts) {
    auto syllables = SplitChineseSyllables(p.text);
    if (!syllables || syllables->size() <= 1) {
      split.parts.push_back(p);
      continue;
    }
    changed = true;
    for (auto& s : *syllables) split.parts.push_back(NamePart{std::move(s), p.role});
  }
  if (changed) AddForm(forms, std::move(split));
}

std::vector<std::string> LatinTokens(std::string_view raw) {
  return text::Tokenize(text::FoldToAscii(text::CleanName(raw)));
}

// The family-name tokens a Latin person name marks by its writing.
std::vector<std::string> WrittenFamilyName(std::string_view raw) {
  auto comma = raw.find(',');
  if (comma != std::string_view::npos && raw.find(',', comma + 1) == std::string_view::npos &&
      comma > 0 && comma + 1 < raw.size()) {
    return LatinTokens(raw.substr(0, comma));
  }
  // Words in capitals among words that are not: "Alexander CHAN Meng-wah".
  std::vector<std::string> upper_words;
  bool has_lower_word = false;
  size_t i = 0;
  while (i < raw.size()) {
    while (i < raw.size() && raw[i] == ' ') ++i;
    size_t j = i;
    while (j < raw.size() && raw[j] != ' ') ++j;
    std::string_view w = raw.substr(i, j - i);
    int upper = 0, lower = 0;
    for (char ch : w) {
      if (ch >= 'A' && ch <= 'Z') ++upper;
      if (ch >= 'a' && ch <= 'z') ++lower;
    }
    if (upper >= 2 && lower == 0) upper_words.emplace_back(w);
    if (lower > 0) has_lower_word = true;
    i = j;
  }
  if (!has_lower_word || upper_words.empty()) return {};
  std::vector<std::string> out;
  for (const auto& w : upper_words) {
    for (auto& t : LatinTokens(w)) out.push_back(std::move(t));
  }
  return out;
}

void MarkFamily(NameForm* form, const std::vector<std::string>& family) {
  if (family.empty()) return;
  for (auto& p : form->parts) {
    if (p.role == PartRole::kAny &&
        std::find(family.begin(), family.end(), p.text) != family.end()) {
      p.role = PartRole::kFamily;
    }
  }
}

// Japanese names in kanji (田中角栄, Tanaka Kakuei): the characters kept as
// written, for the comparator to read against romaji (names/japanese.h) —
// the whole name, and family name + given name split after each of the first
// three characters (or where a space splits them).
void AddJapaneseForms(std::string_view cleaned, std::vector<NameForm>* forms) {
  auto form = [](std::vector<NamePart> parts) {
    NameForm f;
    f.scheme = "japanese";
    f.script = "han";
    f.parts = std::move(parts);
    return f;
  };
  const std::vector<std::string> tokens = text::Tokenize(cleaned);
  if (tokens.empty() || tokens.size() > 2) return;
  std::string whole;
  for (const auto& t : tokens) whole += t;
  // Code point boundaries of the whole name.
  std::vector<size_t> cuts;
  for (size_t i = 0; i < whole.size(); ++i) {
    if ((static_cast<unsigned char>(whole[i]) & 0xC0) != 0x80) cuts.push_back(i);
  }
  const size_t n = cuts.size();
  if (n < 2 || n > kMaxJapaneseChars) return;
  forms->push_back(form({NamePart{whole, PartRole::kAny}}));
  if (tokens.size() == 2) {
    forms->push_back(
        form({NamePart{tokens[0], PartRole::kFamily}, NamePart{tokens[1], PartRole::kGiven}}));
    return;
  }
  for (size_t s = 1; s <= 3 && s < n; ++s) {
    forms->push_back(form({NamePart{whole.substr(0, cuts[s]), PartRole::kFamily},
                           NamePart{whole.substr(cuts[s]), PartRole::kGiven}}));
  }
}

}  // namespace

AnalyzedName AnalyzeName(std::string_view raw, Schema schema,
                         const std::vector<std::string>& family_names) {
  AnalyzedName out;
  out.original = std::string(raw);
  std::string cleaned = text::CleanName(raw);
  if (schema != Schema::kPerson && schema != Schema::kThing) {
    for (auto& f : ExtractLegalFormsFromText(cleaned)) out.legal_forms.push_back(std::move(f));
  }
  const int regnal = schema == Schema::kPerson ? TakeRegnalNumber(&cleaned) : 0;
  const text::Script script = text::DetectScript(cleaned);
  out.script = std::string(text::ScriptName(script));
  switch (script) {
    case text::Script::kUnknown:
      // Digits only ("1", "2000"): keep them as a name of numbers.
      AddForm(&out.forms,
              LatinForm(text::Tokenize(cleaned), schema, "latin", out.script, &out.legal_forms));
      break;
    case text::Script::kLatin: {
      NameForm form = LatinForm(text::Tokenize(text::FoldToAscii(cleaned)), schema, "latin",
                                out.script, &out.legal_forms);
      if (schema == Schema::kPerson) {
        std::vector<std::string> family;
        for (const auto& f : family_names) {
          for (auto& t : LatinTokens(f)) family.push_back(std::move(t));
        }
        if (family.empty()) family = WrittenFamilyName(raw);
        MarkFamily(&form, family);
      }
      AddForm(&out.forms, std::move(form));
      if (schema == Schema::kPerson || schema == Schema::kThing) AddSyllableForm(&out.forms);
      break;
    }
    case text::Script::kHan: {
      if (schema == Schema::kPerson) StripHanTitles(&cleaned);
      auto forms = HanNameForms(cleaned, schema == Schema::kPerson);
      // A reading that lacks some characters (no Cantonese reading known for
      // one of them) would compare as a shorter name: keep complete readings.
      size_t most = 0;
      for (const auto& f : forms) most = std::max(most, f.parts.size());
      for (auto& form : forms) {
        if (form.parts.size() == most) AddForm(&out.forms, std::move(form));
      }
      // Foreign names transcribed in characters (古普塔 for Gupta) are read
      // as one word: the pinyin syllables joined.
      // (A name of several runs, 唐纳德·特朗普, already reads each run so.)
      if (!out.forms.empty() && schema != Schema::kCompany && schema != Schema::kOrganization) {
        const NameForm& first = out.forms.front();
        if (first.parts.size() >= 2 && !first.scheme.ends_with("-joined")) {
          NameForm joined;
          joined.scheme = first.scheme + "-joined";
          joined.script = first.script;
          std::string word;
          for (const auto& p : first.parts) word += p.text;
          std::string chars = ToSimplifiedHan(cleaned);
          std::erase(chars, ' ');
          joined.parts.push_back(NamePart{std::move(word), PartRole::kAny, std::move(chars)});
          AddForm(&out.forms, std::move(joined));
        }
      }
      if (schema == Schema::kPerson || schema == Schema::kThing) {
        AddJapaneseForms(cleaned, &out.forms);
      }
      break;
    }
    default: {
      // A foreign name in Hangul (슈테판 츠바이크) or Cyrillic (гиппократ), or
      // any name in Arabic script, keeps each word as written for the
      // comparator's transcription model, when its romanization keeps the
      // words (names/transcription_model.h).
      std::vector<std::string> words;
      if ((script == text::Script::kHangul || script == text::Script::kCyrillic ||
           script == text::Script::kArabic) &&
          schema != Schema::kCompany && schema != Schema::kOrganization) {
        words = text::Tokenize(cleaned);
      }
      for (auto& r : text::Romanize(cleaned, script)) {
        NameForm form =
            LatinForm(text::Tokenize(r.text), schema, r.scheme, out.script, &out.legal_forms);
        if (script == text::Script::kHangul && schema == Schema::kPerson && !form.parts.empty() &&
            form.parts.size() <= 4) {
          // Korean names are written family name first.
          form.parts.front().role = PartRole::kFamily;
          form.native = text::LooksNativeKoreanName(cleaned);
        }
        if (script == text::Script::kHangul && schema == Schema::kPerson) {
          MarkHangulTitles(cleaned, &form);
        }
        if (!form.native && form.parts.size() == words.size()) {
          for (size_t i = 0; i < words.size(); ++i) form.parts[i].native = words[i];
        }
        AddForm(&out.forms, std::move(form));
      }
      if (script == text::Script::kHangul && schema == Schema::kPerson) {
        AddSinoKoreanForm(cleaned, &out.forms);
      }
      if (script == text::Script::kArabic && schema == Schema::kPerson) {
        AddArticleSplitForms(&out.forms);
      }
      break;
    }
  }
  if (regnal > 0) {
    for (NameForm& form : out.forms) {
      if (form.scheme != "japanese") form.parts.push_back(NamePart{OrdinalText(regnal)});
    }
  }
  std::sort(out.legal_forms.begin(), out.legal_forms.end());
  out.legal_forms.erase(std::unique(out.legal_forms.begin(), out.legal_forms.end()),
                        out.legal_forms.end());
  return out;
}

}  // namespace vigil::names
