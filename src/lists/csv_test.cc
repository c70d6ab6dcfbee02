#include "lists/csv.h"

#include <gtest/gtest.h>

namespace vigil::lists {
namespace {

std::vector<CsvRecord> ReadAll(std::string_view data, char delim = ',') {
  CsvReader reader(data, delim);
  std::vector<CsvRecord> out;
  CsvRecord rec;
  while (reader.Next(&rec)) out.push_back(rec);
  return out;
}

TEST(CsvTest, Rfc4180QuotingAndLineNumbers) {
  auto recs = ReadAll("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x\n\nlast,1");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].fields, (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ(recs[0].line, 1u);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"multi\nline", "x"}));
  EXPECT_EQ(recs[1].line, 2u);
  EXPECT_EQ(recs[2].line, 5u);  // after the embedded newline and a blank line
  EXPECT_EQ(recs[2].fields, (std::vector<std::string>{"last", "1"}));
}

TEST(CsvTest, OfacStyleSpacesAfterQuotesAndEmptyFields) {
  auto recs = ReadAll("36,\"AERO\",-0- ,\"CUBA\" ,,\r\n");
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].fields, (std::vector<std::string>{"36", "AERO", "-0- ", "CUBA", "", ""}));
}

TEST(CsvTest, BrokenQuotingIsReportedAndReadingResumes) {
  auto recs = ReadAll("\"bad\"x,1\nok,2\nst\"ray,3\n\"open,4\nnever closed");
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_NE(recs[0].error, "");
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"ok", "2"}));
  EXPECT_EQ(recs[1].line, 2u);
  EXPECT_NE(recs[2].error.find("stray quote"), std::string::npos);
  EXPECT_NE(recs[3].error.find("line 4"), std::string::npos);
}

TEST(CsvTest, DelimiterDetection) {
  EXPECT_EQ(DetectDelimiter("name,dob,country"), ',');
  EXPECT_EQ(DetectDelimiter("name;dob;country"), ';');
  EXPECT_EQ(DetectDelimiter("\"Name\"\t\"City, State\"\t\"Country\""), '\t');
  auto recs = ReadAll("a\tb c\t\"d\te\"\n", '\t');
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].fields, (std::vector<std::string>{"a", "b c", "d\te"}));
}

}  // namespace
}  // namespace vigil::lists
