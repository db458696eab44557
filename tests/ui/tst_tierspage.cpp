#include "mainwindow.h"
#include "pages/tiers/tiercomparisonmodel.h"
#include "pages/tiers/tierresultcard.h"
#include "pages/tiers/tierspage.h"
#include "workspacesession.h"

#include <memory>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace aicp;

// Drives the Tiers page as a user would: types needs into the calculator and
// reads what the page highlights. Every expected figure is worked out by hand
// from SPEC section 2 (the same figures as tests/pricing/tst_costengine.cpp).
class TestTiersPage : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<TiersPage> page_;

    template <typename T>
    T* find(const QString& name) const {
        auto* widget = page_->findChild<T*>(name);
        if (!widget)
            qWarning("no child named %s", qPrintable(name));
        return widget;
    }
    TierResultCard* card(const QString& tier) const {
        return find<TierResultCard>(QStringLiteral("tierCard_") + tier);
    }
    QString cheapestTier() const {
        return find<QLabel>(QStringLiteral("cheapestTier"))->property("tierId").toString();
    }
    QStringList highlightedCards() const {
        QStringList tiers;
        for (const TierResultCard* each : page_->findChildren<TierResultCard*>()) {
            if (each->isCheapest())
                tiers.append(each->tierId());
        }
        return tiers;
    }
    void typeRequests(const QString& text) {
        auto* requests = find<QLineEdit>(QStringLiteral("requestsInput"));
        requests->clear();
        QTest::keyClicks(requests, text);
    }
    QString cell(const QString& rowLabel, const QString& tier) const {
        auto* table = find<QTableView>(QStringLiteral("comparisonTable"));
        auto* model = qobject_cast<TierComparisonModel*>(table->model());
        const int column = model->columnOfTier(tier);
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data().toString() == rowLabel)
                return model->index(row, column).data().toString();
        }
        return QStringLiteral("<no row %1>").arg(rowLabel);
    }

    static PriceBookVersion defaultPrices() {
        auto book = PriceBook::loadDefault();
        if (!book)
            qFatal("default price book: %s", qPrintable(book.error().message()));
        return book->latest();
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init() {
        page_ = std::make_unique<TiersPage>();
        page_->setPrices(defaultPrices());
        page_->resize(1000, 680);
        page_->show();
        QVERIFY(QTest::qWaitForWindowExposed(page_.get()));
    }

    void cleanup() { page_.reset(); }

    void emptyCalculatorPricesTheFreeTier() {
        // No requests, one seat, one agent: open_source fits at $0.00.
        QCOMPARE(cheapestTier(), QStringLiteral("open_source"));
        QCOMPARE(card(QStringLiteral("open_source"))->totalText(), QStringLiteral("$0.00"));
    }

    void quarterMillionRequestsMakeStarterCheapest() {
        typeRequests(QStringLiteral("250000"));

        // open_source caps at 10,000; starter: $299 + 150,000 × $0.001 = $449.00;
        // professional: 250,000 is within its 1,000,000, so $999.00;
        // enterprise: $4,999.00.
        QCOMPARE(cheapestTier(), QStringLiteral("starter"));
        QCOMPARE(highlightedCards(), QStringList{QStringLiteral("starter")});
        QCOMPARE(card(QStringLiteral("starter"))->totalText(), QStringLiteral("$449.00"));
        QCOMPARE(card(QStringLiteral("professional"))->totalText(), QStringLiteral("$999.00"));
        QCOMPARE(card(QStringLiteral("enterprise"))->totalText(), QStringLiteral("$4,999.00"));
        QVERIFY(!card(QStringLiteral("open_source"))->isEligible());
        QCOMPARE(card(QStringLiteral("open_source"))->noteText(),
                 QStringLiteral("Open Source caps requests at 10,000 a month (250,000 needed)"));
        QCOMPARE(card(QStringLiteral("starter"))->noteText(),
                 QStringLiteral("$550.00 less than Professional"));
        QCOMPARE(card(QStringLiteral("enterprise"))->noteText(),
                 QStringLiteral("$4,550.00 more than Starter"));
        QCOMPARE(find<QLabel>(QStringLiteral("cheapestTier"))->text(),
                 QStringLiteral("Starter fits these needs for the least: $449.00 a month."));
    }

    void groupedRequestsReadTheSame() {
        typeRequests(QStringLiteral("250,000"));
        QCOMPARE(card(QStringLiteral("starter"))->totalText(), QStringLiteral("$449.00"));
    }

    void needingSsoMovesTheHighlightToProfessional() {
        typeRequests(QStringLiteral("250000"));
        find<QCheckBox>(QStringLiteral("ssoInput"))->click();

        QCOMPARE(cheapestTier(), QStringLiteral("professional"));
        QCOMPARE(highlightedCards(), QStringList{QStringLiteral("professional")});
        QCOMPARE(card(QStringLiteral("professional"))->totalText(), QStringLiteral("$999.00"));
        QVERIFY(!card(QStringLiteral("starter"))->isEligible());
        QCOMPARE(card(QStringLiteral("starter"))->noteText(),
                 QStringLiteral("Starter has no single sign-on (SSO)"));
        // Both of open_source's obstacles are listed, one per line.
        QCOMPARE(card(QStringLiteral("open_source"))->noteText(),
                 QStringLiteral("Open Source caps requests at 10,000 a month (250,000 needed)\n"
                                "Open Source has no single sign-on (SSO)"));
    }

    void showsTheCommandLineThatGivesTheSameTotals() {
        typeRequests(QStringLiteral("250000"));
        find<QCheckBox>(QStringLiteral("ssoInput"))->click();
        find<QCheckBox>(QStringLiteral("pack_toxicity"))->click();
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("discountInput")), QStringLiteral("12.5"));
        QCOMPARE(find<QLabel>(QStringLiteral("equivalentCommand"))->text(),
                 QStringLiteral("aicp quote --compare --requests 250000 --policy-packs toxicity "
                                "--discount 12.5 --sso"));
    }

    void moreAgentsThanStarterAllowsMovesTheHighlight() {
        typeRequests(QStringLiteral("250000"));
        auto* agents = find<QSpinBox>(QStringLiteral("agentsInput"));
        agents->selectAll();
        QTest::keyClicks(agents, QStringLiteral("8"));

        QCOMPARE(agents->value(), 8);
        QCOMPARE(cheapestTier(), QStringLiteral("professional"));
        QCOMPARE(card(QStringLiteral("starter"))->noteText(),
                 QStringLiteral("Starter allows 5 agents (8 needed)"));
        QCOMPARE(card(QStringLiteral("starter"))->totalText(), QStringLiteral("$449.00"));
    }

    void discountComesOffTheRecurringPartOnly() {
        typeRequests(QStringLiteral("250000"));
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("discountInput")), QStringLiteral("10"));
        // starter: 10 % of the $299.00 base = $29.90; the $150.00 of requests
        // is not discounted: $299.00 + $150.00 − $29.90 = $419.10.
        QCOMPARE(card(QStringLiteral("starter"))->totalText(), QStringLiteral("$419.10"));
    }

    void extraAddOnsArePriced() {
        typeRequests(QStringLiteral("250000"));
        // Three packs: starter includes 2, the third costs $99.00; one module is included.
        for (const char* pack : {"pack_pii-protection", "pack_toxicity", "pack_prompt-injection"})
            find<QCheckBox>(QString::fromLatin1(pack))->click();
        find<QCheckBox>(QStringLiteral("module_gdpr"))->click();
        // $299.00 + $150.00 + $99.00 = $548.00
        QCOMPARE(card(QStringLiteral("starter"))->totalText(), QStringLiteral("$548.00"));
        QCOMPARE(card(QStringLiteral("open_source"))->noteText(),
                 QStringLiteral("Open Source caps requests at 10,000 a month (250,000 needed)\n"
                                "Open Source includes 0 policy packs and sells no more (3 "
                                "needed)\n"
                                "Open Source includes 0 compliance modules and sells no more (1 "
                                "needed)"));
    }

    void aCommitmentFloorsAndAnnualBillingChargesAYearAhead() {
        // 250,000 requests: starter 449.00, professional 999.00. A 1,000.00
        // a month commitment lifts both to 1,000.00 (true-ups 551.00 and
        // 1.00); the tie goes to the smaller tier.
        typeRequests(QStringLiteral("250000"));
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("commitmentInput")),
                         QStringLiteral("1,000"));
        QCOMPARE(card(QStringLiteral("starter"))->totalText(), QStringLiteral("$1,000.00"));
        QCOMPARE(card(QStringLiteral("professional"))->totalText(), QStringLiteral("$1,000.00"));
        QCOMPARE(card(QStringLiteral("enterprise"))->totalText(), QStringLiteral("$4,999.00"));
        QCOMPARE(cheapestTier(), QStringLiteral("starter"));
        QCOMPARE(card(QStringLiteral("starter"))->noteText(),
                 QStringLiteral("The same as Professional"));
        // 1,000.00 a year is 83.33 a month, below every charge: no floor.
        find<QComboBox>(QStringLiteral("commitmentPeriodInput"))->setCurrentIndex(1);
        QCOMPARE(card(QStringLiteral("starter"))->totalText(), QStringLiteral("$449.00"));
        auto* commitment = find<QLineEdit>(QStringLiteral("commitmentInput"));
        // A yearly 6,000.00 is 500.00 a month: starter 500.00, professional 999.00.
        commitment->clear();
        QTest::keyClicks(commitment, QStringLiteral("6000"));
        QCOMPARE(card(QStringLiteral("starter"))->totalText(), QStringLiteral("$500.00"));
        QCOMPARE(card(QStringLiteral("professional"))->totalText(), QStringLiteral("$999.00"));

        // Annual: starter's 299.00 × 12 = 3,588.00 in advance, professional's 11,988.00.
        find<QComboBox>(QStringLiteral("billingPeriodInput"))->setCurrentIndex(1);
        QCOMPARE(card(QStringLiteral("starter"))->noteText(),
                 QStringLiteral("$499.00 less than Professional\n$3,588.00 a year in advance"));
        QCOMPARE(card(QStringLiteral("professional"))->noteText(),
                 QStringLiteral("$499.00 more than Starter\n$11,988.00 a year in advance"));
        QCOMPARE(find<QLabel>(QStringLiteral("cheapestTier"))->text(),
                 QStringLiteral("Starter fits these needs for the least: $500.00 a month."));
        QCOMPARE(find<QLabel>(QStringLiteral("equivalentCommand"))->text(),
                 QStringLiteral("aicp quote --compare --requests 250000 --billing-period annual "
                                "--commitment 6000.00/year"));

        commitment->clear();
        QTest::keyClicks(commitment, QStringLiteral("0"));
        auto* error = find<QLabel>(QStringLiteral("inputError"));
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Commitment: “0” is not an amount above 0"));
    }

    void impossibleDiscountSaysWhyAndShowsNoFigures() {
        typeRequests(QStringLiteral("250000"));
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("discountInput")), QStringLiteral("150"));
        auto* error = find<QLabel>(QStringLiteral("inputError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(QStringLiteral("Discount: ")), qPrintable(error->text()));
        QVERIFY(highlightedCards().isEmpty());
        QCOMPARE(card(QStringLiteral("starter"))->totalText(), QStringLiteral("\u2014"));
    }

    void itemisedLinesShowEveryAxis() {
        typeRequests(QStringLiteral("250000"));
        auto* breakdown =
            card(QStringLiteral("starter"))->findChild<QWidget*>(QStringLiteral("breakdown"));
        QVERIFY(!breakdown->isVisible());
        find<QToolButton>(QStringLiteral("breakdownToggle"))->click();
        QVERIFY(breakdown->isVisible());
        QStringList texts;
        for (const QLabel* label : breakdown->findChildren<QLabel*>())
            texts.append(label->text());
        QCOMPARE(texts, (QStringList{QStringLiteral("Base"), QStringLiteral("$299.00"),
                                     QStringLiteral("Requests"), QStringLiteral("$150.00"),
                                     QStringLiteral("Policy packs"), QStringLiteral("$0.00"),
                                     QStringLiteral("Compliance"), QStringLiteral("$0.00"),
                                     QStringLiteral("Seats"), QStringLiteral("$0.00"),
                                     QStringLiteral("Audit"), QStringLiteral("$0.00"),
                                     QStringLiteral("Discount"), QStringLiteral("$0.00")}));
    }

    void comparisonTableReadsLikeTheSpec() {
        // SPEC section 2, row by row, as a reader of the table sees it.
        QCOMPARE(cell(QStringLiteral("Base price / month"), QStringLiteral("open_source")),
                 QStringLiteral("$0"));
        QCOMPARE(cell(QStringLiteral("Base price / month"), QStringLiteral("enterprise")),
                 QStringLiteral("$4,999"));
        QCOMPARE(cell(QStringLiteral("Requests included / month"), QStringLiteral("professional")),
                 QStringLiteral("1,000,000"));
        QCOMPARE(cell(QStringLiteral("Requests included / month"), QStringLiteral("enterprise")),
                 QStringLiteral("Unlimited"));
        QCOMPARE(
            cell(QStringLiteral("Beyond the included requests"), QStringLiteral("open_source")),
            QStringLiteral("Hard cap"));
        QCOMPARE(cell(QStringLiteral("Beyond the included requests"), QStringLiteral("starter")),
                 QStringLiteral("$0.001 / request"));
        QCOMPARE(
            cell(QStringLiteral("Beyond the included requests"), QStringLiteral("professional")),
            QStringLiteral("$0.0005 / request for the first 10,000,000, then $0.0002"));
        QCOMPARE(cell(QStringLiteral("Policy packs included"), QStringLiteral("enterprise")),
                 QStringLiteral("All"));
        QCOMPARE(cell(QStringLiteral("Extra policy pack / month"), QStringLiteral("open_source")),
                 QStringLiteral("Not sold"));
        QCOMPARE(cell(QStringLiteral("Extra compliance module / month"), QStringLiteral("starter")),
                 QStringLiteral("$199"));
        QCOMPARE(cell(QStringLiteral("Extra seat / month"), QStringLiteral("enterprise")),
                 QStringLiteral("$29"));
        QCOMPARE(cell(QStringLiteral("Agents included"), QStringLiteral("professional")),
                 QStringLiteral("25"));
        QCOMPARE(cell(QStringLiteral("Single sign-on (SSO)"), QStringLiteral("starter")),
                 QStringLiteral("\u2014"));
        QCOMPARE(cell(QStringLiteral("Single sign-on (SSO)"), QStringLiteral("professional")),
                 QStringLiteral("\u2713"));
        QCOMPARE(cell(QStringLiteral("Plugins, custom policies"), QStringLiteral("enterprise")),
                 QStringLiteral("\u2713"));
        QCOMPARE(cell(QStringLiteral("Dedicated support"), QStringLiteral("professional")),
                 QStringLiteral("\u2014"));
        QCOMPARE(cell(QStringLiteral("Audit retention included"), QStringLiteral("enterprise")),
                 QStringLiteral("Extended, 365 days"));
        QCOMPARE(cell(QStringLiteral("Audit upgrades / month"), QStringLiteral("starter")),
                 QStringLiteral("Extended $299\nRegulatory $999"));
    }

    void tableHighlightFollowsTheCheapest() {
        auto* table = find<QTableView>(QStringLiteral("comparisonTable"));
        auto* model = qobject_cast<TierComparisonModel*>(table->model());
        typeRequests(QStringLiteral("250000"));
        QCOMPARE(model->highlightedTier(), QStringLiteral("starter"));
        find<QCheckBox>(QStringLiteral("ssoInput"))->click();
        QCOMPARE(model->highlightedTier(), QStringLiteral("professional"));
    }
};

QTEST_MAIN(TestTiersPage)
#include "tst_tierspage.moc"
