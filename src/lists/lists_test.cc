// LoadList on the bundled real lists (data/lists/) and on small and
// malformed fixtures (tests/data/lists/). Tests run from the repository root.
#include "vigil/lists.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>

namespace vigil {
namespace {

const Entity* Find(const LoadedList& list, const std::string& id) {
  for (const auto& e : list.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::map<Schema, size_t> BySchema(const LoadedList& list) {
  std::map<Schema, size_t> out;
  for (const auto& e : list.entities) ++out[e.schema];
  return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool SkippedAt(const LoadedList& list, const std::string& where, const std::string& reason_part) {
  for (const auto& s : list.info.skipped) {
    if (s.where == where && s.reason.find(reason_part) != std::string::npos) return true;
  }
  return false;
}

// --- Bundled real lists -----------------------------------------------------

TEST(OfacSdnTest, BundledListCountsAndJoins) {
  auto list = LoadList("data/lists/ofac-sdn");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->info.format, "ofac-sdn");
  EXPECT_EQ(list->info.dataset, "us_ofac_sdn");
  EXPECT_EQ(list->info.entities, 14965u);
  auto schemata = BySchema(*list);
  EXPECT_EQ(schemata[Schema::kPerson], 6854u);
  EXPECT_EQ(schemata[Schema::kVessel], 851u);
  EXPECT_EQ(schemata[Schema::kAircraft], 376u);
  EXPECT_EQ(schemata[Schema::kCompany] + schemata[Schema::kOrganization], 6884u);
  // The 2021 alt.csv beside the 2024 sdn.csv: aliases of entities delisted
  // since do not join, and are counted.
  EXPECT_TRUE(SkippedAt(*list, "data/lists/ofac-sdn/alt.csv", "362 of 11910"));
  for (const auto& e : list->entities) {
    ASSERT_EQ(e.datasets, std::vector<std::string>{"us_ofac_sdn"});
    ASSERT_TRUE(e.Has("name")) << e.id;
  }

  const Entity* bank = Find(*list, "ofac-306");
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->schema, Schema::kOrganization);
  EXPECT_TRUE(Contains(bank->Get("alias"), "NATIONAL BANK OF CUBA"));  // alt.csv
  EXPECT_TRUE(Contains(bank->Get("alias"), "BNC"));                    // remarks
  EXPECT_TRUE(Contains(bank->Get("country"), "ch"));                   // add.csv
  EXPECT_TRUE(Contains(bank->Get("program"), "CUBA"));

  const Entity* nasrallah = Find(*list, "ofac-2686");
  ASSERT_NE(nasrallah, nullptr);
  EXPECT_EQ(nasrallah->schema, Schema::kPerson);
  EXPECT_EQ(nasrallah->Get("name").front(), "NASRALLAH, Hasan");
  EXPECT_EQ(nasrallah->Get("lastName").front(), "NASRALLAH");
  EXPECT_EQ(nasrallah->Get("firstName").front(), "Hasan");
  EXPECT_EQ(nasrallah->Get("program"), (std::vector<std::string>{"SDGT", "SYRIA"}));
  EXPECT_TRUE(Contains(nasrallah->Get("birthDate"), "1960-08-31"));
  EXPECT_TRUE(Contains(nasrallah->Get("passportNumber"), "042833"));

  // A Remarks field cut at 1000 characters, continued in sdn_comments.csv.
  const Entity* cut = Find(*list, "ofac-28264");
  ASSERT_NE(cut, nullptr);
  EXPECT_TRUE(Contains(cut->Get("linkedTo"), "LAZARUS GROUP"));
  EXPECT_TRUE(Contains(cut->Get("alias"), "khaleesi"));
}

TEST(OfacConsTest, NonSdnListCounts) {
  auto list = LoadList("tests/data/lists/ofac-cons");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->info.format, "ofac-cons");
  EXPECT_EQ(list->info.dataset, "us_ofac_cons");
  EXPECT_EQ(list->info.entities, 442u);
  EXPECT_TRUE(list->info.skipped.empty()) << list->info.skipped.front().reason;
  const Entity* haniya = Find(*list, "ofac-9639");
  ASSERT_NE(haniya, nullptr);
  EXPECT_EQ(haniya->Get("birthDate"), std::vector<std::string>{"1962"});
  EXPECT_TRUE(Contains(haniya->Get("alias"), "HANIYYA, Ismaeel"));
  const Entity* shanti = Find(*list, "ofac-9641");
  ASSERT_NE(shanti, nullptr);
  EXPECT_EQ(shanti->Get("country"), std::vector<std::string>{"ps"});  // "Palestinian"
}

TEST(UnXmlTest, BundledListCountsAndVersion) {
  auto list = LoadList("data/lists/un-sc/UN_consolidated.xml");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->info.format, "un-xml");
  EXPECT_EQ(list->info.dataset, "un_sc_sanctions");
  EXPECT_EQ(list->info.version, "2026-02-27");
  auto schemata = BySchema(*list);
  EXPECT_EQ(schemata[Schema::kPerson], 730u);
  EXPECT_EQ(schemata[Schema::kOrganization], 273u);
  EXPECT_TRUE(list->info.skipped.empty());
  const Entity* badege = Find(*list, "unsc-6907993");
  ASSERT_NE(badege, nullptr);
  EXPECT_EQ(badege->Get("name").front(), "ERIC BADEGE");
  EXPECT_EQ(badege->Get("nationality"), std::vector<std::string>{"cd"});
  EXPECT_EQ(badege->Get("birthDate"), std::vector<std::string>{"1971"});
  EXPECT_EQ(badege->Get("gender"), std::vector<std::string>{"male"});
  EXPECT_TRUE(Contains(badege->Get("country"), "rw"));
  size_t original_script = 0;
  for (const auto& e : list->entities) {
    for (const auto& a : e.Get("alias")) {
      if (static_cast<unsigned char>(a[0]) >= 0x80) ++original_script;
    }
  }
  EXPECT_GT(original_script, 300u);  // NAME_ORIGINAL_SCRIPT -> alias
}

TEST(UnXmlTest, FieldsOfOneRecord) {
  auto list = LoadList("tests/data/lists/un_small.xml");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  ASSERT_EQ(list->info.skipped.size(), 1u);  // DATAID 100 has no name
  EXPECT_NE(list->info.skipped[0].reason.find("FIRST_NAME"), std::string::npos);
  EXPECT_EQ(list->info.skipped[0].where, "tests/data/lists/un_small.xml:28");
  const Entity& ri = list->entities[0];
  EXPECT_EQ(ri.id, "unsc-6908555");
  EXPECT_EQ(ri.Get("name").front(), "RI WON HO");
  EXPECT_EQ(ri.Get("alias"), (std::vector<std::string>{"리원호", "Ri Won-ho"}));
  EXPECT_EQ(ri.Get("weakAlias"), std::vector<std::string>{"Ri"});
  EXPECT_EQ(ri.Get("previousName"), std::vector<std::string>{"Li Yuanhao"});
  EXPECT_EQ(ri.Get("birthDate"),
            (std::vector<std::string>{"1964-07-17", "1966", "1967", "1968", "1970"}));
  EXPECT_EQ(ri.Get("nationality"), std::vector<std::string>{"kp"});
  EXPECT_EQ(ri.Get("birthCountry"), std::vector<std::string>{"kp"});
  EXPECT_EQ(ri.Get("passportNumber"), std::vector<std::string>{"381310014"});
  EXPECT_EQ(ri.Get("idNumber"), std::vector<std::string>{"ID-77"});
  EXPECT_EQ(ri.Get("title"), std::vector<std::string>{"Dr."});
  const Entity& trust = list->entities[1];
  EXPECT_EQ(trust.schema, Schema::kOrganization);
  EXPECT_EQ(trust.Get("alias"), std::vector<std::string>{"Al-Akhtar Trust"});
  EXPECT_EQ(trust.Get("country"), std::vector<std::string>{"pk"});
}

TEST(BisDplTest, RealListCountsSchemaAndVersion) {
  auto list = LoadList("tests/data/lists/us-bis-dpl/dpl.txt");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->info.format, "bis-dpl");
  EXPECT_EQ(list->info.dataset, "us_bis_denied");
  // 581 rows; two parties are listed twice at the same address, and merge.
  EXPECT_EQ(list->info.entities, 579u);
  EXPECT_EQ(list->info.skipped.size(), 2u);
  EXPECT_NE(list->info.skipped[0].reason.find("merged"), std::string::npos);
  // The newest plausible Last_Update; "2922-09-01" in the file is a typo.
  EXPECT_EQ(list->info.version, "2022-09-02");
  std::set<std::string> ids;
  for (const auto& e : list->entities) {
    EXPECT_EQ(e.id.rfind("bis-", 0), 0u);
    ids.insert(e.id);
    if (e.Get("name").front().find(" INC") != std::string::npos) {
      EXPECT_EQ(e.schema, Schema::kCompany) << e.Get("name").front();
    }
  }
  EXPECT_EQ(ids.size(), list->entities.size());
}

// --- Stable ids --------------------------------------------------------------

TEST(StableIdTest, BisIdsDoNotDependOnRowOrder) {
  std::ifstream in("tests/data/lists/us-bis-dpl/dpl.txt");
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(line);
  std::reverse(rows.begin(), rows.end());
  auto tmp = std::filesystem::temp_directory_path() / "vigil_lists_test_dpl_reversed.txt";
  {
    std::ofstream out(tmp);
    out << header << "\n";
    for (const auto& r : rows) out << r << "\n";
  }
  auto a = LoadList("tests/data/lists/us-bis-dpl/dpl.txt");
  auto b = LoadList(tmp.string());
  std::filesystem::remove(tmp);
  ASSERT_TRUE(a.ok() && b.ok());
  std::set<std::string> ids_a, ids_b;
  for (const auto& e : a->entities) ids_a.insert(e.id);
  for (const auto& e : b->entities) ids_b.insert(e.id);
  EXPECT_EQ(ids_a, ids_b);
}

TEST(StableIdTest, OfacAndUnIdsComeFromTheSourceIdentifiers) {
  auto ofac = LoadList("tests/data/lists/ofac-small");
  ASSERT_TRUE(ofac.ok()) << ofac.status().ToString();
  std::vector<std::string> ids;
  for (const auto& e : ofac->entities) ids.push_back(e.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"ofac-306", "ofac-2674", "ofac-15036"}));
  auto csv1 = LoadList("tests/data/lists/generic.csv");
  auto csv2 = LoadList("tests/data/lists/generic.csv");
  ASSERT_TRUE(csv1.ok() && csv2.ok());
  EXPECT_EQ(csv1->entities.front().id, csv2->entities.front().id);
}

// --- Small and malformed fixtures ------------------------------------------

TEST(OfacSdnTest, SmallSetWithBadRowAndSideFiles) {
  auto list = LoadList("tests/data/lists/ofac-small/sdn.csv");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 3u);
  EXPECT_TRUE(
      SkippedAt(*list, "tests/data/lists/ofac-small/sdn.csv:3", "expected 12 fields, found 9"));
  EXPECT_TRUE(SkippedAt(*list, "tests/data/lists/ofac-small/alt.csv", "1 of 4"));
  const Entity* abbas = Find(*list, "ofac-2674");
  ASSERT_NE(abbas, nullptr);
  EXPECT_EQ(abbas->Get("previousName"), std::vector<std::string>{"ABBAS, Muhammad"});
  EXPECT_EQ(abbas->Get("alias"), std::vector<std::string>{"ABU ABBAS"});
  EXPECT_EQ(abbas->Get("birthDate"), std::vector<std::string>{"1948-12-10"});
  EXPECT_EQ(abbas->Get("position").front(),
            "Director of PALESTINE LIBERATION FRONT - ABU ABBAS FACTION");
  const Entity* ship = Find(*list, "ofac-15036");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->schema, Schema::kVessel);
  EXPECT_EQ(ship->Get("flag"), std::vector<std::string>{"mt"});
  EXPECT_EQ(ship->Get("imoNumber"), std::vector<std::string>{"9123456"});
  EXPECT_EQ(ship->Get("address"), std::vector<std::string>{"Valletta, Malta"});
}

TEST(MalformedTest, TruncatedXmlNamesFileAndOffset) {
  auto list = LoadList("tests/data/lists/un_truncated.xml");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(list.status().message().find("un_truncated.xml"), std::string::npos);
  EXPECT_NE(list.status().message().find("XML error at byte"), std::string::npos);
}

TEST(MalformedTest, EmptyFileIsAClearError) {
  for (const char* format : {"auto", "csv", "ofac-sdn", "un-xml", "bis-dpl", "ftm"}) {
    LoadOptions o;
    o.format = format;
    auto list = LoadList("tests/data/lists/empty.csv", o);
    ASSERT_FALSE(list.ok()) << format;
    EXPECT_NE(list.status().message().find("empty"), std::string::npos) << format;
  }
}

TEST(MalformedTest, WrongFormatClaimedNamesTheFile) {
  LoadOptions csv;
  csv.format = "csv";
  auto json_as_csv = LoadList("tests/data/lists/json_as.csv", csv);
  ASSERT_FALSE(json_as_csv.ok());
  EXPECT_NE(json_as_csv.status().message().find("json_as.csv: not a CSV"), std::string::npos);
  LoadOptions ofac;
  ofac.format = "ofac-sdn";
  auto csv_as_ofac = LoadList("tests/data/lists/generic.csv", ofac);
  ASSERT_FALSE(csv_as_ofac.ok());
  EXPECT_NE(csv_as_ofac.status().message().find("not an OFAC"), std::string::npos);
  LoadOptions un;
  un.format = "un-xml";
  EXPECT_FALSE(LoadList("tests/data/lists/generic.csv", un).ok());
  LoadOptions ftm;
  ftm.format = "ftm";
  EXPECT_FALSE(LoadList("tests/data/lists/generic.csv", ftm).ok());
  LoadOptions bis;
  bis.format = "bis-dpl";
  EXPECT_FALSE(LoadList("tests/data/lists/generic.csv", bis).ok());
  EXPECT_FALSE(LoadList("tests/data/lists/no_name_column.csv").ok());
  LoadOptions bogus;
  bogus.format = "pdf";
  EXPECT_FALSE(LoadList("tests/data/lists/generic.csv", bogus).ok());
  EXPECT_EQ(LoadList("tests/data/lists/no_such_file.csv").status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(LoadList("tests/data/lists").ok());  // a directory with no file set
}

TEST(MalformedTest, InvalidUtf8RowsAreReportedLatin1FilesTranscoded) {
  auto mixed = LoadList("tests/data/lists/invalid_utf8.csv");
  ASSERT_TRUE(mixed.ok()) << mixed.status().ToString();
  ASSERT_EQ(mixed->entities.size(), 2u);
  EXPECT_EQ(mixed->entities[0].Get("name").front(), "José Martínez");
  EXPECT_TRUE(SkippedAt(*mixed, "tests/data/lists/invalid_utf8.csv:3", "invalid UTF-8"));
  auto latin1 = LoadList("tests/data/lists/generic_tab_latin1.csv");
  ASSERT_TRUE(latin1.ok()) << latin1.status().ToString();
  ASSERT_EQ(latin1->entities.size(), 2u);
  EXPECT_EQ(latin1->entities[1].Get("name").front(), "éé");
  EXPECT_EQ(latin1->entities[1].id, "p-2");
  EXPECT_EQ(latin1->entities[1].Get("gender").front(), "female");
}

// --- Generic CSV --------------------------------------------------------------

TEST(GenericCsvTest, QuotingLineNumbersAndSkippedRows) {
  auto list = LoadList("tests/data/lists/generic.csv");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->info.format, "csv");
  EXPECT_EQ(list->info.dataset, "generic");
  ASSERT_EQ(list->entities.size(), 3u);
  const Entity& smith = list->entities[0];
  EXPECT_EQ(smith.schema, Schema::kPerson);
  EXPECT_EQ(smith.Get("name").front(), "SMITH, John");
  EXPECT_EQ(smith.Get("alias"), (std::vector<std::string>{"Johnny Smith", "J. Smith"}));
  EXPECT_EQ(smith.Get("birthDate").front(), "1970-01-02");
  EXPECT_EQ(smith.Get("nationality").front(), "gb");
  EXPECT_EQ(smith.Get("passportNumber").front(), "X123");
  EXPECT_FALSE(smith.Has("notes"));  // unknown columns are not mapped
  EXPECT_EQ(list->entities[1].Get("name").front(), "Multi\nLine Name");
  EXPECT_EQ(list->entities[1].Get("birthDate").front(), "1953-06-15");
  EXPECT_EQ(list->entities[1].Get("nationality").front(), "ru");
  EXPECT_TRUE(SkippedAt(*list, "tests/data/lists/generic.csv:6", "no name"));
  EXPECT_TRUE(SkippedAt(*list, "tests/data/lists/generic.csv:7", "closing quote"));
  EXPECT_TRUE(SkippedAt(*list, "tests/data/lists/generic.csv:8", "expected 6 fields, found 2"));
  EXPECT_EQ(list->info.skipped.size(), 3u);
}

TEST(GenericCsvTest, SemicolonDelimiterSchemaColumnAndColumnMap) {
  auto list = LoadList("tests/data/lists/generic_semicolon.csv");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  EXPECT_EQ(list->entities[0].schema, Schema::kCompany);
  EXPECT_EQ(list->entities[0].Get("country").front(), "cy");
  EXPECT_EQ(list->entities[1].schema, Schema::kPerson);
  EXPECT_EQ(list->entities[1].Get("birthDate").front(), "1981-03");
  EXPECT_TRUE(SkippedAt(*list, "tests/data/lists/generic_semicolon.csv:4", "Martian"));

  LoadOptions o;
  o.dataset = "mine";
  o.column_map = {{"Country", "nationality"}};
  auto mapped = LoadList("tests/data/lists/generic_semicolon.csv", o);
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ(mapped->info.dataset, "mine");
  EXPECT_EQ(mapped->entities[1].Get("nationality").front(), "mx");
  EXPECT_FALSE(mapped->entities[1].Has("country"));
  EXPECT_EQ(mapped->entities[1].datasets, std::vector<std::string>{"mine"});
  o.column_map = {{"Nope", "name"}};
  EXPECT_FALSE(LoadList("tests/data/lists/generic_semicolon.csv", o).ok());
}

// --- FollowTheMoney JSON lines ------------------------------------------------

TEST(FtmTest, KeepsPropertiesAndCountsOtherSchemata) {
  auto list = LoadList("tests/data/lists/entities.ftm.json");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->info.format, "ftm");
  EXPECT_EQ(list->info.dataset, "opensanctions");
  ASSERT_EQ(list->entities.size(), 2u);
  const Entity& xi = list->entities[0];
  EXPECT_EQ(xi.Get("customProp"), std::vector<std::string>{"kept"});
  EXPECT_EQ(xi.Get("name"), (std::vector<std::string>{"Xi Jinping", "习近平"}));
  EXPECT_EQ(xi.extra["caption"], "Xi Jinping");
  EXPECT_EQ(list->entities[1].datasets,
            (std::vector<std::string>{"us_bis_entity", "opensanctions"}));
  const std::string f = "tests/data/lists/entities.ftm.json:";
  EXPECT_TRUE(SkippedAt(*list, f + "2", "schema Address is not screened (1 entities"));
  EXPECT_TRUE(SkippedAt(*list, f + "3", "schema Sanction is not screened (2 entities"));
  EXPECT_TRUE(SkippedAt(*list, f + "7", "\"name\""));
  EXPECT_TRUE(SkippedAt(*list, f + "8", "not a JSON object"));
  EXPECT_TRUE(SkippedAt(*list, f + "9", "without an id"));
  EXPECT_EQ(list->info.skipped.size(), 5u);
  auto truncated = LoadList("tests/data/lists/ftm_truncated.json");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("ftm_truncated.json"), std::string::npos);
}

// --- Detection ----------------------------------------------------------------

TEST(DetectTest, FormatFromContentAndFileNames) {
  std::map<std::string, std::string> expected = {
      {"data/lists/ofac-sdn", "ofac-sdn"},
      {"data/lists/ofac-sdn/sdn.csv", "ofac-sdn"},
      {"tests/data/lists/ofac-cons", "ofac-cons"},
      {"tests/data/lists/ofac-cons/cons_prim.csv", "ofac-cons"},
      {"tests/data/lists/un_small.xml", "un-xml"},
      {"tests/data/lists/us-bis-dpl/dpl.txt", "bis-dpl"},
      {"tests/data/lists/entities.ftm.json", "ftm"},
      {"tests/data/lists/generic.csv", "csv"},
      {"tests/data/lists/generic_tab_latin1.csv", "csv"},
  };
  for (const auto& [path, format] : expected) {
    auto list = LoadList(path);
    ASSERT_TRUE(list.ok()) << path << ": " << list.status().ToString();
    EXPECT_EQ(list->info.format, format) << path;
  }
  // --format overrides detection: the BIS file read as a generic CSV.
  LoadOptions o;
  o.format = "csv";
  auto as_csv = LoadList("tests/data/lists/us-bis-dpl/dpl.txt", o);
  ASSERT_TRUE(as_csv.ok()) << as_csv.status().ToString();
  EXPECT_EQ(as_csv->info.format, "csv");
  EXPECT_EQ(as_csv->info.entities, 581u);
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

// Every reader, on every prefix cut of real and malformed files, returns a
// list or an error: never a crash, never an exception.
TEST(RobustnessTest, CutFilesGiveListsOrErrors) {
  const char* files[] = {"tests/data/lists/ofac-small/sdn.csv", "tests/data/lists/un_small.xml",
                         "tests/data/lists/generic.csv", "tests/data/lists/entities.ftm.json",
                         "tests/data/lists/invalid_utf8.csv"};
  auto tmp = std::filesystem::temp_directory_path() / "vigil_lists_test_cut.txt";
  size_t loads = 0;
  for (const char* file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (size_t cut = 0; cut <= bytes.size(); cut += 1 + bytes.size() / 40) {
      {
        std::ofstream out(tmp, std::ios::binary);
        out << bytes.substr(0, cut);
      }
      for (const char* format :
           {"auto", "ofac-sdn", "ofac-cons", "un-xml", "bis-dpl", "ftm", "csv"}) {
        LoadOptions o;
        o.format = format;
        auto list = LoadList(tmp.string(), o);
        if (list.ok()) {
          EXPECT_EQ(list->info.entities, list->entities.size());
        } else {
          EXPECT_NE(list.status().message().find("vigil_lists_test_cut.txt"), std::string::npos)
              << file << " cut at " << cut << " as " << format << ": " << list.status().ToString();
        }
        ++loads;
      }
    }
  }
  std::filesystem::remove(tmp);
  EXPECT_GT(loads, 1000u);
}

}  // namespace
}  // namespace vigil
