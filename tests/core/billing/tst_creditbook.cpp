#include "audit/auditlog.h"
#include "billing/creditbook.h"
#include "billing/invoicebook.h"
#include "licensing/licenseregistry.h"
#include "storage/statement.h"
#include "storage/workspace.h"
#include "support/fakeclock.h"
#include "support/tempworkspace.h"
#include "support/testkeys.h"

#include <QJsonArray>
#include <QTest>

using namespace aicp;
using namespace aicp::test;

namespace {

Money dollars(const char* text) {
    return Money::parse(QString::fromLatin1(text)).value();
}

}  // namespace

// Prepaid credits (README, "Contract terms"), on a starter license at $299 a
// month from 2026-01-01: every amount below is worked out in the comments.
class TestCreditBook : public QObject {
    Q_OBJECT

    TempWorkspace workspace_;
    FakeClock clock_{"2026-01-01T00:00:00Z"};

    CreditBook credits() { return CreditBook(*workspace_, clock_.clock()); }
    InvoiceBook invoices() { return InvoiceBook(*workspace_, clock_.clock()); }

    CreditGrant grant(const char* amount, const char* paid, const char* expires,
                      const char* reason) {
        auto granted =
            credits().grant(QStringLiteral("acme"), dollars(amount), dollars(paid),
                            expires ? utcAt(expires) : QDateTime(), QString::fromLatin1(reason));
        if (!granted)
            qFatal("grant failed: %s", qPrintable(granted.error().message()));
        return std::move(granted).value();
    }

    Invoice issue(const char* at, YearMonth month) {
        clock_.set(at);
        auto issued = invoices().issue(QStringLiteral("acme"), month);
        if (!issued)
            qFatal("issue failed: %s", qPrintable(issued.error().message()));
        return std::move(issued).value();
    }

private slots:
    void init() {
        clock_.set("2026-01-01T00:00:00Z");
        QVERIFY2(workspace_.renew(), qPrintable(workspace_.error()));
        QVERIFY(addSigningKey(*workspace_, clock_.clock()));
        LicenseRequest r;
        r.customerId = QStringLiteral("acme");
        r.customerName = QStringLiteral("Acme");
        r.tier = QStringLiteral("starter");
        r.notBefore = utcAt("2026-01-01T00:00:00Z");
        r.expiresAt = utcAt("2027-01-01T00:00:00Z");
        QVERIFY(LicenseRegistry(*workspace_, clock_.clock()).issue(r, kTestPassphrase));
    }

    void creditsAreAppliedSoonestToExpireFirstAndForfeitedWhenTheyExpire() {
        const CreditGrant a = grant("400.00", "400.00", "2026-03-15T00:00:00Z", "Q1 prepayment");
        const CreditGrant b = grant("1000.00", "900.00", nullptr, "Annual block, 10% bonus");
        auto audit = AuditLog(*workspace_).entries();
        QVERIFY(audit);
        QCOMPARE(audit->back().action, QStringLiteral("credits.grant"));
        QCOMPARE(audit->back().subject, QStringLiteral("acme"));

        // January, issued 1 February: $299.00 due; grant A expires first and
        // covers it all: A has $101.00 left, amount due $0.00.
        const Invoice january = issue("2026-02-01T00:00:00Z", {2026, 1});
        QCOMPARE(january.total, dollars("299.00"));
        QCOMPARE(january.credits.size(), std::size_t(1));
        QCOMPARE(january.credits[0].grantId, a.id);
        QCOMPARE(january.creditsApplied(), dollars("299.00"));
        QCOMPARE(january.amountDue(), Money());

        // February, issued 20 March: A expired on 15 March with $101.00
        // unused, forfeited; B pays the $299.00 and keeps $701.00.
        const Invoice february = issue("2026-03-20T00:00:00Z", {2026, 2});
        QCOMPARE(february.credits.size(), std::size_t(1));
        QCOMPARE(february.credits[0].grantId, b.id);
        QCOMPARE(february.amountDue(), Money());
        auto balance = credits().balance(QStringLiteral("acme"));
        QVERIFY(balance);
        QCOMPARE(balance->balance, dollars("701.00"));
        QCOMPARE(balance->forfeited, dollars("101.00"));
        QCOMPARE(balance->currency, QStringLiteral("USD"));

        // The invoice as stored says the same, and its JSON carries the line.
        auto stored = invoices().find(january.number);
        QVERIFY(stored);
        QCOMPARE(stored->creditsApplied(), dollars("299.00"));
        const QJsonObject json = invoiceToJson(*stored);
        QCOMPARE(json.value(QStringLiteral("credits_applied")).toString(),
                 QStringLiteral("299.00"));
        QCOMPARE(json.value(QStringLiteral("amount_due")).toString(), QStringLiteral("0.00"));
        const QJsonArray lines = json.value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.last().toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("credit_applied"));
        QCOMPARE(lines.last().toObject().value(QStringLiteral("amount")).toString(),
                 QStringLiteral("-299.00"));

        // A credit note gives the January credit back to A, which has expired:
        // all $400.00 of it is forfeited now; B is untouched.
        clock_.set("2026-03-21T00:00:00Z");
        QVERIFY(invoices().credit(january.number, QStringLiteral("disputed")));
        balance = credits().balance(QStringLiteral("acme"));
        QCOMPARE(balance->balance, dollars("701.00"));
        QCOMPARE(balance->forfeited, dollars("400.00"));
    }

    void aPartialCreditLeavesTheRestDue() {
        grant("100.00", "0", nullptr, "Goodwill");
        // $299.00 − $100.00 = $199.00 due; the balance is spent.
        const Invoice january = issue("2026-02-01T00:00:00Z", {2026, 1});
        QCOMPARE(january.creditsApplied(), dollars("100.00"));
        QCOMPARE(january.amountDue(), dollars("199.00"));
        QCOMPARE(credits().balance(QStringLiteral("acme"))->balance, Money());
        // February: nothing left to apply.
        QCOMPARE(issue("2026-03-01T00:00:00Z", {2026, 2}).amountDue(), dollars("299.00"));
    }

    void badGrantsAreRefusedAndNothingIsWritten() {
        const auto refusal = [&](const char* amount, const char* paid, const char* expires,
                                 const char* customer, const char* reason) {
            auto granted = credits().grant(QString::fromLatin1(customer), dollars(amount),
                                           dollars(paid), expires ? utcAt(expires) : QDateTime(),
                                           QString::fromLatin1(reason));
            return granted ? QString() : granted.error().message();
        };
        QVERIFY(refusal("-5", "0", nullptr, "acme", "x").startsWith(QStringLiteral("--amount")));
        QVERIFY(refusal("0", "0", nullptr, "acme", "x").startsWith(QStringLiteral("--amount")));
        QVERIFY(refusal("0.001", "0", nullptr, "acme", "x").contains(QStringLiteral("cents")));
        QVERIFY(refusal("5", "6", nullptr, "acme", "x").startsWith(QStringLiteral("--paid")));
        QVERIFY(refusal("5", "-1", nullptr, "acme", "x").startsWith(QStringLiteral("--paid")));
        QVERIFY(refusal("5", "5", "2025-12-31T00:00:00Z", "acme", "x")
                    .startsWith(QStringLiteral("--expires")));
        QVERIFY(refusal("5", "5", nullptr, "acme", "  ").startsWith(QStringLiteral("--reason")));
        QVERIFY(refusal("5", "5", nullptr, "nobody", "x").contains(QStringLiteral("no customer")));
        QCOMPARE(credits().list()->size(), std::size_t(0));
    }

    void theDatabaseKeepsUsesWithinTheGrantAndGrantsUnchanged() {
        const CreditGrant small = grant("10.00", "10.00", nullptr, "Small");
        const Invoice january = issue("2026-02-01T00:00:00Z", {2026, 1});
        QCOMPARE(january.creditsApplied(), dollars("10.00"));
        Database* db = workspace_->handle();
        // A second use of the spent grant, on the same database, is refused.
        const Invoice february = issue("2026-03-01T00:00:00Z", {2026, 2});
        const QByteArray overuse = QStringLiteral(
                                       "INSERT INTO credit_uses (grant_id, invoice_id, "
                                       "amount_micros) VALUES (%1, %2, 1000000)")
                                       .arg(small.id)
                                       .arg(february.id)
                                       .toUtf8();
        QVERIFY(!executeScript(db, overuse.constData()).ok());
        QVERIFY(!executeScript(db, "UPDATE credit_grants SET amount_micros = 99000000").ok());
        QVERIFY(!executeScript(db, "DELETE FROM credit_uses").ok());
        QCOMPARE(credits().list()->front().used, dollars("10.00"));
    }
};

QTEST_GUILESS_MAIN(TestCreditBook)
#include "tst_creditbook.moc"
