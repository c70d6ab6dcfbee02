// The Screener implementation: an index (built in memory or mapped from a
// snapshot), the Matcher, and a per-entity cache of decoded, prepared list
// entities.
//
// Screen(query): prepare the query, look its candidate keys up, retrieve the
// best `candidates` list entities (index/retrieve.h; schema, dataset and
// exclusion filters applied before the cut; a birth year within one year
// boosts), score each with Matcher::Compare, and return the best `limit` at or
// above `min_score`, by score then id.
//
// A snapshot stores entities as JSON; an entity is decoded and prepared the
// first time it is a candidate (lock-free: an atomic pointer per entity, the
// loser of a race discards its copy), so opening costs the map and checksum.
//
// Thread-safety: all const methods may be called from several threads.
#ifndef VIGIL_SCREEN_SCREENER_IMPL_H_
#define VIGIL_SCREEN_SCREENER_IMPL_H_

#include <atomic>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "index/key_index.h"
#include "index/retrieve.h"
#include "index/snapshot_file.h"
#include "index/string_table.h"
#include "screen/index_build.h"
#include "vigil/screener.h"

namespace vigil::screen {

struct ScreenerConfig {
  size_t candidates = 200;     // list entities scored per query
  float year_boost = 1.5f;     // retrieval score factor for a birth year within 1 year
  float country_boost = 1.2f;  // ... for a country in common
  float typo_weight = 0.3f;    // typo keys' weight, relative to their token's
  // Name scores are Dice-like: with the same parts matched, a shorter name
  // scores higher. Retrieval scores are multiplied by 2q / (q + c), q and c
  // the words in the query's and the candidate's shortest names.
  bool length_norm = true;
  // Candidates whose retrieval score is below this fraction of the best
  // candidate's are not scored (0 = score all `candidates`); at least
  // `min_candidates` are always scored. Trades recall for speed: the recall
  // test measures both. At 0.05 it lost no brute-force match in the recall
  // test and no recall on the benchmark sets, and scored 2-3 times fewer
  // candidates (most of them, sharing a twentieth of the best one's key
  // weight, scored 0); at 0.1 the recall test lost one of 301.
  float min_relative = 0.05f;
  size_t min_candidates = 20;
  unsigned threads = 0;  // index build workers (0 = one per core)
};

class ScreenerImpl : public Screener {
 public:
  static Result<std::shared_ptr<const ScreenerImpl>> Build(const std::vector<std::string>& paths,
                                                           const LoadOptions& load,
                                                           const MatchOptions& match,
                                                           const ScreenerConfig& config);
  static Result<std::shared_ptr<const ScreenerImpl>> FromBuilt(std::unique_ptr<BuiltIndex> built,
                                                               std::unique_ptr<Matcher> matcher,
                                                               const ScreenerConfig& config);
  static Result<std::shared_ptr<const ScreenerImpl>> Open(const std::string& path,
                                                          const MatchOptions& match,
                                                          const ScreenerConfig& config);
  ~ScreenerImpl() override;

  std::vector<Hit> Screen(const Entity& query, const ScreenOptions& options) const override;
  std::vector<Hit> Search(const std::string& text, Schema schema,
                          const ScreenOptions& options) const override;
  std::shared_ptr<const Entity> FindEntity(const std::string& id) const override;
  std::vector<DatasetInfo> Datasets() const override { return datasets_; }
  size_t size() const override { return n_; }
  const Matcher& matcher() const override { return *matcher_; }

  // Screens a prepared query, and retrieval alone (for the recall test and
  // the benchmark).
  std::vector<Hit> ScreenPrepared(const PreparedEntity& query, const ScreenOptions& options) const;
  std::vector<uint32_t> Candidates(const PreparedEntity& query, const ScreenOptions& options) const;
  // The prepared list entity with ordinal `doc`, or null if it cannot be
  // decoded (never for a verified snapshot).
  std::shared_ptr<const PreparedEntity> Prepared(uint32_t doc) const;
  const index::KeyIndex& key_index() const { return index_; }
  const ScreenerConfig& config() const { return config_; }

 private:
  ScreenerImpl() = default;
  Status Attach(const std::function<std::optional<std::string_view>(uint32_t)>& section,
                const std::string& name);

  ScreenerConfig config_;
  std::unique_ptr<Matcher> matcher_;
  std::shared_ptr<const index::MappedSnapshot> snapshot_;  // when opened from a file
  std::unique_ptr<BuiltIndex> built_;                      // when built in memory
  uint32_t n_ = 0;
  index::KeyIndex index_;
  index::StringTableView ids_;
  std::span<const uint64_t> entity_offsets_;
  std::string_view entity_blob_;
  std::span<const uint8_t> schemata_;
  std::span<const uint16_t> dataset_sets_;
  std::span<const uint32_t> year_offsets_;
  std::span<const uint16_t> years_;
  std::span<const uint32_t> country_offsets_;
  std::span<const uint16_t> countries_;
  std::span<const uint8_t> name_lengths_;
  std::vector<std::vector<uint16_t>> set_members_;  // dataset set -> dataset numbers
  std::vector<DatasetInfo> datasets_;
  mutable std::unique_ptr<std::atomic<const std::shared_ptr<const PreparedEntity>*>[]> cache_;
};

}  // namespace vigil::screen

#endif  // VIGIL_SCREEN_SCREENER_IMPL_H_
