// Matcher: compares two entities and explains the score.
//
//   auto m = vigil::Matcher::Create({});           // loads the bundled tables
//   vigil::Comparison c = m->Compare(query, candidate);
//   c.score in [0,1]; c.match == (c.score >= threshold); c.explanation says why.
//
// The explanation is the data the score was computed from: the aligned name
// parts and how each pair matched, and every other feature with its value and
// weight. Nothing is scored that is not in it.
//
// Screening compares one query with many candidates, so entities are prepared
// once (names parsed, transliterated, keyed) and PreparedEntity values are
// compared. A PreparedEntity is immutable and may be shared between threads.
//
// Thread-safety: a Matcher is immutable after Create; Compare and Prepare may
// be called from several threads at once.
#ifndef VIGIL_MATCHER_H_
#define VIGIL_MATCHER_H_

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigil/entity.h"
#include "vigil/status.h"

namespace vigil {

struct MatchOptions {
  // Scores at or above the threshold are a match. Documented in
  // docs/MATCHING.md; 0.70 balances recall and precision on tests/eval.
  double threshold = 0.70;
};

// How one query name part was aligned with one candidate name part.
struct PartAlignment {
  std::string query;      // the query part as written after normalization
  std::string candidate;  // the candidate part ("" when unmatched)
  std::string
      method;  // exact | romanization | nickname | phonetic | typo | initial | merged | unmatched
  std::string scheme;     // e.g. "pinyin", "cantonese", "wade-giles", "icao-9303", "" for Latin
  double similarity = 0;  // in [0,1]
  double weight = 0;      // the part's weight in the name score (rarity, role)
};

// One feature of the comparison: its value in [-1,1] and its weight.
struct Feature {
  std::string name;  // name | birth_date | nationality | gender | identifier | schema | ...
  double value = 0;
  double weight = 0;
  std::string detail;  // human-readable: "year 1953 agrees (query precision: year)"
};

struct Explanation {
  std::string query_name;      // the query name that matched best, as given
  std::string candidate_name;  // the candidate name it matched, as given
  std::string query_form;      // the romanized forms that were aligned
  std::string candidate_form;
  double name_score = 0;
  std::vector<PartAlignment> parts;
  std::vector<Feature> features;
  nlohmann::json ToJson() const;
};

struct Comparison {
  double score = 0;
  bool match = false;
  Explanation explanation;
};

// An entity with its names analyzed once. Opaque: made by Matcher::Prepare.
class PreparedEntity {
 public:
  struct Rep;
  explicit PreparedEntity(std::shared_ptr<const Rep> rep) : rep_(std::move(rep)) {}
  const Entity& entity() const;
  const Rep& rep() const { return *rep_; }

 private:
  std::shared_ptr<const Rep> rep_;
};

class Matcher {
 public:
  // Loads the name tables compiled into vigil. Fails only if they are corrupt.
  static Result<std::unique_ptr<Matcher>> Create(MatchOptions options);
  ~Matcher();

  const MatchOptions& options() const { return options_; }
  PreparedEntity Prepare(const Entity& e) const;
  Comparison Compare(const PreparedEntity& query, const PreparedEntity& candidate) const;
  Comparison Compare(const Entity& query, const Entity& candidate) const;
  // Compare's score, without its explanation: for ranking many candidates
  // of which only the best are explained.
  double Score(const PreparedEntity& query, const PreparedEntity& candidate) const;

 private:
  explicit Matcher(MatchOptions options);
  Comparison Evaluate(const PreparedEntity& query, const PreparedEntity& candidate,
                      bool explain) const;
  MatchOptions options_;
};

}  // namespace vigil

#endif  // VIGIL_MATCHER_H_
