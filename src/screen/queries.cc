#include "screen/queries.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "lists/csv.h"
#include "lists/reader.h"

namespace vigil::screen {
namespace {

// CSV column names (lower case, spaces and dashes as underscores) -> FtM
// property; "id" and "schema" are handled apart.
const std::map<std::string, std::string>& ColumnProperties() {
  static const std::map<std::string, std::string> m = {
      {"name", "name"},
      {"full_name", "name"},
      {"fullname", "name"},
      {"alias", "alias"},
      {"aliases", "alias"},
      {"first_name", "firstName"},
      {"firstname", "firstName"},
      {"given_name", "firstName"},
      {"middle_name", "middleName"},
      {"middlename", "middleName"},
      {"last_name", "lastName"},
      {"lastname", "lastName"},
      {"surname", "lastName"},
      {"family_name", "lastName"},
      {"date_of_birth", "birthDate"},
      {"birth_date", "birthDate"},
      {"birthdate", "birthDate"},
      {"dob", "birthDate"},
      {"gender", "gender"},
      {"sex", "gender"},
      {"nationality", "nationality"},
      {"citizenship", "citizenship"},
      {"country", "country"},
      {"place_of_birth", "birthPlace"},
      {"birth_place", "birthPlace"},
      {"passport", "passportNumber"},
      {"passport_number", "passportNumber"},
      {"id_number", "idNumber"},
      {"national_id", "idNumber"},
  };
  return m;
}

bool IsPersonOnly(const std::string& prop) {
  return prop == "firstName" || prop == "middleName" || prop == "lastName" || prop == "birthDate" ||
         prop == "gender" || prop == "birthPlace" || prop == "passportNumber";
}

std::string ColumnKey(std::string_view header) {
  std::string k = lists::Lower(lists::TrimView(header));
  for (char& c : k) {
    if (c == ' ' || c == '-') c = '_';
  }
  return k;
}

Result<QueryFile> ParseJsonLines(std::string_view data, const std::string& name,
                                 bool skip_invalid) {
  QueryFile out;
  out.format = "jsonl";
  size_t line = 0;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view text = data.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (lists::TrimView(text).empty()) continue;
    const std::string where = name + ":" + std::to_string(line);
    auto e = EntityFromJsonText(text);
    Status bad;
    if (!e.ok()) {
      bad = e.status();
    } else if (e->Names().empty() && e->WeakNames().empty()) {
      bad = Status::InvalidArgument("entity has no name (name, alias, firstName/lastName)");
    }
    if (!bad.ok()) {
      if (!skip_invalid) return Status::InvalidArgument(where + ": " + bad.message());
      out.skipped.push_back({where, bad.message()});
      continue;
    }
    Query q;
    q.line = line;
    q.query_id = e->id.empty() ? std::to_string(line) : e->id;
    if (e->id.empty()) e->id = q.query_id;
    q.entity = std::move(e).value();
    out.queries.push_back(std::move(q));
  }
  return out;
}

Result<QueryFile> ParseCsv(std::string_view data, const std::string& name, bool skip_invalid) {
  QueryFile out;
  out.format = "csv";
  const size_t eol = data.find('\n');
  lists::CsvReader reader(data, lists::DetectDelimiter(data.substr(0, eol)));
  lists::CsvRecord rec;
  if (!reader.Next(&rec)) return Status::InvalidArgument(name + ": no header row");
  if (!rec.error.empty()) {
    return Status::InvalidArgument(name + ":" + std::to_string(rec.line) +
                                   ": header: " + rec.error);
  }
  // Column roles.
  enum class Role { kIgnore, kId, kSchema, kProperty };
  struct Column {
    Role role = Role::kIgnore;
    std::string header;
    std::string prop;
  };
  std::vector<Column> cols;
  bool has_name = false;
  bool person_columns = false;
  for (const auto& h : rec.fields) {
    Column c;
    c.header = h;
    const std::string k = ColumnKey(h);
    if (k == "id" || k == "query_id") {
      c.role = Role::kId;
    } else if (k == "schema" || k == "type") {
      c.role = Role::kSchema;
    } else if (auto it = ColumnProperties().find(k); it != ColumnProperties().end()) {
      c.role = Role::kProperty;
      c.prop = it->second;
      has_name = has_name || c.prop == "name" || c.prop == "firstName" || c.prop == "lastName";
      person_columns = person_columns || IsPersonOnly(c.prop);
    }
    cols.push_back(std::move(c));
  }
  if (!has_name) {
    return Status::InvalidArgument(name +
                                   ":1: no name column (expected full_name, name, "
                                   "first_name or last_name)");
  }
  const Schema default_schema = person_columns ? Schema::kPerson : Schema::kLegalEntity;
  while (reader.Next(&rec)) {
    const std::string where = name + ":" + std::to_string(rec.line);
    auto row = [&]() -> Result<Query> {
      if (!rec.error.empty()) return Status::InvalidArgument(rec.error);
      if (rec.fields.size() != cols.size()) {
        return Status::InvalidArgument("expected " + std::to_string(cols.size()) +
                                       " fields, found " + std::to_string(rec.fields.size()));
      }
      Query q;
      q.line = rec.line;
      q.entity.schema = default_schema;
      for (size_t i = 0; i < cols.size(); ++i) {
        const std::string_view v = lists::TrimView(rec.fields[i]);
        if (v.empty()) continue;
        const Column& c = cols[i];
        switch (c.role) {
          case Role::kIgnore:
            break;
          case Role::kId:
            q.query_id = std::string(v);
            break;
          case Role::kSchema: {
            auto s = SchemaFromName(v);
            if (!s.ok())
              return Status::InvalidArgument("field " + c.header + ": " + s.status().message());
            q.entity.schema = *s;
            break;
          }
          case Role::kProperty:
            if (c.prop == "birthDate") {
              auto d = ParsePartialDate(v);
              if (!d) d = lists::ParseLooseDate(v);
              if (!d) {
                return Status::InvalidArgument("field " + c.header + ": \"" + std::string(v) +
                                               "\" is not a date (expected YYYY, YYYY-MM or "
                                               "YYYY-MM-DD)");
              }
              q.entity.Add("birthDate", d->ToString());
            } else if (c.prop == "alias") {
              std::string_view rest = v;
              while (!rest.empty()) {
                size_t semi = rest.find(';');
                q.entity.Add("alias", lists::TrimView(rest.substr(0, semi)));
                rest = semi == std::string_view::npos ? "" : rest.substr(semi + 1);
              }
            } else {
              q.entity.Add(c.prop, v);
            }
            break;
        }
      }
      if (q.entity.Names().empty()) {
        return Status::InvalidArgument("no name (full_name, first_name and last_name are empty)");
      }
      if (q.query_id.empty()) q.query_id = std::to_string(rec.line);
      q.entity.id = q.query_id;
      return q;
    }();
    if (!row.ok()) {
      if (!skip_invalid) return Status::InvalidArgument(where + ": " + row.status().message());
      out.skipped.push_back({where, row.status().message()});
      continue;
    }
    out.queries.push_back(std::move(row).value());
  }
  return out;
}

void CsvField(std::string* out, std::string_view v) {
  if (v.find_first_of(",\"\n\r") == std::string_view::npos) {
    out->append(v);
    return;
  }
  out->push_back('"');
  for (char c : v) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

std::string Fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::string s((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0) s.erase(0, 3);
    return s;
  }
  return lists::ReadTextFile(path);
}

Result<QueryFile> ParseQueries(std::string_view data, const std::string& name, bool skip_invalid) {
  const size_t first = data.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return Status::InvalidArgument(name + ": empty query file");
  }
  if (data[first] == '{') return ParseJsonLines(data, name, skip_invalid);
  return ParseCsv(data, name, skip_invalid);
}

void ScreenBatch(const Screener& screener, const std::vector<Query>& queries,
                 const ScreenOptions& options, unsigned threads,
                 const std::function<void(size_t, std::vector<Hit>&)>& sink,
                 const std::function<void(size_t)>& progress) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  constexpr size_t kBlock = 1024;
  std::vector<std::vector<Hit>> results;
  for (size_t begin = 0; begin < queries.size(); begin += kBlock) {
    const size_t end = std::min(queries.size(), begin + kBlock);
    results.assign(end - begin, {});
    std::atomic<size_t> next{begin};
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < end;) {
        results[i - begin] = screener.Screen(queries[i].entity, options);
      }
    };
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads && t < end - begin; ++t) workers.emplace_back(work);
    work();
    for (auto& w : workers) w.join();
    for (size_t i = begin; i < end; ++i) sink(i, results[i - begin]);
    if (progress) progress(end);
  }
}

double RoundScore(double s) { return std::round(s * 10000.0) / 10000.0; }

std::string ResultJsonLine(const Query& q, const std::vector<Hit>& hits) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& h : hits) {
    results.push_back({
        {"id", h.entity->id},
        {"schema", std::string(SchemaName(h.entity->schema))},
        {"caption", h.entity->Caption()},
        {"datasets", h.entity->datasets},
        {"score", RoundScore(h.score)},
        {"match", h.match},
        {"explanation", h.explanation.ToJson()},
    });
  }
  nlohmann::json line = {{"query_id", q.query_id}, {"results", std::move(results)}};
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ResultCsvHeader() {
  return "query_id,query_name,rank,id,schema,caption,datasets,score,match,why\n";
}

std::string ResultCsvRows(const Query& q, const std::vector<Hit>& hits) {
  std::string out;
  const std::string qname = q.entity.Caption();
  for (size_t i = 0; i < hits.size(); ++i) {
    const auto& h = hits[i];
    std::string datasets;
    for (const auto& d : h.entity->datasets) datasets += (datasets.empty() ? "" : ";") + d;
    const std::string fields[] = {q.query_id,
                                  qname,
                                  std::to_string(i + 1),
                                  h.entity->id,
                                  std::string(SchemaName(h.entity->schema)),
                                  h.entity->Caption(),
                                  datasets,
                                  Fixed(RoundScore(h.score), 4),
                                  h.match ? "true" : "false",
                                  BriefExplanation(h.explanation)};
    for (size_t f = 0; f < std::size(fields); ++f) {
      if (f) out.push_back(',');
      CsvField(&out, fields[f]);
    }
    out.push_back('\n');
  }
  return out;
}

std::string BriefExplanation(const Explanation& e) {
  std::string out;
  auto sep = [&out] {
    if (!out.empty()) out += "; ";
  };
  for (const auto& p : e.parts) {
    sep();
    if (p.candidate.empty()) {
      out += p.query + " unmatched";
      continue;
    }
    out += p.query + (p.query == p.candidate ? "=" : "~") + p.candidate + " " + p.method;
    if (!p.scheme.empty() && p.scheme != "latin") out += "/" + p.scheme;
  }
  for (const auto& f : e.features) {
    if (f.weight == 0 || f.name == "name") continue;
    sep();
    out += f.name + " " + (f.value >= 0 ? "+" : "") + Fixed(f.value, 2);
    if (!f.detail.empty()) out += " (" + f.detail + ")";
  }
  return out;
}

}  // namespace vigil::screen
