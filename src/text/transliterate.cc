#include "text/transliterate.h"

namespace vigil::text {

std::vector<Romanization> Romanize(std::string_view cleaned, Script script) { return {}; }

}  // namespace vigil::text
