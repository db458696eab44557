#include "cli/licensingtext.h"

#include "cli/clicontext.h"
#include "cli/command.h"
#include "common/texttable.h"
#include "licensing/keystore.h"
#include "money/moneyformat.h"

#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>

namespace aicp::cli {
namespace {

QString listOrNone(const QStringList& items) {
    return items.isEmpty() ? QStringLiteral("none") : items.join(QStringLiteral(", "));
}

QString limitText(const std::optional<std::int64_t>& value, const QString& unit = {}) {
    if (!value)
        return QStringLiteral("unlimited");
    return formatCount(*value, cliLocale()) + unit;
}

QString contractText(const ContractTerms& contract) {
    QStringList parts;
    parts.append(contract.discount.isZero()
                     ? QStringLiteral("no discount")
                     : QStringLiteral("%1 % discount").arg(contract.discount.toDecimalString()));
    parts.append(contract.termMonths == 0
                     ? QStringLiteral("no committed term")
                     : QStringLiteral("%1-month term").arg(contract.termMonths));
    parts.append(contract.isAnnual() ? QStringLiteral("billed annually in advance")
                                     : QStringLiteral("billed monthly"));
    if (contract.commitment)
        parts.append(QStringLiteral("commitment %1").arg(contract.commitment->toText()));
    if (contract.hasTrial())
        parts.append(QStringLiteral("trial until %1").arg(toRfc3339(contract.trialUntil)));
    if (!contract.priceOverrides.empty()) {
        QStringList overrides;
        for (const auto& [axis, price] : contract.priceOverrides)
            overrides.append(QStringLiteral("%1 %2").arg(axis, price.toDecimalString()));
        parts.append(QStringLiteral("price overrides: ") + overrides.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("; "));
}

}  // namespace

QString idText(const QUuid& id) {
    return id.toString(QUuid::WithoutBraces);
}

QString shortIdText(const QUuid& id) {
    return idText(id).left(8);
}

Result<QDateTime> parseDateOption(const QString& optionName, const QString& text) {
    const QString trimmed = text.trimmed();
    const auto refuse = [&]() -> Error {
        return Error::invalidInput(
            QStringLiteral("%1 must be a date like 2026-11-24 (midnight UTC) or a time like "
                           "2026-11-24T09:30:00Z (got '%2')")
                .arg(optionName, text));
    };
    static const QRegularExpression kDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (kDate.match(trimmed).hasMatch()) {
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        if (!date.isValid() || date.toString(Qt::ISODate) != trimmed)
            return refuse();
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    if (auto utc = fromRfc3339(trimmed))
        return *utc;
    // RFC 3339 with an offset or fractional seconds; a time without a zone
    // would be read in the local zone, which a license must never depend on.
    static const QRegularExpression kZoned(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (!kZoned.match(trimmed).hasMatch())
        return refuse();
    QString iso = trimmed;
    iso[10] = u'T';
    if (iso.endsWith(u'z'))
        iso[iso.size() - 1] = u'Z';
    // Qt reads at most milliseconds.
    static const QRegularExpression kFraction(QStringLiteral("\\.(\\d{3})\\d+"));
    iso.replace(kFraction, QStringLiteral(".\\1"));
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!time.isValid())
        return refuse();
    return time.toUTC();
}

QJsonObject licenseJson(const LicensePayload& license) {
    return QJsonDocument::fromJson(license.toJson()).object();
}

QJsonValue timeJson(const QDateTime& time) {
    return time.isValid() ? QJsonValue(toRfc3339(time)) : QJsonValue(QJsonValue::Null);
}

QString labelledLines(const LabelledRows& rows) {
    TextTable table({QString(), QString()});
    for (const auto& [label, value] : rows)
        table.addRow({label + u':', value});
    return table.render();
}

LabelledRows licenseDetailRows(const LicensePayload& license) {
    LabelledRows rows{
        {QStringLiteral("License"), idText(license.id)},
        {QStringLiteral("Customer"),
         QStringLiteral("%1 (%2)").arg(license.customerName, license.customerId)},
        {QStringLiteral("Tier"), license.tier},
        {QStringLiteral("Features"), listOrNone(license.features)},
        {QStringLiteral("Policy packs"), listOrNone(license.policyPacks)},
        {QStringLiteral("Compliance modules"), listOrNone(license.complianceModules)},
        {QStringLiteral("Requests"),
         limitText(license.requestsPerMonth, QStringLiteral(" a month"))},
        {QStringLiteral("Seats"), limitText(license.seats)},
        {QStringLiteral("Agents"), limitText(license.agents)},
        {QStringLiteral("Instances"), license.activation.toText()},
        {QStringLiteral("Audit tier"), license.auditTier},
        {QStringLiteral("Contract"), contractText(license.contract)},
        {QStringLiteral("Issued"), toRfc3339(license.issuedAt)},
        {QStringLiteral("Valid from"), toRfc3339(license.notBefore)},
        {QStringLiteral("Expires"), toRfc3339(license.expiresAt)},
        {QStringLiteral("Grace"), license.graceDays == 0
                                      ? QStringLiteral("none")
                                      : QStringLiteral("%1 days, until %2")
                                            .arg(license.graceDays)
                                            .arg(toRfc3339(license.graceEndsAt()))},
        {QStringLiteral("Signing key"), license.kid},
    };
    if (license.supersedes)
        rows.emplace_back(QStringLiteral("Supersedes"), idText(*license.supersedes));
    return rows;
}

QJsonObject licenseRecordJson(const LicenseRecord& record, const QDateTime& now) {
    const LicensePayload& license = record.license;
    QJsonObject revocation;
    if (record.revocation)
        revocation = {{QStringLiteral("at"), toRfc3339(record.revocation->at)},
                      {QStringLiteral("by"), record.revocation->by},
                      {QStringLiteral("reason"), record.revocation->reason}};
    const auto optionalId = [](const std::optional<QUuid>& id) {
        return id ? QJsonValue(idText(*id)) : QJsonValue(QJsonValue::Null);
    };
    return {
        {QStringLiteral("id"), idText(license.id)},
        {QStringLiteral("customer"), QJsonObject{{QStringLiteral("id"), license.customerId},
                                                 {QStringLiteral("name"), license.customerName}}},
        {QStringLiteral("tier"), license.tier},
        {QStringLiteral("state"), word(record.stateAt(now))},
        {QStringLiteral("issued_at"), toRfc3339(license.issuedAt)},
        {QStringLiteral("issued_by"), record.issuedBy},
        {QStringLiteral("not_before"), toRfc3339(license.notBefore)},
        {QStringLiteral("expires_at"), toRfc3339(license.expiresAt)},
        {QStringLiteral("grace_ends_at"), toRfc3339(license.graceEndsAt())},
        {QStringLiteral("kid"), license.kid},
        {QStringLiteral("supersedes"), optionalId(license.supersedes)},
        {QStringLiteral("superseded_by"), optionalId(record.supersededBy)},
        {QStringLiteral("revocation"),
         record.revocation ? QJsonValue(revocation) : QJsonValue(QJsonValue::Null)}};
}

QCommandLineOption licenseKeyOption() {
    return {QStringLiteral("key"), QStringLiteral("The license key (AICP1.…) instead of a file."),
            QStringLiteral("KEY")};
}

Result<QByteArray> licenseInput(const Invocation& call, const QCommandLineOption& key,
                                const std::function<Status(const QString& file)>& check) {
    const QString file = call.parser().positionalArguments().value(0);
    const auto keyText = call.value(key);
    if (!keyText)
        return keyText.error();
    if (file.isEmpty() == !call.isSet(key))
        return Error::invalidInput(
            QStringLiteral("give a license FILE or --key KEY (one of them). Try 'aicp %1 --help'.")
                .arg(call.name()));
    if (check)
        AICP_TRY(check(file));
    if (call.isSet(key))
        return keyText->trimmed().toUtf8();
    return readInputFile(file, kMaxLicenseInput);
}

// The keys given with --public-key; an empty ring when none are.
Result<PublicKeyRing> givenPublicKeys(const QStringList& paths) {
    PublicKeyRing ring;
    for (const QString& path : paths) {
        if (path.trimmed().isEmpty())
            return Error::invalidInput(QStringLiteral("--public-key needs a file"));
        auto pem = readInputFile(path, kMaxPemSize);
        if (!pem)
            return pem.error();
        auto parsed = Ed25519PublicKey::fromPem(*pem);
        if (!parsed)
            return Error::invalidInput(
                QStringLiteral("--public-key %1: %2")
                    .arg(QDir::toNativeSeparators(path), parsed.error().message()));
        ring.add(*parsed);
    }
    return ring;
}

// The keys the workspace trusts, when none were given.
Result<PublicKeyRing> workspacePublicKeys(Workspace* workspace) {
    if (!workspace)
        return Error::invalidInput(
            QStringLiteral("no public key to verify with: give --public-key PEM (the vendor's "
                           "key), or use a workspace that trusts it (aicp keys import-public)"));
    auto trusted = KeyStore(*workspace).publicKeyRing();
    if (!trusted)
        return stateError(trusted.error());
    if (trusted->isEmpty())
        return Error::invalidInput(
            QStringLiteral("the workspace trusts no keys yet: give --public-key PEM, or import "
                           "the vendor's key with 'aicp keys import-public PEM'"));
    return trusted;
}

}  // namespace aicp::cli
