// Entity: a person, company, organization, vessel or aircraft, in the
// FollowTheMoney (FtM) shape used by OpenSanctions and OCCRP Aleph:
//   {"id": "...", "schema": "Person", "properties": {"name": ["..."], ...}}
//
// Properties are multi-valued strings. Every property is kept, known or not:
// reading and writing an entity round-trips properties vigil does not use.
// Top-level keys other than id/schema/properties/datasets are kept in `extra`.
//
// Thread-safety: a value type; const methods are safe from several threads.
#ifndef VIGIL_ENTITY_H_
#define VIGIL_ENTITY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigil/status.h"

namespace vigil {

enum class Schema : uint8_t {
  kThing = 0,  // unknown or generic: compared on names only
  kLegalEntity,
  kPerson,
  kOrganization,
  kCompany,
  kVessel,
  kAircraft,
};

// "Person" -> kPerson. Unknown names are an InvalidArgument naming the value.
Result<Schema> SchemaFromName(std::string_view name);
std::string_view SchemaName(Schema schema);
// Whether an entity of schema `a` may be the same real-world thing as one of
// schema `b` (FtM's parent/child rule: LegalEntity matches Person and Company;
// Organization and Company match; a Person never matches a Company).
bool SchemataCompatible(Schema a, Schema b);
// Person, Organization/Company/LegalEntity/Thing: is this a person's name?
inline bool IsPersonLike(Schema s) { return s == Schema::kPerson; }

struct Entity {
  std::string id;
  Schema schema = Schema::kThing;
  // Sorted by property name; values keep their order, without duplicates.
  std::map<std::string, std::vector<std::string>> properties;
  std::vector<std::string> datasets;
  nlohmann::json extra = nlohmann::json::object();

  // The values of `prop`, or an empty vector.
  const std::vector<std::string>& Get(std::string_view prop) const;
  // Appends `value` to `prop` unless empty (after trimming) or already there.
  void Add(std::string_view prop, std::string_view value);
  bool Has(std::string_view prop) const { return !Get(prop).empty(); }
  // Every name the entity is known by: name, alias, previousName, and the
  // name assembled from firstName/middleName/lastName/fatherName when there is
  // no full name. weakAlias is excluded (see WeakNames).
  std::vector<std::string> Names() const;
  std::vector<std::string> WeakNames() const;
  // A display label: the first name, else the id.
  std::string Caption() const;
};

// Parses one entity from FtM JSON. Errors name the offending field.
Result<Entity> EntityFromJson(const nlohmann::json& j);
Result<Entity> EntityFromJsonText(std::string_view text);
nlohmann::json EntityToJson(const Entity& e);

// A partial date as FtM writes it: YYYY, YYYY-MM or YYYY-MM-DD.
struct PartialDate {
  int year = 0;
  int month = 0;  // 0 when unknown
  int day = 0;    // 0 when unknown
  enum class Precision : uint8_t { kYear, kMonth, kDay };
  Precision precision() const {
    return day ? Precision::kDay : month ? Precision::kMonth : Precision::kYear;
  }
  std::string ToString() const;
  bool operator==(const PartialDate&) const = default;
};
// Accepts YYYY, YYYY-MM, YYYY-MM-DD (and a full ISO timestamp, cut to the day).
std::optional<PartialDate> ParsePartialDate(std::string_view s);

}  // namespace vigil

#endif  // VIGIL_ENTITY_H_
