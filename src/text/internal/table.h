// Reading the text layer's generated tables (tab-separated lines, '#'
// comments) from embedded bytes. Pure; thread-safe.
#ifndef VIGIL_TEXT_INTERNAL_TABLE_H_
#define VIGIL_TEXT_INTERNAL_TABLE_H_

#include <string_view>
#include <vector>

namespace vigil::text::internal {

// Calls fn(cells) for every non-comment, non-empty line of `data`. Cells are
// views into `data` (embedded tables live as long as the program).
template <typename Fn>
void ForEachRow(std::string_view data, Fn&& fn) {
  std::vector<std::string_view> cells;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t eol = data.find('\n', pos);
    if (eol == std::string_view::npos) eol = data.size();
    std::string_view line = data.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.empty() || line[0] == '#') continue;
    cells.clear();
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    fn(cells);
  }
}

}  // namespace vigil::text::internal

#endif  // VIGIL_TEXT_INTERNAL_TABLE_H_
