#include "pricing/billformat.h"
#include "pricing/costengine.h"
#include "pricingtesting.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using aicp::Bill;
using aicp::CostEngine;
using aicp::MonthlyUsage;
using aicp::Percent;
using aicp::Subscription;
using aicp::TierComparison;
using namespace aicp::testing;

namespace {

const QLocale kEnglish(QLocale::English, QLocale::UnitedStates);

QJsonObject lineOf(const QJsonObject& bill, const QString& axis) {
    for (const QJsonValue& line : bill.value(QStringLiteral("lines")).toArray())
        if (line.toObject().value(QStringLiteral("axis")).toString() == axis)
            return line.toObject();
    return {};
}

QSet<QString> keysOf(const QJsonObject& object) {
    const QStringList keys = object.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

}  // namespace

// The `--json` shape is a stable interface for scripts; the text form must
// line up in a terminal. Expected figures are worked by hand in comments.
class TestBillFormat : public QObject {
    Q_OBJECT

private slots:
    void billJsonHasExactlyTheDocumentedKeys() {
        const QJsonObject bill = aicp::billToJson(quote(on("starter"), 0));
        QCOMPARE(keysOf(bill),
                 (QSet<QString>{QStringLiteral("tier"), QStringLiteral("eligible"),
                                QStringLiteral("reason"), QStringLiteral("lines"),
                                QStringLiteral("total"), QStringLiteral("currency")}));
        const QJsonArray lines = bill.value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.size(), qsizetype(7));
        for (const QJsonValue& line : lines)
            QCOMPARE(keysOf(line.toObject()),
                     (QSet<QString>{QStringLiteral("axis"), QStringLiteral("description"),
                                    QStringLiteral("quantity"), QStringLiteral("unit_price"),
                                    QStringLiteral("amount")}));
        QCOMPARE(bill.value(QStringLiteral("total")).toString(), QStringLiteral("299.00"));
        QCOMPARE(bill.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
        QVERIFY(bill.value(QStringLiteral("reason")).isNull());
    }

    void subCentUnitPriceKeepsItsDigits() {
        // professional, 2,000,000: 1,000,000 over, all in the first band at
        // $0.0005 = $500.00; one rate, so the line shows it.
        const QJsonObject bill = aicp::billToJson(quote(on("professional"), 2'000'000));
        const QJsonObject requests = lineOf(bill, QStringLiteral("requests"));
        QCOMPARE(requests.value(QStringLiteral("unit_price")).toString(), QStringLiteral("0.0005"));
        QCOMPARE(requests.value(QStringLiteral("amount")).toString(), QStringLiteral("500.00"));
        QCOMPARE(requests.value(QStringLiteral("quantity")).toInteger(), 1'000'000);
    }

    void severalRatesHaveNoUnitPrice() {
        // 12,000,000: both bands apply, so unit_price is null, not a made-up average.
        Subscription subscription = on("professional");
        subscription.discount = Percent::parse(u"12.5").value();
        const QJsonObject bill = aicp::billToJson(quote(subscription, 12'000'000));
        QVERIFY(
            lineOf(bill, QStringLiteral("requests")).value(QStringLiteral("unit_price")).isNull());
        QVERIFY(
            lineOf(bill, QStringLiteral("discount")).value(QStringLiteral("unit_price")).isNull());
        QCOMPARE(
            lineOf(bill, QStringLiteral("discount")).value(QStringLiteral("amount")).toString(),
            QStringLiteral("-124.88"));
        QCOMPARE(bill.value(QStringLiteral("total")).toString(), QStringLiteral("6074.12"));
    }

    void ineligibleBillCarriesItsReason() {
        const Bill bill = quote(on("open_source"), 20'000);
        const QJsonObject json = aicp::billToJson(bill);
        QCOMPARE(json.value(QStringLiteral("eligible")).toBool(true), false);
        QCOMPARE(json.value(QStringLiteral("reason")).toString(), bill.reason());
        QVERIFY(!bill.reason().isEmpty());
        QVERIFY(aicp::billToText(bill, kEnglish)
                    .contains(QStringLiteral("Not eligible: ") + bill.reason()));
    }

    void comparisonJsonMarksOneCheapest() {
        // 250,000 with defaults: starter $449.00 is the cheapest eligible.
        const QJsonObject json = aicp::comparisonToJson(compare(Subscription{}, 250'000));
        QCOMPARE(json.value(QStringLiteral("cheapest_eligible")).toString(),
                 QStringLiteral("starter"));
        int marked = 0;
        for (const QJsonValue& bill : json.value(QStringLiteral("tiers")).toArray()) {
            const QJsonObject object = bill.toObject();
            if (object.value(QStringLiteral("cheapest")).toBool()) {
                ++marked;
                QCOMPARE(object.value(QStringLiteral("tier")).toString(),
                         QStringLiteral("starter"));
                QCOMPARE(object.value(QStringLiteral("total")).toString(),
                         QStringLiteral("449.00"));
            }
        }
        QCOMPARE(marked, 1);
    }

    void comparisonWithoutAnEligibleTier() {
        TierComparison comparison = compare(Subscription{}, 250'000);
        for (Bill& bill : comparison.bills) {
            bill.eligible = false;
            bill.reasons = QStringList{QStringLiteral("made ineligible by the test")};
        }
        comparison.cheapestEligible.reset();
        QVERIFY(
            aicp::comparisonToJson(comparison).value(QStringLiteral("cheapest_eligible")).isNull());
        const QString text = aicp::comparisonToText(comparison, kEnglish);
        QVERIFY(text.contains(QStringLiteral("No tier can serve these needs.")));
        QVERIFY(text.contains(QStringLiteral("[4] made ineligible by the test")));
    }

    void billTextUsesTheLocale() {
        Subscription subscription = on("professional");
        subscription.discount = Percent::parse(u"12.5").value();
        const Bill bill = quote(subscription, 12'000'000);
        const QString english = aicp::billToText(bill, kEnglish);
        QVERIFY(english.contains(QStringLiteral("$6,074.12")));
        QVERIFY(english.contains(QStringLiteral("-$124.88")));
        QVERIFY(english.contains(QStringLiteral("$0.0002")));
        const QString german = aicp::billToText(bill, QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(german.contains(QStringLiteral("6.074,12")), qPrintable(german));
    }

    void billTextAmountsShareOneRightEdge() {
        const QString text = aicp::billToText(quote(on("starter"), 250'000), kEnglish);
        const QRegularExpression endsInMoney(QStringLiteral("\\$[0-9,]+\\.[0-9]{2}$"));
        qsizetype edge = -1;
        int rows = 0;
        for (const QString& line : text.split(u'\n')) {
            if (!line.contains(endsInMoney))
                continue;
            if (edge < 0)
                edge = line.size();
            QCOMPARE(line.size(), edge);
            ++rows;
        }
        QCOMPARE(rows, 8);  // seven lines and the total
    }

    void comparisonTextShowsOnlyChargedAxes() {
        // Defaults charge nothing for packs, modules, seats, audit or discount.
        const QString plain = aicp::comparisonToText(compare(Subscription{}, 250'000), kEnglish);
        const QString header = plain.split(u'\n').filter(QStringLiteral("Tier")).value(1);
        QVERIFY2(header.contains(QStringLiteral("Requests")), qPrintable(plain));
        QVERIFY2(!header.contains(QStringLiteral("Packs")), qPrintable(plain));

        // Three packs: starter charges one extra ($99.00), so the column appears.
        Subscription needs;
        needs.policyPacks = {QStringLiteral("toxicity"), QStringLiteral("pii-protection"),
                             QStringLiteral("cost-controls")};
        const QString withPacks = aicp::comparisonToText(compare(needs, 250'000), kEnglish);
        QVERIFY2(withPacks.contains(QStringLiteral("Packs")), qPrintable(withPacks));
        QVERIFY(withPacks.contains(QStringLiteral("$99.00")));
    }
};

QTEST_GUILESS_MAIN(TestBillFormat)
#include "tst_billformat.moc"
