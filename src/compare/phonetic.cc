#include "compare/phonetic.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace vigil::compare {
namespace {

// Upper-cased code points of s, decomposed (NFKD) when `decompose`.
std::u32string Prepare(std::string_view s, bool decompose) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toUpper(icu::Locale::getRoot());
  if (decompose) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    if (U_SUCCESS(status)) {
      icu::UnicodeString d = nfkd->normalize(u, status);
      if (U_SUCCESS(status)) u = d;
    }
  }
  std::u32string out;
  out.reserve(u.length());
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) out.push_back(u.char32At(i));
  return out;
}

std::string ToUtf8(std::u32string_view cps) {
  std::string out;
  for (char32_t c : cps) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

bool IsVowel(char32_t c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }
bool IsIey(char32_t c) { return c == 'I' || c == 'E' || c == 'Y'; }
bool StartsWith(const std::u32string& s, std::u32string_view p) {
  return s.size() >= p.size() && std::equal(p.begin(), p.end(), s.begin());
}
bool EndsWith(const std::u32string& s, std::u32string_view p) {
  return s.size() >= p.size() && std::equal(p.begin(), p.end(), s.end() - p.size());
}

char32_t SoundexDigit(char32_t c) {
  switch (c) {
    case 'B':
    case 'F':
    case 'P':
    case 'V':
      return '1';
    case 'C':
    case 'G':
    case 'J':
    case 'K':
    case 'Q':
    case 'S':
    case 'X':
    case 'Z':
      return '2';
    case 'D':
    case 'T':
      return '3';
    case 'L':
      return '4';
    case 'M':
    case 'N':
      return '5';
    case 'R':
      return '6';
    default:
      return 0;
  }
}

}  // namespace

std::string Soundex(std::string_view s) {
  if (s.empty()) return "";
  const std::u32string v = Prepare(s, /*decompose=*/true);
  std::u32string code(1, v[0]);
  char32_t last = SoundexDigit(v[0]);
  for (size_t i = 1; i < v.size() && code.size() < 4; ++i) {
    const char32_t digit = SoundexDigit(v[i]);
    if (digit != 0) {
      if (digit != last) code.push_back(digit);
      last = digit;
    } else if (v[i] != 'H' && v[i] != 'W') {
      last = 0;  // a vowel separates two equal digits; H and W do not
    }
  }
  code.resize(4, '0');
  return ToUtf8(code);
}

std::string Metaphone(std::string_view s) {
  if (s.empty()) return "";
  std::u32string v = Prepare(s, /*decompose=*/true);
  for (std::u32string_view silent : {U"KN", U"GN", U"PN", U"WR", U"AE"}) {
    if (StartsWith(v, silent)) {
      v.erase(0, 1);
      break;
    }
  }
  std::u32string out;
  const size_t n = v.size();
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = v[i];
    const char32_t next = i + 1 < n ? v[i + 1] : 0;
    const char32_t after = i + 2 < n ? v[i + 2] : 0;
    const char32_t prev = i > 0 ? v[i - 1] : 0;
    if (c == next && c != 'C') continue;  // a doubled letter codes once
    switch (c) {
      case 'A':
      case 'E':
      case 'I':
      case 'O':
      case 'U':
        if (i == 0 || prev == ' ') out.push_back(c);
        break;
      case 'B':  // silent in a final "MB"
        if (prev != 'M' || next != 0) out.push_back('B');
        break;
      case 'C':
        if ((next == 'I' && after == 'A') || next == 'H') {
          out.push_back('X');
          ++i;
        } else if (IsIey(next)) {
          out.push_back('S');
          ++i;
        } else {
          out.push_back('K');
        }
        break;
      case 'D':
        if (next == 'G' && IsIey(after)) {
          out.push_back('J');
          i += 2;
        } else {
          out.push_back('T');
        }
        break;
      case 'F':
      case 'J':
      case 'L':
      case 'M':
      case 'N':
      case 'R':
        out.push_back(c);
        break;
      case 'G':
        if (IsIey(next)) {
          out.push_back('J');
        } else if ((next == 'H' && after != 0 && !IsVowel(after)) || (next == 'N' && after == 0)) {
          ++i;  // silent: "GH" before a consonant, final "GN"
        } else {
          out.push_back('K');
        }
        break;
      case 'H':
        if (i == 0 || IsVowel(next) || !IsVowel(prev)) out.push_back('H');
        break;
      case 'K':
        if (prev != 'C') out.push_back('K');
        break;
      case 'P':
        if (next == 'H') {
          out.push_back('F');
          ++i;
        } else {
          out.push_back('P');
        }
        break;
      case 'Q':
        out.push_back('K');
        break;
      case 'S':
        if (next == 'H') {
          out.push_back('X');
          ++i;
        } else if (next == 'I' && (after == 'O' || after == 'A')) {
          out.push_back('X');
          i += 2;
        } else {
          out.push_back('S');
        }
        break;
      case 'T':
        if (next == 'I' && (after == 'O' || after == 'A')) {
          out.push_back('X');
        } else if (next == 'H') {
          out.push_back('0');  // theta
          ++i;
        } else if (next != 'C' || after != 'H') {
          out.push_back('T');
        }
        break;
      case 'V':
        out.push_back('F');
        break;
      case 'W':
        if (i == 0 && next == 'H') {
          out.push_back('W');
          ++i;
        } else if (IsVowel(next)) {
          out.push_back('W');
        }
        break;
      case 'X':
        if (i == 0) {
          out.push_back(next == 'H' || (next == 'I' && (after == 'O' || after == 'A')) ? 'X' : 'S');
        } else {
          out.append(U"KS");
        }
        break;
      case 'Y':
        if (IsVowel(next)) out.push_back('Y');
        break;
      case 'Z':
        out.push_back('S');
        break;
      case ' ':
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
        break;
      default:
        break;  // digits, punctuation, combining marks
    }
  }
  return ToUtf8(out);
}

std::string Nysiis(std::string_view s) {
  if (s.empty()) return "";
  const std::u32string upper = Prepare(s, /*decompose=*/false);
  std::u32string v = upper;
  if (StartsWith(upper, U"MAC")) {
    v[1] = 'C';
  } else if (StartsWith(upper, U"KN")) {
    v.erase(0, 1);
  } else if (StartsWith(upper, U"K")) {
    v[0] = 'C';
  } else if (StartsWith(upper, U"PH") || StartsWith(upper, U"PF")) {
    v[0] = v[1] = 'F';
  } else if (StartsWith(upper, U"SCH")) {
    v[1] = v[2] = 'S';
  }
  if (v.size() >= 2) {
    if (EndsWith(upper, U"IE") || EndsWith(upper, U"EE")) {
      v.replace(v.size() - 2, 2, U"Y");
    } else if (EndsWith(upper, U"DT") || EndsWith(upper, U"RT") || EndsWith(upper, U"RD") ||
               EndsWith(upper, U"NT") || EndsWith(upper, U"ND")) {
      v.replace(v.size() - 2, 2, U"D");
    }
  }
  if (v.empty()) return "";

  std::u32string key(1, v[0]);
  const size_t n = v.size();
  for (size_t i = 1; i < n; ++i) {
    const char32_t c = v[i];
    const bool has_next = i + 1 < n;
    std::u32string chars;
    if (c == 'E' && has_next && v[i + 1] == 'V') {
      chars = U"AF";
      ++i;
    } else if (IsVowel(c)) {
      chars = U"A";
    } else if (c == 'Q') {
      chars = U"G";
    } else if (c == 'Z') {
      chars = U"S";
    } else if (c == 'M') {
      chars = U"N";
    } else if (c == 'K') {
      chars = has_next && v[i + 1] == 'N' ? U"N" : U"C";
    } else if (c == 'S' && i + 2 < n && v[i + 1] == 'C' && v[i + 2] == 'H') {
      chars = U"SS";
      i += 2;
    } else if (c == 'P' && has_next && v[i + 1] == 'H') {
      chars = U"F";
      ++i;
    } else if (c == 'H' && (!IsVowel(v[i - 1]) || (has_next && !IsVowel(v[i + 1])) || !has_next)) {
      chars = IsVowel(v[i - 1]) ? U"A" : std::u32string(1, v[i - 1]);
    } else if (c == 'W' && IsVowel(v[i - 1])) {
      chars = std::u32string(1, v[i - 1]);
    } else {
      chars = std::u32string(1, c);
    }
    if (chars.back() != key.back()) key += chars;
  }
  if (key.size() > 1 && key.back() == 'S') key.pop_back();
  if (EndsWith(key, U"AY")) key.erase(key.size() - 2, 1);
  if (key.size() > 1 && key.back() == 'A') key.pop_back();
  return ToUtf8(key);
}

namespace {

std::u32string Codex(std::string_view s) {
  const std::u32string v = Prepare(s, /*decompose=*/false);
  std::u32string codex;
  char32_t prev = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    const char32_t c = v[i];
    const bool vowel = IsVowel(c);
    // A leading vowel is kept; later vowels are dropped; a consonant is kept
    // unless it repeats the previous letter. (Spaces count as consonants, as
    // in jellyfish.)
    if ((i == 0 && vowel) || (!vowel && c != prev)) codex.push_back(c);
    prev = c;
  }
  if (codex.size() > 6) codex = codex.substr(0, 3) + codex.substr(codex.size() - 3);
  return codex;
}

}  // namespace

std::string MatchRatingCodex(std::string_view s) { return ToUtf8(Codex(s)); }

std::optional<bool> MatchRatingComparison(std::string_view a, std::string_view b) {
  std::u32string longer = Codex(a), shorter = Codex(b);
  if (shorter.size() >= longer.size()) std::swap(longer, shorter);
  if (longer.size() - shorter.size() >= 3) return std::nullopt;
  const size_t length_sum = longer.size() + shorter.size();

  // Drop the letters that agree position by position from the left...
  std::u32string rest1, rest2;
  for (size_t i = 0; i < longer.size(); ++i) {
    if (i >= shorter.size()) {
      rest1.push_back(longer[i]);
    } else if (longer[i] != shorter[i]) {
      rest1.push_back(longer[i]);
      rest2.push_back(shorter[i]);
    }
  }
  // ...then count what still disagrees aligned from the right.
  size_t unmatched1 = 0, unmatched2 = 0;
  for (size_t k = 0; k < std::max(rest1.size(), rest2.size()); ++k) {
    const bool has1 = k < rest1.size(), has2 = k < rest2.size();
    if (has1 && has2) {
      if (rest1[rest1.size() - 1 - k] != rest2[rest2.size() - 1 - k]) {
        ++unmatched1;
        ++unmatched2;
      }
    } else if (has1) {
      ++unmatched1;
    } else {
      ++unmatched2;
    }
  }
  const int similarity = 6 - static_cast<int>(std::max(unmatched1, unmatched2));
  const int threshold = length_sum <= 4 ? 5 : length_sum <= 7 ? 4 : length_sum <= 11 ? 3 : 2;
  return similarity >= threshold;
}

}  // namespace vigil::compare
