#include "names/analyze.h"

#include <algorithm>

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
// and given names (Major, Bishop, Judge, Sultan, Amir, Imam, Earl) and
// Chinese syllables (King, a Hong Kong given name; gen).
bool IsPersonTitle(std::string_view t) {
  static constexpr std::string_view kTitles[] = {
      "dr",      "mr",         "mrs",     "ms",        "mme",          "sheikh",    "shaikh",
      "sheik",   "shaykh",     "haji",    "hajji",     "hadji",        "mullah",    "mulla",
      "maulana", "maulvi",     "mawlawi", "ayatollah", "hojatoleslam", "prince",    "princess",
      "queen",   "emperor",    "empress", "pope",      "saint",        "sir",       "dame",
      "lord",    "lady",       "duke",    "duchess",   "countess",     "general",   "colonel",
      "col",     "lieutenant", "lt",      "captain",   "capt",         "commander", "sergeant",
      "sgt",     "brigadier",  "admiral", "president", "senator",      "rev",       "reverend",
      "crown",   "pasha",      "basha",   "effendi"};
  return std::find(std::begin(kTitles), std::end(kTitles), t) != std::end(kTitles);
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
    bool same = true;
    for (size_t i = 0; i < f.parts.size() && same; ++i)
      same = f.parts[i].text == form.parts[i].text;
    if (same) return;
  }
  forms->push_back(std::move(form));
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
      // A foreign name in Hangul (슈테판 츠바이크) keeps each word as written
      // for the comparator's transcription model, when its romanization
      // keeps the words (names/transcription_model.h).
      std::vector<std::string> words;
      if (script == text::Script::kHangul && schema != Schema::kCompany &&
          schema != Schema::kOrganization) {
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
        if (!form.native && form.parts.size() == words.size()) {
          for (size_t i = 0; i < words.size(); ++i) form.parts[i].native = words[i];
        }
        AddForm(&out.forms, std::move(form));
      }
      break;
    }
  }
  std::sort(out.legal_forms.begin(), out.legal_forms.end());
  out.legal_forms.erase(std::unique(out.legal_forms.begin(), out.legal_forms.end()),
                        out.legal_forms.end());
  return out;
}

}  // namespace vigil::names
