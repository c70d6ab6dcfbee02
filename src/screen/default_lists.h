// The lists vigil screens against when none is named: the bundled OFAC SDN and
// UN Security Council lists in data/lists/, found next to the executable
// (<exe dir>/../data/lists, <exe dir>/data/lists) or else in the source tree
// vigil was built from (VIGIL_SOURCE_DIR/data/lists).
#ifndef VIGIL_SCREEN_DEFAULT_LISTS_H_
#define VIGIL_SCREEN_DEFAULT_LISTS_H_

#include <string>
#include <vector>

#include "screen/screener_impl.h"
#include "vigil/lists.h"
#include "vigil/matcher.h"
#include "vigil/status.h"

namespace vigil::screen {

// The list paths (files or OFAC directories) under the first data/lists
// directory found, or NotFound naming the places looked at.
Result<std::vector<std::string>> DefaultListPaths();
// Where DefaultListPaths looks, in order (for --help).
std::vector<std::string> DefaultListDirs();

// The screener a command asked for: the snapshot `index` when not empty, else
// the lists `lists`, else the bundled lists. `described` receives a line
// saying what was loaded ("index FILE: N entities" / "lists: ...").
Result<std::shared_ptr<const ScreenerImpl>> OpenScreener(
    const std::vector<std::string>& lists, const std::string& index, const LoadOptions& load,
    const MatchOptions& match, const ScreenerConfig& config, std::string* described);

}  // namespace vigil::screen

#endif  // VIGIL_SCREEN_DEFAULT_LISTS_H_
