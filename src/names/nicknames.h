// Given-name equivalence: nicknames and diminutives (Robert ~ Bob, Aleksandr ~
// Sasha, Yevgeny ~ Zhenya) and the same given name across languages (William ~
// Wilhelm ~ Guillaume). Names are lower-case ASCII tokens, as text::FoldToAscii
// leaves them.
//
// The facts are groups: a formal name with its nicknames (nicknames-en,
// Apache-2.0) or a line of data/latin/given_name_equivalents.tsv. A name can sit
// in several groups ("sasha": Aleksandr and Aleksandra); two names are
// equivalent when they share a group. The relation is not transitive on purpose:
// "ron" joins Aaron and Ronald without making Aaron a Ronald.
//
// Tables are embedded, built once on first use (thread-safe static init) and
// immutable; all functions are thread-safe.
#ifndef VIGIL_NAMES_NICKNAMES_H_
#define VIGIL_NAMES_NICKNAMES_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace vigil::names {

// True when a and b share a group, i.e. one is a nickname or an equivalent of
// the other (a == b counts when the name is in the table).
bool AreNicknames(std::string_view a, std::string_view b);

// The ids of the groups `name` belongs to, ascending; empty for unknown names.
// Stable for a given build of the tables: usable as index keys ("n:<id>").
// The span points into static storage and stays valid for the process.
std::span<const uint32_t> NicknameGroups(std::string_view name);

}  // namespace vigil::names

#endif  // VIGIL_NAMES_NICKNAMES_H_
