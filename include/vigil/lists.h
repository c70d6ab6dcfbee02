// Watchlist readers: turn a published list file into entities.
//
// One reader per format (src/lists/): OFAC SDN legacy CSV set, OFAC
// consolidated non-SDN, UN Security Council XML, US BIS Denied Persons,
// FollowTheMoney JSON lines, generic CSV with a header. The format is detected
// from content unless LoadOptions::format names it.
//
// Failure: a file that is not the format it claims (or that no reader
// recognizes) is an error naming the file; a bad row inside a good file is
// skipped and reported in ListInfo::skipped as file:line and reason. Nothing
// is partially loaded silently.
//
// Thread-safety: LoadList is a pure function of the files; calls may run in
// parallel.
#ifndef VIGIL_LISTS_H_
#define VIGIL_LISTS_H_

#include <string>
#include <utility>
#include <vector>

#include "vigil/entity.h"
#include "vigil/status.h"

namespace vigil {

struct SkippedRow {
  std::string where;   // "path/to/sdn.csv:1234"
  std::string reason;  // "expected 12 fields, found 9"
};

struct ListInfo {
  std::string dataset;  // "us_ofac_sdn", "un_sc_sanctions", ... (or LoadOptions::dataset)
  std::string version;  // the list's own date/version when the file carries one, else ""
  std::string path;
  std::string format;  // "ofac-sdn", "ofac-cons", "un-xml", "bis-dpl", "ftm", "csv"
  size_t entities = 0;
  std::vector<SkippedRow> skipped;
};

struct LoadedList {
  ListInfo info;
  std::vector<Entity> entities;  // each tagged with info.dataset in Entity::datasets
};

struct LoadOptions {
  std::string format = "auto";
  std::string dataset;  // overrides the reader's default dataset name
  // Generic CSV: column -> property overrides ("--map dob=birthDate").
  std::vector<std::pair<std::string, std::string>> column_map;
};

// `path` is a file, or a directory holding a list's file set (OFAC sdn.csv
// with alt.csv, add.csv, sdn_comments.csv beside it).
Result<LoadedList> LoadList(const std::string& path, const LoadOptions& options = {});

}  // namespace vigil

#endif  // VIGIL_LISTS_H_
