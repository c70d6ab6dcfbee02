#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <map>
#include <memory>
#include <unordered_map>
#include <utility>

#include "text/internal/icu_util.h"

namespace vigil::text {
namespace {

using internal::FromUtf8;
using internal::ToUtf8;

// Apostrophes and the marks people type for them. Removed, not spaced:
// "Ch'en" is one word. Checked before NFKC, which would turn U+00B4 into a
// space plus a combining accent.
bool IsApostrophe(UChar32 c) {
  switch (c) {
    case 0x0027:  // '
    case 0x0060:  // `
    case 0x00B4:  // ´
    case 0x02B9:  // ʹ
    case 0x02BB:  // ʻ
    case 0x02BC:  // ʼ
    case 0x02BD:  // ʽ
    case 0x02BE:  // ʾ (Arabic hamza in transcription)
    case 0x02BF:  // ʿ (Arabic ayn in transcription)
    case 0x055A:  // Armenian apostrophe
    case 0x05F3:  // Hebrew geresh (ג׳ is one letter, not two words)
    case 0x05F4:  // Hebrew gershayim
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201B:  // ‛
    case 0x2032:  // ′
    case 0xFF07:  // fullwidth '
    case 0xFF40:  // fullwidth `
      return true;
    default:
      return false;
  }
}

// Letters, marks and digits survive; everything else separates words.
bool IsWordChar(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK)) != 0;
}

enum ConfScript { kConfLatin = 0, kConfCyrillic = 1, kConfGreek = 2, kConfNone = 3 };

ConfScript ConfScriptOf(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_LATIN:
      return kConfLatin;
    case USCRIPT_CYRILLIC:
      return kConfCyrillic;
    case USCRIPT_GREEK:
      return kConfGreek;
    default:
      return kConfNone;
  }
}

// Look-alike letters across Latin, Cyrillic and Greek, derived once from
// ICU's confusables data (UTS #39 skeletons): two letters are look-alikes when
// their skeletons are equal. target[script][c] is the look-alike of c written
// in `script`, same case as c where one exists.
class Confusables {
 public:
  Confusables() {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* sc = uspoof_open(&status);
    if (U_FAILURE(status)) return;
    // Candidates per script; the basic alphabets come first so they win ties.
    std::vector<std::pair<UChar32, UChar32>> ranges[3] = {
        {{'A', 'Z'}, {'a', 'z'}},
        {{0x0410, 0x044F}, {0x0400, 0x040F}, {0x0450, 0x04FF}},
        {{0x0391, 0x03C9}, {0x0370, 0x0390}, {0x03CA, 0x03FF}}};
    // skeleton -> (script -> code point), upper- and lower-case kept apart.
    std::map<std::pair<std::u16string, bool>, UChar32> by_skeleton[3];
    std::vector<std::tuple<UChar32, int, std::u16string>> all;
    for (int s = 0; s < 3; ++s) {
      for (auto [lo, hi] : ranges[s]) {
        for (UChar32 c = lo; c <= hi; ++c) {
          if (!u_isalpha(c) || ConfScriptOf(c) != s) continue;
          icu::UnicodeString skel;
          status = U_ZERO_ERROR;
          uspoof_getSkeletonUnicodeString(sc, 0, icu::UnicodeString(c), skel, &status);
          if (U_FAILURE(status)) continue;
          std::u16string key(skel.getBuffer(), skel.length());
          by_skeleton[s].emplace(std::make_pair(key, u_isupper(c) != 0), c);
          all.emplace_back(c, s, key);
        }
      }
    }
    for (auto& [c, s, key] : all) {
      bool upper = u_isupper(c) != 0;
      for (int t = 0; t < 3; ++t) {
        if (t == s) continue;
        auto it = by_skeleton[t].find({key, upper});
        if (it == by_skeleton[t].end()) it = by_skeleton[t].find({key, !upper});
        if (it != by_skeleton[t].end()) target_[t].emplace(c, it->second);
      }
    }
    uspoof_close(sc);
  }

  // The look-alike of c in script t, or c.
  UChar32 To(int t, UChar32 c) const {
    auto it = target_[t].find(c);
    return it == target_[t].end() ? c : it->second;
  }
  bool HasLookAlike(UChar32 c) const {
    for (const auto& m : target_) {
      if (m.count(c)) return true;
    }
    return false;
  }

 private:
  std::map<UChar32, UChar32> target_[3];
};

const Confusables& GetConfusables() {
  static const Confusables* c = new Confusables();
  return *c;
}

// Rewrites look-alike letters of one word into the word's dominant script
// among Latin/Cyrillic/Greek; with fold_case, replacements are case-folded. Letters count 2 when
// they have no look-alike (they prove the script) and 1 otherwise.
void FoldConfusables(icu::UnicodeString& word, bool fold_case) {
  int present = 0;
  for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    UChar32 c = word.char32At(i);
    ConfScript s = ConfScriptOf(c);
    if (s != kConfNone && u_isalpha(c)) present |= 1 << s;
  }
  if (present == 0 || (present & (present - 1)) == 0) return;  // one script only
  int weight[3] = {0, 0, 0};
  for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    UChar32 c = word.char32At(i);
    ConfScript s = ConfScriptOf(c);
    if (s == kConfNone || !u_isalpha(c)) continue;
    weight[s] += GetConfusables().HasLookAlike(c) ? 1 : 2;
  }
  int dominant = 0;
  for (int s = 1; s < 3; ++s) {
    if (weight[s] > weight[dominant]) dominant = s;
  }
  icu::UnicodeString out;
  for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    UChar32 c = word.char32At(i);
    ConfScript s = ConfScriptOf(c);
    if (s != kConfNone && s != dominant) {
      UChar32 m = GetConfusables().To(dominant, c);
      // A case-folded word stays case-folded.
      out.append(fold_case && m != c ? u_foldCase(m, U_FOLD_CASE_DEFAULT) : m);
    } else {
      out.append(c);
    }
  }
  word = out;
}

// ASCII-only input: no normalization, folding or confusables can apply, so
// skip ICU entirely (most list entries take this path).
std::string CleanAscii(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool pending_space = false;
  for (char ch : raw) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\'' || c == '`') continue;
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!word) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::string CleanName(std::string_view raw) {
  if (IsAscii(raw)) return CleanAscii(raw);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return CleanAscii(raw);

  icu::UnicodeString in = FromUtf8(raw);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    if (!IsApostrophe(c)) kept.append(c);
  }
  icu::UnicodeString norm = nfkc->normalize(kept, status);
  if (U_FAILURE(status)) return CleanAscii(raw);

  // Split into words, fold look-alikes per word, then case-fold.
  icu::UnicodeString joined;
  icu::UnicodeString word;
  auto flush = [&] {
    if (word.isEmpty()) return;
    FoldConfusables(word, false);
    if (!joined.isEmpty()) joined.append(u' ');
    joined.append(word);
    word.remove();
  };
  for (int32_t i = 0; i < norm.length(); i = norm.moveIndex32(i, 1)) {
    UChar32 c = norm.char32At(i);
    if (IsApostrophe(c)) continue;  // produced by NFKC (fullwidth forms)
    if (IsWordChar(c)) {
      word.append(c);
    } else {
      flush();
    }
  }
  flush();
  icu::UnicodeString cased = nfkc_cf->normalize(joined, status);
  if (U_FAILURE(status)) return CleanAscii(raw);
  // Again on the folded text: lower-case forms pair up differently (an
  // upper-case Greek letter may fold to one with a Latin look-alike), and the
  // result must be stable under a second CleanName.
  icu::UnicodeString folded;
  int32_t start = 0;
  while (start <= cased.length()) {
    int32_t end = cased.indexOf(u' ', start);
    if (end < 0) end = cased.length();
    icu::UnicodeString w(cased, start, end - start);
    FoldConfusables(w, true);
    if (!folded.isEmpty() || start > 0) folded.append(u' ');
    folded.append(w);
    start = end + 1;
  }
  // Case folding never introduces separators, but NFKC_CF can delete
  // default-ignorable characters; collapse any doubled space that leaves.
  std::string out = ToUtf8(folded);
  std::string collapsed;
  collapsed.reserve(out.size());
  for (char c : out) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed.push_back(c);
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

// ICU's Latin-ASCII costs tens of microseconds a call; on cleaned (NFKC,
// case-folded) text it acts letter by letter, so its answer for every Latin
// letter up to U+024F and in U+1E00-U+1EFF is computed once and looked up.
// Anything else non-ASCII and Latin (rare: combining marks, IPA) goes to ICU.
class AsciiFoldTable {
 public:
  AsciiFoldTable() {
    auto fill = [&](UChar32 lo, UChar32 hi) {
      for (UChar32 c = lo; c <= hi; ++c) {
        std::string in;
        icu::UnicodeString(c).toUTF8String(in);
        table_[c] = internal::TransliterateUtf8(internal::Translit::kLatinAscii, in);
      }
    };
    fill(0x00A0, 0x024F);
    fill(0x1E00, 0x1EFF);
  }
  // Appends the fold of c; false if c needs ICU.
  bool Append(UChar32 c, std::string& out) const {
    auto it = table_.find(c);
    if (it != table_.end()) {
      out += it->second;
      return true;
    }
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) == USCRIPT_LATIN || u_getCombiningClass(c) != 0) {
      return false;
    }
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
    if (!error) out.append(buf, static_cast<size_t>(len));
    return true;
  }

 private:
  std::unordered_map<UChar32, std::string> table_;
};

std::string FoldToAscii(std::string_view cleaned) {
  std::string out;
  out.reserve(cleaned.size());
  static const AsciiFoldTable* table = new AsciiFoldTable();
  const auto* p = reinterpret_cast<const uint8_t*>(cleaned.data());
  const int32_t n = static_cast<int32_t>(cleaned.size());
  int32_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      char c = static_cast<char>(p[i++]);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    if (!table->Append(c, out)) {
      return internal::TransliterateUtf8(internal::Translit::kLatinAscii, cleaned);
    }
  }
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string> Tokenize(std::string_view cleaned) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < cleaned.size()) {
    size_t j = cleaned.find(' ', i);
    if (j == std::string_view::npos) j = cleaned.size();
    if (j > i) out.emplace_back(cleaned.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace vigil::text
