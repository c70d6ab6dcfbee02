// vigil match: one query against the lists, as a readable table of hits with
// the aligned name parts and the features behind each score.
//   vigil match [--list PATH... | --index FILE] "Xi Jinping" --birth-date 1953
#ifdef VIGIL_HAVE_SCREEN
#include <cstdio>
#include <iostream>

#include "command.h"
#include "screen/default_lists.h"
#include "screen/queries.h"

namespace vigil::cli {
namespace {

struct MatchArgs {
  std::vector<std::string> lists;
  std::string index;
  std::string name;
  std::string schema = "Person";
  std::string birth_date;
  std::string nationality;
  std::string id;
  double threshold = ScreenOptions{}.threshold;
  size_t limit = ScreenOptions{}.limit;
};

// Columns a terminal gives a UTF-8 string: East Asian wide letters take two.
size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    int len = 1;
    if (c >= 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0) {
      len = 2;
      cp = c & 0x1F;
    }
    for (int k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    i += len;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x20000 && cp <= 0x3FFFD);
    const bool combining = (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x064B && cp <= 0x065F);
    w += combining ? 0 : wide ? 2 : 1;
  }
  return w;
}

// Prints rows as columns padded to their widest cell.
void PrintTable(const std::vector<std::vector<std::string>>& rows, const std::string& indent) {
  std::vector<size_t> width;
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], DisplayWidth(r[i]));
    }
  }
  for (const auto& r : rows) {
    std::string line = indent;
    for (size_t i = 0; i < r.size(); ++i) {
      line += r[i];
      if (i + 1 < r.size()) line += std::string(width[i] - DisplayWidth(r[i]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << "\n";
  }
}

std::string Num(double v, const char* fmt = "%.3f") {
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

int RunMatch(const MatchArgs& args) {
  auto schema = SchemaFromName(args.schema);
  if (!schema.ok()) {
    std::cerr << "vigil match: --schema: " << schema.status().message() << "\n";
    return kExitUsage;
  }
  Entity q;
  q.id = args.id.empty() ? "query" : args.id;
  q.schema = *schema;
  q.Add("name", args.name);
  if (!args.birth_date.empty()) {
    if (!ParsePartialDate(args.birth_date)) {
      std::cerr << "vigil match: --birth-date: \"" << args.birth_date
                << "\" is not YYYY, YYYY-MM or YYYY-MM-DD\n";
      return kExitUsage;
    }
    q.Add("birthDate", args.birth_date);
  }
  if (!args.nationality.empty()) q.Add("nationality", args.nationality);
  std::string described;
  auto screener = screen::OpenScreener(args.lists, args.index, {}, {}, {}, &described);
  if (!screener.ok()) {
    std::cerr << "vigil match: " << screener.status().message() << "\n";
    return kExitFailure;
  }
  ScreenOptions o;
  o.threshold = args.threshold;
  o.limit = args.limit;
  auto hits = (*screener)->Screen(q, o);
  std::cout << "Query: " << args.name << " (" << args.schema;
  if (!args.birth_date.empty()) std::cout << ", born " << args.birth_date;
  if (!args.nationality.empty()) std::cout << ", " << args.nationality;
  std::cout << ") against " << described << "\n";
  if (hits.empty()) {
    std::cout << "No candidates.\n";
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows = {
      {"#", "score", "match", "id", "schema", "name", "datasets"}};
  for (size_t i = 0; i < hits.size(); ++i) {
    const auto& h = hits[i];
    std::string ds;
    for (const auto& d : h.entity->datasets) ds += (ds.empty() ? "" : ",") + d;
    rows.push_back({std::to_string(i + 1), Num(h.score), h.match ? "MATCH" : "-", h.entity->id,
                    std::string(SchemaName(h.entity->schema)), h.entity->Caption(), ds});
  }
  std::cout << "\n";
  PrintTable(rows, "");
  for (size_t i = 0; i < hits.size(); ++i) {
    const auto& h = hits[i];
    const auto& e = h.explanation;
    std::cout << "\n#" << i + 1 << " " << h.entity->Caption() << "  score " << Num(h.score)
              << (h.match ? "  MATCH" : "") << "\n";
    std::cout << "  names: \"" << e.query_name << "\" ~ \"" << e.candidate_name << "\"";
    if (e.query_form != e.query_name || e.candidate_form != e.candidate_name) {
      std::cout << "  (as " << e.query_form << " ~ " << e.candidate_form << ")";
    }
    std::cout << "  name score " << Num(e.name_score) << "\n";
    std::vector<std::vector<std::string>> parts = {
        {"query", "list", "method", "scheme", "similarity", "weight"}};
    for (const auto& p : e.parts) {
      parts.push_back({p.query, p.candidate.empty() ? "-" : p.candidate, p.method, p.scheme,
                       Num(p.similarity, "%.2f"), Num(p.weight, "%.2f")});
    }
    PrintTable(parts, "    ");
    std::vector<std::vector<std::string>> feats = {{"feature", "value", "weight", "detail"}};
    for (const auto& f : e.features) {
      feats.push_back({f.name, Num(f.value, "%+.2f"), Num(f.weight, "%.2f"), f.detail});
    }
    if (feats.size() > 1) PrintTable(feats, "    ");
  }
  return kExitOk;
}

VIGIL_COMMAND(
    "match", "Screen one name and show each hit with its explanation",
    [](CLI::App* sub) -> std::function<int()> {
      auto args = std::make_shared<MatchArgs>();
      sub->add_option("name", args->name, "The name to screen, in any script")->required();
      sub->add_option("--list", args->lists,
                      "List file or directory (repeatable); default: the bundled "
                      "lists (see `vigil screen --help`)");
      sub->add_option("--index", args->index, "Index snapshot written by `vigil index build`");
      sub->add_option("--schema", args->schema,
                      "Person, Company, Organization, LegalEntity, Vessel, ...")
          ->capture_default_str();
      sub->add_option("--birth-date", args->birth_date, "YYYY, YYYY-MM or YYYY-MM-DD");
      sub->add_option("--nationality", args->nationality, "Country code or name");
      sub->add_option("--threshold", args->threshold, "Score at or above is a match")
          ->capture_default_str();
      sub->add_option("--limit", args->limit, "Hits shown, best first")->capture_default_str();
      return [args] { return RunMatch(*args); };
    });

}  // namespace
}  // namespace vigil::cli
#endif  // VIGIL_HAVE_SCREEN
