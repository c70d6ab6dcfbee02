#include "index/snapshot_file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace vigil::index {
namespace {

std::string Sample() {
  static const std::string a = "first section";
  static const std::string b(1000, 'x');
  static const std::string c;  // empty section
  SnapshotWriter w;
  w.Add(1, a);
  w.Add(7, b);
  w.Add(9, c);
  return w.Serialize();
}

TEST(SnapshotFile, RoundTripInMemory) {
  std::string bytes = Sample();
  auto s = MappedSnapshot::FromBytes(bytes, "sample");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ((*s)->Section(1).value(), "first section");
  EXPECT_EQ((*s)->Section(7).value(), std::string(1000, 'x'));
  EXPECT_EQ((*s)->Section(9).value(), "");
  EXPECT_FALSE((*s)->Section(2).has_value());
  for (uint32_t id : {1u, 7u}) {
    auto sec = (*s)->Section(id).value();
    EXPECT_EQ(reinterpret_cast<uintptr_t>(sec.data()) % 8,
              reinterpret_cast<uintptr_t>(bytes.data()) % 8);
  }
}

TEST(SnapshotFile, RoundTripThroughAFile) {
  const std::string path = ::testing::TempDir() + "/vigil_snapshot_file_test.idx";
  SnapshotWriter w;
  std::string payload = "payload";
  w.Add(3, payload);
  ASSERT_TRUE(w.WriteTo(path).ok());
  auto s = MappedSnapshot::Open(path);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ((*s)->Section(3).value(), "payload");
  std::remove(path.c_str());
  EXPECT_EQ(MappedSnapshot::Open(path).status().code(), StatusCode::kNotFound);
}

TEST(SnapshotFile, EveryTruncationIsAnError) {
  const std::string bytes = Sample();
  for (size_t len = 0; len < bytes.size(); ++len) {
    std::string cut = bytes.substr(0, len);
    auto s = MappedSnapshot::FromBytes(cut, "cut");
    ASSERT_FALSE(s.ok()) << "length " << len;
    if (len == 0) {
      EXPECT_NE(s.status().message().find("empty"), std::string::npos);
    }
  }
}

TEST(SnapshotFile, EveryFlippedByteIsAnError) {
  const std::string bytes = Sample();
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    auto s = MappedSnapshot::FromBytes(bad, "flipped");
    ASSERT_FALSE(s.ok()) << "byte " << i;
  }
}

TEST(SnapshotFile, ForeignFilesAreNamed) {
  for (std::string foreign :
       {std::string("{\"id\": \"x\", \"schema\": \"Person\"}\n"),
        std::string("SQLite format 3") + std::string(200, '\0'), std::string("VIGILID")}) {
    auto s = MappedSnapshot::FromBytes(foreign, "other.bin");
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.status().message().find("other.bin"), std::string::npos);
  }
}

TEST(SnapshotFile, NewerFormatVersionIsRefused) {
  std::string bytes = Sample();
  bytes[8] = 2;  // version field; header checksum now wrong too
  EXPECT_FALSE(MappedSnapshot::FromBytes(bytes, "v2").ok());
}

}  // namespace
}  // namespace vigil::index
