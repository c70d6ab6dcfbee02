// Internal interface of the list readers: one function per format, and the
// helpers they share. LoadList (lists.cc) detects the format and dispatches.
//
// Every reader returns the whole list or an error naming the file; bad rows
// are reported in ListInfo::skipped. Readers are pure functions of the files.
#ifndef VIGIL_LISTS_READER_H_
#define VIGIL_LISTS_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "vigil/entity.h"
#include "vigil/lists.h"
#include "vigil/status.h"

namespace vigil::lists {

// OFAC legacy CSV set. `primary` is sdn.csv (or cons_prim.csv when
// `consolidated`); alt/add/comments files beside it are joined by ent_num.
Result<LoadedList> ReadOfac(const std::string& primary, bool consolidated,
                            const LoadOptions& options);
// UN Security Council consolidated list XML.
Result<LoadedList> ReadUnXml(const std::string& path, const LoadOptions& options);
// US BIS Denied Persons List, tab-separated with a header.
Result<LoadedList> ReadBisDpl(const std::string& path, const LoadOptions& options);
// FollowTheMoney entities, one JSON object per line.
Result<LoadedList> ReadFtm(const std::string& path, const LoadOptions& options);
// Any CSV with a header row naming its columns.
Result<LoadedList> ReadGenericCsv(const std::string& path, const LoadOptions& options);

// The bytes of a text file, ready to parse as UTF-8: a UTF-8 byte-order mark
// and trailing DOS end-of-file marks (0x1A, as OFAC writes) are removed, and a
// file that is not UTF-8 but reads as Latin-1 / Windows-1252 (high bytes and
// no valid multi-byte sequence anywhere) is transcoded. A file mixing valid
// UTF-8 and invalid bytes is returned as is: its readers report the bad rows.
// Errors: the file cannot be read (NotFound/IOError), or it is empty.
Result<std::string> ReadTextFile(const std::string& path);

bool IsValidUtf8(std::string_view s);
// Windows-1252 (a superset of Latin-1's printable range) to UTF-8.
std::string Windows1252ToUtf8(std::string_view s);
// 16 hex digits of the 64-bit FNV-1a hash: stable across runs and platforms.
std::string StableHash(std::string_view s);
// Adds the ISO code of `text` to `prop`, or the text itself when it names no
// country vigil knows.
void AddCountry(Entity* e, std::string_view prop, std::string_view text);
std::string_view TrimView(std::string_view s);
std::string Lower(std::string_view s);
// "LAST, First Middle" -> lastName LAST, firstName "First Middle".
void AddNameParts(Entity* e, std::string_view name);
// Whether an organisation name carries a legal form ("LTD", "S.A.", "GmbH",
// "OOO", "CO."): such a party is a Company rather than an Organization.
bool HasLegalForm(std::string_view name);
// "15 Jun 1953", "Jun 1953", "1953", "1953-06-15", "15.06.1953": the partial
// date it names, or nullopt.
std::optional<PartialDate> ParseLooseDate(std::string_view text);
// Fills the datasets of every entity and info.entities.
void Finish(LoadedList* list);

}  // namespace vigil::lists

#endif  // VIGIL_LISTS_READER_H_
