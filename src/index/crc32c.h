// CRC-32C (Castagnoli): the checksum of index snapshot files.
//
// Uses the SSE4.2 crc32 instruction when the CPU has it (checked once at run
// time), else a table-driven software path; both give the same value.
//
// Pure functions; thread-safe.
#ifndef VIGIL_INDEX_CRC32C_H_
#define VIGIL_INDEX_CRC32C_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vigil::index {

// Extends `crc` (the value of an earlier call, or 0 to start) with `n` bytes.
uint32_t Crc32cExtend(uint32_t crc, const void* data, size_t n);
inline uint32_t Crc32c(std::string_view s) { return Crc32cExtend(0, s.data(), s.size()); }

}  // namespace vigil::index

#endif  // VIGIL_INDEX_CRC32C_H_
