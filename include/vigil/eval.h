// Labelled name pairs and the evaluation of the Matcher on them.
//
// A pair file is UTF-8 text, one pair per line, tab-separated:
//   expected  schema  left  right  why
// `expected` is match or no_match; `schema` names both sides ("Person") or
// each ("Person|Company"); a side is a name, then optionally
// " | prop=value; prop=value" (several values of a property separated by ",").
// Lines starting with # and empty lines are ignored. The golden tests
// (tests/golden/match_*.tsv) and the evaluation sets (tests/eval/*.tsv) use it.
//
// Thread-safety: pure functions.
#ifndef VIGIL_EVAL_H_
#define VIGIL_EVAL_H_

#include <string>
#include <vector>

#include "vigil/entity.h"
#include "vigil/matcher.h"
#include "vigil/status.h"

namespace vigil {

struct LabelledPair {
  std::string where;  // "file:line"
  bool expected = false;
  Entity left, right;
  std::string why;
};

// Reads a pair file; a malformed line is an error naming file:line.
Result<std::vector<LabelledPair>> ReadLabelledPairs(const std::string& path);
// Parses one side ("Chan Tai Man | birthDate=1961") into an entity.
Entity ParsePairSide(const std::string& side, Schema schema, std::string id);

struct EvalCounts {
  size_t tp = 0, fp = 0, tn = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct EvalError {
  const LabelledPair* pair;
  double score;
};

// Scores every pair and counts the decisions against the labels.
EvalCounts Evaluate(const Matcher& matcher, const std::vector<LabelledPair>& pairs,
                    std::vector<EvalError>* errors = nullptr);

}  // namespace vigil

#endif  // VIGIL_EVAL_H_
