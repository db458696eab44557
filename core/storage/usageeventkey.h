#pragma once

#include <cstdint>
#include <string_view>

namespace aicp {

// The deduplication key of a usage event: a 64-bit digest of its source and
// id, stored in usage_events.key. Fixed-size and uniformly spread, so the
// key index costs the same whatever the ids look like (random UUIDv4,
// time-ordered v7, counters). Two different events may share a key; every
// lookup also compares source and id, so a collision costs one more row
// read, never a lost event.
//
// SipHash-2-4 under a fixed key over the source's length, the source and
// the id. The value is stored in workspaces: it must never change.
using UsageEventKeyFunction = std::int64_t (*)(std::string_view source, std::string_view id);

[[nodiscard]] std::int64_t usageEventKey(std::string_view source, std::string_view id);

// SipHash-2-4 of `bytes` under the 128-bit key (k0, k1), as specified by
// Aumasson and Bernstein; exposed for its published test vectors.
[[nodiscard]] std::uint64_t sipHash24(std::uint64_t k0, std::uint64_t k1, std::string_view bytes);

}  // namespace aicp
