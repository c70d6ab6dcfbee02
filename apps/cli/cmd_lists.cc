// vigil lists info PATH... [--format F] [--dataset NAME] [--map COL=PROP]... [--json]
//
// Loads each list and prints what it holds: entities by schema, dataset,
// version, and the rows that were skipped with their reasons (the first 20
// and the total). Exits non-zero when a file fails to load.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "command.h"
#include "vigil/lists.h"

namespace vigil::cli {
namespace {

constexpr size_t kShownSkipped = 20;

struct ListsInfoOptions {
  std::vector<std::string> paths;
  std::string format = "auto";
  std::string dataset;
  std::vector<std::string> maps;  // "dob=birthDate"
  bool json = false;
};

int RunListsInfo(const ListsInfoOptions& o) {
  int exit_code = kExitOk;
  nlohmann::json all = nlohmann::json::array();
  for (const auto& path : o.paths) {
    LoadOptions options;
    options.format = o.format;
    options.dataset = o.dataset;
    for (const auto& m : o.maps) {
      auto eq = m.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) {
        std::fprintf(stderr, "vigil lists info: --map expects COLUMN=PROPERTY, got \"%s\"\n",
                     m.c_str());
        return kExitUsage;
      }
      options.column_map.emplace_back(m.substr(0, eq), m.substr(eq + 1));
    }
    auto list = LoadList(path, options);
    if (!list.ok()) {
      exit_code = kExitFailure;
      if (o.json) {
        all.push_back({{"path", path}, {"error", list.status().ToString()}});
      } else {
        std::fprintf(stderr, "vigil lists info: %s\n", list.status().ToString().c_str());
      }
      continue;
    }
    std::map<std::string, size_t> by_schema;
    for (const auto& e : list->entities) ++by_schema[std::string(SchemaName(e.schema))];
    const ListInfo& info = list->info;
    if (o.json) {
      nlohmann::json skipped = nlohmann::json::array();
      for (size_t i = 0; i < info.skipped.size() && i < kShownSkipped; ++i) {
        skipped.push_back({{"where", info.skipped[i].where}, {"reason", info.skipped[i].reason}});
      }
      all.push_back({{"path", info.path},
                     {"format", info.format},
                     {"dataset", info.dataset},
                     {"version", info.version},
                     {"entities", info.entities},
                     {"schemata", by_schema},
                     {"skipped_total", info.skipped.size()},
                     {"skipped", skipped}});
      continue;
    }
    std::printf("%s\n  format   %s\n  dataset  %s\n  version  %s\n  entities %zu\n",
                info.path.c_str(), info.format.c_str(), info.dataset.c_str(),
                info.version.empty() ? "(none in file)" : info.version.c_str(), info.entities);
    for (const auto& [schema, n] : by_schema) std::printf("    %-13s %zu\n", schema.c_str(), n);
    std::printf("  skipped  %zu\n", info.skipped.size());
    for (size_t i = 0; i < info.skipped.size() && i < kShownSkipped; ++i) {
      std::printf("    %s: %s\n", info.skipped[i].where.c_str(), info.skipped[i].reason.c_str());
    }
    if (info.skipped.size() > kShownSkipped) {
      std::printf("    ... and %zu more\n", info.skipped.size() - kShownSkipped);
    }
  }
  if (o.json) std::printf("%s\n", all.dump(2).c_str());
  return exit_code;
}

VIGIL_COMMAND("lists", "Inspect watchlist files", [](CLI::App* sub) -> std::function<int()> {
  auto options = std::make_shared<ListsInfoOptions>();
  sub->require_subcommand(1);
  CLI::App* info = sub->add_subcommand("info", "Load list files and show what they hold");
  info->add_option("paths", options->paths, "List files or OFAC file-set directories")->required();
  info->add_option("--format", options->format,
                   "auto, ofac-sdn, ofac-cons, un-xml, bis-dpl, ftm or csv")
      ->capture_default_str();
  info->add_option("--dataset", options->dataset, "Dataset name to tag entities with");
  info->add_option("--map", options->maps,
                   "Generic CSV: map a column to an FtM property (COLUMN=PROPERTY, repeatable)");
  info->add_flag("--json", options->json, "Print JSON");
  return [options] { return RunListsInfo(*options); };
});

}  // namespace
}  // namespace vigil::cli
