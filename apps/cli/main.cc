// vigil: screen people and companies against watchlists.
#include <cstdio>
#include <map>
#include <memory>
#include <vector>

#include "command.h"

namespace vigil::cli {
namespace {

struct Registered {
  std::string name;
  std::string description;
  CommandSetup setup;
};

std::vector<Registered>& Registry() {
  static std::vector<Registered> commands;
  return commands;
}

}  // namespace

bool RegisterCommand(std::string name, std::string description, CommandSetup setup) {
  Registry().push_back({std::move(name), std::move(description), std::move(setup)});
  return true;
}

}  // namespace vigil::cli

int main(int argc, char** argv) {
  using namespace vigil::cli;
  CLI::App app{"vigil: screen people and companies against watchlists, across scripts"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "vigil 0.1.0");
  std::map<CLI::App*, std::function<int()>> runners;
  for (auto& cmd : Registry()) {
    CLI::App* sub = app.add_subcommand(cmd.name, cmd.description);
    runners[sub] = cmd.setup(sub);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}
