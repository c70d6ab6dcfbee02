// The Remarks field of an OFAC legacy CSV record, as FtM properties.
//
// OFAC packs most facts into Remarks as "; "-separated clauses: "DOB 15 Jun
// 1953; alt. DOB 1952; POB Tehran, Iran; nationality Iran; Passport A123
// (Iran); a.k.a. 'X'; Linked To: Y." ParseOfacRemarks turns each clause it
// recognizes into (property, value) pairs in FtM vocabulary (birthDate,
// birthPlace, nationality, citizenship, gender, passportNumber, idNumber,
// taxNumber, registrationNumber, alias, previousName, weakAlias, linkedTo,
// email, website, phone, imoNumber, mmsi, ...); other clauses are ignored
// (the reader keeps the whole text in `notes`).
//
// Dates become FtM partial dates (1953, 1953-06, 1953-06-15). "circa 1960"
// gives 1960. A range of years "DOB 1950 to 1953" gives every year of the
// range (at most 30; a longer or day-precise range gives its two ends).
// Countries become ISO alpha-2 codes when recognized, else stay as written.
//
// Thread-safety: a pure function.
#ifndef VIGIL_LISTS_OFAC_REMARKS_H_
#define VIGIL_LISTS_OFAC_REMARKS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigil::lists {

using PropertyList = std::vector<std::pair<std::string, std::string>>;

PropertyList ParseOfacRemarks(std::string_view remarks);

}  // namespace vigil::lists

#endif  // VIGIL_LISTS_OFAC_REMARKS_H_
