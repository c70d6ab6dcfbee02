// Query files and result files for batch screening (`vigil screen`).
//
// Queries are FollowTheMoney JSON lines, or CSV with a header row naming its
// columns (full_name/name, alias, first_name, middle_name, last_name,
// date_of_birth, gender, nationality, country, place_of_birth, passport,
// id_number, id, schema), told apart by content: a first non-blank character
// '{' means JSON lines. A query without a schema is a Person when it has a
// person-only field (first/last name, birth date, gender), else a LegalEntity
// (compared with people and companies alike).
//
// Failure: a bad line is an InvalidArgument naming file:line and the field,
// unless `skip_invalid`, when it is counted in `skipped` and left out.
//
// Results: one JSON object per query, in input order
//   {"query_id": ..., "results": [{"id", "schema", "caption", "datasets",
//    "score", "match", "explanation"}, ...]}   best first
// or CSV with one row per hit. Both are pure functions of the hits, so output
// is identical whatever the number of threads.
//
// Thread-safety: pure functions; ScreenBatch runs `threads` workers itself.
#ifndef VIGIL_SCREEN_QUERIES_H_
#define VIGIL_SCREEN_QUERIES_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/entity.h"
#include "vigil/lists.h"
#include "vigil/screener.h"
#include "vigil/status.h"

namespace vigil::screen {

struct Query {
  std::string query_id;  // the id column / entity id, else the line number
  size_t line = 0;
  Entity entity;
};

struct QueryFile {
  std::string format;  // "jsonl" | "csv"
  std::vector<Query> queries;
  std::vector<SkippedRow> skipped;
};

// The bytes of `path`, or of standard input when `path` is "-".
Result<std::string> ReadInput(const std::string& path);

// Parses query file bytes; `name` is used in messages.
Result<QueryFile> ParseQueries(std::string_view data, const std::string& name, bool skip_invalid);

// Screens every query with `threads` workers (0 = one per core), calling
// `sink(i, hits)` in query order from the calling thread, and `progress(done)`
// now and then.
void ScreenBatch(const Screener& screener, const std::vector<Query>& queries,
                 const ScreenOptions& options, unsigned threads,
                 const std::function<void(size_t, std::vector<Hit>&)>& sink,
                 const std::function<void(size_t)>& progress);

// One JSON line (without newline) for a query's hits.
std::string ResultJsonLine(const Query& q, const std::vector<Hit>& hits);
// CSV header and the rows of a query's hits (each ending in '\n').
std::string ResultCsvHeader();
std::string ResultCsvRows(const Query& q, const std::vector<Hit>& hits);

// A one-line summary of why a hit matched: aligned parts and the features that
// counted ("xi=xi exact; jinping~jin ping merged; birth_date +0.2 year 1953").
std::string BriefExplanation(const Explanation& e);

// A score rounded to 4 decimals, as results print it.
double RoundScore(double s);

}  // namespace vigil::screen

#endif  // VIGIL_SCREEN_QUERIES_H_
