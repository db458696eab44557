#include "audit/auditedsettings.h"
#include "audit/auditlog.h"
#include "customers/customer.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "licensing/licenseverifier.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace aicp;
using aicp::test::kTestPassphrase;

namespace {

LicenseRequest request(const char* tier) {
    LicenseRequest r;
    r.customerId = QStringLiteral("acme-corp");
    r.customerName = QStringLiteral("Acme Corp");
    r.tier = QString::fromLatin1(tier);
    r.expiresAt = QDateTime::currentDateTimeUtc().addDays(365);
    return r;
}

}  // namespace

class TestLicenseRegistry : public QObject {
    Q_OBJECT

    aicp::test::TempWorkspace workspace_{aicp::test::TempWorkspace::Content::SigningKey};

    LicenseVerification verify(const QByteArray& key) {
        LicenseVerifier verifier(KeyStore(*workspace_).publicKeyRing().value());
        auto list = LicenseRegistry(*workspace_).latestPublishedRevocationList();
        if (list) {
            auto parsed =
                RevocationList::verify(*list, KeyStore(*workspace_).publicKeyRing().value());
            if (parsed)
                static_cast<void>(verifier.useRevocationList(*parsed, 0));
        }
        return verifier.verify(key, QDateTime::currentDateTimeUtc());
    }
    QString refusal(const LicenseRequest& r) {
        auto issued = LicenseRegistry(*workspace_).issue(r, kTestPassphrase);
        return issued ? QString() : issued.error().message();
    }

private slots:
    void init() { QVERIFY2(workspace_.renew(), qPrintable(workspace_.error())); }

    void issuesFromTheTierDefaults() {
        auto issued = LicenseRegistry(*workspace_).issue(request("professional"), kTestPassphrase);
        QVERIFY2(issued, issued ? "" : qPrintable(issued.error().message()));
        const LicensePayload& license = issued->license;
        QCOMPARE(license.tier, QStringLiteral("professional"));
        QCOMPARE(license.seats, 10);
        QCOMPARE(license.agents, std::optional<std::int64_t>(25));
        QCOMPARE(license.requestsPerMonth, std::optional<std::int64_t>(1'000'000));
        QCOMPARE(license.auditTier, QStringLiteral("basic"));
        QVERIFY(license.hasFeature(QStringLiteral("sso")));
        QVERIFY(!license.hasFeature(QStringLiteral("plugins")));
        QCOMPARE(license.kid, KeyStore(*workspace_).find()->kid);
        QVERIFY(issued->key.startsWith("AICP1."));

        QCOMPARE(verify(issued->key).status, LicenseStatus::Valid);
        QCOMPARE(CustomerStore(*workspace_).find(QStringLiteral("acme-corp"))->name,
                 QStringLiteral("Acme Corp"));
        auto stored = LicenseRegistry(*workspace_).find(license.id);
        QVERIFY(stored);
        QCOMPARE(stored->key, issued->key);
        QCOMPARE(stored->stateAt(QDateTime::currentDateTimeUtc()), aicp::LicenseState::Active);
        QCOMPARE(AuditLog(*workspace_).entries()->back().action, QStringLiteral("license.issue"));
    }

    void enterpriseGetsEveryPackAndModule() {
        auto issued = LicenseRegistry(*workspace_).issue(request("enterprise"), kTestPassphrase);
        QVERIFY(issued);
        QCOMPARE(issued->license.policyPacks.size(), 6);
        QCOMPARE(issued->license.complianceModules.size(), 5);
        QCOMPARE(issued->license.agents, std::nullopt);
        QCOMPARE(issued->license.requestsPerMonth, std::nullopt);
        QCOMPARE(issued->license.auditTier, QStringLiteral("extended"));
    }

    void refusesWhatTheTierCannotHave() {
        LicenseRequest packsOnOpenSource = request("open_source");
        packsOnOpenSource.policyPacks = {QStringLiteral("toxicity")};
        QVERIFY(refusal(packsOnOpenSource)
                    .contains(QStringLiteral("open_source tier has no policy packs")));

        LicenseRequest tooManyAgents = request("starter");
        tooManyAgents.agents = 6;
        QVERIFY(refusal(tooManyAgents).contains(QStringLiteral("at most 5 agents")));

        LicenseRequest seatsOnOpenSource = request("open_source");
        seatsOnOpenSource.seats = 2;
        QVERIFY(refusal(seatsOnOpenSource).contains(QStringLiteral("sells no extra")));

        LicenseRequest auditOnOpenSource = request("open_source");
        auditOnOpenSource.auditTier = QStringLiteral("extended");
        QVERIFY(refusal(auditOnOpenSource).contains(QStringLiteral("sells no audit upgrade")));

        LicenseRequest unknownPack = request("starter");
        unknownPack.policyPacks = {QStringLiteral("astrology")};
        QVERIFY(refusal(unknownPack).contains(QStringLiteral("unknown policy pack 'astrology'")));

        LicenseRequest badTerm = request("enterprise");
        badTerm.contract.termMonths = 18;
        QVERIFY(refusal(badTerm).contains(QStringLiteral("12, 24 or 36")));

        LicenseRequest backwards = request("starter");
        backwards.expiresAt = QDateTime::currentDateTimeUtc().addDays(-1);
        QVERIFY(refusal(backwards).contains(QStringLiteral("before it starts")));

        QVERIFY(LicenseRegistry(*workspace_).list()->empty());
    }

    void aRetiredTierTakesNoNewLicenseButRenews() {
        const LicenseRecord first =
            LicenseRegistry(*workspace_).issue(request("starter"), kTestPassphrase).value();
        PriceBook book = workspace_->priceBook().value();
        QJsonObject version = book.latest().toJson();
        QJsonArray tiers = version.value(QStringLiteral("tiers")).toArray();
        QJsonObject starter = tiers.at(1).toObject();
        starter.insert(QStringLiteral("retired"), true);
        tiers.replace(1, starter);
        version.insert(QStringLiteral("tiers"), tiers);
        auto retired = PriceBook::fromJson(
            QJsonDocument(QJsonObject{{QStringLiteral("schema"), 1},
                                      {QStringLiteral("versions"), QJsonArray{version}}})
                .toJson());
        QVERIFY(retired);
        QVERIFY(storePriceBook(*workspace_, *retired));

        LicenseRequest another = request("starter");
        another.customerId = QStringLiteral("globex");
        another.customerName = QStringLiteral("Globex");
        QCOMPARE(refusal(another), QStringLiteral("tier 'starter' is retired in price book 2026.1: "
                                                  "it takes no new licenses"));
        auto renewed = LicenseRegistry(*workspace_).renew(first.license.id, kTestPassphrase);
        QVERIFY2(renewed, renewed ? "" : qPrintable(renewed.error().message()));
        QCOMPARE(renewed->license.tier, QStringLiteral("starter"));
    }

    void extraPacksAreAllowedWhereSold() {
        LicenseRequest starter = request("starter");
        starter.policyPacks = {QStringLiteral("toxicity"), QStringLiteral("pii-protection"),
                               QStringLiteral("cost-controls")};
        starter.seats = 5;
        starter.auditTier = QStringLiteral("regulatory");
        auto issued = LicenseRegistry(*workspace_).issue(starter, kTestPassphrase);
        QVERIFY2(issued, issued ? "" : qPrintable(issued.error().message()));
        QCOMPARE(issued->license.policyPacks.size(), 3);
    }

    void revocationIsPublishedSignedAndRefused() {
        LicenseRegistry registry(*workspace_);
        auto issued = registry.issue(request("starter"), kTestPassphrase).value();
        QCOMPARE(registry.latestPublishedRevocationList().error().code(), Error::Code::NotFound);

        QVERIFY(!registry.revoke(issued.license.id, QStringLiteral("  "), kTestPassphrase));
        QVERIFY(!registry.revoke(issued.license.id, QStringLiteral("fraud"), "wrong passphrase"));
        QVERIFY(!registry.find(issued.license.id)->revocation);  // nothing half-written

        auto revoked =
            registry.revoke(issued.license.id, QStringLiteral("contract ended"), kTestPassphrase);
        QVERIFY2(revoked, revoked ? "" : qPrintable(revoked.error().message()));
        QCOMPARE(revoked->revocation->reason, QStringLiteral("contract ended"));
        QCOMPARE(registry.find(issued.license.id)->stateAt(QDateTime::currentDateTimeUtc()),
                 aicp::LicenseState::Revoked);
        QCOMPARE(verify(issued.key).status, LicenseStatus::Revoked);

        auto list = RevocationList::verify(registry.latestPublishedRevocationList().value(),
                                           KeyStore(*workspace_).publicKeyRing().value());
        QVERIFY(list);
        QCOMPARE(list->sequence, 1);
        QVERIFY(list->find(issued.license.id));

        QCOMPARE(registry.revoke(issued.license.id, QStringLiteral("again"), kTestPassphrase)
                     .error()
                     .code(),
                 Error::Code::Conflict);

        auto second = registry.issue(request("starter"), kTestPassphrase).value();
        QVERIFY(registry.revoke(second.license.id, QStringLiteral("duplicate"), kTestPassphrase));
        auto newer = RevocationList::verify(registry.latestPublishedRevocationList().value(),
                                            KeyStore(*workspace_).publicKeyRing().value());
        QCOMPARE(newer->sequence, 2);
        QCOMPARE(newer->revoked.size(), std::size_t(2));
    }

    void renewAndUpgradeNameWhatTheySupersede() {
        LicenseRegistry registry(*workspace_);
        auto original = registry.issue(request("starter"), kTestPassphrase).value();
        auto renewed = registry.renew(original.license.id, kTestPassphrase);
        QVERIFY2(renewed, renewed ? "" : qPrintable(renewed.error().message()));
        QCOMPARE(renewed->license.supersedes, std::optional(original.license.id));
        QCOMPARE(renewed->license.notBefore, original.license.expiresAt);
        QCOMPARE(renewed->license.notBefore.secsTo(renewed->license.expiresAt),
                 original.license.notBefore.secsTo(original.license.expiresAt));
        QCOMPARE(registry.find(original.license.id)->supersededBy,
                 std::optional(renewed->license.id));
        // The chain continues from its newest license only.
        auto again = registry.renew(original.license.id, kTestPassphrase);
        QVERIFY(!again);
        QCOMPARE(again.error().code(), Error::Code::Conflict);
        QVERIFY(again.error().message().contains(QStringLiteral("already replaced")));

        LicenseRequest changes = LicenseRequest::from(renewed->license);
        changes.tier = QStringLiteral("professional");
        changes.seats.reset();
        changes.agents.reset();
        auto upgraded = registry.upgrade(renewed->license.id, changes, kTestPassphrase);
        QVERIFY2(upgraded, upgraded ? "" : qPrintable(upgraded.error().message()));
        QCOMPARE(upgraded->license.tier, QStringLiteral("professional"));
        QCOMPARE(upgraded->license.seats, 10);
        QCOMPARE(upgraded->license.supersedes, std::optional(renewed->license.id));
        QCOMPARE(registry.list()->size(), std::size_t(3));
    }

    void licensesAreNeverDeleted() {
        auto issued =
            LicenseRegistry(*workspace_).issue(request("starter"), kTestPassphrase).value();
        QVERIFY(!executeScript(workspace_->handle(), "DELETE FROM licenses").ok());
        QVERIFY(
            !executeScript(workspace_->handle(), "UPDATE licenses SET tier = 'enterprise'").ok());
        QVERIFY(LicenseRegistry(*workspace_).find(issued.license.id));
    }

    void rotationKeepsOldLicensesValid() {
        LicenseRegistry registry(*workspace_);
        auto before = registry.issue(request("starter"), kTestPassphrase).value();
        QVERIFY(KeyStore(*workspace_).rotate(kTestPassphrase));
        auto after = registry.issue(request("starter"), kTestPassphrase).value();
        QVERIFY(before.license.kid != after.license.kid);
        QCOMPARE(verify(before.key).status, LicenseStatus::Valid);
        QCOMPARE(verify(after.key).status, LicenseStatus::Valid);
    }

    void findsByIdPrefix() {
        LicenseRegistry registry(*workspace_);
        auto issued = registry.issue(request("starter"), kTestPassphrase).value();
        const QString id = issued.license.id.toString(QUuid::WithoutBraces);
        QCOMPARE(registry.findByPrefix(id.left(8))->license.id, issued.license.id);
        QCOMPARE(registry.findByPrefix(id.toUpper())->license.id, issued.license.id);
        QCOMPARE(registry.findByPrefix(id.left(4)).error().code(), Error::Code::InvalidInput);
        QCOMPARE(registry.findByPrefix(QStringLiteral("ffffffff")).error().code(),
                 Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestLicenseRegistry)
#include "tst_licenseregistry.moc"
