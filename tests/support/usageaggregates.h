#pragma once

#include "metering/usagegenerator.h"

#include <cstdint>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

namespace aicp {
class Workspace;
}

namespace aicp::test {

// Everything the usage aggregates hold, as plain maps, for before/after and
// expected/actual comparisons.
struct UsageAggregates {
    std::map<std::pair<std::string, std::int64_t>, std::int64_t> hourly;
    std::map<std::tuple<std::string, std::int64_t, std::string>, std::int64_t> packs;
    std::map<std::tuple<std::string, std::int64_t, std::string>, std::int64_t> modules;
    std::set<std::tuple<std::string, std::string, std::string>> users;
    std::set<std::tuple<std::string, std::string, std::string>> agents;
    std::int64_t events = 0;
    std::int64_t imports = 0;
    friend bool operator==(const UsageAggregates&, const UsageAggregates&) = default;
};

// The "YYYY-MM" of a UTC time in seconds.
[[nodiscard]] std::string monthOf(std::int64_t seconds);

// What the workspace's aggregate tables hold; a failed query fails the test.
[[nodiscard]] UsageAggregates readUsageAggregates(Workspace& workspace);

// The aggregates worked out from the generators' rows, in turn, with
// nothing but maps: no code of the importer is involved. `distinctEvents`
// receives the number of distinct (source, id).
[[nodiscard]] UsageAggregates expectedUsageAggregates(
    std::initializer_list<const UsageGenerator*> generators, std::int64_t* distinctEvents);

}  // namespace aicp::test
