#include "metering/keyfilter.h"

#include <algorithm>
#include <bit>

namespace aicp {

namespace {

constexpr int kBitsSet = 6;
constexpr int kBitShift = 9;  // each bit's place in the block: 9 bits of the mix

// splitmix64's finalizer: every bit of the key reaches every bit of the mix.
std::uint64_t mixKey(std::int64_t key) {
    auto z = std::bit_cast<std::uint64_t>(key) + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// The block of `mixed` among `blocks`, from its top 32 bits.
std::size_t blockOf(std::uint64_t mixed, std::size_t blocks) {
    return std::size_t(((mixed >> 32) * std::uint64_t(blocks)) >> 32);
}

// The bits in the block: from a second mix, independent of the block.
std::uint64_t bitsOf(std::uint64_t mixed) {
    return mixKey(std::bit_cast<std::int64_t>(mixed));
}

}  // namespace

KeyFilter::KeyFilter(std::size_t expected) {
    layers_.push_back(layerFor(std::max<std::size_t>(expected, std::size_t(1) << 20)));
}

KeyFilter::Layer KeyFilter::layerFor(std::size_t keys) {
    Layer layer;
    const std::size_t blocks = (keys * kBitsPerKey + 511) / 512;
    layer.words.assign(blocks * kBlockWords, 0);
    layer.capacity = keys;
    return layer;
}

void KeyFilter::add(std::int64_t key) {
    addMixed(mixKey(key));
}

bool KeyFilter::addIfAbsent(std::int64_t key) {
    const std::uint64_t mixed = mixKey(key);
    if (mayContainMixed(mixed))
        return false;
    addMixed(mixed);
    return true;
}

void KeyFilter::addMixed(std::uint64_t mixed) {
    if (layers_.back().count >= layers_.back().capacity)
        layers_.push_back(layerFor(layers_.back().capacity * 2));
    Layer& layer = layers_.back();
    std::uint64_t* block =
        layer.words.data() + blockOf(mixed, layer.words.size() / kBlockWords) * kBlockWords;
    const std::uint64_t bits = bitsOf(mixed);
    for (int i = 0; i < kBitsSet; ++i) {
        const auto bit = unsigned(bits >> (i * kBitShift)) & 511U;
        block[bit >> 6] |= std::uint64_t(1) << (bit & 63U);
    }
    ++layer.count;
}

bool KeyFilter::has(const Layer& layer, std::uint64_t mixed) {
    const std::uint64_t* block =
        layer.words.data() + blockOf(mixed, layer.words.size() / kBlockWords) * kBlockWords;
    const std::uint64_t bits = bitsOf(mixed);
    for (int i = 0; i < kBitsSet; ++i) {
        const auto bit = unsigned(bits >> (i * kBitShift)) & 511U;
        if ((block[bit >> 6] & (std::uint64_t(1) << (bit & 63U))) == 0)
            return false;
    }
    return true;
}

bool KeyFilter::mayContain(std::int64_t key) const {
    return mayContainMixed(mixKey(key));
}

bool KeyFilter::mayContainMixed(std::uint64_t mixed) const {
    return std::any_of(layers_.begin(), layers_.end(),
                       [mixed](const Layer& layer) { return has(layer, mixed); });
}

}  // namespace aicp
