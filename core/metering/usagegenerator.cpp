#include "metering/usagegenerator.h"

#include "common/utctime.h"

#include <array>
#include <cstdio>

#include <QIODevice>

namespace aicp {

namespace {

constexpr std::array<const char*, 5> kPolicyPacks = {"pii-redaction", "jailbreak-guard", "toxicity",
                                                     "data-residency", "cost-cap"};
constexpr std::array<const char*, 4> kComplianceModules = {"eu-ai-act", "gdpr", "hipaa", "soc2"};
constexpr std::array<const char*, 3> kSources = {"gateway-eu", "gateway-us", "batch"};
constexpr std::size_t kWriteBufferBytes = std::size_t(1) << 20;

// splitmix64: a good, tiny, portable mix, so every row is a pure function of
// (seed, row) and rows can be made in any order.
std::uint64_t mix(std::uint64_t value) {
    value += 0x9E3779B97F4A7C15ULL;
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
    return value ^ (value >> 31);
}

std::string formatTime(std::int64_t seconds, int offsetMinutes, int millis) {
    const std::int64_t local = seconds + std::int64_t(offsetMinutes) * 60;
    const utc::CivilDate date = utc::civilFromDays(utc::floorDiv(local, utc::kSecondsPerDay));
    const std::int64_t inDay =
        local - utc::floorDiv(local, utc::kSecondsPerDay) * utc::kSecondsPerDay;
    char text[64];
    int length =
        std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", date.year, date.month,
                      date.day, int(inDay / 3600), int(inDay / 60 % 60), int(inDay % 60));
    if (millis >= 0)
        length += std::snprintf(text + length, sizeof text - std::size_t(length), ".%03d", millis);
    if (offsetMinutes == 0)
        std::snprintf(text + length, sizeof text - std::size_t(length), "Z");
    else
        std::snprintf(text + length, sizeof text - std::size_t(length), "%c%02d:%02d",
                      offsetMinutes < 0 ? '-' : '+', std::abs(offsetMinutes) / 60,
                      std::abs(offsetMinutes) % 60);
    return text;
}

void appendJoined(std::string& out, const std::vector<std::string>& names, const char* separator,
                  const char* quote) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += separator;
        out += quote;
        out += names[i];
        out += quote;
    }
}

Status flushBuffer(QIODevice& device, std::string& buffer, bool force) {
    if (buffer.size() < kWriteBufferBytes && !force)
        return {};
    if (device.write(buffer.data(), qint64(buffer.size())) != qint64(buffer.size()))
        return Error(Error::Code::Io,
                     QStringLiteral("cannot write generated usage (%1)").arg(device.errorString()));
    buffer.clear();
    return {};
}

}  // namespace

GeneratedEvent UsageGenerator::original(std::int64_t row) const {
    const std::uint64_t random = mix(spec_.seed * 0x100000001B3ULL ^ std::uint64_t(row));
    const std::uint64_t more = mix(random);
    GeneratedEvent event;

    const std::int64_t start =
        utc::daysFromCivil(spec_.firstDay.year(), spec_.firstDay.month(), spec_.firstDay.day()) *
        utc::kSecondsPerDay;
    const std::int64_t span = std::int64_t(spec_.days) * utc::kSecondsPerDay;
    const std::int64_t rows = std::max<std::int64_t>(1, spec_.rows);
    event.occurredAt = start + row * span / rows;
    const int millis = int(more % 1000);
    // Most producers write Z; some write local time with an offset, some
    // fractions: the importer must land them all in the same UTC hour.
    const int style = int(random % 10);
    event.timestamp = formatTime(event.occurredAt,
                                 style == 3   ? 120
                                 : style == 7 ? -330
                                              : 0,
                                 style == 5 ? millis : -1);

    const int customer = int((random >> 8) % std::uint64_t(spec_.customers));
    char text[64];
    std::snprintf(text, sizeof text, "cust-%03d", customer);
    event.customer = text;
    std::snprintf(text, sizeof text, "u%03d-%04d", customer,
                  int((random >> 20) % std::uint64_t(spec_.usersPerCustomer)));
    event.user = text;
    std::snprintf(text, sizeof text, "agent-%02d",
                  int((random >> 32) % std::uint64_t(spec_.agentsPerCustomer)));
    event.agent = text;
    for (std::size_t i = 0; i < kPolicyPacks.size(); ++i) {
        if ((more >> (16 + i)) & 1)
            event.policyPacks.emplace_back(kPolicyPacks[i]);
    }
    for (std::size_t i = 0; i < kComplianceModules.size(); ++i) {
        if ((more >> (24 + i)) & (i == 0 ? 1 : 3))  // eu-ai-act about half, others 3 in 4
            event.complianceModules.emplace_back(kComplianceModules[i]);
    }
    event.quantity = (random >> 40) % 10 == 0 ? std::int64_t(1 + (more >> 40) % 5) : 1;
    event.source = spec_.severalSources ? kSources[(more >> 48) % kSources.size()] : "default";

    if (spec_.ids == GeneratedIds::V4) {
        // 122 random bits in the UUID version 4 layout.
        const std::uint64_t high = mix(more ^ 0x5555555555555555ULL);
        const std::uint64_t low = mix(high);
        std::snprintf(text, sizeof text, "%08llx-%04llx-4%03llx-%04llx-%012llx",
                      static_cast<unsigned long long>(high >> 32),
                      static_cast<unsigned long long>((high >> 16) & 0xFFFF),
                      static_cast<unsigned long long>(high & 0xFFF),
                      static_cast<unsigned long long>(0x8000 | ((low >> 48) & 0x3FFF)),
                      static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
        event.id = text;
        return event;
    }
    // Time-ordered ids in the UUID version 7 layout (milliseconds first), as
    // modern event producers emit them.
    const std::uint64_t millisSinceEpoch =
        std::uint64_t(event.occurredAt) * 1000 + std::uint64_t(millis);
    std::snprintf(text, sizeof text, "%08llx-%04llx-7%03llx-%04llx-%012llx",
                  static_cast<unsigned long long>(millisSinceEpoch >> 16),
                  static_cast<unsigned long long>(millisSinceEpoch & 0xFFFF),
                  static_cast<unsigned long long>(random & 0xFFF),
                  static_cast<unsigned long long>(0x8000 | ((more >> 52) & 0x3FFF)),
                  static_cast<unsigned long long>(more & 0xFFFFFFFFFFFFULL));
    event.id = text;
    return event;
}

// A bijection of [0, rows): a four-round Feistel network on the smallest
// power of two that holds the rows, walked until it lands inside (cycle
// walking), so no table of rows is ever held.
std::int64_t UsageGenerator::shuffledRow(std::int64_t row) const {
    int bits = 2;
    while ((std::int64_t(1) << bits) < spec_.rows)
        bits += 2;
    const int half = bits / 2;
    const std::uint64_t mask = (std::uint64_t(1) << half) - 1;
    auto value = std::uint64_t(row);
    do {
        std::uint64_t left = value >> half;
        std::uint64_t right = value & mask;
        for (std::uint64_t round = 0; round < 4; ++round) {
            const std::uint64_t next = left ^ (mix(right ^ (spec_.seed << 8) ^ round) & mask);
            left = right;
            right = next;
        }
        value = (left << half) | right;
    } while (value >= std::uint64_t(spec_.rows));
    return std::int64_t(value);
}

GeneratedEvent UsageGenerator::event(std::int64_t row) const {
    if (spec_.duplicateEvery > 1 && row % spec_.duplicateEvery == spec_.duplicateEvery - 1)
        row -= spec_.duplicateEvery / 2;
    return original(spec_.shuffled ? shuffledRow(row) : row);
}

Status UsageGenerator::writeCsv(QIODevice& device) const {
    std::string buffer;
    buffer.reserve(kWriteBufferBytes + 4096);
    buffer += spec_.severalSources ? "source," : "";
    buffer +=
        "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,compliance_modules,"
        "quantity\n";
    for (std::int64_t row = 0; row < spec_.rows; ++row) {
        const GeneratedEvent event = this->event(row);
        if (spec_.severalSources)
            buffer.append(event.source).push_back(',');
        for (const std::string* text :
             {&event.id, &event.timestamp, &event.customer, &event.agent, &event.user})
            buffer.append(*text).push_back(',');
        appendJoined(buffer, event.policyPacks, ";", "");
        buffer += ',';
        appendJoined(buffer, event.complianceModules, ";", "");
        buffer += ',';
        buffer += std::to_string(event.quantity);
        buffer += '\n';
        AICP_TRY(flushBuffer(device, buffer, false));
    }
    return flushBuffer(device, buffer, true);
}

Status UsageGenerator::writeJsonl(QIODevice& device) const {
    std::string buffer;
    buffer.reserve(kWriteBufferBytes + 4096);
    for (std::int64_t row = 0; row < spec_.rows; ++row) {
        const GeneratedEvent event = this->event(row);
        buffer += R"({"specversion":"1.0","id":")";
        buffer += event.id;
        buffer += R"(","source":")";
        buffer += event.source;
        buffer += R"(","type":"ai.request.governed","time":")";
        buffer += event.timestamp;
        buffer += R"(","subject":")";
        buffer += event.customer;
        buffer += R"(","data":{"agent_id":")";
        buffer += event.agent;
        buffer += R"(","user_id":")";
        buffer += event.user;
        buffer += R"(","policy_packs":[)";
        appendJoined(buffer, event.policyPacks, ",", "\"");
        buffer += R"(],"compliance_modules":[)";
        appendJoined(buffer, event.complianceModules, ",", "\"");
        buffer += R"(],"quantity":)";
        buffer += std::to_string(event.quantity);
        buffer += "}}\n";
        AICP_TRY(flushBuffer(device, buffer, false));
    }
    return flushBuffer(device, buffer, true);
}

}  // namespace aicp
