#include "demo/demoworkspace.h"

#include "common/idtext.h"
#include "common/wholeseconds.h"
#include "customers/customer.h"
#include "demo/demodefinition.h"
#include "demo/demorandom.h"
#include "licensing/activationregistry.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "metering/usageimporter.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "storage/workspace.h"
#include "storage/workspacefiles.h"

#include <algorithm>
#include <array>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace aicp {

namespace {

struct DemoContext {
    Workspace& workspace;
    const DemoDefinition& definition;
};

// One part of the demo (customers; later licenses, usage). Steps run in
// order in one transaction, each with its own random stream.
struct DemoStep {
    std::string_view name;
    Status (*run)(DemoContext& context, DemoRandom& random);
};

Status addCustomers(DemoContext& context, DemoRandom& random) {
    const DemoDefinition& definition = context.definition;
    CustomerStore store(context.workspace);
    const std::uint64_t onboardingMinutes =
        static_cast<std::uint64_t>(definition.onboardingDays) * 24 * 60;
    for (const DemoCustomer& demo : definition.customers) {
        const auto minute = static_cast<qint64>(random.below(onboardingMinutes));
        const auto contact = static_cast<qsizetype>(
            random.below(static_cast<std::uint64_t>(definition.contacts.size())));
        const Customer customer{demo.id, demo.name,
                                definition.contacts.at(contact) + u'@' + demo.domain,
                                definition.start.addSecs(minute * 60)};
        const Status saved = store.save(customer);
        if (!saved.ok())
            return saved.error().withContext(QStringLiteral("demo customer '%1'").arg(demo.id));
    }
    return {};
}

// UUIDs drawn from the demo's stream (version 4 layout), so license ids are
// the same on every run.
QUuid demoUuid(DemoRandom& random) {
    QByteArray bytes(16, Qt::Uninitialized);
    for (int half = 0; half < 2; ++half) {
        const std::uint64_t value = random.next();
        for (int i = 0; i < 8; ++i)
            bytes[half * 8 + i] = static_cast<char>((value >> (8 * i)) & 0xff);
    }
    bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40);
    bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(bytes);
}

Result<Ed25519PrivateKey> demoSigningKey(DemoRandom& random) {
    QByteArray seed(Ed25519PrivateKey::kSeedSize, Qt::Uninitialized);
    for (int word = 0; word < Ed25519PrivateKey::kSeedSize / 8; ++word) {
        const std::uint64_t value = random.next();
        for (int i = 0; i < 8; ++i)
            seed[word * 8 + i] = static_cast<char>((value >> (8 * i)) & 0xff);
    }
    return Ed25519PrivateKey::fromSeed(seed);
}

QDateTime atNine(QDate date) {
    return QDateTime(date, QTime(9, 0), Qt::UTC);
}

// The gateways `customer` runs on `license`: one an hour from the start of
// the usage window (or the license's, if later), each an air-gapped site
// whose file lasts a year (or until the license's grace period ends).
Status addInstances(DemoContext& context, const Ed25519PrivateKey& key,
                    const DemoCustomer& customer, const LicenseRecord& license,
                    QDateTime& demoNow) {
    const int instances = customer.usage ? customer.usage->instances : 0;
    ActivationRegistry registry(context.workspace, [&demoNow] { return demoNow; });
    const QDateTime first = std::max(context.definition.usageStart(), license.license.notBefore);
    for (int n = 1; n <= instances; ++n) {
        demoNow = first.addSecs(3600LL * n);
        const ActivationRequest request{
            QStringLiteral("sha256:%1-gw%2").arg(customer.id).arg(n, 2, 10, QLatin1Char('0')),
            QStringLiteral("gw-%1.%2").arg(n, 2, 10, QLatin1Char('0')).arg(customer.domain), 365};
        auto granted = registry.activate(idText(license.license.id), request, key);
        if (!granted)
            return granted.error().withContext(
                QStringLiteral("demo gateway %1 of '%2'").arg(n).arg(customer.id));
        if (granted->outcome != ActivationGrant::Outcome::Created)
            return granted->limitError().withContext(
                QStringLiteral("the demo of '%1'").arg(customer.id));
    }
    return {};
}

// The signing key, then each customer's license and its story (an upgrade,
// a revocation, its gateways), each at its own moment on the demo's calendar.
Status addLicenses(DemoContext& context, DemoRandom& random) {
    const DemoDefinition& definition = context.definition;
    const QByteArray passphrase = definition.passphrase.toUtf8();
    QDateTime demoNow = definition.start;
    const Clock clock = [&demoNow] { return demoNow; };

    auto key = demoSigningKey(random);
    if (!key)
        return key.error();
    auto installed = KeyStore(context.workspace, clock).install(*key, passphrase);
    if (!installed)
        return installed.error();

    LicenseRegistry registry(context.workspace, clock);
    const auto issueDemo = [&](const DemoCustomer& customer,
                               const DemoLicense& demo) -> Result<LicenseRecord> {
        LicenseRequest request;
        request.id = demoUuid(random);
        request.customerId = customer.id;
        request.customerName = customer.name;
        request.tier = demo.tier;
        request.policyPacks = demo.policyPacks;
        request.complianceModules = demo.complianceModules;
        request.seats = demo.seats;
        request.auditTier = demo.auditTier;
        request.notBefore = atNine(demo.issued);
        request.expiresAt = request.notBefore.addDays(demo.days);
        request.contract.discount = demo.discount;
        request.contract.termMonths = demo.termMonths;
        demoNow = request.notBefore;
        auto issued = registry.issue(request, passphrase);
        if (!issued)
            return issued.error().withContext(
                QStringLiteral("demo license of '%1'").arg(customer.id));
        return issued;
    };
    for (const DemoCustomer& customer : definition.customers) {
        for (const DemoLicense& earlier : customer.earlier) {
            auto issued = issueDemo(customer, earlier);
            if (!issued)
                return issued.error();
        }
        if (!customer.license)
            continue;
        const DemoLicense& demo = *customer.license;
        auto issued = issueDemo(customer, demo);
        if (!issued)
            return issued.error();
        LicenseRecord current = *issued;

        if (demo.upgradedOn.isValid()) {
            demoNow = atNine(demo.upgradedOn);
            LicenseRequest changes = LicenseRequest::from(issued->license);
            changes.id = demoUuid(random);
            changes.tier = demo.upgradeTier;
            changes.seats.reset();
            changes.agents.reset();
            changes.instances.reset();
            changes.activationMode.reset();
            changes.heartbeatSeconds.reset();
            changes.notBefore = demoNow;
            auto upgraded = registry.upgrade(current.license.id, changes, passphrase);
            if (!upgraded)
                return upgraded.error().withContext(
                    QStringLiteral("demo upgrade of '%1'").arg(customer.id));
            current = std::move(upgraded).value();
        }
        if (demo.revokedOn.isValid()) {
            demoNow = atNine(demo.revokedOn);
            auto revoked = registry.revoke(current.license.id, demo.revokeReason, passphrase);
            if (!revoked)
                return revoked.error().withContext(
                    QStringLiteral("demo revocation of '%1'").arg(customer.id));
            continue;
        }
        AICP_TRY(addInstances(context, *key, customer, current, demoNow));
    }
    return {};
}

// How busy each hour of the day is (UTC, in per cent of the mean): quiet
// nights, a morning ramp and an afternoon peak, as gateways see it.
constexpr std::array<int, 24> kHourlyShape{35,  30,  28,  30,  40,  60,  85,  110,
                                           135, 150, 155, 150, 140, 145, 150, 145,
                                           135, 120, 100, 85,  70,  60,  50,  42};

constexpr std::int64_t kHoursPerMonth = 730;

// What one customer's usage rows share, whichever random stream draws them.
struct UsageRows {
    const DemoCustomer& customer;
    QStringList packs;
    QStringList modules;
    QDateTime from;  // the first hour written
    QDateTime stop;  // no row at or after this hour
    QByteArray& csv;
};

QString pickNames(DemoRandom& random, const QStringList& names) {
    QStringList chosen;
    for (const QString& name : names) {
        if (random.below(3) != 0)
            chosen << name;
    }
    return chosen.join(u';');
}

// Draws the hours [first, last) in order, each draw made whether or not the
// row is written, and names each row after its hour's `index` from `label`.
void drawHours(UsageRows& rows, DemoRandom& random, const QDateTime& first, const QDateTime& last,
               const QString& label) {
    const DemoUsage& usage = *rows.customer.usage;
    QDateTime hour = first;
    for (qint64 index = 0; hour < last && hour < rows.stop; ++index, hour = hour.addSecs(3600)) {
        const int shape = kHourlyShape[static_cast<std::size_t>(hour.time().hour())];
        const auto jitter = static_cast<std::int64_t>(80 + random.below(41));  // 80–120 %
        const std::int64_t quantity =
            usage.requestsPerMonth * shape * jitter / (kHoursPerMonth * 100 * 100);
        if (quantity <= 0)
            continue;
        const auto user = random.below(static_cast<std::uint64_t>(usage.users));
        const auto agent = random.below(static_cast<std::uint64_t>(usage.agents));
        // Modules before packs: the order earlier releases drew them in.
        const QString modules = pickNames(random, rows.modules);
        const QString packs = pickNames(random, rows.packs);
        if (hour < rows.from)
            continue;
        rows.csv += QStringLiteral("demo-%1-%2%3,%4,%1,agent-%5,user-%6,%7,%8,%9\n")
                        .arg(rows.customer.id, label)
                        .arg(index)
                        .arg(hour.toString(Qt::ISODate))
                        .arg(agent + 1)
                        .arg(user + 1)
                        .arg(packs, modules)
                        .arg(quantity)
                        .toUtf8();
    }
}

QByteArray usageCsv(const DemoDefinition& definition, DemoRandom& recent, DemoRandom& before) {
    QByteArray csv(
        "event_id,timestamp,customer_id,agent_id,user_id,policy_packs,"
        "compliance_modules,quantity\n");
    const QDateTime end = definition.usageEnd();
    const QDateTime recentStart = end.addDays(-definition.usageDays);
    for (const DemoCustomer& customer : definition.customers) {
        if (!customer.usage)
            continue;
        const DemoLicense* license = customer.license ? &*customer.license : nullptr;
        // A revoked license stops the gateway serving the customer.
        const QDateTime stop =
            license && license->revokedOn.isValid() ? atNine(license->revokedOn) : end;
        UsageRows rows{customer,
                       license ? license->policyPacks : QStringList(),
                       license ? license->complianceModules : QStringList(),
                       definition.usageStart(),
                       std::min(stop, end),
                       csv};
        drawHours(rows, before, definition.usageStart(), recentStart, QStringLiteral("before-"));
        drawHours(rows, recent, recentStart, end, QString());
    }
    return csv;
}

// One event per customer and hour standing for that hour's requests
// (quantity), from a few of its users and agents, tagged with the policy
// packs and compliance modules of its license; imported like any usage file.
Status addUsage(DemoContext& context, DemoRandom& random) {
    DemoRandom before = DemoRandom::forStep(context.definition.seed, "usage-before");
    QByteArray csv = usageCsv(context.definition, random, before);
    QBuffer buffer(&csv);
    if (!buffer.open(QIODevice::ReadOnly))
        return Error::internal(QStringLiteral("the demo usage could not be read back"));
    UsageImportOptions options;
    options.format = UsageFormat::Csv;
    auto imported = UsageImporter(context.workspace)
                        .importDevice(buffer, QStringLiteral("demo-usage.csv"), options);
    if (!imported)
        return imported.error().withContext(QStringLiteral("demo usage"));
    return {};
}

constexpr DemoStep kDemoSteps[] = {
    {"customers", &addCustomers},
    {"licenses", &addLicenses},
    {"usage", &addUsage},
};

}  // namespace

Result<QDateTime> demoNow() {
    const QByteArray fixed = qgetenv(kDemoNowVariable);
    if (fixed.isEmpty())
        return QDateTime::currentDateTimeUtc();
    const QDateTime now = parseStoredTime(QString::fromLatin1(fixed));
    if (!now.isValid())
        return Error::invalidInput(
            QStringLiteral("%1 is '%2', not a UTC instant such as 2026-11-25T00:00:00Z")
                .arg(QLatin1String(kDemoNowVariable), QString::fromLatin1(fixed)));
    return now;
}

Status populateDemoWorkspace(Workspace& workspace) {
    auto now = demoNow();
    if (!now)
        return now.error();
    return populateDemoWorkspace(workspace, *now);
}

Status populateDemoWorkspace(Workspace& workspace, const QDateTime& now) {
    auto written = DemoDefinition::loadDefault();
    if (!written)
        return written.error();
    const DemoDefinition definition = written->movedTo(now);

    auto transaction = Transaction::begin(workspace.handle());
    if (!transaction)
        return transaction.error();
    // Checked inside the transaction, so two processes cannot both find the
    // workspace empty and fill it twice.
    auto existing = CustomerStore(workspace).list();
    if (!existing)
        return existing.error();
    if (!existing->empty())
        return Error(Error::Code::Conflict,
                     QStringLiteral("the workspace already holds %1 customers; the demo is made "
                                    "only in an empty workspace")
                         .arg(existing->size()));

    DemoContext context{workspace, definition};
    for (const DemoStep& step : kDemoSteps) {
        DemoRandom random = DemoRandom::forStep(definition.seed, step.name);
        AICP_TRY(step.run(context, random));
    }
    AICP_TRY(workspace.setMetaValue(QStringLiteral("demo_seed"), QString::number(definition.seed)));
    return transaction->commit();
}

Status createDemoWorkspace(const QString& path) {
    auto now = demoNow();
    if (!now)
        return now.error();
    return createDemoWorkspace(path, *now);
}

Status createDemoWorkspace(const QString& path, const QDateTime& now) {
    if (Workspace::isServerLocation(path) &&
        Workspace::open(path, Workspace::OpenMode::OpenExisting))
        return Error(
            Error::Code::Conflict,
            QStringLiteral("%1 holds a workspace already; the demo needs an empty database")
                .arg(Workspace::shownLocation(path)));
    if (QFileInfo::exists(path))
        return Error(Error::Code::Conflict,
                     QStringLiteral("'%1' already exists; the demo workspace needs a new file")
                         .arg(QDir::toNativeSeparators(path)));
    Status populated;
    {
        auto workspace = Workspace::open(path, Workspace::OpenMode::OpenOrCreate);
        if (!workspace)
            return workspace.error();
        populated = populateDemoWorkspace(**workspace, now);
    }
    // A half-made demo would make the next attempt fail as "already exists".
    if (!populated.ok())
        removeWorkspaceFiles(path);
    return populated;
}

}  // namespace aicp
