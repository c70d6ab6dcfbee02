// vigil index: builds and inspects index snapshots.
//   vigil index build --list PATH... --output FILE [--threads N]
//   vigil index info FILE
#ifdef VIGIL_HAVE_SCREEN
#include <chrono>
#include <cstdio>
#include <iostream>

#include "command.h"
#include "index/snapshot_file.h"
#include "screen/default_lists.h"
#include "screen/index_build.h"

namespace vigil::cli {
namespace {

struct IndexArgs {
  std::vector<std::string> lists;
  std::string output;
  std::string info;
  unsigned threads = 0;
  std::string format = "auto";
  std::string dataset;
};

int RunBuild(const IndexArgs& args) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  auto matcher = Matcher::Create({});
  if (!matcher.ok()) {
    std::cerr << "vigil index build: " << matcher.status().message() << "\n";
    return kExitFailure;
  }
  std::vector<std::string> paths = args.lists;
  if (paths.empty()) {
    auto d = screen::DefaultListPaths();
    if (!d.ok()) {
      std::cerr << "vigil index build: " << d.status().message() << "\n";
      return kExitFailure;
    }
    paths = *d;
  }
  LoadOptions load;
  load.format = args.format;
  load.dataset = args.dataset;
  screen::BuildOptions bo;
  bo.threads = args.threads;
  std::vector<ListInfo> infos;
  auto built = screen::BuildIndexFromFiles(paths, load, **matcher, bo, &infos);
  if (!built.ok()) {
    std::cerr << "vigil index build: " << built.status().message() << "\n";
    return kExitFailure;
  }
  for (const auto& info : infos) {
    std::cerr << "  " << info.path << ": " << info.entities << " entities (" << info.format << ", "
              << info.dataset << (info.version.empty() ? "" : " " + info.version) << ")";
    if (!info.skipped.empty()) std::cerr << ", " << info.skipped.size() << " rows skipped";
    std::cerr << "\n";
  }
  index::SnapshotWriter w;
  for (const auto& [id, bytes] : (*built)->Sections()) w.Add(id, bytes);
  Status st = w.WriteTo(args.output);
  if (!st.ok()) {
    std::cerr << "vigil index build: " << st.message() << "\n";
    return kExitFailure;
  }
  const double el = std::chrono::duration<double>(Clock::now() - t0).count();
  std::fprintf(stderr, "vigil index build: %s: %zu entities, %zu keys, %zu postings, %.1fs\n",
               args.output.c_str(), (*built)->ids.size(), (*built)->keys.keys.size(),
               (*built)->keys.postings.size(), el);
  return kExitOk;
}

int RunInfo(const IndexArgs& args) {
  auto snap = index::MappedSnapshot::Open(args.info);
  if (!snap.ok()) {
    std::cerr << "vigil index info: " << snap.status().message() << "\n";
    return kExitFailure;
  }
  auto meta = (*snap)->Section(screen::kMeta);
  if (!meta) {
    std::cerr << "vigil index info: " << args.info << ": no meta section\n";
    return kExitFailure;
  }
  auto j = nlohmann::json::parse(*meta, nullptr, false);
  if (j.is_discarded()) {
    std::cerr << "vigil index info: " << args.info << ": meta section is not JSON\n";
    return kExitFailure;
  }
  j["file_bytes"] = (*snap)->file_size();
  std::cout << j.dump(2) << "\n";
  return kExitOk;
}

std::function<int()> SetupIndex(CLI::App* sub) {
  auto args = std::make_shared<IndexArgs>();
  sub->require_subcommand(1);
  CLI::App* build =
      sub->add_subcommand("build", "Load lists and write an index snapshot for --index");
  build->add_option("--list", args->lists,
                    "List file or directory (repeatable); default: the bundled "
                    "lists");
  build->add_option("--output", args->output, "Snapshot file to write")->required();
  build->add_option("--threads", args->threads, "Workers (0 = one per core)")
      ->capture_default_str();
  build->add_option("--format", args->format, "List format (default: detected)")
      ->capture_default_str();
  build->add_option("--dataset", args->dataset, "Dataset name override");
  CLI::App* info = sub->add_subcommand("info", "Check a snapshot and print its facts");
  info->add_option("file", args->info, "Snapshot file")->required();
  return [args, build, info] {
    if (build->parsed()) return RunBuild(*args);
    if (info->parsed()) return RunInfo(*args);
    return kExitUsage;
  };
}

VIGIL_COMMAND("index", "Build or inspect a candidate index snapshot", SetupIndex);

}  // namespace
}  // namespace vigil::cli
#endif  // VIGIL_HAVE_SCREEN
