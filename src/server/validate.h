// Request validation for the HTTP API: every check that turns a client's
// bytes into typed values, with a message that names the field at fault
// ("queries.q1.properties.birthDate[0]: expected a string, found a number").
//
// Pure functions of their inputs; no I/O. Thread-safe.
#ifndef VIGIL_SERVER_VALIDATE_H_
#define VIGIL_SERVER_VALIDATE_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigil/entity.h"
#include "vigil/status.h"

namespace vigil::server {

struct EntityLimits {
  size_t max_properties = 64;
  size_t max_values = 64;
  size_t max_value_length = 1024;
};

// The body as a JSON object; InvalidArgument saying where parsing failed.
Result<nlohmann::json> ParseJsonObject(std::string_view body);
// InvalidArgument naming the first key of `obj` not in `allowed`.
Status CheckFields(const nlohmann::json& obj, std::initializer_list<std::string_view> allowed,
                   const std::string& where);
// obj[key] as a string; nullopt when absent or null. Wrong type or longer than
// max_len is an error naming where.key.
Result<std::optional<std::string>> OptString(const nlohmann::json& obj, const std::string& key,
                                             const std::string& where, size_t max_len);
Result<std::optional<double>> OptNumber(const nlohmann::json& obj, const std::string& key,
                                        const std::string& where, double lo, double hi);
Result<std::vector<int64_t>> OptIdArray(const nlohmann::json& obj, const std::string& key,
                                        const std::string& where);
Result<std::vector<std::string>> OptStringArray(const nlohmann::json& obj, const std::string& key,
                                                const std::string& where);

// An FtM entity from a request ({"id"?, "schema", "properties"}): the schema
// must be known, property values strings or arrays of strings, within limits
// (ResourceExhausted when over), and the entity must have a name.
Result<Entity> ParseQueryEntity(const nlohmann::json& j, const std::string& where,
                                const EntityLimits& limits);

// Parses "0.7" as a number in [lo, hi]; `name` is the query parameter.
Result<double> ParseDoubleParam(const std::string& value, const std::string& name, double lo,
                                double hi);
Result<int64_t> ParseIntParam(const std::string& value, const std::string& name, int64_t lo,
                              int64_t hi);

// RFC 4180 CSV: rows of fields; quoted fields may hold commas, quotes ("")
// and newlines. `lines[i]` is the 1-based line on which row i starts.
Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text,
                                                       std::vector<int64_t>* lines);

bool IsValidUtf8(std::string_view s);

}  // namespace vigil::server

#endif  // VIGIL_SERVER_VALIDATE_H_
