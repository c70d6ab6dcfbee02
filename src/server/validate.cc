#include "server/validate.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace vigil::server {

using nlohmann::json;

namespace {

std::string TypeName(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "an array";
  return "an object";
}

std::string Join(const std::string& where, const std::string& key) {
  return where.empty() ? key : where + "." + key;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80             ? 1
                 : (c & 0xE0) == 0xC0 ? 2
                 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 ? 4
                                      : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

Result<json> ParseJsonObject(std::string_view body) {
  if (body.empty())
    return Status::InvalidArgument("request body: expected a JSON object, found nothing");
  json j;
  try {
    j = json::parse(body);
  } catch (const json::parse_error& e) {
    return Status::InvalidArgument("request body: malformed JSON at byte " +
                                   std::to_string(e.byte) + ": " + e.what());
  }
  if (!j.is_object()) {
    return Status::InvalidArgument("request body: expected a JSON object, found " + TypeName(j));
  }
  return j;
}

Status CheckFields(const json& obj, std::initializer_list<std::string_view> allowed,
                   const std::string& where) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool ok = false;
    for (auto a : allowed) ok = ok || it.key() == a;
    if (!ok) {
      std::string names;
      for (auto a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
      return Status::InvalidArgument(Join(where, it.key()) +
                                     ": unknown field (expected one of: " + names + ")");
    }
  }
  return Status::Ok();
}

Result<std::optional<std::string>> OptString(const json& obj, const std::string& key,
                                             const std::string& where, size_t max_len) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) {
    return Status::InvalidArgument(Join(where, key) + ": expected a string, found " +
                                   TypeName(*it));
  }
  const auto& s = it->get_ref<const std::string&>();
  if (s.size() > max_len) {
    return Status::ResourceExhausted(Join(where, key) + ": longer than " + std::to_string(max_len) +
                                     " bytes");
  }
  return std::optional<std::string>(s);
}

Result<std::optional<double>> OptNumber(const json& obj, const std::string& key,
                                        const std::string& where, double lo, double hi) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<double>();
  if (!it->is_number()) {
    return Status::InvalidArgument(Join(where, key) + ": expected a number, found " +
                                   TypeName(*it));
  }
  double v = it->get<double>();
  if (!(v >= lo && v <= hi)) {
    return Status::InvalidArgument(Join(where, key) + ": must be between " + json(lo).dump() +
                                   " and " + json(hi).dump());
  }
  return std::optional<double>(v);
}

Result<std::vector<int64_t>> OptIdArray(const json& obj, const std::string& key,
                                        const std::string& where) {
  std::vector<int64_t> out;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return out;
  if (!it->is_array()) {
    return Status::InvalidArgument(Join(where, key) + ": expected an array of integers, found " +
                                   TypeName(*it));
  }
  if (it->size() > 1000)
    return Status::ResourceExhausted(Join(where, key) + ": more than 1000 ids");
  for (size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    if (!v.is_number_integer()) {
      return Status::InvalidArgument(Join(where, key) + "[" + std::to_string(i) +
                                     "]: expected an integer, found " + TypeName(v));
    }
    out.push_back(v.get<int64_t>());
  }
  return out;
}

Result<std::vector<std::string>> OptStringArray(const json& obj, const std::string& key,
                                                const std::string& where) {
  std::vector<std::string> out;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return out;
  if (!it->is_array()) {
    return Status::InvalidArgument(Join(where, key) + ": expected an array of strings, found " +
                                   TypeName(*it));
  }
  if (it->size() > 1000) {
    return Status::ResourceExhausted(Join(where, key) + ": more than 1000 values");
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    if (!v.is_string() || v.get_ref<const std::string&>().size() > 1024) {
      return Status::InvalidArgument(Join(where, key) + "[" + std::to_string(i) +
                                     "]: expected a string of at most 1024 bytes, found " +
                                     TypeName(v));
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

Result<Entity> ParseQueryEntity(const json& j, const std::string& where,
                                const EntityLimits& limits) {
  if (!j.is_object()) {
    return Status::InvalidArgument(where + ": expected an entity object, found " + TypeName(j));
  }
  VIGIL_RETURN_IF_ERROR(
      CheckFields(j, {"id", "schema", "properties", "caption", "datasets"}, where));
  json norm = json::object();
  auto id = OptString(j, "id", where, 256);
  if (!id.ok()) return id.status();
  if (*id) norm["id"] = **id;
  auto schema = OptString(j, "schema", where, 64);
  if (!schema.ok()) return schema.status();
  if (!*schema) return Status::InvalidArgument(where + ".schema: required");
  auto known = SchemaFromName(**schema);
  if (!known.ok()) {
    return Status::InvalidArgument(where + ".schema: unknown schema \"" + **schema +
                                   "\" (expected Person, Company, Organization, LegalEntity, "
                                   "Vessel, Aircraft or Thing)");
  }
  norm["schema"] = **schema;
  auto pit = j.find("properties");
  if (pit == j.end() || !pit->is_object()) {
    return Status::InvalidArgument(where +
                                   ".properties: expected an object of property -> "
                                   "[values], found " +
                                   (pit == j.end() ? std::string("nothing") : TypeName(*pit)));
  }
  if (pit->size() > limits.max_properties) {
    return Status::ResourceExhausted(where + ".properties: more than " +
                                     std::to_string(limits.max_properties) + " properties");
  }
  json props = json::object();
  for (auto it = pit->begin(); it != pit->end(); ++it) {
    std::string pw = where + ".properties." + it.key();
    if (it.key().empty() || it.key().size() > 64) {
      return Status::InvalidArgument(pw + ": property names must be 1 to 64 bytes");
    }
    json values = it->is_array() ? *it : json::array({*it});
    if (values.size() > limits.max_values) {
      return Status::ResourceExhausted(pw + ": more than " + std::to_string(limits.max_values) +
                                       " values");
    }
    for (size_t i = 0; i < values.size(); ++i) {
      const json& v = values[i];
      if (!v.is_string()) {
        return Status::InvalidArgument(pw + (it->is_array() ? "[" + std::to_string(i) + "]" : "") +
                                       ": expected a string, found " + TypeName(v));
      }
      if (v.get_ref<const std::string&>().size() > limits.max_value_length) {
        return Status::ResourceExhausted(pw + ": a value is longer than " +
                                         std::to_string(limits.max_value_length) + " bytes");
      }
    }
    props[it.key()] = std::move(values);
  }
  norm["properties"] = std::move(props);
  auto e = EntityFromJson(norm);
  if (!e.ok()) return Status::InvalidArgument(where + ": " + e.status().message());
  if (e->Names().empty() && e->WeakNames().empty()) {
    return Status::InvalidArgument(where +
                                   ".properties: needs a name (name, alias, "
                                   "firstName/lastName, ...)");
  }
  return e;
}

Result<double> ParseDoubleParam(const std::string& value, const std::string& name, double lo,
                                double hi) {
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || errno != 0 || !std::isfinite(v) || v < lo || v > hi) {
    return Status::InvalidArgument("query parameter " + name + ": expected a number between " +
                                   json(lo).dump() + " and " + json(hi).dump() + ", found \"" +
                                   value.substr(0, 40) + "\"");
  }
  return v;
}

Result<int64_t> ParseIntParam(const std::string& value, const std::string& name, int64_t lo,
                              int64_t hi) {
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || errno != 0 || v < lo || v > hi) {
    return Status::InvalidArgument("query parameter " + name + ": expected an integer between " +
                                   std::to_string(lo) + " and " + std::to_string(hi) +
                                   ", found \"" + value.substr(0, 40) + "\"");
  }
  return static_cast<int64_t>(v);
}

Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text,
                                                       std::vector<int64_t>* lines) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, field_started = false;
  int64_t line = 1, row_line = 1;
  size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // UTF-8 byte order mark
  auto end_row = [&] {
    row.push_back(std::move(field));
    field.clear();
    field_started = false;
    bool blank = row.size() == 1 && row[0].empty();
    if (!blank) {
      rows.push_back(std::move(row));
      if (lines) lines->push_back(row_line);
    }
    row.clear();
  };
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\r') {
      // CRLF: the \n ends the row.
    } else if (c == '\n') {
      end_row();
      ++line;
      row_line = line;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted) {
    return Status::InvalidArgument("CSV line " + std::to_string(row_line) +
                                   ": quoted field is not closed");
  }
  if (field_started || !row.empty()) end_row();
  return rows;
}

}  // namespace vigil::server
