#include "lists/csv.h"

#include <algorithm>

namespace vigil::lists {

void CsvReader::SkipToLineEnd() {
  while (pos_ < data_.size() && data_[pos_] != '\n') ++pos_;
  if (pos_ < data_.size()) {
    ++pos_;
    ++line_;
  }
}

bool CsvReader::Next(CsvRecord* rec) {
  rec->fields.clear();
  rec->error.clear();
  // Skip blank lines.
  while (pos_ < data_.size() && (data_[pos_] == '\n' || data_[pos_] == '\r')) {
    if (data_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= data_.size()) return false;
  rec->line = line_;
  std::string field;
  while (true) {
    field.clear();
    if (pos_ < data_.size() && data_[pos_] == '"') {
      size_t open_line = line_;
      ++pos_;
      bool closed = false;
      while (pos_ < data_.size()) {
        char c = data_[pos_];
        if (c == '"') {
          if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '"') {
            field += '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          closed = true;
          break;
        }
        if (c == '\n') ++line_;
        field += c;
        ++pos_;
      }
      if (!closed) {
        rec->error =
            "quoted field opened on line " + std::to_string(open_line) + " is never closed";
        return true;
      }
      // Only spaces may sit between a closing quote and the delimiter.
      while (pos_ < data_.size() && data_[pos_] == ' ') ++pos_;
      if (pos_ < data_.size() && data_[pos_] != delim_ && data_[pos_] != '\n' &&
          data_[pos_] != '\r') {
        rec->error = "unexpected text after closing quote in field " +
                     std::to_string(rec->fields.size() + 1);
        SkipToLineEnd();
        return true;
      }
    } else {
      size_t start = pos_;
      while (pos_ < data_.size() && data_[pos_] != delim_ && data_[pos_] != '\n') {
        if (data_[pos_] == '"') {
          rec->error =
              "stray quote inside unquoted field " + std::to_string(rec->fields.size() + 1);
          SkipToLineEnd();
          return true;
        }
        ++pos_;
      }
      size_t end = pos_;
      if (end > start && data_[end - 1] == '\r') --end;
      field.assign(data_.substr(start, end - start));
    }
    rec->fields.push_back(field);
    if (pos_ >= data_.size()) return true;
    if (data_[pos_] == delim_) {
      ++pos_;
      continue;
    }
    if (data_[pos_] == '\r') ++pos_;
    if (pos_ < data_.size() && data_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    return true;
  }
}

char DetectDelimiter(std::string_view header_line) {
  auto n = [&](char c) { return std::count(header_line.begin(), header_line.end(), c); };
  auto commas = n(','), semis = n(';'), tabs = n('\t');
  if (tabs > commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

}  // namespace vigil::lists
