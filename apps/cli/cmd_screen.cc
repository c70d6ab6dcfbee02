// vigil screen: screens a file of people and companies against watchlists.
//   vigil screen [--list PATH... | --index FILE] --input QUERIES --output RESULTS
// QUERIES: FtM JSON lines or CSV with a header (see src/screen/queries.h).
// RESULTS: JSON lines, one per query in input order, or CSV, one row per hit.
#ifdef VIGIL_HAVE_SCREEN
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "command.h"
#include "screen/default_lists.h"
#include "screen/queries.h"

namespace vigil::cli {
namespace {

struct ScreenArgs {
  std::vector<std::string> lists;
  std::string index;
  std::string input;
  std::string output = "-";
  double threshold = ScreenOptions{}.threshold;
  size_t limit = ScreenOptions{}.limit;
  unsigned threads = 0;
  std::string format = "jsonl";
  size_t candidates = screen::ScreenerConfig{}.candidates;
  bool skip_invalid = false;
  bool all = false;
};

std::string Duration(double seconds) {
  char buf[32];
  if (seconds < 60) {
    std::snprintf(buf, sizeof buf, "%.1fs", seconds);
  } else {
    std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(seconds) / 60,
                  static_cast<int>(seconds) % 60);
  }
  return buf;
}

int RunScreen(const ScreenArgs& args) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  auto since = [](Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
  };
  const std::string in_name = args.input == "-" ? "<stdin>" : args.input;
  auto data = screen::ReadInput(args.input);
  if (!data.ok()) {
    std::cerr << "vigil screen: " << data.status().message() << "\n";
    return kExitFailure;
  }
  auto queries = screen::ParseQueries(*data, in_name, args.skip_invalid);
  if (!queries.ok()) {
    std::cerr << "vigil screen: " << queries.status().message() << "\n";
    return kExitFailure;
  }
  for (const auto& s : queries->skipped) {
    std::cerr << "vigil screen: skipped " << s.where << ": " << s.reason << "\n";
  }
  screen::ScreenerConfig config;
  config.candidates = args.candidates;
  config.threads = args.threads;
  std::string described;
  auto screener = screen::OpenScreener(args.lists, args.index, {}, {}, config, &described);
  if (!screener.ok()) {
    std::cerr << "vigil screen: " << screener.status().message() << "\n";
    return kExitFailure;
  }
  std::cerr << "vigil screen: " << described << " (" << Duration(since(t0)) << ")\n";

  std::ofstream out_file;
  std::ostream* out = &std::cout;
  if (args.output != "-") {
    out_file.open(args.output, std::ios::binary);
    if (!out_file) {
      std::cerr << "vigil screen: cannot write " << args.output << "\n";
      return kExitFailure;
    }
    out = &out_file;
  }
  const bool csv = args.format == "csv";
  if (csv) *out << screen::ResultCsvHeader();

  ScreenOptions options;
  options.threshold = args.threshold;
  options.limit = args.limit;
  // Without --all only matches are reported; with it, near misses too.
  options.min_score = args.all ? 0.0 : args.threshold;
  const auto& qs = queries->queries;
  size_t matched = 0;
  const bool tty = isatty(STDERR_FILENO);
  const auto t1 = Clock::now();
  screen::ScreenBatch(
      **screener, qs, options, args.threads,
      [&](size_t i, std::vector<Hit>& hits) {
        bool any = false;
        for (const auto& h : hits) any = any || h.match;
        matched += any;
        if (csv) {
          *out << screen::ResultCsvRows(qs[i], hits);
        } else {
          *out << screen::ResultJsonLine(qs[i], hits) << '\n';
        }
      },
      [&](size_t done) {
        if (!tty) return;
        const double el = since(t1);
        const double rate = el > 0 ? done / el : 0;
        const int width = 30;
        const int filled = qs.empty() ? width : static_cast<int>(width * done / qs.size());
        std::fprintf(stderr, "\r[%s%s] %zu/%zu  %.0f q/s  ETA %s   ",
                     std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
                     done, qs.size(), rate,
                     Duration(rate > 0 ? (qs.size() - done) / rate : 0).c_str());
        std::fflush(stderr);
      });
  out->flush();
  if (tty) std::fprintf(stderr, "\n");
  if (!*out) {
    std::cerr << "vigil screen: write failed: " << args.output << "\n";
    return kExitFailure;
  }
  const double el = since(t1);
  std::fprintf(stderr,
               "vigil screen: %zu queries, %zu with a match, %zu skipped, %s, %.0f queries/s\n",
               qs.size(), matched, queries->skipped.size(), Duration(el).c_str(),
               el > 0 ? qs.size() / el : 0.0);
  return kExitOk;
}

std::string ListHelp() {
  std::string s =
      "List file or directory to screen against (repeatable). Default: the bundled "
      "OFAC SDN and UN lists, looked for in";
  for (const auto& d : screen::DefaultListDirs()) s += " " + d;
  return s;
}

VIGIL_COMMAND(
    "screen", "Screen a file of people and companies against watchlists",
    [](CLI::App* sub) -> std::function<int()> {
      auto args = std::make_shared<ScreenArgs>();
      sub->add_option("--list", args->lists, ListHelp());
      sub->add_option("--index", args->index, "Index snapshot written by `vigil index build`");
      sub->add_option("--input", args->input,
                      "Queries: FtM JSON lines or CSV with a header (- for stdin)")
          ->required();
      sub->add_option("--output", args->output, "Results file (- for stdout)")
          ->capture_default_str();
      sub->add_option("--threshold", args->threshold, "Score at or above is a match")
          ->capture_default_str();
      sub->add_option("--limit", args->limit, "Hits per query, best first")->capture_default_str();
      sub->add_option("--threads", args->threads, "Worker threads (0 = one per core)")
          ->capture_default_str();
      sub->add_option("--format", args->format, "Output format")
          ->check(CLI::IsMember({"jsonl", "csv"}))
          ->capture_default_str();
      sub->add_option("--candidates", args->candidates,
                      "List entities scored per query (retrieval depth)")
          ->capture_default_str();
      sub->add_flag("--skip-invalid", args->skip_invalid,
                    "Skip and count malformed query lines instead of stopping");
      sub->add_flag("--all", args->all, "Also report hits below the threshold (as match: false)");
      return [args] { return RunScreen(*args); };
    });

}  // namespace
}  // namespace vigil::cli
#endif  // VIGIL_HAVE_SCREEN
