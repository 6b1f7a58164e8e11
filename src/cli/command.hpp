// A subcommand of the relief program. Each command lives in its own file and
// registers itself in main.cpp's list: it declares its options on the
// parent CLI::App and returns what to run when the user chose it.
#ifndef RELIEF_CLI_COMMAND_HPP_
#define RELIEF_CLI_COMMAND_HPP_

#include <CLI/CLI.hpp>
#include <functional>

namespace relief::cli {

// Exit codes, the same for every command: 0 the job was done (and, for
// check and test, found nothing wrong); 1 the input was read but is wrong
// (errors in the pack or profile, failing tests); 2 the command line is
// wrong or an input cannot be read.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

struct Command {
  CLI::App* app = nullptr;   // the subcommand, to know whether it was chosen
  std::function<int()> run;  // called after parsing when it was
};

using CommandFactory = Command (*)(CLI::App& parent);

Command CheckCommand(CLI::App& parent);
Command TestCommand(CLI::App& parent);
Command EvalCommand(CLI::App& parent);
Command TimelineCommand(CLI::App& parent);
Command AskCommand(CLI::App& parent);
Command BatchCommand(CLI::App& parent);
Command DocCommand(CLI::App& parent);
Command CompletionCommand(CLI::App& parent);

}  // namespace relief::cli

#endif  // RELIEF_CLI_COMMAND_HPP_
