#include "index/snapshot_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "index/crc32c.h"

namespace vigil::index {
namespace {

static_assert(std::endian::native == std::endian::little,
              "snapshot files are little-endian and read in place");

constexpr char kMagic[8] = {'V', 'I', 'G', 'I', 'L', 'I', 'D', 'X'};
constexpr size_t kHeaderSize = 64;
constexpr size_t kEntrySize = 24;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t section_count;
  uint64_t file_size;
  uint64_t payload_offset;
  uint32_t payload_crc;
  uint32_t table_crc;
  uint32_t header_crc;  // of the whole header, this field zeroed
  uint8_t reserved[20];
};
static_assert(sizeof(Header) == kHeaderSize);

struct Entry {
  uint32_t id;
  uint32_t reserved;
  uint64_t offset;
  uint64_t size;
};
static_assert(sizeof(Entry) == kEntrySize);

size_t Align8(size_t n) { return (n + 7) & ~size_t{7}; }

// The checksum of all 64 header bytes, its own field taken as zero.
uint32_t HeaderCrc(Header h) {
  h.header_crc = 0;
  return Crc32cExtend(0, &h, sizeof h);
}

}  // namespace

void SnapshotWriter::Add(uint32_t id, std::string_view bytes) { sections_.emplace_back(id, bytes); }

namespace {

// Lays the sections out and computes the header; `emit` receives the file's
// bytes in order (header last is not possible for a stream, so the payload
// checksum is computed in a first pass over the section views).
template <typename Emit>
void Layout(const std::vector<std::pair<uint32_t, std::string_view>>& sections, Emit emit) {
  static const char kZeros[8] = {};
  const size_t table_size = sections.size() * kEntrySize;
  const size_t payload_offset = Align8(kHeaderSize + table_size);
  std::vector<Entry> entries;
  size_t pos = payload_offset;
  uint32_t payload_crc = 0;
  for (const auto& [id, bytes] : sections) {
    entries.push_back(Entry{id, 0, pos, bytes.size()});
    payload_crc = Crc32cExtend(payload_crc, bytes.data(), bytes.size());
    const size_t pad = Align8(bytes.size()) - bytes.size();
    payload_crc = Crc32cExtend(payload_crc, kZeros, pad);
    pos += bytes.size() + pad;
  }
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kSnapshotFormatVersion;
  h.section_count = static_cast<uint32_t>(sections.size());
  h.file_size = pos;
  h.payload_offset = payload_offset;
  h.payload_crc = payload_crc;
  h.table_crc = Crc32cExtend(0, entries.data(), table_size);
  h.header_crc = HeaderCrc(h);
  emit(std::string_view(reinterpret_cast<const char*>(&h), sizeof h));
  emit(std::string_view(reinterpret_cast<const char*>(entries.data()), table_size));
  emit(std::string_view(kZeros, payload_offset - kHeaderSize - table_size));
  for (const auto& [id, bytes] : sections) {
    emit(bytes);
    emit(std::string_view(kZeros, Align8(bytes.size()) - bytes.size()));
  }
}

}  // namespace

std::string SnapshotWriter::Serialize() const {
  std::string out;
  Layout(sections_, [&](std::string_view b) { out.append(b); });
  return out;
}

Status SnapshotWriter::WriteTo(const std::string& path) const {
  const std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return Status::IOError(tmp + ": cannot create: " + std::strerror(errno));
  bool ok = true;
  Layout(sections_, [&](std::string_view b) {
    if (ok && !b.empty()) ok = std::fwrite(b.data(), 1, b.size(), f) == b.size();
  });
  ok = (std::fflush(f) == 0) && ok;
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    std::remove(tmp.c_str());
    return Status::IOError(tmp + ": write failed: " + std::strerror(errno));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IOError(path + ": cannot rename into place: " + std::strerror(errno));
  }
  return Status::Ok();
}

MappedSnapshot::~MappedSnapshot() {
  if (map_) munmap(map_, map_size_);
}

Result<std::shared_ptr<const MappedSnapshot>> MappedSnapshot::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such index snapshot file");
    return Status::IOError(path + ": cannot open: " + std::strerror(errno));
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    ::close(fd);
    return Status::IOError(path + ": cannot stat: " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::InvalidArgument(path + ": not a regular file, not an index snapshot");
  }
  std::shared_ptr<MappedSnapshot> snap(new MappedSnapshot());
  if (st.st_size > 0) {
    void* m = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
      ::close(fd);
      return Status::IOError(path + ": cannot map: " + std::strerror(errno));
    }
    snap->map_ = m;
    snap->map_size_ = static_cast<size_t>(st.st_size);
    snap->bytes_ = std::string_view(static_cast<const char*>(m), snap->map_size_);
  }
  ::close(fd);
  VIGIL_RETURN_IF_ERROR(snap->Verify(path));
  return std::shared_ptr<const MappedSnapshot>(std::move(snap));
}

Result<std::shared_ptr<const MappedSnapshot>> MappedSnapshot::FromBytes(std::string_view bytes,
                                                                        const std::string& name) {
  std::shared_ptr<MappedSnapshot> snap(new MappedSnapshot());
  snap->bytes_ = bytes;
  VIGIL_RETURN_IF_ERROR(snap->Verify(name));
  return std::shared_ptr<const MappedSnapshot>(std::move(snap));
}

Status MappedSnapshot::Verify(const std::string& name) {
  const std::string_view b = bytes_;
  if (b.empty()) return Status::Corruption(name + ": empty file, not a vigil index snapshot");
  if (b.size() < sizeof kMagic || std::memcmp(b.data(), kMagic, sizeof kMagic) != 0) {
    return Status::InvalidArgument(name +
                                   ": not a vigil index snapshot (no VIGILIDX magic); build "
                                   "one with `vigil index build`");
  }
  if (b.size() < kHeaderSize) {
    return Status::Corruption(name + ": truncated: " + std::to_string(b.size()) +
                              " bytes, shorter than the snapshot header");
  }
  Header h;
  std::memcpy(&h, b.data(), sizeof h);
  if (HeaderCrc(h) != h.header_crc) {
    return Status::Corruption(name + ": header checksum mismatch (corrupt snapshot)");
  }
  if (h.version != kSnapshotFormatVersion) {
    return Status::FailedPrecondition(name + ": snapshot format version " +
                                      std::to_string(h.version) + ", this vigil reads version " +
                                      std::to_string(kSnapshotFormatVersion) +
                                      "; rebuild it with `vigil index build`");
  }
  if (h.file_size != b.size()) {
    return Status::Corruption(name + ": truncated or extended: header says " +
                              std::to_string(h.file_size) + " bytes, file has " +
                              std::to_string(b.size()));
  }
  const uint64_t table_end = kHeaderSize + uint64_t{h.section_count} * kEntrySize;
  if (table_end > h.payload_offset || h.payload_offset > b.size()) {
    return Status::Corruption(name + ": section table out of bounds");
  }
  if (Crc32cExtend(0, b.data() + kHeaderSize, table_end - kHeaderSize) != h.table_crc) {
    return Status::Corruption(name + ": section table checksum mismatch (corrupt snapshot)");
  }
  if (Crc32cExtend(0, b.data() + h.payload_offset, b.size() - h.payload_offset) != h.payload_crc) {
    return Status::Corruption(name + ": checksum mismatch (corrupt snapshot)");
  }
  for (uint32_t i = 0; i < h.section_count; ++i) {
    Entry e;
    std::memcpy(&e, b.data() + kHeaderSize + i * kEntrySize, sizeof e);
    if (e.offset < h.payload_offset || e.offset % 8 != 0 || e.size > b.size() ||
        e.offset > b.size() - e.size) {
      return Status::Corruption(name + ": section " + std::to_string(e.id) + " out of bounds");
    }
    sections_.emplace_back(e.id, b.substr(e.offset, e.size));
  }
  return Status::Ok();
}

std::optional<std::string_view> MappedSnapshot::Section(uint32_t id) const {
  for (const auto& [sid, bytes] : sections_) {
    if (sid == id) return bytes;
  }
  return std::nullopt;
}

}  // namespace vigil::index
