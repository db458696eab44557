#include "storage/usageeventkey.h"

#include "common/strictjson.h"

#include <bit>
#include <cstring>
#include <string>

namespace aicp {

namespace {

// Any fixed 128 bits; chosen once ("aicp usage event" in ASCII).
constexpr std::uint64_t kKey0 = 0x6173752070636961ULL;
constexpr std::uint64_t kKey1 = 0x746e657665206567ULL;

struct SipState {
    std::uint64_t v0, v1, v2, v3;

    void round() {
        v0 += v1;
        v1 = std::rotl(v1, 13);
        v1 ^= v0;
        v0 = std::rotl(v0, 32);
        v2 += v3;
        v3 = std::rotl(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = std::rotl(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = std::rotl(v1, 17);
        v1 ^= v2;
        v2 = std::rotl(v2, 32);
    }
    void absorb(std::uint64_t word) {
        v3 ^= word;
        round();
        round();
        v0 ^= word;
    }
};

std::uint64_t littleEndian(const char* bytes, std::size_t count) {
    std::uint64_t word = 0;
    for (std::size_t i = 0; i < count; ++i)
        word |= std::uint64_t(static_cast<unsigned char>(bytes[i])) << (8 * i);
    return word;
}

// The 48-bit Unix-millisecond time of a UUIDv7 in its text form
// (xxxxxxxx-xxxx-7xxx-[89ab]xxx-xxxxxxxxxxxx), or -1 for any other id.
std::int64_t uuidV7Millis(std::string_view id) {
    if (id.size() != 36 || id[14] != '7' || jsonHexValue(id[19]) < 8 || jsonHexValue(id[19]) > 11)
        return -1;
    std::int64_t millis = 0;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (id[i] == '-') || (!dash && jsonHexValue(id[i]) < 0))
            return -1;
        if (!dash && i < 13)
            millis = millis * 16 + jsonHexValue(id[i]);
    }
    return millis;
}

}  // namespace

std::uint64_t sipHash24(std::uint64_t k0, std::uint64_t k1, std::string_view bytes) {
    SipState state{k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL,
                   k0 ^ 0x6c7967656e657261ULL, k1 ^ 0x7465646279746573ULL};
    const std::size_t whole = bytes.size() / 8 * 8;
    for (std::size_t at = 0; at < whole; at += 8)
        state.absorb(littleEndian(bytes.data() + at, 8));
    state.absorb(littleEndian(bytes.data() + whole, bytes.size() - whole) |
                 (std::uint64_t(bytes.size() & 0xFF) << 56));
    state.v2 ^= 0xFF;
    for (int i = 0; i < 4; ++i)
        state.round();
    return state.v0 ^ state.v1 ^ state.v2 ^ state.v3;
}

std::int64_t usageEventKey(std::string_view source, std::string_view id) {
    // The source's length first, so ("ab", "c") and ("a", "bc") differ.
    // Sources and ids are at most a few hundred bytes (UsageLimits).
    char stackBytes[512];
    std::string heapBytes;
    const std::size_t size = 4 + source.size() + id.size();
    char* bytes = stackBytes;
    if (size > sizeof stackBytes) {
        heapBytes.resize(size);
        bytes = heapBytes.data();
    }
    const auto length = static_cast<std::uint32_t>(source.size());
    for (int i = 0; i < 4; ++i)
        bytes[i] = static_cast<char>((length >> (8 * i)) & 0xFF);
    if (!source.empty())
        std::memcpy(bytes + 4, source.data(), source.size());
    if (!id.empty())
        std::memcpy(bytes + 4 + source.size(), id.data(), id.size());
    const std::uint64_t digest = sipHash24(kKey0, kKey1, std::string_view(bytes, size));
    const std::int64_t millis = uuidV7Millis(id);
    if (millis >= 0)
        return static_cast<std::int64_t>((std::uint64_t(millis) << 16) | (digest & 0xFFFF));
    return std::bit_cast<std::int64_t>(digest);
}

}  // namespace aicp
