#include "vigil/entity.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

namespace vigil {
namespace {

struct SchemaInfo {
  Schema schema;
  std::string_view name;
};
constexpr std::array<SchemaInfo, 7> kSchemata = {{
    {Schema::kThing, "Thing"},
    {Schema::kLegalEntity, "LegalEntity"},
    {Schema::kPerson, "Person"},
    {Schema::kOrganization, "Organization"},
    {Schema::kCompany, "Company"},
    {Schema::kVessel, "Vessel"},
    {Schema::kAircraft, "Aircraft"},
}};

std::string_view Trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool IsOrgLike(Schema s) {
  return s == Schema::kOrganization || s == Schema::kCompany || s == Schema::kLegalEntity;
}

}  // namespace

Result<Schema> SchemaFromName(std::string_view name) {
  for (const auto& info : kSchemata) {
    if (info.name == name) return info.schema;
  }
  // Common synonyms in list files and user input.
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  if (lower == "person" || lower == "individual") return Schema::kPerson;
  if (lower == "company") return Schema::kCompany;
  if (lower == "organization" || lower == "organisation" || lower == "entity")
    return Schema::kOrganization;
  if (lower == "legalentity") return Schema::kLegalEntity;
  if (lower == "vessel") return Schema::kVessel;
  if (lower == "aircraft") return Schema::kAircraft;
  if (lower == "thing") return Schema::kThing;
  return Status::InvalidArgument("unknown schema \"" + std::string(name) +
                                 "\" (expected Person, Company, Organization, LegalEntity, "
                                 "Vessel, Aircraft or Thing)");
}

std::string_view SchemaName(Schema schema) {
  for (const auto& info : kSchemata) {
    if (info.schema == schema) return info.name;
  }
  return "Thing";
}

bool SchemataCompatible(Schema a, Schema b) {
  if (a == b) return true;
  if (a == Schema::kThing || b == Schema::kThing) return true;
  if (a == Schema::kLegalEntity) return b == Schema::kPerson || IsOrgLike(b);
  if (b == Schema::kLegalEntity) return a == Schema::kPerson || IsOrgLike(a);
  return IsOrgLike(a) && IsOrgLike(b);
}

const std::vector<std::string>& Entity::Get(std::string_view prop) const {
  static const std::vector<std::string> kEmpty;
  auto it = properties.find(std::string(prop));
  return it == properties.end() ? kEmpty : it->second;
}

void Entity::Add(std::string_view prop, std::string_view value) {
  value = Trim(value);
  if (value.empty()) return;
  auto& values = properties[std::string(prop)];
  if (std::find(values.begin(), values.end(), value) == values.end()) {
    values.emplace_back(value);
  }
}

std::vector<std::string> Entity::Names() const {
  std::vector<std::string> out;
  auto add = [&out](const std::string& v) {
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  };
  for (const char* prop : {"name", "alias", "previousName"}) {
    for (const auto& v : Get(prop)) add(v);
  }
  if (!Has("name")) {
    // Assemble "first middle father last" from the parts, as forms list them.
    const auto& first = Get("firstName");
    const auto& last = Get("lastName");
    if (!first.empty() || !last.empty()) {
      std::string full;
      auto append = [&full](const std::vector<std::string>& v) {
        if (v.empty()) return;
        if (!full.empty()) full += ' ';
        full += v.front();
      };
      append(first);
      append(Get("middleName"));
      append(Get("fatherName"));
      append(last);
      add(full);
    }
  }
  return out;
}

std::vector<std::string> Entity::WeakNames() const { return Get("weakAlias"); }

std::string Entity::Caption() const {
  auto names = Names();
  if (!names.empty()) return names.front();
  return id;
}

Result<Entity> EntityFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Status::InvalidArgument("entity: expected a JSON object");
  Entity e;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const auto& v = it.value();
    if (key == "id") {
      if (v.is_string()) {
        e.id = v.get<std::string>();
      } else if (v.is_number_integer()) {
        e.id = std::to_string(v.get<long long>());
      } else if (!v.is_null()) {
        return Status::InvalidArgument("entity: field \"id\" must be a string");
      }
    } else if (key == "schema") {
      if (!v.is_string())
        return Status::InvalidArgument("entity: field \"schema\" must be a string");
      auto s = SchemaFromName(v.get<std::string>());
      if (!s.ok())
        return Status::InvalidArgument("entity: field \"schema\": " + s.status().message());
      e.schema = *s;
    } else if (key == "properties") {
      if (!v.is_object()) {
        return Status::InvalidArgument("entity: field \"properties\" must be an object");
      }
      for (auto p = v.begin(); p != v.end(); ++p) {
        const auto& vals = p.value();
        auto add_one = [&](const nlohmann::json& x) -> Status {
          if (x.is_string()) {
            e.Add(p.key(), x.get<std::string>());
          } else if (x.is_number()) {
            e.Add(p.key(), x.dump());
          } else if (!x.is_null()) {
            return Status::InvalidArgument("entity: property \"" + p.key() +
                                           "\" must hold strings");
          }
          return Status::Ok();
        };
        if (vals.is_array()) {
          for (const auto& x : vals) VIGIL_RETURN_IF_ERROR(add_one(x));
        } else {
          VIGIL_RETURN_IF_ERROR(add_one(vals));
        }
      }
    } else if (key == "datasets") {
      if (!v.is_array())
        return Status::InvalidArgument("entity: field \"datasets\" must be an array");
      for (const auto& d : v) {
        if (!d.is_string()) {
          return Status::InvalidArgument("entity: field \"datasets\" must hold strings");
        }
        e.datasets.push_back(d.get<std::string>());
      }
    } else {
      e.extra[key] = v;
    }
  }
  return e;
}

Result<Entity> EntityFromJsonText(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("entity: not valid JSON");
  return EntityFromJson(j);
}

nlohmann::json EntityToJson(const Entity& e) {
  nlohmann::json j = nlohmann::json::object();
  for (auto it = e.extra.begin(); it != e.extra.end(); ++it) j[it.key()] = it.value();
  j["id"] = e.id;
  j["schema"] = std::string(SchemaName(e.schema));
  nlohmann::json props = nlohmann::json::object();
  for (const auto& [k, v] : e.properties) props[k] = v;
  j["properties"] = std::move(props);
  if (!e.datasets.empty()) j["datasets"] = e.datasets;
  return j;
}

std::string PartialDate::ToString() const {
  char buf[16];
  if (day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (month) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

std::optional<PartialDate> ParsePartialDate(std::string_view s) {
  s = Trim(s);
  auto num = [](std::string_view part, int lo, int hi) -> int {
    int v = 0;
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (ec != std::errc() || p != part.data() + part.size() || v < lo || v > hi) return -1;
    return v;
  };
  if (s.size() < 4) return std::nullopt;
  PartialDate d;
  d.year = num(s.substr(0, 4), 1000, 2999);
  if (d.year < 0) return std::nullopt;
  if (s.size() == 4) return d;
  if (s.size() < 7 || s[4] != '-') return std::nullopt;
  d.month = num(s.substr(5, 2), 1, 12);
  if (d.month < 0) return std::nullopt;
  if (s.size() == 7) return d;
  if (s.size() < 10 || s[7] != '-') return std::nullopt;
  d.day = num(s.substr(8, 2), 1, 31);
  if (d.day < 0) return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  return d;
}

}  // namespace vigil
