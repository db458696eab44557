#include "metering/usageaggregator.h"

#include "common/utctime.h"
#include "metering/yearmonth.h"

#include <algorithm>

namespace aicp {

namespace {

// Cells are keyed by number, not text: a customer number in the top bits,
// an hour (or month) index in the low 40, far beyond any real date.
constexpr int kCustomerShift = 40;

std::uint64_t cellKey(std::uint32_t customer, std::int64_t index) {
    return (std::uint64_t(customer) << kCustomerShift) | std::uint64_t(index);
}
std::uint32_t customerOf(std::uint64_t key) {
    return std::uint32_t(key >> kCustomerShift);
}
std::int64_t indexOf(std::uint64_t key) {
    return std::int64_t(key & ((std::uint64_t(1) << kCustomerShift) - 1));
}

// What one held item costs in memory, roughly: a hash node with its key
// and value, or a text with its node.
constexpr std::size_t kCellBytes = 160;
constexpr std::size_t kTextBytes = 64;

// Upserts add to what earlier imports wrote; users and agents are a set.
using Column = BulkWriter::Column;
constexpr BulkWriter::Type kText = BulkWriter::Type::Text;
constexpr BulkWriter::Type kInt = BulkWriter::Type::Int64;

Result<BulkWriter> hourSums(Database* db, const char* table, const char* name) {
    return BulkWriter::create(
        db, table, {{"customer_id", kText}, {"hour", kInt}, {name, kText}, {"requests", kInt}},
        std::string("ON CONFLICT (customer_id, hour, ") + name +
            ") DO UPDATE SET requests = t.requests + excluded.requests");
}

Result<BulkWriter> monthMembers(Database* db, const char* table, const char* name) {
    return BulkWriter::create(db, table, {{"customer_id", kText}, {"month", kText}, {name, kText}},
                              "ON CONFLICT DO NOTHING");
}

Status writeSum(BulkWriter& writer, std::string_view customer, std::int64_t hour,
                std::string_view name, std::int64_t requests) {
    AICP_TRY(writer.bindUtf8View(1, customer));
    AICP_TRY(writer.bindInt64(2, hour * utc::kSecondsPerHour));
    AICP_TRY(writer.bindUtf8View(3, name));
    AICP_TRY(writer.bindInt64(4, requests));
    return writer.addRow();
}

Status writeMember(BulkWriter& writer, std::string_view customer, std::string_view month,
                   std::string_view member) {
    AICP_TRY(writer.bindUtf8View(1, customer));
    AICP_TRY(writer.bindUtf8View(2, month));
    AICP_TRY(writer.bindUtf8View(3, member));
    return writer.addRow();
}

}  // namespace

Result<UsageAggregator> UsageAggregator::create(Database* db) {
    auto hourly = BulkWriter::create(
        db, "usage_hourly",
        {{"customer_id", kText}, {"hour", kInt}, {"requests", kInt}, {"late_requests", kInt}},
        "ON CONFLICT (customer_id, hour) DO UPDATE SET requests = t.requests + "
        "excluded.requests, late_requests = t.late_requests + excluded.late_requests");
    auto packs = hourSums(db, "usage_hourly_policy_packs", "policy_pack");
    auto modules = hourSums(db, "usage_hourly_compliance_modules", "compliance_module");
    auto users = monthMembers(db, "usage_monthly_users", "user_id");
    auto agents = monthMembers(db, "usage_monthly_agents", "agent_id");
    for (const auto* prepared : {&hourly, &packs, &modules, &users, &agents}) {
        if (!*prepared)
            return prepared->error();
    }
    return UsageAggregator(std::move(hourly).value(), std::move(packs).value(),
                           std::move(modules).value(), std::move(users).value(),
                           std::move(agents).value());
}

UsageAggregator::UsageAggregator(BulkWriter hourly, BulkWriter packs, BulkWriter modules,
                                 BulkWriter users, BulkWriter agents)
    : upsertHourly_(std::move(hourly)),
      upsertPack_(std::move(packs)),
      upsertModule_(std::move(modules)),
      insertUser_(std::move(users)),
      insertAgent_(std::move(agents)) {}

std::uint32_t UsageAggregator::customerNumber(std::string_view customer) {
    const auto found = customers_.numbers.find(customer);
    if (found != customers_.numbers.end())
        return found->second;
    const auto number = std::uint32_t(customers_.names.size());
    customers_.names.emplace_back(customer);
    customers_.numbers.emplace(std::string(customer), number);
    heldBytes_ += 2 * (kTextBytes + customer.size());
    return number;
}

const std::vector<std::uint32_t>& UsageAggregator::listNumbers(NameTable& table,
                                                               std::string_view list) {
    const auto found = table.lists.find(list);
    if (found != table.lists.end())
        return found->second;
    // The validator left the names trimmed, unique and ';'-separated.
    std::vector<std::uint32_t> numbers;
    std::size_t start = 0;
    while (!list.empty() && start <= list.size()) {
        std::size_t end = list.find(';', start);
        if (end == std::string_view::npos)
            end = list.size();
        const std::string_view name = list.substr(start, end - start);
        auto number = table.numbers.find(name);
        if (number == table.numbers.end()) {
            number =
                table.numbers.emplace(std::string(name), std::uint32_t(table.names.size())).first;
            table.names.emplace_back(name);
            heldBytes_ += 2 * (kTextBytes + name.size());
        }
        numbers.push_back(number->second);
        start = end + 1;
    }
    heldBytes_ += kTextBytes + list.size() + numbers.size() * sizeof(std::uint32_t);
    return table.lists.emplace(std::string(list), std::move(numbers)).first->second;
}

void UsageAggregator::addTo(std::vector<std::int64_t>& sums,
                            const std::vector<std::uint32_t>& numbers, std::int64_t quantity) {
    for (const std::uint32_t number : numbers) {
        if (number >= sums.size()) {
            heldBytes_ += (number + 1 - sums.size()) * sizeof(std::int64_t);
            sums.resize(number + 1, 0);
        }
        sums[number] += quantity;
    }
}

void UsageAggregator::add(const UsageEventRecord& event, bool late) {
    const std::uint32_t customer = customerNumber(event.customer);
    auto [cell, created] = hours_.try_emplace(
        cellKey(customer, utc::floorDiv(event.occurredAt, utc::kSecondsPerHour)));
    if (created)
        heldBytes_ += kCellBytes;
    HourCell& hour = cell->second;
    hour.requests += event.quantity;
    if (late)
        hour.lateRequests += event.quantity;
    addTo(hour.packs, listNumbers(packs_, event.policyPacks), event.quantity);
    addTo(hour.modules, listNumbers(modules_, event.complianceModules), event.quantity);

    if (event.user.empty() && event.agent.empty())
        return;
    MonthCell& month = months_[cellKey(customer, utc::monthIndexOf(event.occurredAt))];
    if (!event.user.empty() && month.users.find(event.user) == month.users.end()) {
        month.users.emplace(event.user);
        heldBytes_ += kTextBytes + event.user.size();
    }
    if (!event.agent.empty() && month.agents.find(event.agent) == month.agents.end()) {
        month.agents.emplace(event.agent);
        heldBytes_ += kTextBytes + event.agent.size();
    }
}

// The numbers of `names`, in the names' byte order.
std::vector<std::uint32_t> UsageAggregator::inNameOrder(const std::vector<std::string>& names) {
    std::vector<std::uint32_t> order(names.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = std::uint32_t(i);
    std::sort(order.begin(), order.end(),
              [&names](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; });
    return order;
}

std::vector<std::string_view> UsageAggregator::sorted(const TextSet& set) {
    std::vector<std::string_view> members(set.begin(), set.end());
    std::sort(members.begin(), members.end());
    return members;
}

// The cells' keys by customer name, then hour or month: the order of the
// tables' keys, so each table's key index is written front to back.
template <typename Cells>
std::vector<std::uint64_t> UsageAggregator::inKeyOrder(const Cells& cells) const {
    std::vector<std::uint64_t> keys;
    keys.reserve(cells.size());
    for (const auto& cell : cells)
        keys.push_back(cell.first);
    std::sort(keys.begin(), keys.end(), [this](std::uint64_t a, std::uint64_t b) {
        const std::string& x = customers_.names[customerOf(a)];
        const std::string& y = customers_.names[customerOf(b)];
        return x != y ? x < y : indexOf(a) < indexOf(b);
    });
    return keys;
}

Status UsageAggregator::flush() {
    const std::vector<std::uint32_t> packOrder = inNameOrder(packs_.names);
    const std::vector<std::uint32_t> moduleOrder = inNameOrder(modules_.names);
    for (const std::uint64_t key : inKeyOrder(hours_)) {
        const HourCell& hour = hours_.at(key);
        const std::string& customer = customers_.names[customerOf(key)];
        const std::int64_t hourIndex = indexOf(key);
        AICP_TRY(upsertHourly_.bindUtf8View(1, customer));
        AICP_TRY(upsertHourly_.bindInt64(2, hourIndex * utc::kSecondsPerHour));
        AICP_TRY(upsertHourly_.bindInt64(3, hour.requests));
        AICP_TRY(upsertHourly_.bindInt64(4, hour.lateRequests));
        AICP_TRY(upsertHourly_.addRow());
        for (const std::uint32_t pack : packOrder) {
            if (pack < hour.packs.size() && hour.packs[pack] != 0)
                AICP_TRY(writeSum(upsertPack_, customer, hourIndex, packs_.names[pack],
                                  hour.packs[pack]));
        }
        for (const std::uint32_t module : moduleOrder) {
            if (module < hour.modules.size() && hour.modules[module] != 0)
                AICP_TRY(writeSum(upsertModule_, customer, hourIndex, modules_.names[module],
                                  hour.modules[module]));
        }
    }
    for (const std::uint64_t key : inKeyOrder(months_)) {
        const MonthCell& month = months_.at(key);
        const std::string& customer = customers_.names[customerOf(key)];
        const QByteArray monthText = YearMonth::fromIndex(indexOf(key)).toString().toLatin1();
        const std::string_view monthView(monthText.constData(), std::size_t(monthText.size()));
        for (const std::string_view user : sorted(month.users))
            AICP_TRY(writeMember(insertUser_, customer, monthView, user));
        for (const std::string_view agent : sorted(month.agents))
            AICP_TRY(writeMember(insertAgent_, customer, monthView, agent));
    }
    for (BulkWriter* writer :
         {&upsertHourly_, &upsertPack_, &upsertModule_, &insertUser_, &insertAgent_})
        AICP_TRY(writer->finish());
    clear();
    return {};
}

void UsageAggregator::clear() {
    customers_ = {};
    packs_ = {};
    modules_ = {};
    hours_.clear();
    months_.clear();
    heldBytes_ = 0;
}

}  // namespace aicp
