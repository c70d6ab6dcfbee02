// The parsed form of a name that the comparator aligns: parts in Latin
// spelling, each with its role, and the romanization scheme the form came from.
#ifndef VIGIL_NAMES_NAME_H_
#define VIGIL_NAMES_NAME_H_

#include <string>
#include <utility>
#include <vector>

namespace vigil::names {

enum class PartRole : unsigned char {
  kAny = 0,  // role unknown (most Latin names: order varies)
  kGiven,
  kFamily,
  kMiddle,
  kPatronymic,  // Cyrillic -ovich/-ovna, Arabic bin/ibn X
  kParticle,    // van, der, de, la, al, el, bin, ibn, abu, ...
  kLegalForm,   // llc, ltd, gmbh, ooo, ... (canonical spelling)
  kNumber,      // a number in a company or vessel name: "1", "ii"
};

struct NamePart {
  NamePart() = default;
  NamePart(std::string text, PartRole role = PartRole::kAny, std::string native = {})
      : text(std::move(text)), role(role), native(std::move(native)) {}

  std::string text;  // lower-case ASCII Latin
  PartRole role = PartRole::kAny;
  // The part as written in its own script, for a script whose transcriptions
  // of foreign names the comparator reads by a learned model
  // (names/transcription_model.h): a run of Chinese characters read as one
  // word (古普塔 "guputa"), simplified; a word of a foreign name in Hangul
  // (츠바이크 "cheubaikeu") or of a name in Arabic script (واينبرج, without
  // the article where the form splits it off), when the romanization keeps
  // the words. Empty otherwise.
  std::string native;
};

// One way of reading a name: "陳大文" has a pinyin form [chen(family) da wen],
// a Cantonese form [chan(family) tai man], and so on.
struct NameForm {
  std::vector<NamePart> parts;
  std::string scheme;  // "latin" for names already in Latin, else the scheme
  std::string script;  // the script the name was written in ("han", "latin", ...)
  // A name of the script's own language (김영호), not a foreign name
  // transcribed into it (마이클 존슨): its romanizations are spellings, not
  // approximations of sounds, and the comparator holds them to that.
  bool native = false;
};

}  // namespace vigil::names

#endif  // VIGIL_NAMES_NAME_H_
