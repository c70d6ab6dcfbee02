// US BIS Denied Persons List: tab-separated, quoted, with a header row.
//
// The file does not say whether a party is a person or a company. A name
// with a legal form ("INC", "LTD", "GMBH", ...) or a trading word
// ("ENTERPRISES", "TRADING", ...) is a Company; any other name is a
// LegalEntity, which the matcher compares with both people and companies.
#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "lists/csv.h"
#include "lists/reader.h"

namespace vigil::lists {
namespace {

bool HasBusinessWord(std::string_view name) {
  static constexpr std::string_view kWords[] = {
      "ENTERPRISE",  "TRADING",  "INTERNATIONAL", "INDUSTRIES",   "INDUSTRY",
      "ELECTRONICS", "GROUP",    "HOLDINGS",      "TECHNOLOGIES", "TECHNOLOGY",
      "AVIATION",    "AIRLINES", "SERVICES",      "SUPPLY",       "SYSTEMS",
      "IMPORT",      "EXPORT",   "LOGISTICS",     "SHIPPING",     "COMPONENTS"};
  std::string upper(name);
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  for (auto w : kWords) {
    if (upper.find(w) != std::string::npos) return true;
  }
  return false;
}

// MM/DD/YYYY -> YYYY-MM-DD; other text as is.
std::string UsDate(std::string_view v) {
  v = TrimView(v);
  int m = 0, d = 0, y = 0;
  if (v.size() == 10 && v[2] == '/' && v[5] == '/' &&
      std::sscanf(std::string(v).c_str(), "%2d/%2d/%4d", &m, &d, &y) == 3 && m >= 1 && m <= 12 &&
      d >= 1 && d <= 31) {
    return PartialDate{y, m, d}.ToString();
  }
  return std::string(v);
}

}  // namespace

Result<LoadedList> ReadBisDpl(const std::string& path, const LoadOptions& options) {
  auto data = ReadTextFile(path);
  if (!data.ok()) return data.status();
  CsvReader reader(*data, '\t');
  CsvRecord header;
  if (!reader.Next(&header) || !header.error.empty()) {
    return Status::InvalidArgument(path + ": not a BIS Denied Persons List (no header row)");
  }
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header.fields.size(); ++i) col[Lower(TrimView(header.fields[i]))] = i;
  for (const char* required : {"name", "street_address", "city", "country"}) {
    if (!col.count(required)) {
      return Status::InvalidArgument(path + ": not a BIS Denied Persons List (header has no \"" +
                                     required + "\" column)");
    }
  }
  LoadedList list;
  list.info.path = path;
  list.info.format = "bis-dpl";
  list.info.dataset = options.dataset.empty() ? "us_bis_denied" : options.dataset;
  CsvRecord rec;
  auto get = [&](const char* name) -> std::string_view {
    auto it = col.find(name);
    return it == col.end() || it->second >= rec.fields.size() ? std::string_view()
                                                              : TrimView(rec.fields[it->second]);
  };
  std::vector<std::string> updates;
  // id -> (line first seen, entity index).
  std::map<std::string, std::pair<size_t, size_t>> first_line;
  std::string latest_effective;
  while (reader.Next(&rec)) {
    std::string where = path + ":" + std::to_string(rec.line);
    if (!rec.error.empty()) {
      list.info.skipped.push_back({where, rec.error});
      continue;
    }
    if (rec.fields.size() != header.fields.size()) {
      list.info.skipped.push_back({where, "expected " + std::to_string(header.fields.size()) +
                                              " fields, found " +
                                              std::to_string(rec.fields.size())});
      continue;
    }
    if (std::any_of(rec.fields.begin(), rec.fields.end(),
                    [](const std::string& f) { return !IsValidUtf8(f); })) {
      list.info.skipped.push_back({where, "invalid UTF-8"});
      continue;
    }
    std::string_view name = get("name");
    if (name.empty()) {
      list.info.skipped.push_back({where, "field Name is empty"});
      continue;
    }
    Entity e;
    Entity* target = &e;
    e.schema =
        HasLegalForm(name) || HasBusinessWord(name) ? Schema::kCompany : Schema::kLegalEntity;
    std::string street(get("street_address")), city(get("city")), state(get("state")),
        country(get("country")), postal(get("postal_code"));
    // The list has no identifiers: a party is its name at its address.
    e.id = "bis-" + StableHash(std::string(name) + "|" + street + "|" + city + "|" + country);
    // A party listed twice at one address (an order renewed or amended) is one
    // entity with both orders' dates.
    auto seen = first_line.find(e.id);
    if (seen != first_line.end()) {
      target = &list.entities[seen->second.second];
      list.info.skipped.push_back({where, "same name and address as line " +
                                              std::to_string(seen->second.first) +
                                              ": merged into that entity"});
    } else {
      first_line.emplace(e.id, std::make_pair(rec.line, list.entities.size()));
    }
    target->Add("name", name);
    std::string address;
    for (const auto& part : {street, city, state, postal, country}) {
      if (part.empty()) continue;
      if (!address.empty()) address += ", ";
      address += part;
    }
    target->Add("address", address);
    AddCountry(target, "country", country);
    target->Add("startDate", UsDate(get("effective_date")));
    target->Add("endDate", UsDate(get("expiration_date")));
    target->Add("modifiedAt", get("last_update"));
    target->Add("notes", get("action"));
    target->Add("notes", get("fr_citation"));
    std::string update(get("last_update"));
    if (ParsePartialDate(update)) updates.push_back(update);
    std::string effective = UsDate(get("effective_date"));
    if (ParsePartialDate(effective) && effective > latest_effective) latest_effective = effective;
    if (target == &e) list.entities.push_back(std::move(e));
  }
  // The list carries no edition date; its most recent Last_Update stands for
  // one. Updates more than a year after the newest Effective_Date are typos
  // (the 2021 file holds "2922-09-01" and "3017-08-22") and are ignored.
  if (auto newest = ParsePartialDate(latest_effective)) {
    std::string limit = PartialDate{newest->year + 1, newest->month, newest->day}.ToString();
    for (const auto& u : updates) {
      if (u <= limit && u > list.info.version) list.info.version = u;
    }
  }
  Finish(&list);
  return list;
}

}  // namespace vigil::lists
