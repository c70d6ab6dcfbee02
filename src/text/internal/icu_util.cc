#include "text/internal/icu_util.h"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>
#include <mutex>

namespace vigil::text::internal {
namespace {

constexpr std::array<const char*, static_cast<size_t>(Translit::kCount)> kIds = {
    "Latin-ASCII",
    "Cyrillic-Latin; Latin-ASCII",
    "Greek-Latin/UNGEGN; Latin-ASCII",
    "Greek-Latin; Latin-ASCII",
    "Hebrew-Latin; Latin-ASCII",
    "Hiragana-Latin; Latin-ASCII",
    "Katakana-Latin; Latin-ASCII",
    "Georgian-Latin; Latin-ASCII",
    "Armenian-Latin; Latin-ASCII",
    // Rules (marked by the leading ':'): ICU's Armenian-Latin gives ISO 9985;
    // names are mostly spelled with BGN/PCGN letters.
    ":: Armenian-Latin; :: Lower; ow > u; x > kh; č > ch; š > sh; ž > zh; ǰ > j; ġ > gh; "
    "ł > gh; cʻ > ts; c > ts; ʻ > ; ṙ > r; ō > o; ē > e; ə > y; :: Latin-ASCII;",
    "Any-Latin; Latin-ASCII",
};

// Prototypes, built once. A null entry means ICU could not build it.
const icu::Transliterator* Prototype(Translit id) {
  static const auto* protos = [] {
    auto* p = new std::array<std::unique_ptr<icu::Transliterator>, kIds.size()>();
    for (size_t i = 0; i < kIds.size(); ++i) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::Transliterator> t;
      if (kIds[i][0] == ':') {
        UParseError pe;
        t.reset(icu::Transliterator::createFromRules(
            "vigil-" + icu::UnicodeString::fromUTF8(std::to_string(i)),
            icu::UnicodeString::fromUTF8(kIds[i]), UTRANS_FORWARD, pe, status));
      } else {
        t.reset(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(kIds[i]),
                                                    UTRANS_FORWARD, status));
      }
      if (U_SUCCESS(status)) (*p)[i] = std::move(t);
    }
    return p;
  }();
  return (*protos)[static_cast<size_t>(id)].get();
}

}  // namespace

icu::UnicodeString FromUtf8(std::string_view s) {
  icu::UnicodeString out;
  out.getBuffer(static_cast<int32_t>(s.size()) + 1);
  out.releaseBuffer(0);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0) out.append(c);
  }
  return out;
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool Transliterate(Translit id, icu::UnicodeString& s) {
  // One clone per thread per transform: transliterate() is not const-safe to
  // share across threads.
  thread_local std::array<std::unique_ptr<icu::Transliterator>, kIds.size()> clones;
  auto& slot = clones[static_cast<size_t>(id)];
  if (!slot) {
    const icu::Transliterator* proto = Prototype(id);
    if (proto == nullptr) return false;
    slot.reset(proto->clone());
  }
  slot->transliterate(s);
  return true;
}

std::string TransliterateUtf8(Translit id, std::string_view s) {
  icu::UnicodeString u = FromUtf8(s);
  Transliterate(id, u);
  u.toLower(icu::Locale::getRoot());
  return ToUtf8(u);
}

}  // namespace vigil::text::internal
