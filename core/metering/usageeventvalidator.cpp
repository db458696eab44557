#include "metering/usageeventvalidator.h"

#include "common/utctime.h"
#include "customers/customer.h"

namespace aicp {

UsageEventRecord usageEventRecord(const std::array<std::string_view, 7>& fields,
                                  std::int64_t occurredAt, std::int64_t quantity) {
    UsageEventRecord event;
    event.source = fields[0];
    event.id = fields[1];
    event.customer = fields[2];
    event.agent = fields[3];
    event.user = fields[4];
    event.policyPacks = fields[5];
    event.complianceModules = fields[6];
    event.occurredAt = occurredAt;
    event.quantity = quantity;
    return event;
}

namespace {

// Values quoted in messages are cut short: a message names the problem, the
// reject file keeps the whole row.
QString quoted(std::string_view text) {
    constexpr qsizetype kMaxShown = 40;
    QString shown = QString::fromUtf8(text.data(), qsizetype(text.size()));
    if (shown.size() > kMaxShown)
        shown = shown.left(kMaxShown) + QStringLiteral("…");
    return QLatin1Char('\'') + shown + QLatin1Char('\'');
}

bool hasControlCharacter(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F)
            return true;
    }
    return false;
}

bool isAscii(std::string_view text) {
    unsigned char any = 0;
    for (const char c : text)
        any |= static_cast<unsigned char>(c);
    return any < 0x80;
}

// The rule of isValidCustomerId (customers/customer.h), on bytes: the import
// checks a million ids and must not build a QString for each.
bool isCustomerIdSyntax(std::string_view id) {
    if (id.empty() || id.size() > std::size_t(CustomerStore::kMaxIdLength))
        return false;
    for (const char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

}  // namespace

bool isValidUtf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t codePoint = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            codePoint = lead & 0x07;
        } else {
            return false;
        }
        if (i + length > size)
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (bytes[i + k] & 0x3F);
        }
        if ((length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000) ||
            (codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF)
            return false;
        i += length;
    }
    return true;
}

QString UsageEventValidator::name(UsageField field) const {
    const std::string_view text =
        naming_ == Naming::Csv ? csvColumnName(field) : cloudEventKey(field);
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

bool UsageEventValidator::refuse(const RawUsageEvent& raw, UsageField field, const QString& reason,
                                 RowIssue& issue) const {
    issue = {raw.line, raw.has(field) ? raw.displayColumn(field) : 0, reason};
    return false;
}

bool UsageEventValidator::checkText(const RawUsageEvent& raw, UsageField field, bool required,
                                    std::size_t maxBytes, std::string_view& out, RowIssue& issue) {
    out = raw.has(field) ? raw.value(field) : std::string_view();
    if (out.empty()) {
        if (required)
            return refuse(raw, field, QStringLiteral("%1 is missing").arg(name(field)), issue);
        return true;
    }
    if (out.size() > maxBytes)
        return refuse(raw, field,
                      QStringLiteral("%1 is longer than %2 bytes").arg(name(field)).arg(maxBytes),
                      issue);
    if (!isAscii(out) && !isValidUtf8(out))
        return refuse(raw, field, QStringLiteral("%1 is not valid UTF-8").arg(name(field)), issue);
    if (hasControlCharacter(out))
        return refuse(raw, field,
                      QStringLiteral("%1 contains a control character").arg(name(field)), issue);
    return true;
}

bool UsageEventValidator::checkList(const RawUsageEvent& raw, UsageField field, std::string& normal,
                                    std::string_view& out, RowIssue& issue) {
    std::string_view list;
    if (!checkText(raw, field, false,
                   UsageLimits::kMaxNamesPerList * (UsageLimits::kMaxNameBytes + 1), list, issue))
        return false;
    out = list;
    if (list.empty())
        return true;
    // Names are trimmed and checked one by one; the stored list is rebuilt
    // only when trimming changed something.
    bool changed = false;
    std::size_t count = 0;
    std::size_t start = 0;
    std::string_view names[UsageLimits::kMaxNamesPerList];
    while (start <= list.size()) {
        std::size_t end = list.find(';', start);
        if (end == std::string_view::npos)
            end = list.size();
        const std::string_view raw_name = list.substr(start, end - start);
        const std::string_view item = trimmedBlanks(raw_name);
        changed = changed || item.size() != raw_name.size();
        if (item.empty())
            return refuse(raw, field, QStringLiteral("%1 has an empty name").arg(name(field)),
                          issue);
        if (item.size() > UsageLimits::kMaxNameBytes)
            return refuse(raw, field,
                          QStringLiteral("%1 has a name longer than %2 bytes")
                              .arg(name(field))
                              .arg(UsageLimits::kMaxNameBytes),
                          issue);
        if (count == UsageLimits::kMaxNamesPerList)
            return refuse(raw, field,
                          QStringLiteral("%1 has more than %2 names")
                              .arg(name(field))
                              .arg(UsageLimits::kMaxNamesPerList),
                          issue);
        for (std::size_t k = 0; k < count; ++k) {
            if (names[k] == item)
                return refuse(raw, field,
                              QStringLiteral("%1 names %2 twice").arg(name(field), quoted(item)),
                              issue);
        }
        names[count++] = item;
        start = end + 1;
    }
    if (changed) {
        normal.clear();
        for (std::size_t k = 0; k < count; ++k) {
            if (k > 0)
                normal.push_back(';');
            normal.append(names[k]);
        }
        out = normal;
    }
    return true;
}

bool UsageEventValidator::checkTime(const RawUsageEvent& raw, UsageEventRecord& event,
                                    RowIssue& issue) {
    const std::string_view text =
        raw.has(UsageField::Time) ? raw.value(UsageField::Time) : std::string_view();
    const QString field = name(UsageField::Time);
    if (text.empty())
        return refuse(raw, UsageField::Time, QStringLiteral("%1 is missing").arg(field), issue);
    using Problem = utc::TimestampReading::Problem;
    const utc::TimestampReading reading = utc::parseRfc3339(text);
    switch (reading.problem) {
        case Problem::None:
            event.occurredAt = reading.seconds;
            return true;
        case Problem::Malformed:
            return refuse(raw, UsageField::Time,
                          QStringLiteral("%1 %2 is not an RFC 3339 date and time (like "
                                         "2026-03-01T09:30:00Z)")
                              .arg(field, quoted(text)),
                          issue);
        case Problem::InvalidDate:
            return refuse(raw, UsageField::Time,
                          QStringLiteral("%1 %2 is not a valid date").arg(field, quoted(text)),
                          issue);
        case Problem::InvalidTime:
            return refuse(
                raw, UsageField::Time,
                QStringLiteral("%1 %2 is not a valid time of day").arg(field, quoted(text)), issue);
        case Problem::NoZone:
            return refuse(raw, UsageField::Time,
                          QStringLiteral("%1 %2 has no time zone; add Z for UTC or an offset "
                                         "like +02:00")
                              .arg(field, quoted(text)),
                          issue);
        case Problem::UnknownZone:
            return refuse(raw, UsageField::Time,
                          QStringLiteral("%1 %2 has an unknown time zone; use Z or an offset "
                                         "like +02:00")
                              .arg(field, quoted(text)),
                          issue);
    }
    return false;
}

bool UsageEventValidator::checkQuantity(const RawUsageEvent& raw, UsageEventRecord& event,
                                        RowIssue& issue) {
    event.quantity = 1;
    if (!raw.has(UsageField::Quantity))
        return true;
    const std::string_view text = trimmedBlanks(raw.value(UsageField::Quantity));
    if (text.empty())
        return true;
    const QString field = name(UsageField::Quantity);
    std::int64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            const bool numeric =
                text.find_first_not_of("0123456789+-.eE") == std::string_view::npos &&
                text.find_first_of("0123456789") != std::string_view::npos;
            QString reason = QStringLiteral("is not a number");
            if (numeric && text.front() == '-')
                reason = QStringLiteral("is negative");
            else if (numeric && text.find_first_of(".eE") != std::string_view::npos)
                reason = QStringLiteral("is not a whole number");
            return refuse(raw, UsageField::Quantity,
                          QStringLiteral("%1 %2 %3").arg(field, quoted(text), reason), issue);
        }
        if (value <= UsageLimits::kMaxQuantity)
            value = value * 10 + (c - '0');
    }
    if (value < 1)
        return refuse(raw, UsageField::Quantity,
                      QStringLiteral("%1 %2 must be at least 1").arg(field, quoted(text)), issue);
    if (value > UsageLimits::kMaxQuantity)
        return refuse(raw, UsageField::Quantity,
                      QStringLiteral("%1 %2 is more than %3")
                          .arg(field, quoted(text))
                          .arg(UsageLimits::kMaxQuantity),
                      issue);
    event.quantity = value;
    return true;
}

bool UsageEventValidator::validate(const RawUsageEvent& raw, UsageEventRecord& event,
                                   RowIssue& issue) {
    if (raw.has(UsageField::Type) && raw.value(UsageField::Type) != kEventType)
        return refuse(raw, UsageField::Type,
                      QStringLiteral("%1 %2 is not %3")
                          .arg(name(UsageField::Type), quoted(raw.value(UsageField::Type)),
                               QLatin1String(kEventType.data())),
                      issue);
    if (!checkText(raw, UsageField::Id, true, UsageLimits::kMaxIdBytes, event.id, issue) ||
        !checkText(raw, UsageField::Source, true, UsageLimits::kMaxIdBytes, event.source, issue) ||
        !checkTime(raw, event, issue))
        return false;
    event.customer =
        raw.has(UsageField::Customer) ? raw.value(UsageField::Customer) : std::string_view();
    if (event.customer.empty())
        return refuse(raw, UsageField::Customer,
                      QStringLiteral("%1 is missing").arg(name(UsageField::Customer)), issue);
    if (!isCustomerIdSyntax(event.customer))
        return refuse(raw, UsageField::Customer,
                      QStringLiteral("%1 %2 is not a customer id (1 to 64 characters of a-z, "
                                     "0-9 and '-')")
                          .arg(name(UsageField::Customer), quoted(event.customer)),
                      issue);
    return checkText(raw, UsageField::Agent, false, UsageLimits::kMaxIdBytes, event.agent, issue) &&
           checkText(raw, UsageField::User, false, UsageLimits::kMaxIdBytes, event.user, issue) &&
           checkList(raw, UsageField::PolicyPacks, packs_, event.policyPacks, issue) &&
           checkList(raw, UsageField::ComplianceModules, modules_, event.complianceModules,
                     issue) &&
           checkQuantity(raw, event, issue);
}

}  // namespace aicp
