// Candidate retrieval: from a query's keys to the few list entities worth
// scoring with the comparator. Term-at-a-time over the KeyIndex posting
// lists, rarest key first, with a dense per-thread accumulator:
//
//   score(doc) = sum over the query keys filed under doc of
//                idf(key) * weight(key),  idf = ln(1 + N / df)
//
// then multiplied by the caller's boost (birth year agreement), and the top
// `top_n` accepted documents are returned, best first (ties by ordinal, so
// results never depend on thread scheduling).
//
// Common keys cannot blow up a query: once `open_budget` documents have been
// touched, a key whose posting list is longer than `rare_df` no longer adds
// documents; it only adds its weight to those already found (by binary search
// when that is cheaper than walking its list). A query made only of common
// keys still finds its candidates through the rarest of them.
//
// Thread-safety: Retrieve may be called from several threads at once (the
// accumulator is thread-local).
#ifndef VIGIL_INDEX_RETRIEVE_H_
#define VIGIL_INDEX_RETRIEVE_H_

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "index/key_index.h"

namespace vigil::index {

struct QueryTerm {
  uint32_t key = 0;     // KeyIndex key number
  float weight = 1.0f;  // the key's weight hint (CandidateKeys), in (0,1]
};

struct RetrieveOptions {
  size_t top_n = 200;      // documents returned at most
  size_t open_budget = 0;  // 0 = 8 * top_n
  size_t rare_df = 0;      // 0 = max(64, doc_count / 1000)
};

struct Candidate {
  uint32_t doc = 0;
  float score = 0;
};

// `accept(doc)` filters documents (schema, dataset, exclusions) before the
// top-n cut; `boost(doc)` multiplies a document's score (1 = none). Either may
// be empty.
std::vector<Candidate> Retrieve(const KeyIndex& index, std::span<const QueryTerm> terms,
                                const RetrieveOptions& options,
                                const std::function<bool(uint32_t)>& accept,
                                const std::function<float(uint32_t)>& boost);

}  // namespace vigil::index

#endif  // VIGIL_INDEX_RETRIEVE_H_
