// Jaro-Winkler and Levenshtein on name-length tokens, the comparator's inner
// loop. Each benchmark checks its own sum so it cannot get fast by being wrong.
#include <benchmark/benchmark.h>

#include <cmath>
#include <string>
#include <vector>

#include "compare/string_metrics.h"

namespace vigil::compare {
namespace {

const std::vector<std::string>& Tokens() {
  static const std::vector<std::string> tokens = {
      "mohammed", "muhammad", "vladimir",    "wladimir", "aleksandr", "alexander", "hussein",
      "husain",   "xi",       "jinping",     "chan",     "chen",      "ivanov",    "ivanova",
      "smith",    "schmidt",  "abdulrahman", "rahman",   "putin",     "poutine"};
  return tokens;
}

const std::vector<std::string>& CyrillicTokens() {
  static const std::vector<std::string> tokens = {"владимир", "володя",  "александр", "саша",
                                                  "иванов",   "иванова", "путин",     "медведев"};
  return tokens;
}

template <typename F>
void RunPairs(benchmark::State& state, const std::vector<std::string>& t, F metric,
              double expected_sum) {
  double sum = 0;
  for (auto _ : state) {
    sum = 0;
    for (const auto& a : t) {
      for (const auto& b : t) sum += metric(a, b);
    }
    benchmark::DoNotOptimize(sum);
  }
  if (std::abs(sum - expected_sum) > 1e-6) {
    state.SkipWithError("checksum changed: metric result differs");
  }
  state.SetItemsProcessed(state.iterations() * t.size() * t.size());
  state.counters["checksum"] = sum;
}

void BM_JaroWinklerAscii(benchmark::State& state) {
  RunPairs(
      state, Tokens(), [](auto& a, auto& b) { return JaroWinkler(a, b); }, 189.479639250);
}
void BM_LevenshteinAscii(benchmark::State& state) {
  RunPairs(
      state, Tokens(), [](auto& a, auto& b) { return double(Levenshtein(a, b)); }, 2482);
}
void BM_DamerauAscii(benchmark::State& state) {
  RunPairs(
      state, Tokens(), [](auto& a, auto& b) { return double(DamerauLevenshtein(a, b)); }, 2480);
}
void BM_JaroWinklerCyrillic(benchmark::State& state) {
  RunPairs(
      state, CyrillicTokens(), [](auto& a, auto& b) { return JaroWinkler(a, b); }, 31.357142857);
}
void BM_LevenshteinCyrillic(benchmark::State& state) {
  RunPairs(
      state, CyrillicTokens(), [](auto& a, auto& b) { return double(Levenshtein(a, b)); }, 364);
}

BENCHMARK(BM_JaroWinklerAscii);
BENCHMARK(BM_LevenshteinAscii);
BENCHMARK(BM_DamerauAscii);
BENCHMARK(BM_JaroWinklerCyrillic);
BENCHMARK(BM_LevenshteinCyrillic);

}  // namespace
}  // namespace vigil::compare
