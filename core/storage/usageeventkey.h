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
// the id; for a UUIDv7 id (time-ordered, milliseconds first) its 48-bit
// time in the top bits and 16 bits of the digest below, so events that
// arrive in time order land at the end of the key index, as they would by
// id, instead of across it (a batch of 1,000 over HTTP then writes a few
// index pages, not a thousand). The value is stored in workspaces: it must
// never change.
// The index of stored keys (usage_events_by_key, made by migration0009) as
// a big import drops it and builds it again (metering/deferredkeyindex.h).
inline constexpr const char* kDropUsageEventKeyIndex = "DROP INDEX usage_events_by_key";
inline constexpr const char* kCreateUsageEventKeyIndex =
    "CREATE INDEX usage_events_by_key ON usage_events (event_key)";

using UsageEventKeyFunction = std::int64_t (*)(std::string_view source, std::string_view id);

[[nodiscard]] std::int64_t usageEventKey(std::string_view source, std::string_view id);

// SipHash-2-4 of `bytes` under the 128-bit key (k0, k1), as specified by
// Aumasson and Bernstein; exposed for its published test vectors.
[[nodiscard]] std::uint64_t sipHash24(std::uint64_t k0, std::uint64_t k1, std::string_view bytes);

}  // namespace aicp
