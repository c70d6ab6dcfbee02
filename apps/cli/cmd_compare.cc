// vigil compare: scores entity pairs from JSON lines.
//   input line:  {"id": "...", "left": ENTITY, "right": ENTITY}
//   output line: {"id": "...", "score": 0.93, "match": true, "explanation": {...}}
#include <cmath>
#include <fstream>
#include <iostream>

#include "command.h"
#include "vigil/entity.h"
#include "vigil/matcher.h"

namespace vigil::cli {
namespace {

struct CompareArgs {
  std::string input = "-";
  std::string output = "-";
  double threshold = MatchOptions{}.threshold;
  bool skip_invalid = false;
};

int RunCompare(const CompareArgs& args) {
  auto matcher = Matcher::Create({.threshold = args.threshold});
  if (!matcher.ok()) {
    std::cerr << "vigil compare: " << matcher.status().message() << "\n";
    return kExitUsage;
  }
  std::ifstream in_file;
  std::istream* in = &std::cin;
  if (args.input != "-") {
    in_file.open(args.input);
    if (!in_file) {
      std::cerr << "vigil compare: cannot open " << args.input << "\n";
      return kExitFailure;
    }
    in = &in_file;
  }
  std::ofstream out_file;
  std::ostream* out = &std::cout;
  if (args.output != "-") {
    out_file.open(args.output);
    if (!out_file) {
      std::cerr << "vigil compare: cannot write " << args.output << "\n";
      return kExitFailure;
    }
    out = &out_file;
  }
  const std::string name = args.input == "-" ? "<stdin>" : args.input;
  std::string line;
  size_t n = 0, invalid = 0, pairs = 0;
  while (std::getline(*in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto fail = [&](const std::string& why) {
      std::cerr << "vigil compare: " << name << ":" << n << ": " << why << "\n";
      ++invalid;
    };
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      fail("not a JSON object");
      if (!args.skip_invalid) return kExitFailure;
      continue;
    }
    if (!j.contains("left") || !j.contains("right")) {
      fail("missing \"left\" or \"right\"");
      if (!args.skip_invalid) return kExitFailure;
      continue;
    }
    auto left = EntityFromJson(j["left"]);
    auto right = EntityFromJson(j["right"]);
    if (!left.ok() || !right.ok()) {
      fail(!left.ok() ? "left " + left.status().message() : "right " + right.status().message());
      if (!args.skip_invalid) return kExitFailure;
      continue;
    }
    Comparison c = (*matcher)->Compare(*left, *right);
    nlohmann::json o;
    o["id"] = j.contains("id") ? j["id"] : nlohmann::json(nullptr);
    o["score"] = std::round(c.score * 1000.0) / 1000.0;
    o["match"] = c.match;
    o["explanation"] = c.explanation.ToJson();
    *out << o.dump() << "\n";
    ++pairs;
  }
  out->flush();
  if (invalid > 0) {
    std::cerr << "vigil compare: " << pairs << " pairs scored, " << invalid
              << " invalid lines skipped\n";
  }
  return kExitOk;
}

VIGIL_COMMAND("compare", "Score entity pairs (JSON lines) with explanations", [](CLI::App* sub) {
  auto args = std::make_shared<CompareArgs>();
  sub->add_option("--input,-i", args->input, "pairs file, JSON lines (- for stdin)")
      ->default_val("-");
  sub->add_option("--output,-o", args->output, "scores file, JSON lines (- for stdout)")
      ->default_val("-");
  sub->add_option("--threshold", args->threshold, "match threshold in [0,1]")
      ->default_val(args->threshold)
      ->check(CLI::Range(0.0, 1.0));
  sub->add_flag("--skip-invalid", args->skip_invalid,
                "skip malformed lines (reported on stderr) instead of stopping");
  return [args] { return RunCompare(*args); };
});

}  // namespace
}  // namespace vigil::cli
