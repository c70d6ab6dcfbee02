#include <algorithm>
#include <cmath>
#include <thread>

#include <nlohmann/json.hpp>

#include "compare/keys.h"
#include "compare/prepared.h"
#include "screen/screener_impl.h"

namespace vigil {

Result<std::shared_ptr<const Screener>> Screener::FromLists(const std::vector<std::string>& paths,
                                                            const LoadOptions& load,
                                                            const MatchOptions& match) {
  auto s = screen::ScreenerImpl::Build(paths, load, match, {});
  if (!s.ok()) return s.status();
  return std::shared_ptr<const Screener>(std::move(s).value());
}

Result<std::shared_ptr<const Screener>> Screener::FromIndex(const std::string& path,
                                                            const MatchOptions& match) {
  auto s = screen::ScreenerImpl::Open(path, match, {});
  if (!s.ok()) return s.status();
  return std::shared_ptr<const Screener>(std::move(s).value());
}

namespace screen {
namespace {

template <typename T>
Result<std::span<const T>> ArraySection(
    const std::function<std::optional<std::string_view>(uint32_t)>& section, uint32_t id,
    const std::string& name) {
  auto s = section(id);
  if (!s) return Status::Corruption(name + ": index section " + std::to_string(id) + " missing");
  if (s->size() % sizeof(T) != 0 || reinterpret_cast<uintptr_t>(s->data()) % alignof(T) != 0) {
    return Status::Corruption(name + ": index section " + std::to_string(id) + " misshapen");
  }
  return index::AsArray<T>(*s);
}

bool YearsNear(std::span<const uint16_t> a, const std::vector<int>& b) {
  for (uint16_t y : a) {
    for (int q : b) {
      if (std::abs(static_cast<int>(y) - q) <= 1) return true;
    }
  }
  return false;
}

}  // namespace

ScreenerImpl::~ScreenerImpl() {
  if (!cache_) return;
  for (uint32_t i = 0; i < n_; ++i) delete cache_[i].load(std::memory_order_relaxed);
}

Result<std::shared_ptr<const ScreenerImpl>> ScreenerImpl::Build(
    const std::vector<std::string>& paths, const LoadOptions& load, const MatchOptions& match,
    const ScreenerConfig& config) {
  auto matcher = Matcher::Create(match);
  if (!matcher.ok()) return matcher.status();
  BuildOptions bo;
  bo.threads = config.threads;
  bo.keep_prepared = true;
  auto built = BuildIndexFromFiles(paths, load, **matcher, bo, nullptr);
  if (!built.ok()) return built.status();
  return FromBuilt(std::move(built).value(), std::move(matcher).value(), config);
}

Result<std::shared_ptr<const ScreenerImpl>> ScreenerImpl::FromBuilt(
    std::unique_ptr<BuiltIndex> built, std::unique_ptr<Matcher> matcher,
    const ScreenerConfig& config) {
  std::shared_ptr<ScreenerImpl> s(new ScreenerImpl());
  s->config_ = config;
  s->matcher_ = std::move(matcher);
  s->built_ = std::move(built);
  auto sections = s->built_->Sections();
  VIGIL_RETURN_IF_ERROR(s->Attach(
      [&](uint32_t id) -> std::optional<std::string_view> {
        for (const auto& [sid, bytes] : sections) {
          if (sid == id) return bytes;
        }
        return std::nullopt;
      },
      "index"));
  // Lists built in memory were prepared while indexing: fill the cache.
  auto& prepared = s->built_->prepared;
  for (uint32_t i = 0; i < s->n_ && i < prepared.size(); ++i) {
    s->cache_[i].store(new std::shared_ptr<const PreparedEntity>(
                           std::make_shared<const PreparedEntity>(std::move(prepared[i]))),
                       std::memory_order_relaxed);
  }
  std::vector<PreparedEntity>().swap(prepared);
  return std::shared_ptr<const ScreenerImpl>(std::move(s));
}

Result<std::shared_ptr<const ScreenerImpl>> ScreenerImpl::Open(const std::string& path,
                                                               const MatchOptions& match,
                                                               const ScreenerConfig& config) {
  auto snap = index::MappedSnapshot::Open(path);
  if (!snap.ok()) return snap.status();
  auto matcher = Matcher::Create(match);
  if (!matcher.ok()) return matcher.status();
  std::shared_ptr<ScreenerImpl> s(new ScreenerImpl());
  s->config_ = config;
  s->matcher_ = std::move(matcher).value();
  s->snapshot_ = std::move(snap).value();
  VIGIL_RETURN_IF_ERROR(s->Attach([&](uint32_t id) { return s->snapshot_->Section(id); }, path));
  return std::shared_ptr<const ScreenerImpl>(std::move(s));
}

Status ScreenerImpl::Attach(const std::function<std::optional<std::string_view>(uint32_t)>& section,
                            const std::string& name) {
  auto meta_text = section(kMeta);
  if (!meta_text) return Status::Corruption(name + ": index has no meta section");
  auto meta = nlohmann::json::parse(*meta_text, nullptr, false);
  if (meta.is_discarded() || !meta.is_object() || meta.value("format", "") != "vigil-index" ||
      !meta.contains("entities") || !meta["entities"].is_number_unsigned() ||
      !meta.contains("datasets") || !meta["datasets"].is_array() ||
      !meta.contains("dataset_sets") || !meta["dataset_sets"].is_array()) {
    return Status::Corruption(name + ": index meta section is not what vigil writes");
  }
  if (meta.value("key_fingerprint", "") != KeyFingerprint(*matcher_)) {
    return Status::FailedPrecondition(
        name +
        ": this index was built by a vigil whose name keys differ from this one's; "
        "rebuild it with `vigil index build`");
  }
  const uint64_t n = meta["entities"].get<uint64_t>();
  if (n >= UINT32_MAX) return Status::Corruption(name + ": entity count out of range");
  n_ = static_cast<uint32_t>(n);
  for (const auto& d : meta["datasets"]) {
    if (!d.is_object()) return Status::Corruption(name + ": bad dataset in meta");
    DatasetInfo info;
    info.name = d.value("name", "");
    info.version = d.value("version", "");
    info.source = d.value("source", "");
    info.entities = d.value("entities", size_t{0});
    datasets_.push_back(std::move(info));
  }
  for (const auto& set : meta["dataset_sets"]) {
    std::vector<uint16_t> members;
    if (!set.is_array()) return Status::Corruption(name + ": bad dataset set in meta");
    for (const auto& m : set) {
      if (!m.is_number_unsigned() || m.get<size_t>() >= datasets_.size()) {
        return Status::Corruption(name + ": dataset set names an unknown dataset");
      }
      members.push_back(m.get<uint16_t>());
    }
    set_members_.push_back(std::move(members));
  }

  auto key_offsets = ArraySection<uint32_t>(section, kKeyOffsets, name);
  auto key_slots = ArraySection<uint32_t>(section, kKeySlots, name);
  auto posting_offsets = ArraySection<uint32_t>(section, kPostingOffsets, name);
  auto postings = ArraySection<uint32_t>(section, kPostings, name);
  auto id_offsets = ArraySection<uint32_t>(section, kIdOffsets, name);
  auto id_slots = ArraySection<uint32_t>(section, kIdSlots, name);
  auto entity_offsets = ArraySection<uint64_t>(section, kEntityOffsets, name);
  auto schemata = ArraySection<uint8_t>(section, kSchemata, name);
  auto sets = ArraySection<uint16_t>(section, kDatasetSets, name);
  auto year_offsets = ArraySection<uint32_t>(section, kYearOffsets, name);
  auto years = ArraySection<uint16_t>(section, kYears, name);
  auto country_offsets = ArraySection<uint32_t>(section, kCountryOffsets, name);
  auto countries = ArraySection<uint16_t>(section, kCountries, name);
  auto name_lengths = ArraySection<uint8_t>(section, kNameLengths, name);
  for (const Status* st :
       {&key_offsets.status(), &key_slots.status(), &posting_offsets.status(), &postings.status(),
        &id_offsets.status(), &id_slots.status(), &entity_offsets.status(), &schemata.status(),
        &sets.status(), &year_offsets.status(), &years.status()}) {
    if (!st->ok()) return *st;
  }
  auto key_blob = section(kKeyBlob);
  auto id_blob = section(kIdBlob);
  auto entity_blob = section(kEntityBlob);
  if (!key_blob || !id_blob || !entity_blob) {
    return Status::Corruption(name + ": index section missing");
  }
  auto keys = index::StringTableView::Create(*key_blob, *key_offsets, *key_slots);
  if (!keys.ok()) return Status::Corruption(name + ": keys: " + keys.status().message());
  auto ix = index::KeyIndex::Create(*keys, *posting_offsets, *postings, n_);
  if (!ix.ok()) return Status::Corruption(name + ": " + ix.status().message());
  index_ = *ix;
  auto ids = index::StringTableView::Create(*id_blob, *id_offsets, *id_slots);
  if (!ids.ok()) return Status::Corruption(name + ": ids: " + ids.status().message());
  ids_ = *ids;
  if (ids_.size() != n_ || entity_offsets->size() != n + 1 || schemata->size() != n ||
      sets->size() != n || year_offsets->size() != n + 1 || country_offsets->size() != n + 1 ||
      name_lengths->size() != n) {
    return Status::Corruption(name + ": index sections disagree on the entity count");
  }
  entity_offsets_ = *entity_offsets;
  entity_blob_ = *entity_blob;
  schemata_ = *schemata;
  dataset_sets_ = *sets;
  year_offsets_ = *year_offsets;
  years_ = *years;
  country_offsets_ = *country_offsets;
  countries_ = *countries;
  name_lengths_ = *name_lengths;
  if (entity_offsets_[0] != 0 || entity_offsets_[n_] != entity_blob_.size() ||
      year_offsets_[0] != 0 || year_offsets_[n_] != years_.size() || country_offsets_[0] != 0 ||
      country_offsets_[n_] != countries_.size()) {
    return Status::Corruption(name + ": entity offsets do not cover the entity data");
  }
  for (uint32_t i = 0; i < n_; ++i) {
    if (entity_offsets_[i + 1] < entity_offsets_[i] || year_offsets_[i + 1] < year_offsets_[i] ||
        country_offsets_[i + 1] < country_offsets_[i] || dataset_sets_[i] >= set_members_.size() ||
        schemata_[i] > static_cast<uint8_t>(Schema::kAircraft)) {
      return Status::Corruption(name + ": entity " + std::to_string(i) + " is misshapen");
    }
  }
  cache_.reset(new std::atomic<const std::shared_ptr<const PreparedEntity>*>[n_]);
  for (uint32_t i = 0; i < n_; ++i) cache_[i].store(nullptr, std::memory_order_relaxed);
  return Status::Ok();
}

std::shared_ptr<const PreparedEntity> ScreenerImpl::Prepared(uint32_t doc) const {
  if (doc >= n_) return nullptr;
  if (auto* p = cache_[doc].load(std::memory_order_acquire)) return *p;
  const std::string_view text =
      entity_blob_.substr(entity_offsets_[doc], entity_offsets_[doc + 1] - entity_offsets_[doc]);
  auto e = EntityFromJsonText(text);
  if (!e.ok()) return nullptr;
  auto fresh = new std::shared_ptr<const PreparedEntity>(
      std::make_shared<const PreparedEntity>(matcher_->Prepare(*e)));
  const std::shared_ptr<const PreparedEntity>* expected = nullptr;
  if (cache_[doc].compare_exchange_strong(expected, fresh, std::memory_order_acq_rel)) {
    return *fresh;
  }
  delete fresh;
  return *expected;
}

// Extra candidates retrieved by the keys that get a pass of their own (the
// romaji readings of a kanji query, the likely Latin spellings of a foreign
// name in characters; see CandidateKeys).
constexpr size_t kOwnPassCandidates = 20;

std::vector<uint32_t> ScreenerImpl::Candidates(const PreparedEntity& query,
                                               const ScreenOptions& options) const {
  std::vector<std::string> keys, own_pass;
  std::vector<float> weights;
  CandidateKeys(query, &keys, &weights, &own_pass);
  AddTypoKeys(&keys, &weights, config_.typo_weight);
  std::vector<index::QueryTerm> terms;
  // Some keys also get a retrieval of their own: among the many keys of a
  // Han name's Chinese and Korean readings they would rank a romaji or
  // Latin entry too low (CandidateKeys).
  std::vector<index::QueryTerm> own_terms;
  for (size_t i = 0; i < keys.size(); ++i) {
    const int64_t k = index_.Find(keys[i]);
    if (k < 0) continue;
    terms.push_back({static_cast<uint32_t>(k), std::max(0.05f, weights[i])});
    if (std::binary_search(own_pass.begin(), own_pass.end(), keys[i])) {
      own_terms.push_back(terms.back());
    }
  }
  const Schema qschema = query.entity().schema;
  std::vector<int> qyears;
  for (const auto& d : query.rep().birth_dates) qyears.push_back(d.year);

  // Dataset filters, resolved to dataset sets once per query.
  std::vector<char> set_ok;
  if (!options.include_datasets.empty() || !options.exclude_datasets.empty()) {
    auto listed = [](const std::vector<std::string>& v, const std::string& s) {
      return std::find(v.begin(), v.end(), s) != v.end();
    };
    for (const auto& members : set_members_) {
      bool included = options.include_datasets.empty();
      bool excluded = false;
      for (uint16_t m : members) {
        included = included || listed(options.include_datasets, datasets_[m].name);
        excluded = excluded || listed(options.exclude_datasets, datasets_[m].name);
      }
      set_ok.push_back(included && !excluded);
    }
  }
  std::vector<uint32_t> excluded;
  for (const auto& id : options.exclude_entity_ids) {
    if (auto d = ids_.Find(id)) excluded.push_back(*d);
  }
  std::sort(excluded.begin(), excluded.end());
  auto accept = [&](uint32_t doc) {
    if (!SchemataCompatible(qschema, static_cast<Schema>(schemata_[doc]))) return false;
    if (!set_ok.empty() && !set_ok[dataset_sets_[doc]]) return false;
    return excluded.empty() || !std::binary_search(excluded.begin(), excluded.end(), doc);
  };
  std::vector<uint16_t> qcountries;
  for (const auto& c : query.rep().countries) {
    if (c.size() == 2) qcountries.push_back(CountryCode16(c));
  }
  const float qlen = ShortestNameWords(query.entity());
  std::function<float(uint32_t)> boost;
  if (!qyears.empty() || !qcountries.empty() || (config_.length_norm && qlen > 0)) {
    boost = [&](uint32_t doc) {
      float f = 1.0f;
      if (config_.length_norm && qlen > 0 && name_lengths_[doc] > 0) {
        f = 2 * qlen / (qlen + name_lengths_[doc]);
      }
      auto ys = years_.subspan(year_offsets_[doc], year_offsets_[doc + 1] - year_offsets_[doc]);
      if (YearsNear(ys, qyears)) f *= config_.year_boost;
      auto cs = countries_.subspan(country_offsets_[doc],
                                   country_offsets_[doc + 1] - country_offsets_[doc]);
      for (uint16_t c : cs) {
        if (std::find(qcountries.begin(), qcountries.end(), c) != qcountries.end()) {
          f *= config_.country_boost;
          break;
        }
      }
      return f;
    };
  }
  index::RetrieveOptions ro;
  ro.top_n = config_.candidates;
  auto found = index::Retrieve(index_, terms, ro, accept, boost);
  std::vector<uint32_t> out;
  out.reserve(found.size());
  const float floor = found.empty() ? 0.0f : found[0].score * config_.min_relative;
  for (const auto& c : found) {
    if (out.size() >= config_.min_candidates && c.score < floor) break;
    out.push_back(c.doc);
  }
  if (!own_terms.empty() && own_terms.size() < terms.size()) {
    index::RetrieveOptions jo;
    jo.top_n = kOwnPassCandidates;
    for (const auto& c : index::Retrieve(index_, own_terms, jo, accept, boost)) {
      if (std::find(out.begin(), out.end(), c.doc) == out.end()) out.push_back(c.doc);
    }
  }
  return out;
}

std::vector<Hit> ScreenerImpl::ScreenPrepared(const PreparedEntity& query,
                                              const ScreenOptions& options) const {
  std::vector<Hit> hits;
  if (options.limit == 0) return hits;
  // Every candidate is scored; only those kept are explained.
  struct Scored {
    double score;
    std::shared_ptr<const PreparedEntity> entity;
  };
  std::vector<Scored> scored;
  for (uint32_t doc : Candidates(query, options)) {
    auto cand = Prepared(doc);
    if (!cand) continue;
    const double score = matcher_->Score(query, *cand);
    if (score <= 0 || score < options.min_score) continue;
    scored.push_back({score, std::move(cand)});
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.entity->entity().id < b.entity->entity().id;
  });
  if (scored.size() > options.limit) scored.resize(options.limit);
  for (Scored& s : scored) {
    Comparison c = matcher_->Compare(query, *s.entity);
    Hit h;
    h.entity = std::shared_ptr<const Entity>(s.entity, &s.entity->entity());
    h.score = c.score;
    h.match = c.score >= options.threshold;
    h.explanation = std::move(c.explanation);
    hits.push_back(std::move(h));
  }
  return hits;
}

std::vector<Hit> ScreenerImpl::Screen(const Entity& query, const ScreenOptions& options) const {
  return ScreenPrepared(matcher_->Prepare(query), options);
}

std::vector<Hit> ScreenerImpl::Search(const std::string& text, Schema schema,
                                      const ScreenOptions& options) const {
  Entity e;
  e.id = "search";
  e.schema = schema;
  e.Add("name", text);
  return Screen(e, options);
}

std::shared_ptr<const Entity> ScreenerImpl::FindEntity(const std::string& id) const {
  auto doc = ids_.Find(id);
  if (!doc) return nullptr;
  auto p = Prepared(*doc);
  if (!p) return nullptr;
  return std::shared_ptr<const Entity>(p, &p->entity());
}

}  // namespace screen
}  // namespace vigil
