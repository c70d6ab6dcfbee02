// Reads the names layer's golden files (tests/golden/chinese_*.tsv,
// japanese_readings.tsv, the han tables): one case per line, tab-separated
// columns, '#' starts a comment line. A file that cannot be opened or a row
// with too few columns fails the calling test. Test-only.
#ifndef VIGIL_NAMES_GOLDEN_ROWS_H_
#define VIGIL_NAMES_GOLDEN_ROWS_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace vigil::names {

struct GoldenRow {
  int line = 0;
  std::vector<std::string> cols;
};

// Rows with at least `ncols` columns; shorter rows are reported and skipped.
inline std::vector<GoldenRow> ReadGolden(const std::string& path, size_t ncols) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::vector<GoldenRow> rows;
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    GoldenRow row{lineno, {}};
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) row.cols.push_back(col);
    EXPECT_GE(row.cols.size(), ncols) << path << ":" << lineno << ": too few columns";
    if (row.cols.size() >= ncols) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace vigil::names

#endif  // VIGIL_NAMES_GOLDEN_ROWS_H_
