#include "customerworkspace.h"

#include "audit/auditedsettings.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "metering/usageeventexport.h"
#include "metering/usageimporter.h"
#include "storage/workspace.h"

#include <QBuffer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace aicp::test {
namespace {

// The customer's events, one CloudEvent a line, as their gateway logs them.
Result<QByteArray> customerEvents(Workspace& vendor, const QString& customerId) {
    QByteArray lines;
    UsageEventExport source(vendor);
    UsageExportCursor cursor;
    for (;;) {
        auto page = source.page(cursor, UsageEventExport::kMaxLimit);
        if (!page)
            return page.error();
        for (const QJsonValue& event : page->events) {
            if (event.toObject().value(QStringLiteral("subject")).toString() == customerId)
                lines += QJsonDocument(event.toObject()).toJson(QJsonDocument::Compact) + '\n';
        }
        if (!page->hasMore)
            return lines;
        cursor = page->next;
    }
}

}  // namespace

Status makeCustomerWorkspace(Workspace& vendor, const QString& customerId, const QString& path,
                             Clock clock) {
    if (QFileInfo::exists(path))
        return Error(Error::Code::Conflict, QStringLiteral("%1 exists already").arg(path));
    auto licenses = LicenseRegistry(vendor, clock).list();
    if (!licenses)
        return licenses.error();
    const std::optional<LicenseRecord> license =
        licenseInForce(*licenses, customerId, toWholeSecondsUtc(clock()));
    if (!license)
        return Error::notFound(QStringLiteral("%1 has no license in force").arg(customerId));
    auto keys = KeyStore(vendor, clock).list();
    if (!keys)
        return keys.error();
    auto events = customerEvents(vendor, customerId);
    if (!events)
        return events.error();

    auto customer = Workspace::open(path, Workspace::OpenMode::OpenOrCreate);
    if (!customer)
        return customer.error();
    AICP_TRY(setWorkspaceMode(**customer, Workspace::Mode::Customer));
    for (const SigningKeyInfo& key : *keys) {
        auto trusted = KeyStore(**customer, clock).importPublicKey(key.publicKeyPem);
        if (!trusted)
            return trusted.error();
    }
    auto added = LicenseRegistry(**customer, clock).add(license->key);
    if (!added)
        return added.error();
    QBuffer log(&*events);
    if (!log.open(QIODevice::ReadOnly))
        return Error::internal(QStringLiteral("cannot read the events buffer"));
    UsageImportOptions options;
    options.format = UsageFormat::Jsonl;
    auto imported =
        UsageImporter(**customer)
            .importDevice(log, QStringLiteral("%1-gateway.jsonl").arg(customerId), options);
    if (!imported)
        return imported.error();
    return {};
}

}  // namespace aicp::test
