#include "lists/ofac_remarks.h"

#include "lists/reader.h"
#include "model/country.h"

namespace vigil::lists {
namespace {

struct Clause {
  std::string_view prefix;
  std::string_view property;
};

// Identifier clauses: the value runs to " (Country)" or the end. Longer
// prefixes first where one begins another.
constexpr Clause kIdentifiers[] = {
    {"Passport ", "passportNumber"},
    {"Diplomatic Passport ", "passportNumber"},
    {"National ID No. ", "idNumber"},
    {"Identification Number ", "idNumber"},
    {"Cedula No. ", "idNumber"},
    {"Personal ID Card ", "idNumber"},
    {"D.N.I. ", "idNumber"},
    {"CURP # ", "idNumber"},
    {"SSN ", "idNumber"},
    {"Residency Number ", "idNumber"},
    {"Kenyan ID No. ", "idNumber"},
    {"Driver's License No. ", "idNumber"},
    {"Birth Certificate Number ", "idNumber"},
    {"Electoral Registry No. ", "idNumber"},
    {"Citizen's Card Number ", "idNumber"},
    {"Tax ID No. ", "taxNumber"},
    {"NIT # ", "taxNumber"},
    {"RUC # ", "taxNumber"},
    {"R.F.C. ", "taxNumber"},
    {"RFC ", "taxNumber"},
    {"C.U.I.T. ", "taxNumber"},
    {"US FEIN ", "taxNumber"},
    {"National Foreign ID Number ", "idNumber"},
    {"V.A.T. Number ", "vatCode"},
    {"Registration Number ", "registrationNumber"},
    {"Registration ID ", "registrationNumber"},
    {"Company Number ", "registrationNumber"},
    {"Commercial Registry Number ", "registrationNumber"},
    {"Business Registration Document # ", "registrationNumber"},
    {"Business Registration Number ", "registrationNumber"},
    {"Trade License No. ", "registrationNumber"},
    {"Folio Mercantil No. ", "registrationNumber"},
    {"C.R. No. ", "registrationNumber"},
    {"Economic Register Number (CBLS) ", "registrationNumber"},
    {"Government Gazette Number ", "registrationNumber"},
    {"Chamber of Commerce Number ", "registrationNumber"},
    {"Certificate of Incorporation Number ", "registrationNumber"},
    {"Unified Social Credit Code (USCC) ", "registrationNumber"},
    {"Legal Entity Number ", "leiCode"},
    {"SWIFT/BIC ", "swiftBic"},
    {"Vessel Registration Identification IMO ", "imoNumber"},
    {"MMSI ", "mmsi"},
    {"Aircraft Manufacturer's Serial Number (MSN) ", "serialNumber"},
    {"Aircraft Construction Number (also called L/N or S/N or F/N) ", "serialNumber"},
    {"Aircraft Tail Number ", "registrationNumber"},
};

// Free-text clauses: the value is the rest of the clause.
constexpr Clause kTexts[] = {
    {"Linked To: ", "linkedTo"},        {"Email Address ", "email"}, {"Website ", "website"},
    {"Phone Number ", "phone"},         {"POB ", "birthPlace"},      {"Aircraft Model ", "model"},
    {"Aircraft Operator ", "operator"},
};

// Country clauses: the value becomes an ISO code when recognized.
constexpr Clause kCountries[] = {
    {"nationality ", "nationality"},
    {"citizen ", "citizenship"},
    {"Former Vessel Flag ", "pastFlags"},
};

// Date clauses.
constexpr Clause kDates[] = {
    {"DOB ", "birthDate"},
    {"Organization Established Date ", "incorporationDate"},
    {"Aircraft Manufacture Date ", "buildDate"},
    {"Vessel Year of Build ", "buildDate"},
};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string CountryOrText(std::string_view text) {
  if (auto code = CountryCode(text)) return *code;
  return std::string(text);
}

// "A123 (Iran) issued 2010 expires 2020" -> "A123".
std::string_view IdentifierValue(std::string_view v) {
  for (std::string_view stop : {" (", " issued", " expires", " Expires", " alt."}) {
    auto p = v.find(stop);
    if (p != std::string_view::npos) v = v.substr(0, p);
  }
  return TrimView(v);
}

void AddDates(std::string_view property, std::string_view v, PropertyList* out) {
  if (StartsWith(v, "circa ")) v.remove_prefix(6);
  auto to = v.find(" to ");
  if (to == std::string_view::npos) {
    if (auto d = ParseLooseDate(v)) out->emplace_back(property, d->ToString());
    return;
  }
  auto from = ParseLooseDate(v.substr(0, to));
  auto until = ParseLooseDate(v.substr(to + 4));
  if (!from || !until) return;
  bool years = from->precision() == PartialDate::Precision::kYear &&
               until->precision() == PartialDate::Precision::kYear;
  if (years && until->year >= from->year && until->year - from->year <= 30) {
    for (int y = from->year; y <= until->year; ++y) {
      out->emplace_back(property, PartialDate{y, 0, 0}.ToString());
    }
  } else {
    out->emplace_back(property, from->ToString());
    out->emplace_back(property, until->ToString());
  }
}

// "a.k.a. 'AL SUDANI, Abu Seif'" -> the quoted name; the quotes are the first
// and last apostrophes, since names hold apostrophes themselves ('ABU-'UMAR').
void AddQuotedName(std::string_view property, std::string_view v, PropertyList* out) {
  auto open = v.find('\'');
  auto close = v.rfind('\'');
  std::string_view name;
  std::string_view after;
  if (open != std::string_view::npos && close > open) {
    name = v.substr(open + 1, close - open - 1);
    after = v.substr(close + 1);
  } else {
    name = v;
  }
  name = TrimView(name);
  if (name.empty()) return;
  if (after.find("weak") != std::string_view::npos) property = "weakAlias";
  out->emplace_back(property, name);
}

void ParseClause(std::string_view c, PropertyList* out) {
  if (StartsWith(c, "alt. ")) c.remove_prefix(5);
  for (const auto& [prefix, property] :
       {Clause{"a.k.a. ", "alias"}, Clause{"f.k.a. ", "previousName"},
        Clause{"n.k.a. ", "alias"}}) {
    if (StartsWith(c, prefix)) return AddQuotedName(property, c.substr(prefix.size()), out);
  }
  for (const auto& [prefix, property] : kDates) {
    if (StartsWith(c, prefix)) return AddDates(property, c.substr(prefix.size()), out);
  }
  if (StartsWith(c, "Gender ")) {
    std::string g = Lower(TrimView(c.substr(7)));
    if (g == "male" || g == "female") out->emplace_back("gender", g);
    return;
  }
  for (const auto& [prefix, property] : kCountries) {
    if (StartsWith(c, prefix)) {
      auto v = TrimView(c.substr(prefix.size()));
      if (!v.empty() && v != "None Identified") out->emplace_back(property, CountryOrText(v));
      return;
    }
  }
  for (const auto& [prefix, property] : kIdentifiers) {
    if (StartsWith(c, prefix)) {
      auto v = IdentifierValue(c.substr(prefix.size()));
      if (!v.empty()) out->emplace_back(property, v);
      return;
    }
  }
  for (const auto& [prefix, property] : kTexts) {
    if (StartsWith(c, prefix)) {
      auto v = TrimView(c.substr(prefix.size()));
      if (v.empty()) return;
      out->emplace_back(property, v);
      if (property == "birthPlace") {
        // "Tehran, Iran": the last part, when it is a country, is the birth country.
        auto comma = v.rfind(',');
        auto tail = comma == std::string_view::npos ? v : TrimView(v.substr(comma + 1));
        if (auto code = CountryCode(tail)) out->emplace_back("birthCountry", *code);
      }
      return;
    }
  }
}

}  // namespace

PropertyList ParseOfacRemarks(std::string_view remarks) {
  PropertyList out;
  remarks = TrimView(remarks);
  // The final clause ends with the record's full stop.
  if (!remarks.empty() && remarks.back() == '.') remarks.remove_suffix(1);
  size_t start = 0;
  while (start <= remarks.size()) {
    auto end = remarks.find(';', start);
    if (end == std::string_view::npos) end = remarks.size();
    auto clause = TrimView(remarks.substr(start, end - start));
    if (!clause.empty()) ParseClause(clause, &out);
    start = end + 1;
  }
  return out;
}

}  // namespace vigil::lists
