#pragma once

#include "metering/usageeventreader.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace aicp {

// A usage event that passed every check, ready to store. Text views point
// into the reader's or the validator's buffers, valid until their next call.
struct UsageEventRecord {
    std::string_view source;
    std::string_view id;
    std::string_view customer;
    std::string_view agent;              // may be empty: an event with no agent
    std::string_view user;               // may be empty: counts no seat
    std::string_view policyPacks;        // ';'-separated, names trimmed
    std::string_view complianceModules;  // ';'-separated, names trimmed
    std::int64_t occurredAt = 0;         // UTC seconds since 1970
    std::int64_t quantity = 1;
};

// A record of its text fields in the order batches and held events keep
// them: source, id, customer, agent, user, policy packs, compliance modules.
[[nodiscard]] UsageEventRecord usageEventRecord(const std::array<std::string_view, 7>& fields,
                                                std::int64_t occurredAt, std::int64_t quantity);

// The sizes an event may have, in bytes of UTF-8. Generous for real ids and
// names; they keep a malformed file from filling the workspace.
struct UsageLimits {
    static constexpr std::size_t kMaxIdBytes = 200;    // event id, source, agent, user
    static constexpr std::size_t kMaxNameBytes = 100;  // one policy pack or module
    static constexpr std::size_t kMaxNamesPerList = 32;
    static constexpr std::int64_t kMaxQuantity = 1'000'000'000;
};

// The checks every event passes before it is stored, the same for CSV and
// JSON Lines: required fields, sizes, UTF-8 without control characters, the
// customer-id rule, an RFC 3339 time with a zone, a whole positive quantity,
// and the CloudEvents type when there is one.
class UsageEventValidator {
public:
    enum class Naming { Csv, CloudEvents };  // how messages name the fields

    static constexpr std::string_view kEventType = "ai.request.governed";

    explicit UsageEventValidator(Naming naming) : naming_(naming) {}

    // False with `issue` set (line, column of the field, reason) when the
    // event is refused.
    [[nodiscard]] bool validate(const RawUsageEvent& raw, UsageEventRecord& event, RowIssue& issue);

private:
    [[nodiscard]] bool checkText(const RawUsageEvent& raw, UsageField field, bool required,
                                 std::size_t maxBytes, std::string_view& out, RowIssue& issue);
    [[nodiscard]] bool checkList(const RawUsageEvent& raw, UsageField field, std::string& normal,
                                 std::string_view& out, RowIssue& issue);
    [[nodiscard]] bool checkTime(const RawUsageEvent& raw, UsageEventRecord& event,
                                 RowIssue& issue);
    [[nodiscard]] bool checkQuantity(const RawUsageEvent& raw, UsageEventRecord& event,
                                     RowIssue& issue);
    [[nodiscard]] bool refuse(const RawUsageEvent& raw, UsageField field, const QString& reason,
                              RowIssue& issue) const;
    [[nodiscard]] QString name(UsageField field) const;

    Naming naming_;
    std::string packs_;  // normalised lists, when trimming changed them
    std::string modules_;
};

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or
// code points beyond U+10FFFF).
[[nodiscard]] bool isValidUtf8(std::string_view text);

}  // namespace aicp
