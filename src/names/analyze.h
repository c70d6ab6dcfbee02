// Name analysis: one raw name (any script) to the NameForms the comparator
// aligns. The chain: text::CleanName -> script detection -> legal forms (for
// organizations) -> romanization (text::Romanize, names::HanNameForms) ->
// Latin token handling (particles, Arabic compounds) -> NameForms.
//
// Pure function of its inputs; thread-safe (tables are static and immutable).
#ifndef VIGIL_NAMES_ANALYZE_H_
#define VIGIL_NAMES_ANALYZE_H_

#include <string>
#include <string_view>
#include <vector>

#include "names/name.h"
#include "vigil/entity.h"

namespace vigil::names {

struct AnalyzedName {
  std::string original;                  // as given
  std::string script;                    // "latin", "han", "cyrillic", ...
  std::vector<NameForm> forms;           // at least one unless the name has no letters
  std::vector<std::string> legal_forms;  // canonical legal-form types found (organizations)
};

// `family_names` are known family names of the entity (the lastName
// property): parts spelling them get the kFamily role. Without them, a Latin
// person name marks its family name from the way it is written: the part
// before a comma ("SMITH, John") or the parts in capitals among mixed-case
// ones ("Alexander CHAN Meng-wah").
AnalyzedName AnalyzeName(std::string_view raw, Schema schema,
                         const std::vector<std::string>& family_names = {});

}  // namespace vigil::names

#endif  // VIGIL_NAMES_ANALYZE_H_
