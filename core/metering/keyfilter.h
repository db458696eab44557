#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace aicp {

// A set of 64-bit keys that answers "certainly not in it" or "perhaps in
// it": a blocked Bloom filter (the bits of one key in one 64-byte block, so
// a lookup reads one cache line) of about 12 bits per key, wrong about one
// "perhaps" in a hundred. It grows as keys come: once a layer holds what it
// was sized for, a layer twice as big takes the next keys, and a lookup asks
// every layer. Keys need not be uniform (a UUIDv7 key is mostly time); they
// are mixed first.
class KeyFilter {
public:
    // Sized for `expected` keys (at least a million's worth of bits).
    explicit KeyFilter(std::size_t expected);

    void add(std::int64_t key);
    [[nodiscard]] bool mayContain(std::int64_t key) const;
    // add() unless mayContain(): true when the key was added. One mix of
    // the key for both, on the import's hot path.
    [[nodiscard]] bool addIfAbsent(std::int64_t key);

private:
    static constexpr std::size_t kBlockWords = 8;  // 512 bits
    static constexpr std::size_t kBitsPerKey = 12;

    struct Layer {
        std::vector<std::uint64_t> words;
        std::size_t capacity = 0;  // keys
        std::size_t count = 0;
    };
    static Layer layerFor(std::size_t keys);
    static bool has(const Layer& layer, std::uint64_t mixed);
    void addMixed(std::uint64_t mixed);
    [[nodiscard]] bool mayContainMixed(std::uint64_t mixed) const;

    std::vector<Layer> layers_;
};

}  // namespace aicp
