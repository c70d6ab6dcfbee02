// vigil_bench: one driver with named workloads, in the spirit of LevelDB's
// db_bench. bench/run.py runs each workload as its own process (so peak RSS
// is the workload's own) and computes recall and false hits from the result
// files against the answer keys; this driver only measures and records.
//
//   vigil_bench export        --out FILE [LIST...]      lists -> FtM JSON lines
//   vigil_bench build_index   --list L --snapshot S      index build, snapshot size
//   vigil_bench screen_batch  --snapshot S --queries Q --threads N --out R
//                             [--passes P]               load_snapshot + screening
//   vigil_bench compare_pairs --list L --queries Q --answers A
//   vigil_bench jw_scan       --list L --queries Q --sample N --out R
//
// Every workload prints one JSON object on stdout (timings, counts); result
// files hold one line per query: {"id", "us", "hits": [[entity id, score]...]}.
// Failures (an unreadable file, a list with no entities) exit non-zero with a
// message on stderr, so `make bench` fails loudly.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "compare/string_metrics.h"
#include "index/snapshot_file.h"
#include "screen/default_lists.h"
#include "screen/index_build.h"
#include "text/normalize.h"
#include "vigil/lists.h"
#include "vigil/matcher.h"
#include "vigil/screener.h"

namespace vigil::bench {
namespace {

using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

[[noreturn]] void Die(const std::string& msg) {
  std::cerr << "vigil_bench: " << msg << "\n";
  std::exit(1);
}

template <typename T>
T Check(Result<T> r, const std::string& what) {
  if (!r.ok()) Die(what + ": " + r.status().ToString());
  return std::move(r).value();
}

// CPU seconds this process has used (all threads). The machine is shared, so
// throughput per core is queries per CPU second, not per wall second.
double ProcessCpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// CPU microseconds of the calling thread.
double ThreadCpuMicros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

double PeakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

// --flag value pairs after the workload name; bare words are positional.
struct Args {
  std::map<std::string, std::string> flags;
  std::vector<std::string> positional;
  std::string Get(const std::string& k, const std::string& def = "") const {
    auto it = flags.find(k);
    return it == flags.end() ? def : it->second;
  }
  std::string Need(const std::string& k) const {
    auto it = flags.find(k);
    if (it == flags.end()) Die("missing --" + k);
    return it->second;
  }
};

Args ParseArgs(int argc, char** argv) {
  Args a;
  for (int i = 2; i < argc; ++i) {
    std::string s = argv[i];
    if (s.rfind("--", 0) == 0 && i + 1 < argc) {
      a.flags[s.substr(2)] = argv[++i];
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

std::vector<Entity> ReadEntities(const std::string& path) {
  std::ifstream in(path);
  if (!in) Die("cannot open " + path);
  std::vector<Entity> out;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    auto e = EntityFromJsonText(line);
    if (!e.ok()) Die(path + ":" + std::to_string(n) + ": " + e.status().ToString());
    out.push_back(std::move(e).value());
  }
  return out;
}

// Query ids with their intended target ("" for a negative).
std::unordered_map<std::string, std::string> ReadAnswers(const std::string& path) {
  std::ifstream in(path);
  if (!in) Die("cannot open " + path);
  std::unordered_map<std::string, std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    auto j = json::parse(line);
    out[j["query"]] = j["target"].is_null() ? "" : j["target"].get<std::string>();
  }
  return out;
}

int Export(const Args& a) {
  std::vector<std::string> paths = a.positional;
  if (paths.empty()) paths = Check(screen::DefaultListPaths(), "bundled lists");
  std::ofstream out(a.Need("out"));
  size_t n = 0;
  json lists = json::array();
  for (const auto& p : paths) {
    auto l = Check(LoadList(p), "loading " + p);
    for (const auto& e : l.entities) {
      out << EntityToJson(e).dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
      ++n;
    }
    lists.push_back({{"path", p}, {"dataset", l.info.dataset}, {"entities", l.entities.size()}});
  }
  if (n == 0) Die("no entities in the bundled lists");
  std::cout << json{{"workload", "export"}, {"entities", n}, {"lists", lists}}.dump() << "\n";
  return 0;
}

int BuildIndex(const Args& a) {
  auto t0 = Clock::now();
  auto matcher = Check(Matcher::Create({}), "matcher");
  std::vector<ListInfo> infos;
  auto built = Check(screen::BuildIndexFromFiles({a.Need("list")}, {}, *matcher, {}, &infos),
                     "building the index");
  auto t1 = Clock::now();
  index::SnapshotWriter w;
  for (const auto& [id, bytes] : built->Sections()) w.Add(id, bytes);
  std::string path = a.Need("snapshot");
  if (Status s = w.WriteTo(path); !s.ok()) Die(s.ToString());
  auto t2 = Clock::now();
  size_t entities = 0;
  for (const auto& i : infos) entities += i.entities;
  std::cout << json{{"workload", "build_index"},
                    {"cpu_seconds", ProcessCpuSeconds()},
                    {"entities", entities},
                    {"keys", built->keys.posting_offsets.size() - 1},
                    {"postings", built->keys.postings.size()},
                    {"build_seconds", Seconds(t0, t1)},
                    {"write_seconds", Seconds(t1, t2)},
                    {"snapshot_bytes", std::filesystem::file_size(path)},
                    {"threads", std::thread::hardware_concurrency()},
                    {"peak_rss_mb", PeakRssMb()}}
                   .dump()
            << "\n";
  return 0;
}

struct QueryResult {
  double us = 0;
  double cpu_us = 0;
  std::vector<std::pair<std::string, double>> hits;
};

void WriteResults(const std::string& path, const std::vector<Entity>& queries,
                  const std::vector<QueryResult>& results, const std::vector<size_t>& which) {
  std::ofstream out(path);
  if (!out) Die("cannot write " + path);
  for (size_t i : which) {
    json hits = json::array();
    for (const auto& [id, score] : results[i].hits) hits.push_back({id, score});
    out << json{{"id", queries[i].id},
                {"us", results[i].us},
                {"cpu_us", results[i].cpu_us},
                {"hits", hits}}
               .dump()
        << "\n";
  }
}

json Latency(std::vector<double> us) {
  if (us.empty()) return json::object();
  std::sort(us.begin(), us.end());
  auto q = [&](double p) { return us[std::min(us.size() - 1, size_t(p * us.size()))] / 1000.0; };
  double sum = 0;
  for (double u : us) sum += u;
  return {{"p50_ms", q(0.50)}, {"p99_ms", q(0.99)}, {"mean_ms", sum / us.size() / 1000.0}};
}

// Runs `fn(i)` for every query index on `threads` threads; returns wall time.
template <typename F>
double RunParallel(size_t n, unsigned threads, F fn) {
  std::atomic<size_t> next{0};
  auto t0 = Clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    });
  }
  for (auto& th : pool) th.join();
  return Seconds(t0, Clock::now());
}

int ScreenBatch(const Args& a) {
  auto queries = ReadEntities(a.Need("queries"));
  auto t0 = Clock::now();
  auto screener = Check(Screener::FromIndex(a.Need("snapshot")), "opening the snapshot");
  double load_seconds = Seconds(t0, Clock::now());
  ScreenOptions opts;
  opts.limit = 5;
  opts.min_score = 0;  // keep the top 5 whatever their score: run.py applies the threshold
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  // Passes: "cold" screens with an empty prepared-entity cache at 1 thread,
  // then 1 thread and all cores on the warm cache.
  json passes = json::array();
  std::string out_prefix = a.Need("out");
  std::vector<size_t> all(queries.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  struct Pass {
    std::string name;
    unsigned threads;
  };
  std::vector<Pass> plan = {{"cold_1t", 1}, {"1t", 1}, {"all_cores", cores}};
  for (const auto& p : plan) {
    std::vector<QueryResult> results(queries.size());
    double cpu0 = ProcessCpuSeconds();
    double wall = RunParallel(queries.size(), p.threads, [&](size_t i) {
      auto s = Clock::now();
      double c = ThreadCpuMicros();
      auto hits = screener->Screen(queries[i], opts);
      results[i].cpu_us = ThreadCpuMicros() - c;
      results[i].us = std::chrono::duration<double, std::micro>(Clock::now() - s).count();
      for (const auto& h : hits) results[i].hits.emplace_back(h.entity->id, h.score);
    });
    double cpu = ProcessCpuSeconds() - cpu0;
    std::vector<double> us, cpu_us;
    for (const auto& r : results) {
      us.push_back(r.us);
      cpu_us.push_back(r.cpu_us);
    }
    std::string path = out_prefix + "." + p.name + ".jsonl";
    WriteResults(path, queries, results, all);
    passes.push_back({{"pass", p.name},
                      {"threads", p.threads},
                      {"queries", queries.size()},
                      {"wall_seconds", wall},
                      {"cpu_seconds", cpu},
                      {"qps", queries.size() / wall},
                      {"qps_per_core", queries.size() / cpu},
                      {"latency", Latency(us)},
                      {"cpu_latency", Latency(cpu_us)},
                      {"results", path}});
  }
  std::cout << json{{"workload", "screen_batch"},
                    {"entities", screener->size()},
                    {"load_snapshot_seconds", load_seconds},
                    {"passes", passes},
                    {"peak_rss_mb", PeakRssMb()}}
                   .dump()
            << "\n";
  return 0;
}

int ComparePairs(const Args& a) {
  auto matcher = Check(Matcher::Create({}), "matcher");
  auto list = Check(LoadList(a.Need("list")), "loading the list");
  auto queries = ReadEntities(a.Need("queries"));
  auto answers = ReadAnswers(a.Need("answers"));
  std::unordered_map<std::string, const Entity*> by_id;
  std::vector<const Entity*> persons;
  for (const auto& e : list.entities) {
    by_id[e.id] = &e;
    if (e.schema == Schema::kPerson) persons.push_back(&e);
  }
  // Person pairs: each person query with its target (a true pair) and with
  // a random listed person (a false pair), both prepared once.
  std::mt19937 rng(7);
  std::vector<PreparedEntity> left, right;
  std::vector<bool> same;
  for (const auto& q : queries) {
    if (q.schema != Schema::kPerson || persons.empty()) continue;
    const std::string& t = answers[q.id];
    auto pq = matcher->Prepare(q);
    if (!t.empty() && by_id.count(t)) {
      left.push_back(pq);
      right.push_back(matcher->Prepare(*by_id[t]));
      same.push_back(true);
    }
    left.push_back(pq);
    right.push_back(matcher->Prepare(*persons[rng() % persons.size()]));
    same.push_back(false);
  }
  if (left.empty()) Die("compare_pairs: no person pairs");
  // Repeat the pairs until about two seconds have passed, on one thread.
  size_t done = 0, true_matches = 0, false_matches = 0;
  auto t0 = Clock::now();
  double cpu0 = ThreadCpuMicros();
  double wall = 0;
  do {
    for (size_t i = 0; i < left.size(); ++i) {
      auto c = matcher->Compare(left[i], right[i]);
      if (c.match) (same[i] ? true_matches : false_matches)++;
    }
    done += left.size();
    wall = Seconds(t0, Clock::now());
  } while ((ThreadCpuMicros() - cpu0) < 2e6);
  double cpu = (ThreadCpuMicros() - cpu0) / 1e6;
  size_t rounds = done / left.size();
  size_t trues = std::count(same.begin(), same.end(), true);
  std::cout << json{{"workload", "compare_pairs"},
                    {"pairs", left.size()},
                    {"comparisons", done},
                    {"seconds", wall},
                    {"cpu_seconds", cpu},
                    {"pairs_per_second", done / wall},
                    {"pairs_per_cpu_second", done / cpu},
                    {"true_pairs_matched",
                     double(true_matches) / rounds / std::max<size_t>(1, trues)},
                    {"random_pairs_matched",
                     double(false_matches) / rounds / std::max<size_t>(1, left.size() - trues)},
                    {"peak_rss_mb", PeakRssMb()}}
                   .dump()
            << "\n";
  return 0;
}

// The brute-force peer: Jaro-Winkler of the normalized query name against
// every normalized list name (how Moov Watchman screens), best per entity.
int JwScan(const Args& a) {
  auto t0 = Clock::now();
  auto list = ReadEntities(a.Need("list"));
  std::vector<std::string> names;
  std::vector<uint32_t> owner;
  auto norm = [](const std::string& s) { return text::FoldToAscii(text::CleanName(s)); };
  for (uint32_t i = 0; i < list.size(); ++i) {
    for (const auto& n : list[i].Names()) {
      names.push_back(norm(n));
      owner.push_back(i);
    }
  }
  double build = Seconds(t0, Clock::now());
  auto queries = ReadEntities(a.Need("queries"));
  size_t sample = std::stoul(a.Get("sample", "100"));
  // Every k-th query, so the sample keeps the mix of positives and negatives.
  std::vector<size_t> which;
  size_t step = std::max<size_t>(1, queries.size() / std::max<size_t>(1, sample));
  for (size_t i = 0; i < queries.size() && which.size() < sample; i += step) which.push_back(i);
  std::vector<QueryResult> results(queries.size());
  std::vector<double> us;
  auto s0 = Clock::now();
  double cpu0 = ThreadCpuMicros();
  std::vector<double> cpu_us;
  for (size_t i : which) {
    auto s = Clock::now();
    double c = ThreadCpuMicros();
    auto qn = queries[i].Names();
    std::string q = qn.empty() ? "" : norm(qn[0]);
    std::vector<double> best(list.size(), -1);
    std::vector<uint32_t> touched;
    for (size_t k = 0; k < names.size(); ++k) {
      double v = compare::JaroWinkler(q, names[k]);
      uint32_t o = owner[k];
      if (best[o] < 0) touched.push_back(o);
      best[o] = std::max(best[o], v);
    }
    std::partial_sort(
        touched.begin(), touched.begin() + std::min<size_t>(5, touched.size()), touched.end(),
        [&](uint32_t x, uint32_t y) { return best[x] != best[y] ? best[x] > best[y] : x < y; });
    for (size_t j = 0; j < std::min<size_t>(5, touched.size()); ++j) {
      results[i].hits.emplace_back(list[touched[j]].id, best[touched[j]]);
    }
    results[i].us = std::chrono::duration<double, std::micro>(Clock::now() - s).count();
    results[i].cpu_us = ThreadCpuMicros() - c;
    us.push_back(results[i].us);
    cpu_us.push_back(results[i].cpu_us);
  }
  double wall = Seconds(s0, Clock::now());
  double cpu = (ThreadCpuMicros() - cpu0) / 1e6;
  WriteResults(a.Need("out"), queries, results, which);
  std::cout << json{{"workload", "jw_scan"},
                    {"entities", list.size()},
                    {"names", names.size()},
                    {"build_seconds", build},
                    {"queries", which.size()},
                    {"wall_seconds", wall},
                    {"cpu_seconds", cpu},
                    {"qps", which.size() / wall},
                    {"qps_per_core", which.size() / cpu},
                    {"latency", Latency(us)},
                    {"cpu_latency", Latency(cpu_us)},
                    {"peak_rss_mb", PeakRssMb()}}
                   .dump()
            << "\n";
  return 0;
}

}  // namespace
}  // namespace vigil::bench

int main(int argc, char** argv) {
  using namespace vigil::bench;
  if (argc < 2) Die("usage: vigil_bench export|build_index|screen_batch|compare_pairs|jw_scan ...");
  std::string w = argv[1];
  Args a = ParseArgs(argc, argv);
  if (w == "export") return Export(a);
  if (w == "build_index") return BuildIndex(a);
  if (w == "screen_batch") return ScreenBatch(a);
  if (w == "compare_pairs") return ComparePairs(a);
  if (w == "jw_scan") return JwScan(a);
  Die("unknown workload " + w);
}
