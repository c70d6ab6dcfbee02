#include "vigil/eval.h"

#include <fstream>
#include <sstream>

namespace vigil {
namespace {

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return std::string(s);
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    out.emplace_back(
        s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

}  // namespace

Entity ParsePairSide(const std::string& side, Schema schema, std::string id) {
  Entity e;
  e.id = std::move(id);
  e.schema = schema;
  auto bar = side.find(" | ");
  e.Add("name", Trim(std::string_view(side).substr(0, bar)));
  if (bar != std::string::npos) {
    for (const auto& kv : Split(std::string_view(side).substr(bar + 3), ';')) {
      auto eq = kv.find('=');
      if (eq == std::string::npos) continue;
      std::string prop = Trim(std::string_view(kv).substr(0, eq));
      for (const auto& v : Split(std::string_view(kv).substr(eq + 1), ',')) e.Add(prop, Trim(v));
    }
  }
  return e;
}

Result<std::vector<LabelledPair>> ReadLabelledPairs(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::vector<LabelledPair> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#' || Trim(line).empty()) continue;
    const std::string where = path + ":" + std::to_string(n);
    auto cols = Split(line, '\t');
    if (cols.size() < 4) {
      return Status::InvalidArgument(where +
                                     ": expected at least 4 tab-separated columns "
                                     "(expected, schema, left, right), found " +
                                     std::to_string(cols.size()));
    }
    LabelledPair p;
    p.where = where;
    if (cols[0] == "match") {
      p.expected = true;
    } else if (cols[0] != "no_match") {
      return Status::InvalidArgument(where + ": column 1 must be match or no_match, found \"" +
                                     cols[0] + "\"");
    }
    auto schemas = Split(cols[1], '|');
    auto ls = SchemaFromName(schemas[0]);
    auto rs = SchemaFromName(schemas.size() > 1 ? schemas[1] : schemas[0]);
    if (!ls.ok()) return Status::InvalidArgument(where + ": column 2: " + ls.status().message());
    if (!rs.ok()) return Status::InvalidArgument(where + ": column 2: " + rs.status().message());
    p.left = ParsePairSide(cols[2], *ls, "left");
    p.right = ParsePairSide(cols[3], *rs, "right");
    if (p.left.Names().empty() || p.right.Names().empty()) {
      return Status::InvalidArgument(where + ": a side has no name");
    }
    if (cols.size() > 4) p.why = cols[4];
    out.push_back(std::move(p));
  }
  return out;
}

EvalCounts Evaluate(const Matcher& matcher, const std::vector<LabelledPair>& pairs,
                    std::vector<EvalError>* errors) {
  EvalCounts counts;
  for (const auto& p : pairs) {
    Comparison c = matcher.Compare(p.left, p.right);
    if (p.expected && c.match) ++counts.tp;
    if (p.expected && !c.match) ++counts.fn;
    if (!p.expected && c.match) ++counts.fp;
    if (!p.expected && !c.match) ++counts.tn;
    if (errors && c.match != p.expected) errors->push_back({&p, c.score});
  }
  return counts;
}

}  // namespace vigil
