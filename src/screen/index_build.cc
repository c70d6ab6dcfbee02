#include "screen/index_build.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "compare/keys.h"
#include "compare/prepared.h"

namespace vigil::screen {
namespace {

uint16_t ClampYear(int y) { return static_cast<uint16_t>(std::clamp(y, 0, 65535)); }

}  // namespace

uint8_t ShortestNameWords(const Entity& e) {
  size_t best = 0;
  auto consider = [&best](const std::string& name) {
    size_t words = 0;
    bool in_word = false;
    for (char c : name) {
      const bool sep = c == ' ' || c == ',' || c == '-' || c == '\t';
      if (!sep && !in_word) ++words;
      in_word = !sep;
    }
    if (words > 0 && (best == 0 || words < best)) best = words;
  };
  for (const auto& n : e.Names()) consider(n);
  for (const auto& n : e.WeakNames()) consider(n);
  return static_cast<uint8_t>(std::min<size_t>(best, 255));
}

void AddTypoKeys(std::vector<std::string>* keys, std::vector<float>* weights, float factor) {
  const size_t n = keys->size();
  for (size_t i = 0; i < n; ++i) {
    const std::string_view k = (*keys)[i];
    if (k.size() < 2 + 4 || k.size() > 2 + 16 || k.compare(0, 2, "t:") != 0) continue;
    const std::string token((*keys)[i], 2);
    const float w = (weights->empty() ? 1.0f : (*weights)[i]) * factor;
    keys->push_back("d:" + token);
    weights->push_back(w);
    for (size_t j = 0; j < token.size(); ++j) {
      if (j > 0 && token[j] == token[j - 1]) continue;  // same deletion as before
      std::string d = "d:" + token;
      d.erase(2 + j, 1);
      keys->push_back(std::move(d));
      weights->push_back(w);
    }
  }
}

std::string KeyFingerprint(const Matcher& matcher) {
  struct Probe {
    Schema schema;
    const char* name;
  };
  static const Probe kProbes[] = {
      {Schema::kPerson, "Xi Jinping"}, {Schema::kPerson, "习近平"},
      {Schema::kPerson, "陳大文"},     {Schema::kPerson, "Владимир Путин"},
      {Schema::kPerson, "محمد علي"},   {Schema::kPerson, "Robert O'Brien-Smith"},
      {Schema::kPerson, "김정은"},     {Schema::kCompany, "Rosneft Oil Company OAO"},
  };
  uint64_t h = 0;
  std::vector<std::string> keys;
  std::vector<float> weights;
  for (const auto& p : kProbes) {
    Entity e;
    e.id = "probe";
    e.schema = p.schema;
    e.Add("name", p.name);
    keys.clear();
    weights.clear();
    CandidateKeys(matcher.Prepare(e), &keys, &weights);
    for (const auto& k : keys) h = index::HashString(std::to_string(h) + "\x1f" + k);
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::vector<std::pair<uint32_t, std::string_view>> BuiltIndex::Sections() const {
  using index::AsBytes;
  std::vector<std::pair<uint32_t, std::string_view>> out;
  auto w = &out;
  w->emplace_back(kMeta, meta);
  w->emplace_back(kKeyBlob, keys.keys.blob());
  w->emplace_back(kKeyOffsets, AsBytes(keys.keys.offsets()));
  w->emplace_back(kKeySlots, AsBytes(keys.keys.slots()));
  w->emplace_back(kPostingOffsets, AsBytes(keys.posting_offsets));
  w->emplace_back(kPostings, AsBytes(keys.postings));
  w->emplace_back(kIdBlob, ids.blob());
  w->emplace_back(kIdOffsets, AsBytes(ids.offsets()));
  w->emplace_back(kIdSlots, AsBytes(ids.slots()));
  w->emplace_back(kEntityOffsets, AsBytes(entity_offsets));
  w->emplace_back(kEntityBlob, entity_blob);
  w->emplace_back(kSchemata, AsBytes(schemata));
  w->emplace_back(kDatasetSets, AsBytes(dataset_sets));
  w->emplace_back(kYearOffsets, AsBytes(year_offsets));
  w->emplace_back(kYears, AsBytes(years));
  w->emplace_back(kCountryOffsets, AsBytes(country_offsets));
  w->emplace_back(kCountries, AsBytes(countries));
  w->emplace_back(kNameLengths, AsBytes(name_lengths));
  return out;
}

Result<std::unique_ptr<BuiltIndex>> BuildIndex(std::vector<LoadedList> lists,
                                               const Matcher& matcher,
                                               const BuildOptions& options) {
  auto out = std::make_unique<BuiltIndex>();
  // Flatten, checking ids; record the facts retrieval filters on.
  std::vector<Entity> entities;
  std::vector<size_t> source;  // entity ordinal -> list
  size_t total = 0;
  for (const auto& l : lists) total += l.entities.size();
  if (total >= UINT32_MAX) return Status::ResourceExhausted("more than 4G entities");
  entities.reserve(total);
  source.reserve(total);
  std::map<std::vector<std::string>, uint16_t> set_ids;
  nlohmann::json sets = nlohmann::json::array();
  nlohmann::json datasets = nlohmann::json::array();
  std::map<std::string, size_t> dataset_index;
  for (size_t li = 0; li < lists.size(); ++li) {
    auto& l = lists[li];
    for (auto& e : l.entities) {
      const auto before = out->ids.size();
      const uint32_t ord = out->ids.Intern(e.id);
      if (out->ids.size() == before) {
        return Status::InvalidArgument("entity id \"" + e.id + "\" appears twice (in " +
                                       lists[source[ord]].info.path + " and " + l.info.path +
                                       "): ids must be unique across the lists screened");
      }
      std::vector<std::string> ds = e.datasets;
      if (ds.empty()) ds.push_back(l.info.dataset);
      std::sort(ds.begin(), ds.end());
      auto [it, inserted] = set_ids.emplace(ds, static_cast<uint16_t>(set_ids.size()));
      if (inserted) {
        if (set_ids.size() > 65535) return Status::ResourceExhausted("too many dataset sets");
        nlohmann::json members = nlohmann::json::array();
        for (const auto& d : ds) {
          auto [dit, dnew] = dataset_index.emplace(d, datasets.size());
          if (dnew)
            datasets.push_back({{"name", d}, {"version", ""}, {"source", ""}, {"entities", 0}});
          members.push_back(dit->second);
        }
        sets.push_back(members);
      }
      out->dataset_sets.push_back(it->second);
      out->schemata.push_back(static_cast<uint8_t>(e.schema));
      out->name_lengths.push_back(ShortestNameWords(e));
      std::vector<uint16_t> ys;
      for (const auto& d : e.Get("birthDate")) {
        if (auto pd = ParsePartialDate(d)) ys.push_back(ClampYear(pd->year));
      }
      std::sort(ys.begin(), ys.end());
      ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
      out->years.insert(out->years.end(), ys.begin(), ys.end());
      out->year_offsets.push_back(static_cast<uint32_t>(out->years.size()));
      entities.push_back(std::move(e));
      source.push_back(li);
    }
    l.entities.clear();
    l.entities.shrink_to_fit();
  }
  VIGIL_RETURN_IF_ERROR(out->ids.Check());
  // Dataset facts: the list's own version and path, counts per dataset.
  for (const auto& l : lists) {
    auto it = dataset_index.find(l.info.dataset);
    if (it == dataset_index.end()) continue;
    auto& d = datasets[it->second];
    if (d["version"].get<std::string>().empty()) d["version"] = l.info.version;
    std::string src = d["source"].get<std::string>();
    d["source"] = src.empty() ? l.info.path : src + ";" + l.info.path;
  }
  for (uint16_t s : out->dataset_sets) {
    for (const auto& m : sets[s]) {
      auto& d = datasets[m.get<size_t>()];
      d["entities"] = d["entities"].get<size_t>() + 1;
    }
  }

  // Keys, JSON and prepared forms, in parallel; each entity is released once
  // it has been serialized, so peak memory stays near one copy of the list.
  const auto n = static_cast<uint32_t>(entities.size());
  std::vector<std::string> json(n);
  std::vector<std::vector<uint16_t>> countries(n);
  if (options.keep_prepared) out->prepared.resize(n, PreparedEntity(nullptr));
  auto keys =
      index::BuildKeyIndex(n, options.threads, [&](uint32_t doc, std::vector<std::string>* keys) {
        PreparedEntity p = matcher.Prepare(entities[doc]);
        std::vector<float> weights;
        CandidateKeys(p, keys, &weights);
        AddTypoKeys(keys, &weights, 1.0f);
        for (const auto& c : p.rep().countries) {
          if (c.size() == 2) countries[doc].push_back(CountryCode16(c));
        }
        json[doc] = EntityToJson(entities[doc])
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        entities[doc] = Entity();
        if (options.keep_prepared) out->prepared[doc] = std::move(p);
      });
  if (!keys.ok()) return keys.status();
  out->keys = std::move(keys).value();
  std::vector<Entity>().swap(entities);
  size_t bytes = 0;
  for (const auto& j : json) bytes += j.size();
  out->entity_blob.reserve(bytes);
  out->entity_offsets.reserve(n + 1);
  for (auto& j : json) {
    out->entity_blob.append(j);
    out->entity_offsets.push_back(out->entity_blob.size());
    std::string().swap(j);
  }
  for (auto& c : countries) {
    std::sort(c.begin(), c.end());
    c.erase(std::unique(c.begin(), c.end()), c.end());
    out->countries.insert(out->countries.end(), c.begin(), c.end());
    out->country_offsets.push_back(static_cast<uint32_t>(out->countries.size()));
  }
  nlohmann::json meta = {
      {"format", "vigil-index"},
      {"vigil", "0.1.0"},
      {"entities", n},
      {"keys", out->keys.keys.size()},
      {"postings", out->keys.postings.size()},
      {"datasets", datasets},
      {"dataset_sets", sets},
      {"key_fingerprint", KeyFingerprint(matcher)},
  };
  out->meta = meta.dump();
  return out;
}

Result<std::unique_ptr<BuiltIndex>> BuildIndexFromFiles(const std::vector<std::string>& paths,
                                                        const LoadOptions& load,
                                                        const Matcher& matcher,
                                                        const BuildOptions& options,
                                                        std::vector<ListInfo>* infos) {
  std::vector<std::optional<Result<LoadedList>>> loaded(paths.size());
  {
    unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(paths.size())));
    std::mutex mu;
    size_t next = 0;
    auto work = [&] {
      for (;;) {
        size_t i;
        {
          std::lock_guard<std::mutex> lock(mu);
          if (next >= paths.size()) return;
          i = next++;
        }
        loaded[i].emplace(LoadList(paths[i], load));
      }
    };
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work);
    work();
    for (auto& w : workers) w.join();
  }
  std::vector<LoadedList> lists;
  for (auto& r : loaded) {
    if (!r->ok()) return r->status();
    if (infos) infos->push_back((*r)->info);
    lists.push_back(std::move(*r).value());
  }
  return BuildIndex(std::move(lists), matcher, options);
}

}  // namespace vigil::screen
