// ICU helpers shared by the text layer: UTF-8 conversion that drops invalid
// bytes, and per-thread cached transliterators (creating an ICU
// Transliterator parses its rules and costs milliseconds, so each thread
// clones a prototype once and reuses it).
// Thread-safe: prototypes are built once behind a static; each thread owns
// its clones.
#ifndef VIGIL_TEXT_INTERNAL_ICU_UTIL_H_
#define VIGIL_TEXT_INTERNAL_ICU_UTIL_H_

#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace vigil::text::internal {

// UTF-8 to UTF-16; ill-formed byte sequences are dropped, never replaced.
icu::UnicodeString FromUtf8(std::string_view s);
std::string ToUtf8(const icu::UnicodeString& s);

enum class Translit {
  kLatinAscii,     // "Latin-ASCII"
  kCyrillicLatin,  // "Cyrillic-Latin; Latin-ASCII"
  kGreekUngegn,    // "Greek-Latin/UNGEGN; Latin-ASCII"
  kGreekLatin,     // "Greek-Latin; Latin-ASCII"
  kHebrewLatin,    // "Hebrew-Latin; Latin-ASCII"
  kHiraganaLatin,  // "Hiragana-Latin; Latin-ASCII"
  kKatakanaLatin,  // "Katakana-Latin; Latin-ASCII"
  kGeorgianLatin,  // "Georgian-Latin; Latin-ASCII"
  kArmenianLatin,  // "Armenian-Latin; Latin-ASCII"
  kArmenianBgn,    // ISO 9985 rewritten to BGN/PCGN letters (x -> kh, č -> ch)
  kAnyLatinAscii,  // "Any-Latin; Latin-ASCII"
  kCount,
};

// Applies the transliterator in place. Returns false (and leaves `s` as it
// was) if this ICU build lacks the transform.
bool Transliterate(Translit id, icu::UnicodeString& s);

// Convenience: UTF-8 in, lower-case UTF-8 out.
std::string TransliterateUtf8(Translit id, std::string_view s);

}  // namespace vigil::text::internal

#endif  // VIGIL_TEXT_INTERNAL_ICU_UTIL_H_
