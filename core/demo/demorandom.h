#pragma once

#include <cstdint>
#include <string_view>

namespace aicp {

// The demo's only source of randomness: splitmix64, whose output is fixed by
// its definition on every compiler and platform (std:: distributions are
// not). Each generator step draws from its own stream, derived from the demo
// seed and the step's name, so adding a step never changes what the others
// produce.
class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) : state_(seed) {}

    [[nodiscard]] static DemoRandom forStep(std::uint64_t seed, std::string_view step) {
        // FNV-1a of the name, then one splitmix round so similar names give
        // unrelated streams.
        std::uint64_t hash = 0xcbf29ce484222325ULL;
        for (const char c : step) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 0x100000001b3ULL;
        }
        DemoRandom mixer(seed ^ hash);
        return DemoRandom(mixer.next());
    }

    [[nodiscard]] std::uint64_t next() {
        state_ += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, bound); bound must be positive. Rejects the few values
    // that would make a plain modulo favour small results.
    [[nodiscard]] std::uint64_t below(std::uint64_t bound) {
        const std::uint64_t threshold = (0 - bound) % bound;
        while (true) {
            const std::uint64_t value = next();
            if (value >= threshold)
                return value % bound;
        }
    }

private:
    std::uint64_t state_;
};

}  // namespace aicp
