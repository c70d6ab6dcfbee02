// Any CSV with a header row: columns are recognized by their common names
// (case, spaces, '_' and '-' ignored), or mapped by LoadOptions::column_map.
// ',' ';' and tab delimiters are detected from the header line.
#include <filesystem>
#include <map>

#include "lists/csv.h"
#include "lists/reader.h"

namespace vigil::lists {
namespace {

// "Date_of-Birth" -> "dateofbirth".
std::string Key(std::string_view header) {
  std::string out;
  for (char c : header) {
    if (c == ' ' || c == '_' || c == '-' || c == '.') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

constexpr std::pair<std::string_view, std::string_view> kColumns[] = {
    {"name", "name"},
    {"fullname", "name"},
    {"entityname", "name"},
    {"wholename", "name"},
    {"alias", "alias"},
    {"aliases", "alias"},
    {"aka", "alias"},
    {"weakalias", "weakAlias"},
    {"previousname", "previousName"},
    {"firstname", "firstName"},
    {"givenname", "firstName"},
    {"middlename", "middleName"},
    {"lastname", "lastName"},
    {"surname", "lastName"},
    {"familyname", "lastName"},
    {"dateofbirth", "birthDate"},
    {"birthdate", "birthDate"},
    {"dob", "birthDate"},
    {"nationality", "nationality"},
    {"country", "country"},
    {"citizenship", "citizenship"},
    {"gender", "gender"},
    {"sex", "gender"},
    {"id", "id"},
    {"schema", "schema"},
    {"type", "schema"},
    {"idnumber", "idNumber"},
    {"nationalid", "idNumber"},
    {"passport", "passportNumber"},
    {"passportnumber", "passportNumber"},
    {"placeofbirth", "birthPlace"},
    {"birthplace", "birthPlace"},
    {"pob", "birthPlace"},
    {"address", "address"},
    {"registrationnumber", "registrationNumber"},
};

bool IsCountryProperty(std::string_view p) {
  return p == "nationality" || p == "country" || p == "citizenship";
}
bool IsPersonProperty(std::string_view p) {
  return p == "firstName" || p == "lastName" || p == "middleName" || p == "birthDate" ||
         p == "gender" || p == "nationality" || p == "passportNumber" || p == "birthPlace";
}
bool IsMultiValued(std::string_view p) {
  return p == "alias" || p == "weakAlias" || p == "previousName" || IsCountryProperty(p);
}

}  // namespace

Result<LoadedList> ReadGenericCsv(const std::string& path, const LoadOptions& options) {
  auto data = ReadTextFile(path);
  if (!data.ok()) return data.status();
  std::string_view text = *data;
  auto first = text.find_first_not_of(" \t\r\n");
  if (text[first] == '{' || text[first] == '[') {
    return Status::InvalidArgument(path + ": not a CSV file (it starts like JSON)");
  }
  if (text[first] == '<') {
    return Status::InvalidArgument(path + ": not a CSV file (it starts like XML)");
  }
  auto eol = text.find('\n');
  CsvReader reader(text, DetectDelimiter(text.substr(0, eol)));
  CsvRecord header;
  if (!reader.Next(&header) || !header.error.empty()) {
    return Status::InvalidArgument(path + ": CSV header row is malformed: " + header.error);
  }
  // Column index -> property ("" ignores the column).
  std::vector<std::string> props(header.fields.size());
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string key = Key(header.fields[i]);
    for (const auto& [k, p] : kColumns) {
      if (k == key) props[i] = p;
    }
    for (const auto& [column, property] : options.column_map) {
      if (Key(column) == key) props[i] = property;
    }
  }
  for (const auto& [column, property] : options.column_map) {
    bool found = false;
    for (const auto& h : header.fields) found = found || Key(h) == Key(column);
    if (!found) {
      return Status::InvalidArgument(path + ": column \"" + column +
                                     "\" of the column map is not in the header");
    }
  }
  bool has_name = false;
  for (const auto& p : props) {
    has_name = has_name || p == "name" || p == "firstName" || p == "lastName" || p == "alias";
  }
  if (!has_name) {
    return Status::InvalidArgument(
        path +
        ": CSV header has no name column (expected one of name, full_name, first_name, "
        "last_name, alias; or map one with the column map)");
  }
  LoadedList list;
  list.info.path = path;
  list.info.format = "csv";
  list.info.dataset =
      !options.dataset.empty() ? options.dataset : std::filesystem::path(path).stem().string();
  CsvRecord rec;
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
    Entity e;
    std::string schema_text, fingerprint;
    bool person_facts = false;
    std::string bad;
    for (size_t i = 0; i < props.size(); ++i) {
      const std::string& prop = props[i];
      std::string_view v = TrimView(rec.fields[i]);
      if (prop.empty() || v.empty()) continue;
      if (!IsValidUtf8(v)) {
        bad = "invalid UTF-8 in column \"" + header.fields[i] + "\"";
        break;
      }
      fingerprint += prop;
      fingerprint += '=';
      fingerprint += v;
      fingerprint += '\n';
      if (prop == "id") {
        e.id = std::string(v);
        continue;
      }
      if (prop == "schema") {
        schema_text = std::string(v);
        continue;
      }
      person_facts = person_facts || IsPersonProperty(prop);
      auto add = [&](std::string_view one) {
        one = TrimView(one);
        if (IsCountryProperty(prop)) {
          AddCountry(&e, prop, one);
        } else if (prop == "birthDate") {
          auto d = ParseLooseDate(one);
          e.Add(prop, d ? d->ToString() : std::string(one));
        } else if (prop == "gender") {
          std::string g = Lower(one);
          e.Add(prop, g == "m" ? "male" : g == "f" ? "female" : g);
        } else {
          e.Add(prop, one);
        }
      };
      if (IsMultiValued(prop)) {
        size_t start = 0;
        while (start <= v.size()) {
          auto end = v.find_first_of(";|", start);
          if (end == std::string_view::npos) end = v.size();
          add(v.substr(start, end - start));
          start = end + 1;
        }
      } else {
        add(v);
      }
    }
    if (!bad.empty()) {
      list.info.skipped.push_back({where, bad});
      continue;
    }
    if (e.Names().empty()) {
      list.info.skipped.push_back({where, "no name (name, first/last name and alias are empty)"});
      continue;
    }
    if (!schema_text.empty()) {
      auto s = SchemaFromName(schema_text);
      if (!s.ok()) {
        list.info.skipped.push_back({where, "field schema: " + s.status().message()});
        continue;
      }
      e.schema = *s;
    } else {
      e.schema = person_facts ? Schema::kPerson : Schema::kLegalEntity;
    }
    // Without an id column, a row is identified by its content.
    if (e.id.empty()) e.id = list.info.dataset + "-" + StableHash(fingerprint);
    list.entities.push_back(std::move(e));
  }
  Finish(&list);
  return list;
}

}  // namespace vigil::lists
