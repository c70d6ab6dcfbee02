// Script detection for names. Pure functions of their input; thread-safe.
#ifndef VIGIL_TEXT_SCRIPT_H_
#define VIGIL_TEXT_SCRIPT_H_

#include <string_view>

namespace vigil::text {

enum class Script : unsigned char {
  kUnknown = 0,  // no letters
  kLatin,
  kHan,  // Chinese characters (also Japanese kanji, Korean hanja)
  kCyrillic,
  kArabic,  // Arabic and Persian/Urdu letters
  kGreek,
  kHebrew,
  kHangul,
  kKana,  // Hiragana and Katakana (a name with kana and kanji is kKana)
  kGeorgian,
  kArmenian,
  kOther,
};

// The dominant script among the letters of `s` (UTF-8). Digits, spaces and
// punctuation don't count. Han mixed with kana is kKana (Japanese); Han mixed
// with Hangul is kHangul.
Script DetectScript(std::string_view s);
std::string_view ScriptName(Script script);  // "latin", "han", "cyrillic", ...

}  // namespace vigil::text

#endif  // VIGIL_TEXT_SCRIPT_H_
