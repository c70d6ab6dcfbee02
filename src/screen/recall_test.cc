// Candidate recall: retrieval against brute force on the bundled OFAC SDN and
// UN lists. Queries are list names disguised the way applicants write them
// (reordered, middle name dropped, a typo, another romanization, original
// script, birth year only, namesakes), generated deterministically. For each
// query, brute force scores every schema-compatible list entity with the
// Matcher; recall is the share of those at or above the threshold that the
// index retrieves among its candidates: at least 99.5% (kRecallFloor).
//
// VIGIL_RECALL_QUERIES sets the number of queries (default 200).
#include <gtest/gtest.h>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>

#include "compare/prepared.h"
#include "screen/screener_impl.h"
#include "text/normalize.h"

namespace vigil::screen {
namespace {

// splitmix64: the same sequence on every platform and standard library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n ? Next() % n : 0; }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }

 private:
  uint64_t s_;
};

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& t : v) s += (s.empty() ? "" : " ") + t;
  return s;
}

bool IsAscii(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Another common romanization of a Latin name: one spelling rule applied.
std::string Respell(const std::string& name, Rng& rng) {
  static const std::vector<std::pair<std::string, std::string>> kRules = {
      {"mohammad", "muhammad"},
      {"muhammad", "mohamed"},
      {"mohammed", "muhammad"},
      {"ou", "u"},
      {"kh", "h"},
      {"yu", "iu"},
      {"ya", "ia"},
      {"ee", "i"},
      {"sh", "ch"},
      {"j", "dzh"},
      {"y", "i"},
      {"v", "w"},
      {"q", "k"},
      {"dh", "d"},
      {"aa", "a"},
      {"ei", "ey"},
      {"zh", "j"},
      {"x", "ks"},
  };
  std::string lower = text::FoldToAscii(text::CleanName(name));
  std::vector<size_t> applicable;
  for (size_t i = 0; i < kRules.size(); ++i) {
    if (lower.find(kRules[i].first) != std::string::npos) applicable.push_back(i);
  }
  if (applicable.empty()) return lower;
  const auto& [from, to] = kRules[applicable[rng.Below(applicable.size())]];
  size_t at = lower.find(from);
  return lower.replace(at, from.size(), to);
}

std::string Typo(const std::string& name, Rng& rng) {
  auto parts = Split(name);
  std::vector<size_t> longish;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].size() >= 5 && IsAscii(parts[i])) longish.push_back(i);
  }
  if (longish.empty()) return name;
  std::string& p = parts[longish[rng.Below(longish.size())]];
  const size_t at = 1 + rng.Below(p.size() - 2);
  switch (rng.Below(3)) {
    case 0:
      std::swap(p[at], p[at + 1]);
      break;
    case 1:
      p.erase(at, 1);
      break;
    default:
      p[at] = "aeiou"[rng.Below(5)];
  }
  return Join(parts);
}

struct Disguised {
  Entity query;
  std::string how;
};

Disguised MakeQuery(const Entity& target, const std::vector<const Entity*>& people, Rng& rng) {
  Disguised d;
  d.query.id = "q";
  d.query.schema = target.schema;
  std::vector<std::string> names = target.Names();
  std::string name = names[rng.Below(names.size())];
  std::vector<std::string> non_latin;
  for (const auto& n : names) {
    if (!IsAscii(n)) non_latin.push_back(n);
  }
  auto parts = Split(name);
  switch (rng.Below(8)) {
    case 0:  // original script, when the list has it
      if (!non_latin.empty()) {
        name = non_latin[rng.Below(non_latin.size())];
        d.how = "original-script";
        break;
      }
      [[fallthrough]];
    case 1:  // reordered
      std::rotate(parts.begin(), parts.begin() + 1, parts.end());
      name = Join(parts);
      d.how = "reordered";
      break;
    case 2:  // middle name dropped
      if (parts.size() >= 3) parts.erase(parts.begin() + 1 + rng.Below(parts.size() - 2));
      name = Join(parts);
      d.how = "dropped-middle";
      break;
    case 3:
      name = Typo(name, rng);
      d.how = "typo";
      break;
    case 4:
      name = Respell(name, rng);
      d.how = "respelled";
      break;
    case 5: {  // namesake: this family name with another person's given name
      const Entity* other = people[rng.Below(people.size())];
      auto oparts = Split(other->Caption());
      if (!parts.empty() && !oparts.empty()) name = parts[0] + " " + oparts.back();
      d.how = "namesake";
      break;
    }
    case 6:  // reordered with a typo
      std::reverse(parts.begin(), parts.end());
      name = Typo(Join(parts), rng);
      d.how = "reversed-typo";
      break;
    default:
      d.how = "as-listed";
  }
  d.query.Add("name", name);
  const auto& dobs = target.Get("birthDate");
  if (!dobs.empty() && rng.Chance(60)) {
    auto pd = ParsePartialDate(dobs[0]);
    if (pd) {
      // Birth year only; now and then a wrong one.
      const int year = rng.Chance(80) ? pd->year : pd->year + 3 + static_cast<int>(rng.Below(5));
      d.query.Add("birthDate", std::to_string(year));
    }
  }
  const auto& nat = target.Get("nationality");
  if (!nat.empty() && rng.Chance(40)) d.query.Add("nationality", nat[0]);
  return d;
}

TEST(Recall, RetrievalAgainstBruteForceOnBundledLists) {
  const std::string ofac = "data/lists/ofac-sdn";
  const std::string un = "data/lists/un-sc/UN_consolidated.xml";
  if (!std::filesystem::exists(ofac) || !std::filesystem::exists(un)) {
    GTEST_SKIP() << "bundled lists not found (run from the repository root)";
  }
  size_t nq = 200;
  if (const char* env = std::getenv("VIGIL_RECALL_QUERIES")) nq = std::strtoul(env, nullptr, 10);
  ScreenerConfig config;
  if (const char* env = std::getenv("VIGIL_RECALL_CANDIDATES")) {
    config.candidates = std::strtoul(env, nullptr, 10);
  }
  if (const char* env = std::getenv("VIGIL_RECALL_YEAR_BOOST")) config.year_boost = std::atof(env);
  if (const char* env = std::getenv("VIGIL_RECALL_COUNTRY_BOOST")) {
    config.country_boost = std::atof(env);
  }
  if (const char* env = std::getenv("VIGIL_RECALL_TYPO_WEIGHT")) {
    config.typo_weight = std::atof(env);
  }
  if (const char* env = std::getenv("VIGIL_RECALL_LENGTH_NORM")) {
    config.length_norm = std::atoi(env) != 0;
  }
  if (const char* env = std::getenv("VIGIL_RECALL_MIN_RELATIVE")) {
    config.min_relative = std::atof(env);
  }
  auto built = ScreenerImpl::Build({ofac, un}, {}, {}, config);
  ASSERT_TRUE(built.ok()) << built.status().ToString();
  const ScreenerImpl& s = **built;
  const Matcher& m = s.matcher();
  const double threshold = ScreenOptions{}.threshold;
  const auto n = static_cast<uint32_t>(s.size());
  std::vector<std::shared_ptr<const PreparedEntity>> all(n);
  std::vector<const Entity*> people;
  for (uint32_t i = 0; i < n; ++i) {
    all[i] = s.Prepared(i);
    ASSERT_NE(all[i], nullptr);
    if (all[i]->entity().schema == Schema::kPerson) people.push_back(&all[i]->entity());
  }
  Rng rng(20240501);
  size_t relevant = 0, found = 0, target_found = 0;
  std::map<std::string, std::pair<size_t, size_t>> by_kind;  // how -> (relevant, found)
  double retrieve_s = 0, screen_s = 0;
  size_t scored = 0;
  // CPU time of this thread: the figure per core, whatever else the machine runs.
  auto cpu_now = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  for (size_t qi = 0; qi < nq; ++qi) {
    // Mostly people (as screened in practice), some organizations.
    const Entity* target;
    if (rng.Chance(80)) {
      target = people[rng.Below(people.size())];
    } else {
      target = &all[rng.Below(n)]->entity();
    }
    if (target->Names().empty()) continue;
    Disguised d = MakeQuery(*target, people, rng);
    PreparedEntity q = m.Prepare(d.query);
    const double t0 = cpu_now();
    auto cands = s.Candidates(q, {});
    const double t1 = cpu_now();
    auto hits = s.ScreenPrepared(q, {.threshold = threshold, .limit = 10, .min_score = threshold});
    const double t2 = cpu_now();
    retrieve_s += t1 - t0;
    screen_s += t2 - t1;
    std::set<uint32_t> got(cands.begin(), cands.end());
    scored += cands.size();
    for (uint32_t i = 0; i < n; ++i) {
      if (!SchemataCompatible(d.query.schema, all[i]->entity().schema)) continue;
      if (m.Compare(q, *all[i]).score < threshold) continue;
      ++relevant;
      ++by_kind[d.how].first;
      if (got.count(i)) {
        ++found;
        ++by_kind[d.how].second;
      } else {
        std::cout << "missed " << all[i]->entity().id << " (" << all[i]->entity().Caption()
                  << ") for " << d.how << " query \"" << d.query.Get("name")[0] << "\" [listed as "
                  << target->Caption() << "]\n";
      }
    }
    for (const auto& h : hits) target_found += h.entity.get() == target;
  }
  const double recall = relevant ? 100.0 * found / relevant : 100.0;
  std::printf(
      "candidate recall: %zu of %zu brute-force matches retrieved = %.2f%% "
      "(%zu queries, %u list entities, %zu candidates per query)\n",
      found, relevant, recall, nq, n, s.config().candidates);
  std::printf("candidates scored: %.1f per query on average\n", double(scored) / nq);
  for (const auto& [how, rf] : by_kind) {
    std::printf("  %-16s %5zu / %5zu\n", how.c_str(), rf.second, rf.first);
  }
  std::printf("disguised target matched (>= threshold) in %zu of %zu queries\n", target_found, nq);
  std::printf(
      "retrieval %.0f us/query, retrieval + scoring %.0f us/query (%.0f queries/s, "
      "CPU time of one thread)\n",
      1e6 * retrieve_s / nq, 1e6 * screen_s / nq, nq / screen_s);
  // The target: at least 99.5% of brute force's matches are retrieved.
  // Measured 100% (310 of 310) at 200 candidates on 2026-11-29, once the
  // comparator stopped drawing matches from a particle or an approximate
  // single name part; the earlier misses were such matches.
  constexpr double kRecallFloor = 99.5;
  EXPECT_GE(recall, kRecallFloor);
}

}  // namespace
}  // namespace vigil::screen
