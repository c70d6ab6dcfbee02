// The screening index: list entities, their candidate keys and the facts
// retrieval filters on, laid out as snapshot sections. Built in memory by
// Screener::FromLists and written to disk by `vigil index build`; read in
// place from either.
//
// Sections (all little-endian arrays, see index/snapshot_file.h):
//   meta        JSON: entity count, datasets, dataset sets, key fingerprint
//   keys        the KeyIndex: key strings (blob/offsets/hash) and postings
//   ids         entity ids as a StringTable, numbered by entity ordinal
//   entities    each entity's FtM JSON (offsets uint64[N+1] + blob)
//   schemata    uint8[N]; dataset_set uint16[N]; shortest name's words uint8[N];
//               birth years and countries
//               (CSR, uint16 each)
//
// Prepared forms are not stored: a snapshot is opened in the time it takes to
// map and checksum it, and each entity is decoded and prepared on first use
// (screen/screener.cc). The key fingerprint (the keys of a few fixed probe
// names) detects a snapshot whose keys another vigil version computed.
//
// Thread-safety: BuildIndex uses `threads` workers internally; the result is
// an immutable value.
#ifndef VIGIL_SCREEN_INDEX_BUILD_H_
#define VIGIL_SCREEN_INDEX_BUILD_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "index/key_index.h"
#include "index/snapshot_file.h"
#include "index/string_table.h"
#include "vigil/lists.h"
#include "vigil/matcher.h"
#include "vigil/screener.h"

namespace vigil::screen {

enum SectionId : uint32_t {
  kMeta = 1,
  kKeyBlob,
  kKeyOffsets,
  kKeySlots,
  kPostingOffsets,
  kPostings,
  kIdBlob,
  kIdOffsets,
  kIdSlots,
  kEntityOffsets,
  kEntityBlob,
  kSchemata,
  kDatasetSets,
  kYearOffsets,
  kYears,
  kCountryOffsets,
  kCountries,
  kNameLengths,
};

struct BuiltIndex {
  index::KeyIndexBuffers keys;
  index::StringTableBuilder ids;
  std::vector<uint64_t> entity_offsets{0};
  std::string entity_blob;
  std::vector<uint8_t> schemata;
  std::vector<uint16_t> dataset_sets;
  std::vector<uint32_t> year_offsets{0};
  std::vector<uint16_t> years;
  std::vector<uint32_t> country_offsets{0};
  std::vector<uint16_t> countries;    // ISO alpha-2 as two bytes ('c' | 'n' << 8)
  std::vector<uint8_t> name_lengths;  // words in the entity's shortest name (<= 255)
  std::string meta;                   // JSON
  // Filled when BuildOptions::keep_prepared: entity ordinal -> prepared form.
  std::vector<PreparedEntity> prepared;

  // Every section, as views into this object.
  std::vector<std::pair<uint32_t, std::string_view>> Sections() const;
};

struct BuildOptions {
  unsigned threads = 0;        // 0 = one per core
  bool keep_prepared = false;  // keep what screening needs (in-memory screener)
};

// Builds the index of the lists' entities (consumed). Entity ids must be
// unique across lists: a repeated id is an InvalidArgument naming both
// sources.
Result<std::unique_ptr<BuiltIndex>> BuildIndex(std::vector<LoadedList> lists,
                                               const Matcher& matcher, const BuildOptions& options);

// Loads `paths` with LoadList (in parallel) and builds their index.
Result<std::unique_ptr<BuiltIndex>> BuildIndexFromFiles(const std::vector<std::string>& paths,
                                                        const LoadOptions& load,
                                                        const Matcher& matcher,
                                                        const BuildOptions& options,
                                                        std::vector<ListInfo>* infos);

// Typo keys, the index's own addition to CandidateKeys: for every token key
// "t:<token>" of 4 to 16 letters, "d:<token>" and "d:<token minus one
// letter>" for each letter, so two tokens one edit apart (a letter wrong,
// missing, added, or two swapped) share a key and rank a misspelt name above
// the crowd sharing only its common parts. Weighted `factor` x the token's.
void AddTypoKeys(std::vector<std::string>* keys, std::vector<float>* weights, float factor);

// The number of words in the shortest of the entity's names (1..255), 0 when
// it has none.
uint8_t ShortestNameWords(const Entity& e);

// "cn" -> 'c' | 'n' << 8: how countries are stored.
inline uint16_t CountryCode16(std::string_view alpha2) {
  return static_cast<uint16_t>(static_cast<unsigned char>(alpha2[0]) |
                               static_cast<unsigned char>(alpha2[1]) << 8);
}

// The fingerprint of the keys this vigil computes for a few fixed names.
std::string KeyFingerprint(const Matcher& matcher);

}  // namespace vigil::screen

#endif  // VIGIL_SCREEN_INDEX_BUILD_H_
