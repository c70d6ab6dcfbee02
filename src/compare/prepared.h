// PreparedEntity::Rep: an entity with everything the comparator needs computed
// once — names analyzed into forms, dates parsed, countries coded,
// identifiers normalized. Built by Matcher::Prepare; immutable afterwards.
#ifndef VIGIL_COMPARE_PREPARED_H_
#define VIGIL_COMPARE_PREPARED_H_

#include <string>
#include <vector>

#include "compare/name_compare.h"
#include "names/analyze.h"
#include "vigil/entity.h"
#include "vigil/matcher.h"

namespace vigil {

struct PreparedName {
  names::AnalyzedName analyzed;
  bool weak = false;                            // from weakAlias: a match on it counts for less
  std::vector<compare::PreparedForm> prepared;  // analyzed.forms, keyed for alignment
};

struct PreparedEntity::Rep {
  Entity entity;
  std::vector<PreparedName> names;
  std::vector<PartialDate> birth_dates;
  std::vector<std::string> countries;    // ISO 3166-1 alpha-2, lower case
  std::string gender;                    // "male" | "female" | ""
  std::vector<std::string> identifiers;  // upper-case alphanumerics only
};

}  // namespace vigil

#endif  // VIGIL_COMPARE_PREPARED_H_
