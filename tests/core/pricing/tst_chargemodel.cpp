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
