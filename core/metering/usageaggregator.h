#pragma once

#include "common/result.h"
#include "metering/usageeventvalidator.h"
#include "storage/bulkwriter.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace aicp {

class Database;

// Adds new events to the aggregates charts and bills read: per customer per
// hour (requests, late requests, per policy pack, per compliance module) and
// the distinct users and agents per customer per month. Sums are kept in
// memory and written with upserts by flush(), so a million events cost a few
// thousand writes; flushing whenever the held sums outgrow a memory budget
// keeps memory bounded for any file. The budget holds a month of hourly
// cells for hundreds of customers, so an import in any time order usually
// writes each cell once. Runs inside the import's transaction.
class UsageAggregator {
public:
    // Bytes held (an estimate: cells, sums, names, users) before
    // shouldFlush() says so.
    static constexpr std::size_t kFlushBytes = 24 * 1024 * 1024;

    [[nodiscard]] static Result<UsageAggregator> create(Database* db);

    void add(const UsageEventRecord& event, bool late);
    [[nodiscard]] bool shouldFlush() const { return heldBytes_ >= kFlushBytes; }
    // Writes and forgets everything held.
    [[nodiscard]] Status flush();

private:
    // Heterogeneous lookup, so a std::string_view finds a std::string key
    // without building one.
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    template <typename Value>
    using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;
    using TextSet = std::unordered_set<std::string, TextHash, std::equal_to<>>;

    // The names seen since the last flush, numbered densely.
    struct NameTable {
        TextMap<std::uint32_t> numbers;
        std::vector<std::string> names;
        TextMap<std::vector<std::uint32_t>> lists;  // a ';' list -> its names' numbers
    };
    struct HourCell {
        std::int64_t requests = 0;
        std::int64_t lateRequests = 0;
        std::vector<std::int64_t> packs;    // by policy-pack number
        std::vector<std::int64_t> modules;  // by compliance-module number
    };
    struct MonthCell {
        TextSet users;
        TextSet agents;
    };

    UsageAggregator(BulkWriter hourly, BulkWriter packs, BulkWriter modules, BulkWriter users,
                    BulkWriter agents);

    static std::vector<std::uint32_t> inNameOrder(const std::vector<std::string>& names);
    template <typename Cells>
    std::vector<std::uint64_t> inKeyOrder(const Cells& cells) const;
    // The set's members in byte order.
    static std::vector<std::string_view> sorted(const TextSet& set);

    std::uint32_t customerNumber(std::string_view customer);
    const std::vector<std::uint32_t>& listNumbers(NameTable& table, std::string_view list);
    void addTo(std::vector<std::int64_t>& sums, const std::vector<std::uint32_t>& numbers,
               std::int64_t quantity);
    void clear();

    BulkWriter upsertHourly_;
    BulkWriter upsertPack_;
    BulkWriter upsertModule_;
    BulkWriter insertUser_;
    BulkWriter insertAgent_;

    NameTable customers_;
    NameTable packs_;
    NameTable modules_;
    std::unordered_map<std::uint64_t, HourCell> hours_;
    std::unordered_map<std::uint64_t, MonthCell> months_;
    std::size_t heldBytes_ = 0;
};

}  // namespace aicp
