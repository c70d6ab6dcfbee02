// vigil eval: precision, recall and F1 per group of labelled pairs.
// A group is one pair file (tests/eval/<group>.tsv); format in vigil/eval.h.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "command.h"
#include "vigil/eval.h"
#include "vigil/matcher.h"

namespace vigil::cli {
namespace {

struct EvalArgs {
  std::vector<std::string> pairs = {"tests/eval"};
  double threshold = MatchOptions{}.threshold;
  int show_errors = 0;
  bool json = false;
  double fail_under = 0;        // exit 1 when the overall F1 is below this
  double group_fail_under = 0;  // ... or when some group's F1 is below this
};

int RunEval(const EvalArgs& args) {
  auto matcher = Matcher::Create({.threshold = args.threshold});
  if (!matcher.ok()) {
    std::cerr << "vigil eval: " << matcher.status().message() << "\n";
    return kExitUsage;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& p : args.pairs) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      for (const auto& e : std::filesystem::directory_iterator(p)) {
        if (e.path().extension() == ".tsv") files.push_back(e.path());
      }
    } else if (std::filesystem::exists(p, ec)) {
      files.push_back(p);
    } else {
      std::cerr << "vigil eval: " << p << ": no such file or directory\n";
      return kExitFailure;
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::cerr << "vigil eval: no .tsv pair files found\n";
    return kExitFailure;
  }
  EvalCounts all;
  std::vector<std::pair<std::string, double>> below;  // groups under the group floor
  nlohmann::json report = nlohmann::json::object();
  if (!args.json) {
    std::printf("%-28s %7s %7s %7s %9s %7s %7s\n", "group", "pairs", "pos", "neg", "precision",
                "recall", "F1");
  }
  for (const auto& f : files) {
    auto pairs = ReadLabelledPairs(f.string());
    if (!pairs.ok()) {
      std::cerr << "vigil eval: " << pairs.status().message() << "\n";
      return kExitFailure;
    }
    std::vector<EvalError> errors;
    EvalCounts c = Evaluate(**matcher, *pairs, &errors);
    all.tp += c.tp, all.fp += c.fp, all.tn += c.tn, all.fn += c.fn;
    const std::string group = f.stem().string();
    if (c.f1() < args.group_fail_under) below.emplace_back(group, c.f1());
    report[group] = {{"pairs", pairs->size()},
                     {"precision", c.precision()},
                     {"recall", c.recall()},
                     {"f1", c.f1()},
                     {"tp", c.tp},
                     {"fp", c.fp},
                     {"tn", c.tn},
                     {"fn", c.fn}};
    if (!args.json) {
      std::printf("%-28s %7zu %7zu %7zu %9.3f %7.3f %7.3f\n", group.c_str(), pairs->size(),
                  c.tp + c.fn, c.tn + c.fp, c.precision(), c.recall(), c.f1());
      for (int i = 0; i < args.show_errors && i < static_cast<int>(errors.size()); ++i) {
        const auto& e = errors[i];
        std::printf("    %s %s %.3f  %s  <>  %s\n", e.pair->expected ? "FN" : "FP",
                    e.pair->where.c_str(), e.score, e.pair->left.Caption().c_str(),
                    e.pair->right.Caption().c_str());
      }
    }
  }
  report["overall"] = {{"precision", all.precision()},
                       {"recall", all.recall()},
                       {"f1", all.f1()},
                       {"tp", all.tp},
                       {"fp", all.fp},
                       {"tn", all.tn},
                       {"fn", all.fn}};
  if (args.json) {
    std::cout << report.dump(2) << "\n";
  } else {
    std::printf("%-28s %7zu %7zu %7zu %9.3f %7.3f %7.3f\n", "overall",
                all.tp + all.fp + all.tn + all.fn, all.tp + all.fn, all.tn + all.fp,
                all.precision(), all.recall(), all.f1());
    std::printf("threshold %.2f\n", args.threshold);
  }
  bool failed = false;
  if (all.f1() < args.fail_under) {
    std::fprintf(stderr, "vigil eval: overall F1 %.3f is below the floor %.3f\n", all.f1(),
                 args.fail_under);
    failed = true;
  }
  for (const auto& [group, f1] : below) {
    std::fprintf(stderr, "vigil eval: %s F1 %.3f is below the group floor %.3f\n", group.c_str(),
                 f1, args.group_fail_under);
    failed = true;
  }
  return failed ? kExitFailure : kExitOk;
}

VIGIL_COMMAND("eval", "Precision, recall and F1 per group on labelled pairs", [](CLI::App* sub) {
  auto args = std::make_shared<EvalArgs>();
  sub->add_option("--pairs", args->pairs, "pair files or directories of them")
      ->default_val("tests/eval");
  sub->add_option("--threshold", args->threshold, "match threshold")
      ->default_val(args->threshold)
      ->check(CLI::Range(0.0, 1.0));
  sub->add_option("--show-errors", args->show_errors, "print up to N misdecided pairs per group");
  sub->add_flag("--json", args->json, "print the report as JSON");
  sub->add_option("--fail-under", args->fail_under,
                  "exit 1 when the overall F1 is below this (a regression floor)");
  sub->add_option("--group-fail-under", args->group_fail_under,
                  "exit 1 when any group's F1 is below this");
  return [args] { return RunEval(*args); };
});

}  // namespace
}  // namespace vigil::cli
