#include "licensing/licensestate.h"

#include <QTest>

using aicp::LicenseState;
using aicp::LicenseStatus;

// The words are what the CLI, --json and the HTTP API print: they must not
// change, and each must read back as the value it names.
class TestLicenseState : public QObject {
    Q_OBJECT

private slots:
    // In the order the CLI and the console list them.
    void stateWordsAreTheSpecsWords() {
        QStringList words;
        for (const LicenseState state : aicp::kLicenseStates)
            words << word(state);
        QCOMPARE(words.join(u' '),
                 QStringLiteral("active in-grace expired not-yet-valid revoked superseded"));
    }

    void statusWordsAreTheSpecsWords() {
        QCOMPARE(word(LicenseStatus::Valid), QStringLiteral("valid"));
        QCOMPARE(word(LicenseStatus::ValidInGrace), QStringLiteral("valid-in-grace"));
        QCOMPARE(word(LicenseStatus::BadSignature), QStringLiteral("bad-signature"));
        QCOMPARE(word(LicenseStatus::UnknownKey), QStringLiteral("unknown-key"));
        QCOMPARE(word(LicenseStatus::ClockRollback), QStringLiteral("clock-rollback"));
    }

    void everyWordReadsBack() {
        for (const LicenseState state : aicp::kLicenseStates)
            QCOMPARE(aicp::fromWord<LicenseState>(word(state)), state);
        QCOMPARE(aicp::fromWord<LicenseStatus>(u"malformed"), LicenseStatus::Malformed);
    }

    void unknownWordsAreNothing() {
        QVERIFY(!aicp::fromWord<LicenseState>(u"valid"));
        QVERIFY(!aicp::fromWord<LicenseState>(u"Active"));
        QVERIFY(!aicp::fromWord<LicenseStatus>(u"in-grace"));
    }

    void onlyActiveAndGraceAreInForce() {
        QVERIFY(aicp::isInForce(LicenseState::Active));
        QVERIFY(aicp::isInForce(LicenseState::InGrace));
        QVERIFY(!aicp::isInForce(LicenseState::NotYetValid));
        QVERIFY(!aicp::isInForce(LicenseState::Expired));
        QVERIFY(!aicp::isInForce(LicenseState::Revoked));
        QVERIFY(!aicp::isInForce(LicenseState::Superseded));
    }
};

QTEST_GUILESS_MAIN(TestLicenseState)
#include "tst_licensestate.moc"
