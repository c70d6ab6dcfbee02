// The vigil command-line tool is a set of subcommands, one file each
// (cmd_compare.cc, cmd_screen.cc, ...). A file registers its subcommand with
// VIGIL_COMMAND; main.cc needs no edit when a command is added.
#ifndef VIGIL_APPS_CLI_COMMAND_H_
#define VIGIL_APPS_CLI_COMMAND_H_

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace vigil::cli {

// Declares the subcommand's options on `sub` and returns the function that
// runs it (after parsing) and gives the process exit code.
using CommandSetup = std::function<std::function<int()>(CLI::App* sub)>;

bool RegisterCommand(std::string name, std::string description, CommandSetup setup);

// Exit codes shared by all commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the job failed (bad input file, ...)
inline constexpr int kExitUsage = 2;    // bad command line

}  // namespace vigil::cli

#define VIGIL_CONCAT_INNER(a, b) a##b
#define VIGIL_CONCAT(a, b) VIGIL_CONCAT_INNER(a, b)
#define VIGIL_COMMAND(name, description, setup)                       \
  static const bool VIGIL_CONCAT(kVigilCommandRegistered, __LINE__) = \
      ::vigil::cli::RegisterCommand(name, description, setup)

#endif  // VIGIL_APPS_CLI_COMMAND_H_
