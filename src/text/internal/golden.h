// Reads the text layer's golden files (tests/golden/text_*.tsv): one case per
// line, tab-separated columns, '#' starts a comment line. In cells, "\xNN"
// stands for the raw byte NN (to write invalid UTF-8) and "\t" for a tab.
// Test-only; not thread-safe.
#ifndef VIGIL_TEXT_INTERNAL_GOLDEN_H_
#define VIGIL_TEXT_INTERNAL_GOLDEN_H_

#include <fstream>
#include <string>
#include <vector>

namespace vigil::text::internal {

struct GoldenRow {
  int line = 0;
  std::vector<std::string> cells;
};

inline std::string UnescapeCell(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 2, 2), nullptr, 16)));
      i += 3;
    } else if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 't') {
      out.push_back('\t');
      i += 1;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Rows with at least `min_cells` cells; an unreadable file gives no rows (the
// caller asserts on the count so a missing file fails the test).
inline std::vector<GoldenRow> ReadGolden(const std::string& path, size_t min_cells) {
  std::vector<GoldenRow> rows;
  std::ifstream in(path);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    GoldenRow row;
    row.line = n;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      row.cells.push_back(UnescapeCell(line.substr(start, tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (row.cells.size() >= min_cells) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace vigil::text::internal

#endif  // VIGIL_TEXT_INTERNAL_GOLDEN_H_
