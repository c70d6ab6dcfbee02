// Snapshot files: the container vigil's index snapshots are written in.
//
// A snapshot is a header, a section table and sections of bytes (each aligned
// to 8 bytes, so arrays of integers can be read in place from the mapping):
//
//   offset 0   "VIGILIDX" magic, format version, section count, file size,
//              CRC-32C of the payload, of the section table and of the header
//   offset 64  section table: {id, offset, size} per section
//   then       the sections
//
// Reading maps the file and checks magic, version, sizes and checksums before
// any section is handed out, so a foreign, truncated or corrupt file is a
// Status (kCorruption / kInvalidArgument / kNotFound), never a crash. What the
// sections mean is the business of the layer that writes them
// (screen/snapshot.cc).
//
// Thread-safety: a MappedSnapshot is immutable; const methods may be called
// from several threads. The mapping lives as long as the object.
#ifndef VIGIL_INDEX_SNAPSHOT_FILE_H_
#define VIGIL_INDEX_SNAPSHOT_FILE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/status.h"

namespace vigil::index {

inline constexpr uint32_t kSnapshotFormatVersion = 1;

class SnapshotWriter {
 public:
  // Adds a section; ids must be unique. The bytes are not copied: they must
  // stay alive until WriteTo/Serialize returns (a 1M-entity index is large).
  void Add(uint32_t id, std::string_view bytes);
  // Writes the snapshot to `path` through a temporary file renamed into
  // place, so readers never see a half-written snapshot.
  Status WriteTo(const std::string& path) const;
  // The whole file as bytes (for tests).
  std::string Serialize() const;

 private:
  std::vector<std::pair<uint32_t, std::string_view>> sections_;
};

class MappedSnapshot {
 public:
  ~MappedSnapshot();
  MappedSnapshot(const MappedSnapshot&) = delete;
  MappedSnapshot& operator=(const MappedSnapshot&) = delete;

  // Maps and verifies `path`. Errors name the path and what is wrong.
  static Result<std::shared_ptr<const MappedSnapshot>> Open(const std::string& path);
  // Verifies snapshot bytes held in memory (the caller keeps them alive).
  static Result<std::shared_ptr<const MappedSnapshot>> FromBytes(std::string_view bytes,
                                                                 const std::string& name);

  // The bytes of section `id`, or nullopt when the snapshot has none.
  std::optional<std::string_view> Section(uint32_t id) const;
  size_t file_size() const { return bytes_.size(); }

 private:
  MappedSnapshot() = default;
  Status Verify(const std::string& name);

  std::string_view bytes_;
  void* map_ = nullptr;
  size_t map_size_ = 0;
  std::vector<std::pair<uint32_t, std::string_view>> sections_;
};

}  // namespace vigil::index

#endif  // VIGIL_INDEX_SNAPSHOT_FILE_H_
