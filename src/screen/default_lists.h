// The lists vigil screens against when none is named: the bundled OFAC SDN and
// UN Security Council lists in data/lists/, found next to the executable
// (<exe dir>/../data/lists, <exe dir>/data/lists) or else in the source tree
// vigil was built from (VIGIL_SOURCE_DIR/data/lists).
#ifndef VIGIL_SCREEN_DEFAULT_LISTS_H_
#define VIGIL_SCREEN_DEFAULT_LISTS_H_

#include <string>
#include <vector>

#include "vigil/status.h"

namespace vigil::screen {

// The list paths (files or OFAC directories) under the first data/lists
// directory found, or NotFound naming the places looked at.
Result<std::vector<std::string>> DefaultListPaths();
// Where DefaultListPaths looks, in order (for --help).
std::vector<std::string> DefaultListDirs();

}  // namespace vigil::screen

#endif  // VIGIL_SCREEN_DEFAULT_LISTS_H_
