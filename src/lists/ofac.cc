// OFAC legacy CSV: sdn.csv (or cons_prim.csv) with alt/add/comments beside it.
#include <charconv>
#include <filesystem>
#include <unordered_map>

#include "lists/csv.h"
#include "lists/ofac_remarks.h"
#include "lists/reader.h"

namespace vigil::lists {
namespace {

constexpr size_t kPrimaryFields = 12;
// OFAC cuts Remarks at this many characters and continues them in the
// comments file.
constexpr size_t kRemarksLimit = 1000;

// OFAC writes "-0- " for an empty field.
std::string_view Field(const std::vector<std::string>& f, size_t i) {
  if (i >= f.size()) return {};
  std::string_view v = TrimView(f[i]);
  return v == "-0-" ? std::string_view() : v;
}

bool IsEntNum(std::string_view s) {
  if (s.empty() || s.size() > 12) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string Where(const std::string& path, size_t line) {
  return path + ":" + std::to_string(line);
}

// Reads a side file (alt/add/comments) and calls `row` for each well-formed
// record whose ent_num is in `index`; `row` returns false to reject a row.
// Rows that join nothing or are rejected are counted in one report each.
template <typename Fn>
Status ReadSideFile(const std::string& path, size_t fields, LoadedList* list,
                    const std::unordered_map<std::string, size_t>& index, Fn row) {
  if (!std::filesystem::exists(path)) return Status::Ok();
  auto data = ReadTextFile(path);
  if (!data.ok()) {
    // An empty side file is a side file with nothing in it.
    if (data.status().code() == StatusCode::kInvalidArgument) return Status::Ok();
    return data.status();
  }
  CsvReader reader(*data, ',');
  CsvRecord rec;
  size_t total = 0, unjoined = 0, rejected = 0;
  while (reader.Next(&rec)) {
    if (!rec.error.empty()) {
      list->info.skipped.push_back({Where(path, rec.line), rec.error});
      continue;
    }
    if (rec.fields.size() != fields || !IsEntNum(Field(rec.fields, 0))) {
      list->info.skipped.push_back(
          {Where(path, rec.line), rec.fields.size() != fields
                                      ? "expected " + std::to_string(fields) + " fields, found " +
                                            std::to_string(rec.fields.size())
                                      : "ent_num is not a number"});
      continue;
    }
    if (!IsValidUtf8(rec.fields[fields - 2]) || !IsValidUtf8(rec.fields[fields - 1])) {
      list->info.skipped.push_back({Where(path, rec.line), "invalid UTF-8"});
      continue;
    }
    ++total;
    auto it = index.find(std::string(Field(rec.fields, 0)));
    if (it == index.end()) {
      ++unjoined;
      continue;
    }
    if (!row(rec.fields, &list->entities[it->second])) ++rejected;
  }
  if (unjoined > 0) {
    list->info.skipped.push_back(
        {path, std::to_string(unjoined) + " of " + std::to_string(total) +
                   " rows name an ent_num absent from the primary file (delisted, or from "
                   "another list version)"});
  }
  if (rejected > 0) {
    list->info.skipped.push_back(
        {path, std::to_string(rejected) + " of " + std::to_string(total) +
                   " rows continue a Remarks field that is not cut at OFAC's " +
                   std::to_string(kRemarksLimit) + "-character limit (from another list version)"});
  }
  return Status::Ok();
}

}  // namespace

Result<LoadedList> ReadOfac(const std::string& primary, bool consolidated,
                            const LoadOptions& options) {
  auto data = ReadTextFile(primary);
  if (!data.ok()) return data.status();
  LoadedList list;
  list.info.path = primary;
  list.info.format = consolidated ? "ofac-cons" : "ofac-sdn";
  list.info.dataset = !options.dataset.empty() ? options.dataset
                      : consolidated           ? "us_ofac_cons"
                                               : "us_ofac_sdn";

  CsvReader reader(*data, ',');
  CsvRecord rec;
  std::unordered_map<std::string, size_t> index;
  // Remarks cut at OFAC's limit, untrimmed, by entity index: comments continue them.
  std::unordered_map<size_t, std::string> cut;
  bool first = true;
  while (reader.Next(&rec)) {
    auto where = Where(primary, rec.line);
    if (!rec.error.empty()) {
      list.info.skipped.push_back({where, rec.error});
      first = false;
      continue;
    }
    if (rec.fields.size() != kPrimaryFields || !IsEntNum(Field(rec.fields, 0))) {
      if (first) {
        return Status::InvalidArgument(primary +
                                       ": not an OFAC legacy CSV file (expected 12 fields "
                                       "starting with a numeric ent_num on line " +
                                       std::to_string(rec.line) + ")");
      }
      list.info.skipped.push_back(
          {where, rec.fields.size() != kPrimaryFields
                      ? "expected 12 fields, found " + std::to_string(rec.fields.size())
                      : "field ent_num is not a number"});
      continue;
    }
    first = false;
    bool utf8 = true;
    for (size_t i = 0; i < rec.fields.size() && utf8; ++i) {
      if (!IsValidUtf8(rec.fields[i])) {
        list.info.skipped.push_back({where, "invalid UTF-8 in field " + std::to_string(i + 1)});
        utf8 = false;
      }
    }
    if (!utf8) continue;
    std::string_view ent_num = Field(rec.fields, 0);
    std::string_view name = Field(rec.fields, 1);
    if (name.empty()) {
      list.info.skipped.push_back({where, "field SDN_Name is empty"});
      continue;
    }
    std::string type = Lower(Field(rec.fields, 2));
    Entity e;
    e.id = "ofac-" + std::string(ent_num);
    if (type == "individual") {
      e.schema = Schema::kPerson;
    } else if (type == "vessel") {
      e.schema = Schema::kVessel;
    } else if (type == "aircraft") {
      e.schema = Schema::kAircraft;
    } else if (type.empty()) {
      e.schema = HasLegalForm(name) ? Schema::kCompany : Schema::kOrganization;
    } else {
      list.info.skipped.push_back({where, "unknown SDN_Type \"" + type + "\""});
      continue;
    }
    if (index.count(std::string(ent_num))) {
      list.info.skipped.push_back({where, "duplicate ent_num " + std::string(ent_num)});
      continue;
    }
    e.Add("name", name);
    if (e.schema == Schema::kPerson) AddNameParts(&e, name);
    // "SDGT] [SYRIA": several programs.
    std::string_view programs = Field(rec.fields, 3);
    for (size_t start = 0; start <= programs.size();) {
      auto end = programs.find("] [", start);
      if (end == std::string_view::npos) end = programs.size();
      e.Add("program", programs.substr(start, end - start));
      start = end + 3;
    }
    e.Add(e.schema == Schema::kPerson ? "position" : "title", Field(rec.fields, 4));
    e.Add("callSign", Field(rec.fields, 5));
    e.Add("type", Field(rec.fields, 6));
    e.Add("tonnage", Field(rec.fields, 7));
    e.Add("grossRegisteredTonnage", Field(rec.fields, 8));
    AddCountry(&e, "flag", Field(rec.fields, 9));
    e.Add("owner", Field(rec.fields, 10));
    e.Add("notes", Field(rec.fields, 11));
    if (rec.fields[11].size() >= kRemarksLimit) cut.emplace(list.entities.size(), rec.fields[11]);
    index.emplace(std::string(ent_num), list.entities.size());
    list.entities.push_back(std::move(e));
  }
  if (list.entities.empty()) {
    return Status::InvalidArgument(primary + ": no OFAC records could be read");
  }

  namespace fs = std::filesystem;
  fs::path dir = fs::path(primary).parent_path();
  auto side = [&](const char* sdn_name, const char* cons_name) {
    return (dir / (consolidated ? cons_name : sdn_name)).string();
  };
  // Comments continue a Remarks field cut at OFAC's field length limit.
  VIGIL_RETURN_IF_ERROR(ReadSideFile(side("sdn_comments.csv", "cons_comments.csv"), 2, &list, index,
                                     [&](const std::vector<std::string>& f, Entity* e) {
                                       auto it =
                                           cut.find(static_cast<size_t>(e - list.entities.data()));
                                       if (it == cut.end()) return false;
                                       it->second += f[1];
                                       return true;
                                     }));
  for (auto& [i, remarks] : cut) {
    auto& notes = list.entities[i].properties["notes"];
    notes.assign(1, std::string(TrimView(remarks)));
  }
  for (auto& e : list.entities) {
    if (!e.Has("notes")) continue;
    for (auto& [prop, value] : ParseOfacRemarks(e.Get("notes").front())) e.Add(prop, value);
  }
  VIGIL_RETURN_IF_ERROR(ReadSideFile(side("alt.csv", "cons_alt.csv"), 5, &list, index,
                                     [](const std::vector<std::string>& f, Entity* e) {
                                       std::string type = Lower(Field(f, 2));
                                       std::string remarks = Lower(Field(f, 4));
                                       std::string_view alt = Field(f, 3);
                                       if (remarks.find("weak") != std::string::npos) {
                                         e->Add("weakAlias", alt);
                                       } else if (type == "fka") {
                                         e->Add("previousName", alt);
                                       } else {
                                         e->Add("alias", alt);
                                       }
                                       return true;
                                     }));
  VIGIL_RETURN_IF_ERROR(ReadSideFile(side("add.csv", "cons_add.csv"), 6, &list, index,
                                     [](const std::vector<std::string>& f, Entity* e) {
                                       std::string full;
                                       for (size_t i : {2, 3, 4}) {
                                         auto part = Field(f, i);
                                         if (part.empty()) continue;
                                         if (!full.empty()) full += ", ";
                                         full += part;
                                       }
                                       e->Add("address", full);
                                       AddCountry(e, "country", Field(f, 4));
                                       return true;
                                     }));
  Finish(&list);
  return list;
}

}  // namespace vigil::lists
