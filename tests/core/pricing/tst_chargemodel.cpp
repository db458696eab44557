#include "pricing/chargemodel.h"

#include <QJsonDocument>
#include <QTest>

using aicp::ChargeModel;
using aicp::Money;
using aicp::PriceBand;

namespace {

Money dollars(const char* text) {
    return Money::parse(QString::fromLatin1(text)).value();
}

// 0.01 each up to 1,000, then 0.005 each.
std::vector<PriceBand> twoBands() {
    return {{1'000, dollars("0.01")}, {std::nullopt, dollars("0.005")}};
}

}  // namespace

class TestChargeModel : public QObject {
    Q_OBJECT

private slots:
    // Worked examples other billing systems publish for their charge
    // models, priced here and redone by hand in the comments. aicp's free
    // units are a tier's included quantity: only what lies beyond it reaches
    // the `beyond` charge model, so a "package with free units" is the
    // package model applied to the quantity past the included units.
    void publishedWorkedExamples() {
        // Autumn, "Graduated Pricing": the first 1,000 requests at $0.01, the
        // next 9,000 at $0.008, the rest at $0.005. 15,000 requests:
        // 1,000 × 0.01 + 9,000 × 0.008 + 5,000 × 0.005 = 10 + 72 + 25 = $107.
        const ChargeModel autumn = ChargeModel::graduated({{1'000, dollars("0.01")},
                                                           {10'000, dollars("0.008")},
                                                           {std::nullopt, dollars("0.005")}})
                                       .value();
        QCOMPARE(autumn.charge(15'000)->amount, dollars("107"));

        // Zuplo, "Pricing models": 1–1,000 at $0.10, 1,001–10,000 at $0.05,
        // above at $0.01. Graduated, 15,000 units: 1,000 × 0.10 + 9,000 ×
        // 0.05 + 5,000 × 0.01 = 100 + 450 + 50 = $600. Volume, the same
        // bands: all 15,000 at the band reached, × 0.01 = $150.
        const std::vector<PriceBand> zuplo{
            {1'000, dollars("0.10")}, {10'000, dollars("0.05")}, {std::nullopt, dollars("0.01")}};
        QCOMPARE(ChargeModel::graduated(zuplo)->charge(15'000)->amount, dollars("600"));
        QCOMPARE(ChargeModel::volume(zuplo)->charge(15'000)->amount, dollars("150"));

        // Lago, "Package": $5 per 100 units, the first 100 free. 201 units:
        // 100 free, 101 beyond → 2 packages × $5 = $10.
        const ChargeModel lago = ChargeModel::package(100, dollars("5")).value();
        QCOMPARE(lago.charge(201 - 100)->amount, dollars("10"));
        // Lago, "Package rate model": packages of 100 calls at $1. 2,000
        // calls, none free: 20 packages, $20. With 50 free, 200 calls leave
        // 150 → rounded up to 2 packages, $2.
        const ChargeModel calls = ChargeModel::package(100, dollars("1")).value();
        QCOMPARE(calls.charge(2'000)->amount, dollars("20"));
        QCOMPARE(calls.charge(200 - 50)->amount, dollars("2"));
    }

    void flatIgnoresQuantity() {
        const ChargeModel model = ChargeModel::flat(dollars("299"));
        QCOMPARE(model.charge(0)->amount, dollars("299"));
        QCOMPARE(model.charge(7)->amount, dollars("299"));
    }

    void perUnitMultiplies() {
        const ChargeModel model = ChargeModel::perUnit(dollars("0.001"));
        QCOMPARE(model.charge(150'000)->amount, dollars("150"));
        QCOMPARE(model.charge(0)->amount, Money());
        QVERIFY(!model.charge(-1).ok());
    }

    void graduatedPricesEachBandAtItsRate() {
        const ChargeModel model = ChargeModel::graduated(twoBands()).value();
        // 1,000 × 0.01 + 500 × 0.005 = 10 + 2.5
        const auto charge = model.charge(1'500);
        QCOMPARE(charge->amount, dollars("12.5"));
        QCOMPARE(charge->portions.size(), std::size_t(2));
        QCOMPARE(charge->portions[1].quantity, std::int64_t(500));
        QVERIFY(!ChargeModel::singleUnitPrice(*charge).has_value());
    }

    void graduatedAtExactBandLimitUsesOneRate() {
        const ChargeModel model = ChargeModel::graduated(twoBands()).value();
        const auto charge = model.charge(1'000);
        QCOMPARE(charge->amount, dollars("10"));
        QCOMPARE(ChargeModel::singleUnitPrice(*charge).value(), dollars("0.01"));
    }

    void volumePricesTheWholeQuantityAtTheBandReached() {
        const ChargeModel model = ChargeModel::volume(twoBands()).value();
        // The same 1,500 units: all at 0.005 = 7.50, against 12.50 graduated.
        QCOMPARE(model.charge(1'500)->amount, dollars("7.5"));
        // At the limit the first band still applies: 1,000 × 0.01.
        QCOMPARE(model.charge(1'000)->amount, dollars("10"));
        QCOMPARE(model.charge(1'001)->amount, dollars("5.005"));
    }

    void packageChargesEveryStartedBlock() {
        const ChargeModel model = ChargeModel::package(1'000, dollars("1.50")).value();
        QCOMPARE(model.charge(0)->amount, Money());
        QCOMPARE(model.charge(1)->amount, dollars("1.50"));
        QCOMPARE(model.charge(1'000)->amount, dollars("1.50"));
        QCOMPARE(model.charge(1'001)->amount, dollars("3.00"));
        QCOMPARE(model.charge(2'500)->amount, dollars("4.50"));
    }

    void refusesBrokenBands() {
        QVERIFY(!ChargeModel::graduated({}).ok());
        QVERIFY(!ChargeModel::graduated({{100, dollars("1")}}).ok());  // bounded last band
        QVERIFY(!ChargeModel::graduated(
                     {{100, dollars("1")}, {100, dollars("1")}, {std::nullopt, dollars("1")}})
                     .ok());
        QVERIFY(!ChargeModel::volume({{std::nullopt, dollars("1")}, {100, dollars("1")}}).ok());
        QVERIFY(!ChargeModel::package(0, dollars("1")).ok());
    }

    void reportsOverflowInsteadOfWrapping() {
        const ChargeModel model = ChargeModel::perUnit(dollars("1000"));
        QVERIFY(!model.charge(std::numeric_limits<std::int64_t>::max()).ok());
    }

    void readsAndWritesJson() {
        // Written in QJsonObject's sorted key order so the round trip is byte-exact.
        const QByteArray json =
            R"({"bands":[{"unit_price":"0.0005","up_to":10000000},{"unit_price":"0.0002","up_to":null}],)"
            R"("model":"graduated"})";
        const auto model =
            ChargeModel::fromJson(QJsonDocument::fromJson(json).object(), QStringLiteral("x"));
        QVERIFY(model.ok());
        QCOMPARE(model->kind(), ChargeModel::Kind::Graduated);
        QCOMPARE(QJsonDocument(model->toJson()).toJson(QJsonDocument::Compact), json);
    }

    void jsonErrorsNameTheField_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown model") << QByteArray(R"({"model":"tiered"})") << "p.model";
        QTest::newRow("number price")
            << QByteArray(R"({"model":"flat","amount":299})") << "p.amount";
        QTest::newRow("negative") << QByteArray(R"({"model":"per_unit","unit_price":"-1"})")
                                  << "p.unit_price";
        QTest::newRow("fractional limit")
            << QByteArray(
                   R"({"model":"volume","bands":[{"up_to":1.5,"unit_price":"1"},{"up_to":null,"unit_price":"1"}]})")
            << "p.bands[0].up_to";
        QTest::newRow("package size")
            << QByteArray(R"({"model":"package","package_size":0,"package_price":"1"})") << "p";
    }
    void jsonErrorsNameTheField() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const auto model =
            ChargeModel::fromJson(QJsonDocument::fromJson(json).object(), QStringLiteral("p"));
        QVERIFY(!model.ok());
        QVERIFY2(model.error().message().startsWith(field + u':'),
                 qPrintable(model.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestChargeModel)
#include "tst_chargemodel.moc"
