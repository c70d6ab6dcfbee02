#include "text/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>

namespace vigil::text {

Script DetectScript(std::string_view s) {
  std::array<int, static_cast<size_t>(Script::kOther) + 1> count{};
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    Script script;
    switch (uscript_getScript(c, &status)) {
      case USCRIPT_LATIN:
        script = Script::kLatin;
        break;
      case USCRIPT_HAN:
        script = Script::kHan;
        break;
      case USCRIPT_CYRILLIC:
        script = Script::kCyrillic;
        break;
      case USCRIPT_ARABIC:
        script = Script::kArabic;
        break;
      case USCRIPT_GREEK:
        script = Script::kGreek;
        break;
      case USCRIPT_HEBREW:
        script = Script::kHebrew;
        break;
      case USCRIPT_HANGUL:
        script = Script::kHangul;
        break;
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA:
      case USCRIPT_KATAKANA_OR_HIRAGANA:
        script = Script::kKana;
        break;
      case USCRIPT_GEORGIAN:
        script = Script::kGeorgian;
        break;
      case USCRIPT_ARMENIAN:
        script = Script::kArmenian;
        break;
      case USCRIPT_COMMON:
      case USCRIPT_INHERITED:
        // The prolonged sound mark ー is Common but only ever Japanese.
        if (c == 0x30FC || c == 0xFF70) {
          script = Script::kKana;
          break;
        }
        continue;
      default:
        script = Script::kOther;
        break;
    }
    ++count[static_cast<size_t>(script)];
  }
  // Han written with kana is Japanese, with Hangul Korean: the phonetic
  // script decides how the whole name is read.
  const int han = count[static_cast<size_t>(Script::kHan)];
  if (han > 0 && count[static_cast<size_t>(Script::kKana)] > 0) {
    count[static_cast<size_t>(Script::kKana)] += han;
    count[static_cast<size_t>(Script::kHan)] = 0;
  } else if (han > 0 && count[static_cast<size_t>(Script::kHangul)] > 0) {
    count[static_cast<size_t>(Script::kHangul)] += han;
    count[static_cast<size_t>(Script::kHan)] = 0;
  }
  Script best = Script::kUnknown;
  int best_count = 0;
  for (size_t k = 1; k < count.size(); ++k) {
    if (count[k] > best_count) {  // ties go to the earlier (more common) script
      best = static_cast<Script>(k);
      best_count = count[k];
    }
  }
  return best;
}

std::string_view ScriptName(Script script) {
  switch (script) {
    case Script::kUnknown:
      return "unknown";
    case Script::kLatin:
      return "latin";
    case Script::kHan:
      return "han";
    case Script::kCyrillic:
      return "cyrillic";
    case Script::kArabic:
      return "arabic";
    case Script::kGreek:
      return "greek";
    case Script::kHebrew:
      return "hebrew";
    case Script::kHangul:
      return "hangul";
    case Script::kKana:
      return "kana";
    case Script::kGeorgian:
      return "georgian";
    case Script::kArmenian:
      return "armenian";
    case Script::kOther:
      return "other";
  }
  return "unknown";
}

}  // namespace vigil::text
