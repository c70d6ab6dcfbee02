// RFC 4180 record reader over an in-memory file, shared by the CSV-shaped
// list readers (OFAC legacy CSV, BIS DPL, generic CSV).
//
// Quoted fields may hold delimiters, doubled quotes and line breaks; each
// record carries the line it starts on, so skipped-row reports point at the
// right line even after embedded newlines. CRLF and LF both end a record.
//
// Failure: a malformed record (text after a closing quote, a quote left open
// at end of file) is returned with `error` set and the reader resumes at the
// next line, so one bad row never hides the rest of the file.
//
// Thread-safety: a CsvReader is used by one thread; it does not own `data`.
#ifndef VIGIL_LISTS_CSV_H_
#define VIGIL_LISTS_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigil::lists {

struct CsvRecord {
  std::vector<std::string> fields;
  size_t line = 0;    // 1-based line the record starts on
  std::string error;  // non-empty when the record is malformed
};

class CsvReader {
 public:
  CsvReader(std::string_view data, char delimiter) : data_(data), delim_(delimiter) {}
  // Reads the next record into `rec`; false at end of data. Blank lines are
  // skipped.
  bool Next(CsvRecord* rec);

 private:
  void SkipToLineEnd();
  std::string_view data_;
  char delim_;
  size_t pos_ = 0;
  size_t line_ = 1;
};

// ',' unless the header line holds more ';' or tabs than commas.
char DetectDelimiter(std::string_view header_line);

}  // namespace vigil::lists

#endif  // VIGIL_LISTS_CSV_H_
