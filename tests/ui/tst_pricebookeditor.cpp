#include "billing/pricebookimport.h"
#include "pages/settings/chargetext.h"
#include "pages/settings/pricebookeditor.h"

#include <QDialogButtonBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace aicp;

namespace {

// Rows of the editor's table (pricebookeditor.cpp).
constexpr int kBaseRow = 2;
constexpr int kBeyondRow = 4;
constexpr int kSeatsRow = 9;

PriceBookVersion defaultVersion() {
    return PriceBook::loadDefault().value().latest();
}

// A preview as the workspace of the default book without invoices answers it.
PriceBookEditor::Preview previewOnTheDefaultBook() {
    return [](const PriceBook& book) -> Result<PriceBookImport> {
        auto merge = PriceBook::loadDefault()->merged(book);
        if (!merge)
            return merge.error();
        PriceBookImport result;
        result.merge = std::move(merge).value();
        return result;
    };
}

}  // namespace

// The price book editor (Settings ▸ Price book ▸ New Version…): charges as a
// line and back, a mistake named by tier and row with Save disabled, a tier
// added, and the document it saves.
class TestPriceBookEditor : public QObject {
    Q_OBJECT

private slots:
    void chargeLinesRoundTrip_data() {
        QTest::addColumn<QString>("line");
        QTest::newRow("none") << QString();
        QTest::newRow("per unit") << QStringLiteral("0.001");
        QTest::newRow("flat") << QStringLiteral("flat: 49");
        QTest::newRow("package") << QStringLiteral("package: 1000 @ 5");
        QTest::newRow("graduated")
            << QStringLiteral("graduated: 10000000 @ 0.0005; above @ 0.0002");
        QTest::newRow("volume") << QStringLiteral("volume: 1000 @ 0.002; above @ 0.001");
    }
    void chargeLinesRoundTrip() {
        QFETCH(QString, line);
        auto json = chargeJsonFromText(line);
        QVERIFY2(json, json ? "" : qPrintable(json.error().message()));
        QCOMPARE(chargeTextFromJson(*json), line);
    }

    void chargeLinesAcceptSeparatorsAndRefuseNonsense() {
        auto graduated =
            chargeJsonFromText(QStringLiteral("Graduated: 10,000,000 @ $0.0005; above @ 0.0002"));
        QVERIFY(graduated);
        QCOMPARE(graduated->toObject().value(QStringLiteral("model")).toString(),
                 QStringLiteral("graduated"));
        for (const char* nonsense :
             {"cheap", "package: 1000", "graduated: 10 @ x", "stairs: 1 @ 2"}) {
            auto refused = chargeJsonFromText(QString::fromLatin1(nonsense));
            QVERIFY2(!refused, nonsense);
            QVERIFY(refused.error().message().contains(QStringLiteral("is not a price")));
        }
    }

    void theSeedIsValidAndEditsAreChecked() {
        PriceBookEditor editor(defaultVersion(), QStringLiteral("2027.1"), QDate(2027, 1, 1),
                               previewOnTheDefaultBook());
        auto* save = editor.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
        QVERIFY2(editor.problem().isEmpty(), qPrintable(editor.problem()));
        QVERIFY(save->isEnabled());
        // The seed's charges read as lines.
        QCOMPARE(editor.table()->item(kBeyondRow, 2)->text(),
                 QStringLiteral("graduated: 10000000 @ 0.0005; above @ 0.0002"));

        editor.table()->item(kSeatsRow, 2)->setText(QStringLiteral("2.5"));
        QTRY_VERIFY(!editor.problem().isEmpty());
        QVERIFY2(editor.problem().startsWith(QStringLiteral("Professional ▸ Seats included: ")),
                 qPrintable(editor.problem()));
        QVERIFY(!save->isEnabled());
        QVERIFY(editor.table()->item(kSeatsRow, 2)->data(Qt::BackgroundRole).isValid());

        editor.table()->item(kSeatsRow, 2)->setText(QStringLiteral("12"));
        editor.table()->item(kBaseRow, 1)->setText(QStringLiteral("349"));
        QTRY_VERIFY(editor.problem().isEmpty());
        QVERIFY(save->isEnabled());
        auto book = editor.edited();
        QVERIFY(book);
        const PriceBookVersion& version = book->latest();
        QCOMPARE(version.version, QStringLiteral("2027.1"));
        QCOMPARE(version.effectiveFrom, QDate(2027, 1, 1));
        QCOMPARE(version.tier(QStringLiteral("starter"))->base.amount().toDecimalString(),
                 QStringLiteral("349.00"));
        QCOMPARE(version.tier(QStringLiteral("professional"))->seats.included,
                 std::optional<std::int64_t>(12));
        // Nothing else changed: the rest of the document is the seed's.
        QJsonObject expected = defaultVersion().toJson();
        QJsonObject actual = version.toJson();
        for (QJsonObject* side : {&expected, &actual}) {
            side->remove(QStringLiteral("version"));
            side->remove(QStringLiteral("effective_from"));
            side->remove(QStringLiteral("tiers"));
        }
        QCOMPARE(actual, expected);
    }

    void volumeDiscountBandsAreTypedOnOneLine() {
        PriceBookEditor editor(defaultVersion(), QStringLiteral("2027.1"), QDate(2027, 1, 1),
                               previewOnTheDefaultBook());
        auto* bands = editor.findChild<QLineEdit*>(QStringLiteral("volumeDiscountsInput"));
        QVERIFY(bands);
        bands->setText(QStringLiteral("5,000 @ 5%; 10000 @ 10"));
        QTRY_VERIFY(editor.problem().isEmpty());
        auto book = editor.edited();
        QVERIFY(book);
        QCOMPARE(book->latest().volumeDiscounts.size(), std::size_t(2));
        QCOMPARE(book->latest().volumeDiscounts[0].from.toDecimalString(),
                 QStringLiteral("5000.00"));
        QCOMPARE(book->latest().volumeDiscounts[1].percent.toDecimalString(), QStringLiteral("10"));

        bands->setText(QStringLiteral("10000 @ 10; 5000 @ 5"));
        QTRY_VERIFY(!editor.problem().isEmpty());
        QVERIFY2(editor.problem().contains(QStringLiteral("bands must start from rising amounts")),
                 qPrintable(editor.problem()));
        bands->setText(QStringLiteral("five thousand"));
        QTRY_VERIFY(editor.problem().contains(QStringLiteral("'five thousand' is not a band")));
        bands->clear();
        QTRY_VERIFY(editor.problem().isEmpty());
        QVERIFY(editor.edited()->latest().volumeDiscounts.empty());
    }

    void aVersionTheWorkspaceWouldRefuseCannotBeSaved() {
        // The seed's own id: the workspace holds it with other content.
        PriceBookEditor editor(defaultVersion(), QStringLiteral("2026.1"), QDate(2027, 1, 1),
                               previewOnTheDefaultBook());
        QVERIFY2(editor.problem().contains(QStringLiteral("in the price book already")),
                 qPrintable(editor.problem()));
        QVERIFY(
            !editor.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->isEnabled());
    }

    void aTierIsAddedFromTheSelectedOne() {
        PriceBookEditor editor(defaultVersion(), QStringLiteral("2027.1"), QDate(2027, 1, 1),
                               previewOnTheDefaultBook());
        editor.table()->setCurrentCell(kBaseRow, 3);
        QVERIFY(editor.addTier(QStringLiteral("acme-deal")));
        QVERIFY(!editor.addTier(QStringLiteral("acme-deal")));
        QVERIFY(!editor.addTier(QStringLiteral("Not An Id")));
        editor.table()->item(kBaseRow, 4)->setText(QStringLiteral("3999"));
        QTRY_VERIFY(editor.problem().isEmpty());
        auto book = editor.edited();
        QVERIFY(book);
        const TierDefinition* deal = book->latest().tier(QStringLiteral("acme-deal"));
        QVERIFY(deal);
        QCOMPARE(deal->base.amount().toDecimalString(), QStringLiteral("3999.00"));
        // Copied from enterprise: unlimited requests, its features.
        QVERIFY(!deal->includedRequests);
        QCOMPARE(deal->features, book->latest().tier(QStringLiteral("enterprise"))->features);
    }

    void aViewChangesNothing() {
        PriceBookEditor viewer(defaultVersion());
        QCOMPARE(viewer.table()->editTriggers(), QAbstractItemView::NoEditTriggers);
        QVERIFY(!viewer.findChild<QPushButton*>(QStringLiteral("addTierButton")));
        QVERIFY(viewer.edited());
        QCOMPARE(viewer.edited()->latest().toJson(), defaultVersion().toJson());
    }
};

QTEST_MAIN(TestPriceBookEditor)
#include "tst_pricebookeditor.moc"
