// UN Security Council consolidated list (XML, sc-sanctions.xsd).
#include <algorithm>

#include <pugixml.hpp>

#include "lists/reader.h"

namespace vigil::lists {
namespace {

std::string_view Text(const pugi::xml_node& node, const char* child) {
  return TrimView(node.child(child).text().as_string());
}

std::string Join(std::initializer_list<std::string_view> parts, const char* sep) {
  std::string out;
  for (auto p : parts) {
    p = TrimView(p);
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

void AddAliases(const pugi::xml_node& record, const char* tag, Entity* e) {
  for (auto alias : record.children(tag)) {
    std::string_view name = Text(alias, "ALIAS_NAME");
    if (name.empty()) continue;
    std::string quality = Lower(Text(alias, "QUALITY"));
    if (quality == "low") {
      e->Add("weakAlias", name);
    } else if (quality == "f.k.a.") {
      e->Add("previousName", name);
    } else {
      e->Add("alias", name);
    }
  }
}

void AddAddresses(const pugi::xml_node& record, const char* tag, Entity* e) {
  for (auto a : record.children(tag)) {
    e->Add("address", Join({Text(a, "STREET"), Text(a, "CITY"), Text(a, "STATE_PROVINCE"),
                            Text(a, "ZIP_CODE"), Text(a, "COUNTRY")},
                           ", "));
    AddCountry(e, "country", Text(a, "COUNTRY"));
  }
}

// EXACT / APPROXIMATELY give DATE or YEAR; BETWEEN gives every year from
// FROM_YEAR to TO_YEAR (the two ends when the span is over 30 years).
void AddBirthDate(const pugi::xml_node& dob, Entity* e) {
  std::string type = Lower(Text(dob, "TYPE_OF_DATE"));
  if (type == "between") {
    int from = dob.child("FROM_YEAR").text().as_int(0);
    int to = dob.child("TO_YEAR").text().as_int(0);
    if (from < 1000 || to < from) return;
    if (to - from > 30) {
      e->Add("birthDate", PartialDate{from, 0, 0}.ToString());
      e->Add("birthDate", PartialDate{to, 0, 0}.ToString());
      return;
    }
    for (int y = from; y <= to; ++y) e->Add("birthDate", PartialDate{y, 0, 0}.ToString());
    return;
  }
  for (const char* tag : {"DATE", "YEAR"}) {
    if (auto d = ParseLooseDate(Text(dob, tag))) e->Add("birthDate", d->ToString());
  }
}

void AddDocuments(const pugi::xml_node& record, Entity* e) {
  for (auto doc : record.children("INDIVIDUAL_DOCUMENT")) {
    std::string_view number = Text(doc, "NUMBER");
    if (number.empty()) continue;
    std::string type = Lower(Text(doc, "TYPE_OF_DOCUMENT"));
    bool passport = type.find("passport") != std::string::npos ||
                    type.find("pasaporte") != std::string::npos ||
                    type.find("passeport") != std::string::npos;
    e->Add(passport ? "passportNumber" : "idNumber", number);
  }
}

void AddCommon(const pugi::xml_node& record, Entity* e) {
  e->Add("program", Text(record, "UN_LIST_TYPE"));
  e->Add("unscId", Text(record, "REFERENCE_NUMBER"));
  e->Add("createdAt", Text(record, "LISTED_ON"));
  e->Add("notes", Text(record, "COMMENTS1"));
}

Entity ReadIndividual(const pugi::xml_node& n) {
  Entity e;
  e.schema = Schema::kPerson;
  e.id = "unsc-" + std::string(Text(n, "DATAID"));
  std::string_view first = Text(n, "FIRST_NAME"), second = Text(n, "SECOND_NAME"),
                   third = Text(n, "THIRD_NAME"), fourth = Text(n, "FOURTH_NAME");
  e.Add("name", Join({first, second, third, fourth}, " "));
  e.Add("firstName", first);
  e.Add("secondName", second);
  e.Add("alias", Text(n, "NAME_ORIGINAL_SCRIPT"));
  AddAliases(n, "INDIVIDUAL_ALIAS", &e);
  for (auto v : n.child("TITLE").children("VALUE")) e.Add("title", TrimView(v.text().as_string()));
  for (auto v : n.child("DESIGNATION").children("VALUE")) {
    e.Add("position", TrimView(v.text().as_string()));
  }
  for (auto v : n.child("NATIONALITY").children("VALUE")) {
    AddCountry(&e, "nationality", v.text().as_string());
  }
  std::string gender = Lower(Text(n, "GENDER"));
  if (gender == "male" || gender == "female") e.Add("gender", gender);
  for (auto dob : n.children("INDIVIDUAL_DATE_OF_BIRTH")) AddBirthDate(dob, &e);
  for (auto pob : n.children("INDIVIDUAL_PLACE_OF_BIRTH")) {
    e.Add("birthPlace",
          Join({Text(pob, "CITY"), Text(pob, "STATE_PROVINCE"), Text(pob, "COUNTRY")}, ", "));
    AddCountry(&e, "birthCountry", Text(pob, "COUNTRY"));
  }
  AddAddresses(n, "INDIVIDUAL_ADDRESS", &e);
  AddDocuments(n, &e);
  AddCommon(n, &e);
  return e;
}

Entity ReadEntity(const pugi::xml_node& n) {
  Entity e;
  e.schema = Schema::kOrganization;
  e.id = "unsc-" + std::string(Text(n, "DATAID"));
  e.Add("name", Text(n, "FIRST_NAME"));
  e.Add("alias", Text(n, "NAME_ORIGINAL_SCRIPT"));
  AddAliases(n, "ENTITY_ALIAS", &e);
  AddAddresses(n, "ENTITY_ADDRESS", &e);
  AddCommon(n, &e);
  return e;
}

}  // namespace

Result<LoadedList> ReadUnXml(const std::string& path, const LoadOptions& options) {
  auto data = ReadTextFile(path);
  if (!data.ok()) return data.status();
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(data->data(), data->size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return Status::InvalidArgument(path + ": XML error at byte " + std::to_string(parsed.offset) +
                                   ": " + parsed.description());
  }
  pugi::xml_node root = doc.child("CONSOLIDATED_LIST");
  if (!root) {
    return Status::InvalidArgument(path + ": not a UN consolidated list (root element is <" +
                                   std::string(doc.document_element().name()) + ">)");
  }
  LoadedList list;
  list.info.path = path;
  list.info.format = "un-xml";
  list.info.dataset = options.dataset.empty() ? "un_sc_sanctions" : options.dataset;
  list.info.version = std::string(TrimView(root.attribute("dateGenerated").as_string()));
  if (auto d = ParsePartialDate(list.info.version)) list.info.version = d->ToString();
  auto add = [&](const pugi::xml_node& n, Entity e) {
    if (e.id != "unsc-" && e.Has("name")) {
      list.entities.push_back(std::move(e));
      return;
    }
    // pugixml keeps byte offsets; a report names the line.
    auto offset = std::min(static_cast<size_t>(n.offset_debug()), data->size());
    auto line = 1 + std::count(data->begin(), data->begin() + offset, '\n');
    list.info.skipped.push_back(
        {path + ":" + std::to_string(line),
         e.id == "unsc-" ? "record without DATAID" : "record without FIRST_NAME"});
  };
  for (auto n : root.child("INDIVIDUALS").children("INDIVIDUAL")) add(n, ReadIndividual(n));
  for (auto n : root.child("ENTITIES").children("ENTITY")) add(n, ReadEntity(n));
  Finish(&list);
  return list;
}

}  // namespace vigil::lists
