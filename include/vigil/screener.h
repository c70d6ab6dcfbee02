// Screener: finds the list entities that match a query entity.
//
// A Screener owns the loaded list entities, their candidate index and a
// Matcher. Screen() retrieves candidates from the index (never a scan of the
// list), scores them with the Matcher and returns the best, with explanations.
//
// Lifetime: a Screener is immutable once built; the service swaps a new one in
// atomically (std::shared_ptr) when lists are reloaded, and requests in flight
// keep the old one alive.
//
// Thread-safety: all const methods may be called from several threads at once.
#ifndef VIGIL_SCREENER_H_
#define VIGIL_SCREENER_H_

#include <memory>
#include <string>
#include <vector>

#include "vigil/entity.h"
#include "vigil/lists.h"
#include "vigil/matcher.h"
#include "vigil/status.h"

namespace vigil {

struct ScreenOptions {
  double threshold = 0.70;  // hits at or above are `match`
  size_t limit = 10;        // at most this many hits, best first
  // Hits below this score are not returned at all (0 = return every scored
  // candidate up to `limit`; screening uses threshold).
  double min_score = 0.0;
  std::vector<std::string> include_datasets;  // empty = all
  std::vector<std::string> exclude_datasets;
  std::vector<std::string> exclude_entity_ids;
};

struct Hit {
  std::shared_ptr<const Entity> entity;
  double score = 0;
  bool match = false;
  Explanation explanation;
};

struct DatasetInfo {
  std::string name;
  std::string version;
  std::string source;  // the path it was loaded from
  size_t entities = 0;
};

class Screener {
 public:
  virtual ~Screener() = default;

  // Loads list files and builds the index in memory.
  static Result<std::shared_ptr<const Screener>> FromLists(const std::vector<std::string>& paths,
                                                           const LoadOptions& load = {},
                                                           const MatchOptions& match = {});
  // Maps an index snapshot written by `vigil index build`.
  static Result<std::shared_ptr<const Screener>> FromIndex(const std::string& path,
                                                           const MatchOptions& match = {});

  virtual std::vector<Hit> Screen(const Entity& query, const ScreenOptions& options) const = 0;
  // Free-text search on names (the /search route): same retrieval and scoring,
  // the text taken as a name of `schema`.
  virtual std::vector<Hit> Search(const std::string& text, Schema schema,
                                  const ScreenOptions& options) const = 0;
  virtual std::shared_ptr<const Entity> FindEntity(const std::string& id) const = 0;
  virtual std::vector<DatasetInfo> Datasets() const = 0;
  virtual size_t size() const = 0;
  virtual const Matcher& matcher() const = 0;
};

}  // namespace vigil

#endif  // VIGIL_SCREENER_H_
