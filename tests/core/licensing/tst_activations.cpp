#include "audit/auditlog.h"
#include "common/idtext.h"
#include "licensing/activationfile.h"
#include "licensing/activationregistry.h"
#include "licensing/keystore.h"
#include "licensing/licenseregistry.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"
#include "support/why.h"

#include <atomic>
#include <thread>
#include <vector>

#include <QTest>

using namespace aicp;
using aicp::test::FakeClock;
using aicp::test::kTestPassphrase;
using aicp::test::why;

namespace {

ActivationRequest machine(const QString& fingerprint, const QString& hostname = {}) {
    return {fingerprint, hostname, std::nullopt};
}

QString fingerprintOf(int n) {
    return QStringLiteral("sha256:%1").arg(n, 8, 10, QLatin1Char('0'));
}

}  // namespace

class TestActivations : public QObject {
    Q_OBJECT

    aicp::test::TempWorkspace workspace_{aicp::test::TempWorkspace::Content::SigningKey};
    FakeClock clock_{"2026-12-01T09:00:00Z"};
    QUuid license_;

    ActivationRegistry registry() { return ActivationRegistry(*workspace_, clock_.clock()); }
    PublicKeyRing keys() { return KeyStore(*workspace_).publicKeyRing().value(); }

    // A license of `instances` (nullopt: unlimited) for a year from now.
    QUuid issue(std::optional<std::int64_t> instances,
                ActivationMode mode = ActivationMode::Floating) {
        LicenseRequest request;
        request.customerId = QStringLiteral("acme-corp");
        request.customerName = QStringLiteral("Acme Corp");
        request.tier = QStringLiteral("professional");
        request.instances = instances;
        request.activationMode = mode;
        request.expiresAt = clock_.clock()().addDays(365);
        auto issued = LicenseRegistry(*workspace_, clock_.clock()).issue(request, kTestPassphrase);
        if (!issued)
            qFatal("cannot issue: %s", qPrintable(issued.error().message()));
        return issued->license.id;
    }

    ActivationGrant activate(const QString& fingerprint, const QString& hostname = {}) {
        auto granted =
            registry().activate(idText(license_), machine(fingerprint, hostname), kTestPassphrase);
        if (!granted)
            qFatal("cannot activate: %s", qPrintable(granted.error().message()));
        return *granted;
    }

    QStringList auditActions() {
        QStringList actions;
        for (const AuditEntry& entry : AuditLog(*workspace_).entries().value())
            actions << entry.action;
        return actions;
    }

private slots:
    void init() {
        QVERIFY2(workspace_.renew(), qPrintable(workspace_.error()));
        clock_.set("2026-12-01T09:00:00Z");
        license_ = issue(3);
    }

    void aMachineGetsASignedFileItsFingerprintVerifies() {
        const ActivationGrant granted =
            activate(QStringLiteral("sha256:aa11"), QStringLiteral("gw-1.example"));
        QCOMPARE(granted.outcome, ActivationGrant::Outcome::Created);
        QCOMPARE(granted.inUse, 1);
        QCOMPARE(granted.limit, std::optional<std::int64_t>(3));
        QVERIFY(granted.file.startsWith("AICPA1."));
        // Floating, heartbeat every 600 s: the file lasts two intervals.
        QCOMPARE(granted.record.expiresAt, aicp::test::utcAt("2026-12-01T09:20:00Z"));
        QCOMPARE(granted.record.leaseSeconds, 1200);

        const ActivationVerification ok =
            verifyActivation(granted.file, QStringLiteral("sha256:aa11"), keys(), clock_.clock()());
        QVERIFY2(ok.isUsable(), qPrintable(ok.reason));
        QCOMPARE(word(ok.status), QStringLiteral("valid"));
        QCOMPARE(ok.activation->licenseId, license_);
        QCOMPARE(ok.activation->hostname, QStringLiteral("gw-1.example"));
        QCOMPARE(ok.activation->id, granted.record.id);
        QCOMPARE(auditActions().back(), QStringLiteral("activation.activate"));
    }

    void theSameMachineAgainRenewsItsActivation() {
        const ActivationGrant first = activate(QStringLiteral("sha256:aa11"));
        clock_.advanceSeconds(300);
        const ActivationGrant again =
            activate(QStringLiteral("sha256:aa11"), QStringLiteral("renamed"));
        QCOMPARE(again.outcome, ActivationGrant::Outcome::Renewed);
        QCOMPARE(again.record.id, first.record.id);
        QCOMPARE(again.inUse, 1);
        QCOMPARE(again.record.hostname, QStringLiteral("renamed"));
        QCOMPARE(again.record.expiresAt, aicp::test::utcAt("2026-12-01T09:25:00Z"));
        QCOMPARE(registry().list(license_)->size(), std::size_t(1));
    }

    void theLimitIsNeverPassedAndAReleaseFreesAPlace() {
        for (int n = 0; n < 3; ++n)
            QCOMPARE(activate(fingerprintOf(n)).outcome, ActivationGrant::Outcome::Created);
        const ActivationGrant refused = activate(fingerprintOf(3));
        QCOMPARE(refused.outcome, ActivationGrant::Outcome::LimitReached);
        QCOMPARE(refused.inUse, 3);
        QVERIFY(refused.file.isEmpty());
        QVERIFY(refused.limitError().message().contains(QStringLiteral("3 of its 3 instances")));
        QCOMPARE(registry().activeCount(license_).value(), 3);

        const auto listed = registry().list(license_).value();
        auto released = registry().release(idText(listed.back().id).left(8));
        QVERIFY2(released, why(released));
        QCOMPARE(released->stateAt(clock_.clock()()), ActivationState::Released);
        QCOMPARE(auditActions().back(), QStringLiteral("activation.release"));
        auto twice = registry().release(idText(listed.back().id));
        QVERIFY(!twice);
        QVERIFY(twice.error().message().contains(QStringLiteral("already released")));
        QCOMPARE(activate(fingerprintOf(3)).outcome, ActivationGrant::Outcome::Created);
    }

    void aGatewayThatStopsHeartbeatingFreesItsPlace() {
        const ActivationGrant quiet = activate(fingerprintOf(0));
        const ActivationGrant alive = activate(fingerprintOf(1));
        activate(fingerprintOf(2));
        // One heartbeat on time renews alive's file by two intervals.
        clock_.advanceSeconds(600);
        auto beat = registry().heartbeat(alive.record.id, kTestPassphrase);
        QVERIFY2(beat, why(beat));
        QCOMPARE(beat->record.expiresAt, aicp::test::utcAt("2026-12-01T09:30:00Z"));
        QVERIFY(
            verifyActivation(beat->file, fingerprintOf(1), keys(), clock_.clock()()).isUsable());
        // Two intervals after their last heartbeat, the quiet ones lapse.
        clock_.advanceSeconds(600);
        QCOMPARE(registry().activeCount(license_).value(), 1);
        QCOMPARE(registry().find(idText(quiet.record.id))->stateAt(clock_.clock()()),
                 ActivationState::Lapsed);
        // The old file is no longer valid offline either.
        QCOMPARE(verifyActivation(quiet.file, fingerprintOf(0), keys(), clock_.clock()()).status,
                 LicenseStatus::Expired);
        QCOMPARE(activate(fingerprintOf(3)).outcome, ActivationGrant::Outcome::Created);
        QCOMPARE(auditActions().count(QStringLiteral("activation.lapse")), 2);
        // A lapsed activation's heartbeat is refused: the gateway activates again.
        auto late = registry().heartbeat(quiet.record.id, kTestPassphrase);
        QVERIFY(!late);
        QVERIFY(late.error().message().contains(QStringLiteral("lapsed")));
    }

    void nodeLockedAndAirGappedActivationsDoNotLapse() {
        license_ = issue(2, ActivationMode::NodeLocked);
        const ActivationGrant locked = activate(fingerprintOf(0));
        QCOMPARE(locked.record.leaseSeconds, 0);
        // Until the license ends, grace period included.
        QCOMPARE(locked.record.expiresAt,
                 LicenseRegistry(*workspace_).find(license_)->license.graceEndsAt());
        auto airGapped =
            registry().activate(idText(license_), {fingerprintOf(1), {}, 30}, kTestPassphrase);
        QVERIFY2(airGapped, why(airGapped));
        QCOMPARE(airGapped->record.expiresAt, clock_.clock()().addDays(30));
        clock_.advanceDays(29);
        QCOMPARE(registry().activeCount(license_).value(), 2);
        clock_.advanceDays(1);
        QCOMPARE(registry().activeCount(license_).value(), 1);
    }

    void unlimitedLicensesCountButNeverRefuse() {
        license_ = issue(std::nullopt);
        for (int n = 0; n < 20; ++n)
            QCOMPARE(activate(fingerprintOf(n)).outcome, ActivationGrant::Outcome::Created);
        QCOMPARE(activate(fingerprintOf(20)).limit, std::nullopt);
        QCOMPARE(registry().activeCount(license_).value(), 21);
    }

    void badRequestsAndLicensesNotInForceAreRefused() {
        const auto refusal = [this](const ActivationRequest& request) {
            auto granted = registry().activate(idText(license_), request, kTestPassphrase);
            return granted ? QString() : granted.error().message();
        };
        QVERIFY(refusal(machine({})).contains(QStringLiteral("fingerprint")));
        QVERIFY(refusal(machine(QStringLiteral("has space"))).contains(QStringLiteral("spaces")));
        QVERIFY(refusal(machine(QString(129, u'a'))).contains(QStringLiteral("128")));
        QVERIFY(refusal(machine(QStringLiteral("ok"), QStringLiteral("tab\there")))
                    .contains(QStringLiteral("hostname")));
        QVERIFY(refusal({QStringLiteral("ok"), {}, 0}).contains(QStringLiteral("1 to 3660 days")));
        auto wrongPassphrase =
            registry().activate(idText(license_), machine(QStringLiteral("ok")), "wrong");
        QVERIFY(!wrongPassphrase);
        QCOMPARE(registry().activeCount(license_).value(), 0);  // nothing half-written

        QVERIFY(LicenseRegistry(*workspace_, clock_.clock())
                    .revoke(license_, QStringLiteral("contract ended"), kTestPassphrase));
        QVERIFY(refusal(machine(QStringLiteral("ok"))).contains(QStringLiteral("is revoked")));
        auto unknown = registry().activate(QStringLiteral("00000000"),
                                           machine(QStringLiteral("ok")), kTestPassphrase);
        QCOMPARE(unknown.error().code(), Error::Code::NotFound);
    }

    void verificationRefusesWhatIsNotThisMachinesValidFile() {
        const ActivationGrant granted = activate(QStringLiteral("sha256:aa11"));
        const QDateTime now = clock_.clock()();
        const auto status = [&](QByteArrayView file, const QString& fingerprint,
                                const PublicKeyRing& ring, const QDateTime& at) {
            return word(verifyActivation(file, fingerprint, ring, at).status);
        };
        QCOMPARE(status(granted.file, QStringLiteral("sha256:bb22"), keys(), now),
                 QStringLiteral("wrong-fingerprint"));
        QCOMPARE(status(granted.file, QStringLiteral("sha256:aa11"), keys(), now.addSecs(1200)),
                 QStringLiteral("expired"));
        QCOMPARE(status(granted.file, QStringLiteral("sha256:aa11"), keys(), now.addSecs(-60)),
                 QStringLiteral("not-yet-valid"));
        PublicKeyRing other;
        other.add(aicp::test::makeTestKey().key.publicKey());
        QCOMPARE(status(granted.file, QStringLiteral("sha256:aa11"), other, now),
                 QStringLiteral("unknown-key"));
        QCOMPARE(status("AICP1.e30.e30", QStringLiteral("sha256:aa11"), keys(), now),
                 QStringLiteral("malformed"));
        // Any byte altered: never valid.
        for (qsizetype at = 0; at < granted.file.size(); ++at) {
            QByteArray altered = granted.file;
            altered[at] = altered[at] == 'A' ? 'B' : 'A';
            const ActivationVerification verdict =
                verifyActivation(altered, QStringLiteral("sha256:aa11"), keys(), now);
            QVERIFY2(!verdict.isUsable(), qPrintable(QString::number(at)));
        }
    }

    void fiftyRacingActivationsNeverPassTenInstances() {
        license_ = issue(10);
        const QString path = workspace_.path();
        std::atomic<int> created{0};
        std::atomic<int> refused{0};
        std::atomic<int> failed{0};
        std::vector<std::thread> machines;
        for (int n = 0; n < 50; ++n)
            machines.emplace_back([&, n] {
                // Each its own connection, as separate gateways' requests
                // reach separate services.
                auto own = Workspace::open(path, Workspace::OpenMode::OpenExisting);
                if (!own) {
                    qWarning("open %d: %s", n, qPrintable(own.error().message()));
                    ++failed;
                    return;
                }
                auto granted = ActivationRegistry(**own).activate(
                    idText(license_), machine(fingerprintOf(n)), kTestPassphrase);
                if (!granted) {
                    qWarning("activation %d: %s", n, qPrintable(granted.error().message()));
                    ++failed;
                } else if (granted->outcome == ActivationGrant::Outcome::Created)
                    ++created;
                else
                    ++refused;
            });
        for (std::thread& t : machines)
            t.join();
        QCOMPARE(failed.load(), 0);
        QCOMPARE(created.load(), 10);
        QCOMPARE(refused.load(), 40);
        QCOMPARE(ActivationRegistry(*workspace_).activeCount(license_).value(), 10);
    }
};

QTEST_GUILESS_MAIN(TestActivations)
#include "tst_activations.moc"
