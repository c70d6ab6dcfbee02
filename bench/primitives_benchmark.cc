// Micro-benchmarks of screening's primitives: normalization, transliteration
// per script, candidate-key generation, index lookup (candidate retrieval) and
// the comparator on prepared person pairs. Each checks its own result, so it
// cannot get fast by being wrong (a benchmark whose check fails reports an
// error instead of a time).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "compare/keys.h"
#include "names/chinese.h"
#include "screen/default_lists.h"
#include "screen/screener_impl.h"
#include "text/normalize.h"
#include "text/transliterate.h"
#include "vigil/matcher.h"

namespace vigil {
namespace {

const std::vector<std::string>& RawNames() {
  static const std::vector<std::string> names = {"José Ñúñez-García",
                                                 "VLADIMIR Vladimirovich PUTIN",
                                                 "Ch'en Shui-bian",
                                                 "O'Brien, Patrick",
                                                 "ＭＵＨＡＭＭＡＤ ＡＬＩ",
                                                 "Владимир Путин",
                                                 "محمد بن سلمان",
                                                 "習近平",
                                                 "김정은",
                                                 "Bank Melli Iran PJSC",
                                                 "Aleksandr Grigoryevich Lukashenko",
                                                 "Straße-Müller GmbH"};
  return names;
}

void BM_CleanName(benchmark::State& state) {
  const auto& names = RawNames();
  size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& n : names) {
      auto c = text::CleanName(n);
      bytes += c.size();
      benchmark::DoNotOptimize(c);
    }
  }
  if (text::CleanName("José Ñúñez") != "josé ñúñez") state.SkipWithError("CleanName changed");
  state.SetItemsProcessed(state.iterations() * names.size());
  benchmark::DoNotOptimize(bytes);
}
BENCHMARK(BM_CleanName);

void BM_FoldToAscii(benchmark::State& state) {
  std::vector<std::string> cleaned;
  for (const auto& n : RawNames()) cleaned.push_back(text::CleanName(n));
  for (auto _ : state) {
    for (const auto& n : cleaned) benchmark::DoNotOptimize(text::FoldToAscii(n));
  }
  if (text::FoldToAscii("josé") != "jose") state.SkipWithError("FoldToAscii changed");
  state.SetItemsProcessed(state.iterations() * cleaned.size());
}
BENCHMARK(BM_FoldToAscii);

// Transliteration per script: one benchmark per script, each on real names.
void Romanize(benchmark::State& state, std::vector<std::string> raw, text::Script script) {
  std::vector<std::string> cleaned;
  for (const auto& n : raw) cleaned.push_back(text::CleanName(n));
  size_t spellings = 0;
  for (auto _ : state) {
    spellings = 0;
    for (const auto& n : cleaned) {
      auto r = text::Romanize(n, script);
      spellings += r.size();
      benchmark::DoNotOptimize(r);
    }
  }
  if (spellings < cleaned.size()) state.SkipWithError("a name got no romanization");
  state.SetItemsProcessed(state.iterations() * cleaned.size());
  state.counters["spellings_per_name"] = double(spellings) / cleaned.size();
}
BENCHMARK_CAPTURE(Romanize, cyrillic,
                  {"Владимир Путин", "Александр Лукашенко", "Сергей Шойгу", "Юлия Тимошенко"},
                  text::Script::kCyrillic);
BENCHMARK_CAPTURE(Romanize, arabic,
                  {"محمد بن سلمان", "علي خامنئي", "حسن نصر الله", "أسامة بن لادن"},
                  text::Script::kArabic);
BENCHMARK_CAPTURE(Romanize, hangul, {"김정은", "김여정", "최룡해", "리설주"},
                  text::Script::kHangul);
BENCHMARK_CAPTURE(Romanize, greek, {"Αλέξης Τσίπρας", "Γιάννης Αντετοκούνμπο"},
                  text::Script::kGreek);

void BM_RomanizeHan(benchmark::State& state) {
  std::vector<std::string> cleaned;
  for (const char* n : {"习近平", "陳大文", "王小明", "李克强"})
    cleaned.push_back(text::CleanName(n));
  size_t forms = 0;
  for (auto _ : state) {
    forms = 0;
    for (const auto& n : cleaned) forms += names::HanNameForms(n).size();
  }
  if (forms < cleaned.size()) state.SkipWithError("a Chinese name got no romanization");
  state.SetItemsProcessed(state.iterations() * cleaned.size());
}
BENCHMARK(BM_RomanizeHan);

const Matcher& TheMatcher() {
  static std::unique_ptr<Matcher> m = std::move(Matcher::Create({})).value();
  return *m;
}

Entity Person(const std::string& name, const std::string& dob = "") {
  Entity e;
  e.id = name;
  e.schema = Schema::kPerson;
  e.Add("name", name);
  if (!dob.empty()) e.Add("birthDate", dob);
  return e;
}

// Pairs an applicant might be screened with: the same person written
// differently (first 8) and different people (last 4).
const std::vector<std::pair<Entity, Entity>>& Pairs() {
  static const std::vector<std::pair<Entity, Entity>> pairs = {
      {Person("Xi Jinping", "1953"), Person("习近平", "1953-06-15")},
      {Person("Chan Tai Man"), Person("陳大文")},
      {Person("Vladimir Putin", "1952"), Person("Владимир Владимирович Путин", "1952-10-07")},
      {Person("Mohammed bin Salman"), Person("محمد بن سلمان")},
      {Person("Kim Jong Un"), Person("김정은")},
      {Person("Aleksandr Lukashenko"), Person("Alexander Lukashenka")},
      {Person("Jose Nunez Garcia"), Person("José Ñúñez-García")},
      {Person("Patrick O'Brien", "1970"), Person("OBRIEN, Patrick", "1970-01-02")},
      {Person("John Smith", "1960"), Person("Jane Smyth", "1984")},
      {Person("Wang Wei"), Person("Li Na")},
      {Person("Ivan Petrov"), Person("Pyotr Ivanovich Sidorov")},
      {Person("Ali Hassan"), Person("Hassan Rouhani")},
  };
  return pairs;
}

void BM_CandidateKeys(benchmark::State& state) {
  std::vector<PreparedEntity> prepared;
  for (const auto& [a, b] : Pairs()) {
    prepared.push_back(TheMatcher().Prepare(a));
    prepared.push_back(TheMatcher().Prepare(b));
  }
  std::vector<std::string> keys;
  std::vector<float> weights;
  size_t total = 0;
  for (auto _ : state) {
    total = 0;
    for (const auto& p : prepared) {
      keys.clear();
      weights.clear();
      CandidateKeys(p, &keys, &weights);
      total += keys.size();
    }
  }
  if (total < prepared.size()) state.SkipWithError("an entity got no keys");
  state.SetItemsProcessed(state.iterations() * prepared.size());
  state.counters["keys_per_entity"] = double(total) / prepared.size();
}
BENCHMARK(BM_CandidateKeys);

void BM_Prepare(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& [a, b] : Pairs()) {
      benchmark::DoNotOptimize(TheMatcher().Prepare(a));
      benchmark::DoNotOptimize(TheMatcher().Prepare(b));
    }
  }
  state.SetItemsProcessed(state.iterations() * Pairs().size() * 2);
}
BENCHMARK(BM_Prepare);

// The comparator on prepared person pairs: the issue asks for >= 200,000
// comparisons per second on one core (items_per_second).
void BM_ComparePrepared(benchmark::State& state) {
  std::vector<std::pair<PreparedEntity, PreparedEntity>> prepared;
  for (const auto& [a, b] : Pairs()) {
    prepared.emplace_back(TheMatcher().Prepare(a), TheMatcher().Prepare(b));
  }
  size_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (const auto& [a, b] : prepared) {
      auto c = TheMatcher().Compare(a, b);
      matches += c.match;
      benchmark::DoNotOptimize(c);
    }
  }
  // Most of the first eight are the same person; none of the last four is.
  size_t false_hits = 0;
  for (size_t i = 8; i < prepared.size(); ++i) {
    false_hits += TheMatcher().Compare(prepared[i].first, prepared[i].second).match;
  }
  if (matches < 6 || false_hits > 0) state.SkipWithError("comparator decisions changed");
  state.SetItemsProcessed(state.iterations() * prepared.size());
  state.counters["matches"] = double(matches);
}
BENCHMARK(BM_ComparePrepared);

// Index lookup: candidate retrieval (keys -> top candidates) against the
// bundled lists, without scoring.
void BM_IndexCandidates(benchmark::State& state) {
  auto paths = screen::DefaultListPaths();
  if (!paths.ok()) {
    state.SkipWithError("bundled lists not found");
    return;
  }
  static auto screener = screen::ScreenerImpl::Build(*paths, {}, {}, {});
  if (!screener.ok()) {
    state.SkipWithError(screener.status().ToString().c_str());
    return;
  }
  std::vector<PreparedEntity> queries;
  for (const auto& [a, b] : Pairs()) queries.push_back((*screener)->matcher().Prepare(a));
  size_t found = 0;
  ScreenOptions opts;
  for (auto _ : state) {
    found = 0;
    for (const auto& q : queries) found += (*screener)->Candidates(q, opts).size();
  }
  if (found == 0) state.SkipWithError("no candidates at all");
  state.SetItemsProcessed(state.iterations() * queries.size());
  state.counters["candidates_per_query"] = double(found) / queries.size();
}
BENCHMARK(BM_IndexCandidates);

}  // namespace
}  // namespace vigil
