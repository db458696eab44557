#include "money/amount.h"
#include "money/money.h"
#include "money/moneyformat.h"

#include <QTest>

using aicp::Amount;
using aicp::Money;
using aicp::Percent;

class TestMoney : public QObject {
    Q_OBJECT

private slots:
    void parsesDecimals_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("micros");
        QTest::newRow("whole") << "299" << qint64(299'000'000);
        QTest::newRow("cents") << "12.34" << qint64(12'340'000);
        QTest::newRow("sub-cent") << "0.0005" << qint64(500);
        QTest::newRow("micro") << "0.000001" << qint64(1);
        QTest::newRow("negative") << "-1.5" << qint64(-1'500'000);
        QTest::newRow("leading point") << ".25" << qint64(250'000);
        QTest::newRow("surrounding space") << " 7.00 " << qint64(7'000'000);
        QTest::newRow("zero") << "0" << qint64(0);
        QTest::newRow("largest") << "9000000000000" << qint64(9'000'000'000'000'000'000);
    }
    void parsesDecimals() {
        QFETCH(QString, text);
        QFETCH(qint64, micros);
        const auto money = Money::parse(text);
        QVERIFY2(money.ok(), qPrintable(money.ok() ? QString() : money.error().message()));
        QCOMPARE(money->micros(), micros);
    }

    void refusesMalformedAmounts_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("letters") << "12x";
        QTest::newRow("two points") << "1.2.3";
        QTest::newRow("seven decimals") << "0.0000001";
        QTest::newRow("grouping") << "1,000.00";
        QTest::newRow("trailing point") << "5.";
        QTest::newRow("sign only") << "-";
        QTest::newRow("beyond nine trillion") << "9000000000000.000001";
        QTest::newRow("beyond int64") << "99999999999999999999";
    }
    void refusesMalformedAmounts() {
        QFETCH(QString, text);
        const auto money = Money::parse(text);
        QVERIFY(!money.ok());
        QCOMPARE(money.error().code(), aicp::Error::Code::InvalidInput);
    }

    void formatsForMachines() {
        QCOMPARE(Money::fromMicros(500).toDecimalString(), QStringLiteral("0.0005"));
        QCOMPARE(Money::fromUnits(299).toDecimalString(), QStringLiteral("299.00"));
        QCOMPARE(Money::fromMicros(12'340'000).toDecimalString(), QStringLiteral("12.34"));
        QCOMPARE(Money::fromMicros(-1'500'000).toDecimalString(), QStringLiteral("-1.50"));
        QCOMPARE(Money::fromMicros(1).toDecimalString(), QStringLiteral("0.000001"));
        QCOMPARE(Money::fromUnits(42).toDecimalString(0), QStringLiteral("42"));
        QCOMPARE(Money::fromMicros(1'000).toDecimalString(0), QStringLiteral("0.001"));
    }

    void roundsHalfAwayFromZero_data() {
        QTest::addColumn<qint64>("micros");
        QTest::addColumn<qint64>("cents");
        QTest::newRow("2.345 up") << qint64(2'345'000) << qint64(235);
        QTest::newRow("-2.345 down") << qint64(-2'345'000) << qint64(-235);
        QTest::newRow("2.344999") << qint64(2'344'999) << qint64(234);
        QTest::newRow("0.005 is a cent") << qint64(5'000) << qint64(1);
        QTest::newRow("0.004999 is nothing") << qint64(4'999) << qint64(0);
        QTest::newRow("-0.005") << qint64(-5'000) << qint64(-1);
        QTest::newRow("exact") << qint64(12'340'000) << qint64(1234);
        QTest::newRow("largest") << qint64(Money::kMaxMicros) << qint64(Money::kMaxMicros / 10'000);
    }
    void roundsHalfAwayFromZero() {
        QFETCH(qint64, micros);
        QFETCH(qint64, cents);
        QCOMPARE(Money::fromMicros(micros).roundedToCents().micros(), cents * 10'000);
    }

    void checksOverflow() {
        const Money max = Money::fromMicros(Money::kMaxMicros);
        QVERIFY(!max.plus(Money::fromMicros(1)).ok());
        QVERIFY(!max.negated().minus(Money::fromMicros(1)).ok());
        QVERIFY(!Money::fromMicros(1'000).times(std::numeric_limits<std::int64_t>::max()).ok());
        QVERIFY(!Money::fromUnits(9'000'001).times(1'000'000).ok());
        const auto fits = Money::fromMicros(200).times(9'000'000'000'000);
        QVERIFY(fits.ok());
        QCOMPARE(fits->micros(), qint64(1'800'000'000'000'000));
    }

    void takesPercentages() {
        const auto twelveAndAHalf = Percent::parse(u"12.5");
        QVERIFY(twelveAndAHalf.ok());
        QCOMPARE(twelveAndAHalf->microPercent(), qint64(12'500'000));
        // 12.5 % of 999.00 = 124.875: micro-exact, and 124.88 in cents.
        QCOMPARE(Money::fromUnits(999).percentOf(*twelveAndAHalf).micros(), qint64(124'875'000));
        QCOMPARE(Money::fromUnits(999).percentOfInCents(*twelveAndAHalf).micros(),
                 qint64(124'880'000));
        // 3.333331 % of 0.15 = 0.0049999965: no cent. Rounding to micro-units
        // first would make it 0.005000 and then a whole cent.
        const auto awkward = Percent::parse(u"3.333331");
        QVERIFY(awkward.ok());
        QCOMPARE(Money::fromMicros(150'000).percentOf(*awkward).micros(), qint64(5'000));
        QCOMPARE(Money::fromMicros(150'000).percentOfInCents(*awkward).micros(), qint64(0));
    }

    void refusesBadPercentages() {
        QVERIFY(!Percent::parse(u"-1").ok());
        QVERIFY(!Percent::parse(u"100.000001").ok());
        QVERIFY(!Percent::parse(u"ten").ok());
        QVERIFY(Percent::parse(u"100").ok());
        QCOMPARE(Percent::parse(u"7.25")->toDecimalString(), QStringLiteral("7.25"));
    }

    void formatsForPeople() {
        const QLocale us(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(aicp::formatMoney(Money::fromMicros(1'234'560'000), us),
                 QStringLiteral("$1,234.56"));
        QCOMPARE(aicp::formatMoney(Money::fromMicros(500), us), QStringLiteral("$0.0005"));
        QCOMPARE(aicp::formatMoney(Money::fromMicros(-29'900'000), us), QStringLiteral("-$29.90"));
        QCOMPARE(aicp::formatMoney(Money::fromUnits(4999), us, QStringLiteral("USD"), 0),
                 QStringLiteral("$4,999"));
        const QLocale de(QLocale::German, QLocale::Germany);
        const QString german = aicp::formatMoney(Money::fromMicros(1'234'560'000), de);
        QVERIFY2(german.startsWith(QStringLiteral("1.234,56")), qPrintable(german));
        QVERIFY2(german.endsWith(QStringLiteral("$")), qPrintable(german));
        QCOMPARE(aicp::formatCount(10'000'000, us), QStringLiteral("10,000,000"));
        // LANG unset: the C locale would put the symbol last ("0.00$").
        QCOMPARE(aicp::formatMoney(Money::fromUnits(299), QLocale::c()), QStringLiteral("$299.00"));
        // Another currency by its code, a word apart from the number.
        QCOMPARE(aicp::formatMoney(Money::fromMicros(-929'500'000), us, QStringLiteral("EUR")),
                 QStringLiteral("-EUR 929.50"));
        QCOMPARE(aicp::formatMoney(Money::fromUnits(929), de, QStringLiteral("GBP")),
                 QStringLiteral("929,00\u00a0GBP"));
    }

    // Amounts of one currency add and subtract exactly.
    void addsAmountsOfOneCurrency() {
        const Amount a(Money::fromMicros(12'340'000), QStringLiteral("EUR"));
        const Amount b(Money::fromMicros(-2'340'000), QStringLiteral("EUR"));
        const auto sum = a.plus(b);
        QVERIFY(sum.ok());
        QCOMPARE(*sum, Amount(Money::fromUnits(10), QStringLiteral("EUR")));
        QCOMPARE(sum->toText(), QStringLiteral("EUR 10.00"));
        const auto difference = a.minus(b);
        QVERIFY(difference.ok());
        QCOMPARE(difference->money(), Money::fromMicros(14'680'000));
    }

    // The type refuses to add or subtract two currencies, naming both.
    void refusesToMixCurrencies() {
        const Amount euros(Money::fromUnits(10), QStringLiteral("EUR"));
        const Amount dollars(Money::fromUnits(5), QStringLiteral("USD"));
        const auto sum = euros.plus(dollars);
        QVERIFY(!sum.ok());
        QCOMPARE(sum.error().code(), aicp::Error::Code::Conflict);
        QVERIFY2(sum.error().message().contains(QStringLiteral("EUR 10.00")) &&
                     sum.error().message().contains(QStringLiteral("USD 5.00")),
                 qPrintable(sum.error().message()));
        QVERIFY(!dollars.minus(euros).ok());
    }

    // Overflow stays an error of the sum, not a silent wrap.
    void amountOverflowIsAnError() {
        const Amount most(Money::fromMicros(Money::kMaxMicros), QStringLiteral("USD"));
        QVERIFY(!most.plus(Amount(Money::fromMicros(1), QStringLiteral("USD"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
