// FollowTheMoney entities, one JSON object per line (OpenSanctions'
// entities.ftm.json). Streams the file line by line.
//
// Schemata vigil does not screen (Address, Sanction, Ownership, ...) are
// skipped and counted, one report per schema: OpenSanctions exports are full
// of them and they are not errors.
#include <fstream>
#include <map>

#include "lists/reader.h"

namespace vigil::lists {

Result<LoadedList> ReadFtm(const std::string& path, const LoadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open file");
  LoadedList list;
  list.info.path = path;
  list.info.format = "ftm";
  list.info.dataset = options.dataset;
  struct Skipped {
    size_t first_line = 0;
    size_t count = 0;
  };
  std::map<std::string, Skipped> other_schemata;
  std::string line;
  size_t lineno = 0;
  bool seen_object = false;
  while (std::getline(in, line)) {
    ++lineno;
    if (lineno == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (TrimView(line).empty()) continue;
    std::string where = path + ":" + std::to_string(lineno);
    if (!IsValidUtf8(line)) {
      list.info.skipped.push_back({where, "invalid UTF-8"});
      continue;
    }
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      if (!seen_object) {
        return Status::InvalidArgument(path + ": not FollowTheMoney JSON lines (line " +
                                       std::to_string(lineno) + " is not a JSON object)");
      }
      list.info.skipped.push_back({where, "not a JSON object"});
      continue;
    }
    seen_object = true;
    auto schema = j.find("schema");
    if (schema != j.end() && schema->is_string() &&
        !SchemaFromName(schema->get<std::string>()).ok()) {
      auto& s = other_schemata[schema->get<std::string>()];
      if (s.count++ == 0) s.first_line = lineno;
      continue;
    }
    auto e = EntityFromJson(j);
    if (!e.ok()) {
      list.info.skipped.push_back({where, e.status().message()});
      continue;
    }
    if (e->id.empty()) {
      list.info.skipped.push_back({where, "entity without an id"});
      continue;
    }
    if (list.info.dataset.empty() && !e->datasets.empty()) list.info.dataset = e->datasets.front();
    list.entities.push_back(std::move(*e));
  }
  if (in.bad()) return Status::IOError(path + ": read failed");
  if (!seen_object && other_schemata.empty()) {
    return Status::InvalidArgument(path + ": file is empty");
  }
  for (const auto& [schema, s] : other_schemata) {
    list.info.skipped.push_back({path + ":" + std::to_string(s.first_line),
                                 "schema " + schema + " is not screened (" +
                                     std::to_string(s.count) + " entities skipped)"});
  }
  if (list.info.dataset.empty()) list.info.dataset = "ftm";
  Finish(&list);
  return list;
}

}  // namespace vigil::lists
