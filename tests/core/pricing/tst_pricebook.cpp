#include "pricing/pricebook.h"
#include "pricing/pricebookdiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using aicp::ChargeModel;
using aicp::Money;
using aicp::PriceBook;
using aicp::PriceBookVersion;
using aicp::TierDefinition;

namespace {

Money dollars(const char* text) {
    return Money::parse(QString::fromLatin1(text)).value();
}

constexpr std::int64_t kUnlimited = -1;
constexpr const char* kNotSold = nullptr;

// SPEC section 2, one row per tier, copied from the table by hand.
struct SpecRow {
    const char* tier;
    const char* basePrice;
    std::int64_t requestsIncluded;
    std::int64_t packsIncluded;
    const char* extraPack;
    std::int64_t modulesIncluded;
    const char* extraModule;
    std::int64_t seatsIncluded;
    const char* extraSeat;
    std::int64_t agentsIncluded;
    bool sso;
    bool pluginsAndCustomPolicies;
    bool dedicatedSupport;
    const char* auditIncluded;
};

const SpecRow kSpecTable[] = {
    {"open_source", "0", 10'000, 0, kNotSold, 0, kNotSold, 1, kNotSold, 1, false, false, false,
     "basic"},
    {"starter", "299", 100'000, 2, "99", 1, "199", 3, "99", 5, false, false, false, "basic"},
    {"professional", "999", 1'000'000, 4, "49", 3, "99", 10, "59", 25, true, false, false, "basic"},
    {"enterprise", "4999", kUnlimited, kUnlimited, kNotSold, kUnlimited, kNotSold, 25, "29",
     kUnlimited, true, true, true, "extended"},
};

std::optional<std::int64_t> limit(std::int64_t value) {
    return value == kUnlimited ? std::nullopt : std::optional<std::int64_t>(value);
}

std::optional<Money> extraPrice(const aicp::AddOnAllowance& allowance) {
    if (!allowance.extra)
        return std::nullopt;
    if (allowance.extra->kind() != ChargeModel::Kind::PerUnit)
        return Money::fromMicros(-1);
    return allowance.extra->amount();
}

std::optional<Money> expectedPrice(const char* text) {
    return text ? std::optional<Money>(dollars(text)) : std::nullopt;
}

QByteArray defaultJson() {
    QFile file(QStringLiteral(":/aicp/pricebook/default.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Applies `edit` to the first version of the default book and parses it.
template <typename Edit>
aicp::Result<PriceBook> parseEdited(Edit edit) {
    QJsonObject root = QJsonDocument::fromJson(defaultJson()).object();
    QJsonArray versions = root.value(QStringLiteral("versions")).toArray();
    QJsonObject version = versions.at(0).toObject();
    edit(root, version);
    versions.replace(0, version);
    if (!root.contains(QStringLiteral("versions_removed")))
        root.insert(QStringLiteral("versions"), versions);
    root.remove(QStringLiteral("versions_removed"));
    return PriceBook::fromJson(QJsonDocument(root).toJson());
}

QJsonObject tierAt(const QJsonObject& version, int index) {
    return version.value(QStringLiteral("tiers")).toArray().at(index).toObject();
}

void setTierAt(QJsonObject& version, int index, const QJsonObject& tier) {
    QJsonArray tiers = version.value(QStringLiteral("tiers")).toArray();
    tiers.replace(index, tier);
    version.insert(QStringLiteral("tiers"), tiers);
}

// The default book's version with a new id, date and starter base price:
// next year's version as finance would write it.
PriceBook nextYear(const char* version, const char* from, const char* starterBase,
                   const char* currency = "USD") {
    auto book = parseEdited([&](QJsonObject&, QJsonObject& first) {
        first.insert(QStringLiteral("currency"), QString::fromLatin1(currency));
        first.insert(QStringLiteral("version"), QString::fromLatin1(version));
        first.insert(QStringLiteral("effective_from"), QString::fromLatin1(from));
        QJsonObject starter = tierAt(first, 1);
        starter.insert(QStringLiteral("base"),
                       QJsonObject{{QStringLiteral("model"), QStringLiteral("flat")},
                                   {QStringLiteral("amount"), QString::fromLatin1(starterBase)}});
        setTierAt(first, 1, starter);
    });
    if (!book)
        qFatal("%s", qPrintable(book.error().message()));
    return std::move(book).value();
}

}  // namespace

class TestPriceBook : public QObject {
    Q_OBJECT

private slots:
    void defaultBookMatchesSpecTable() {
        const auto book = PriceBook::loadDefault();
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().message()));
        const PriceBookVersion& prices = book->latest();
        QCOMPARE(prices.currency, QStringLiteral("USD"));
        QCOMPARE(prices.tiers.size(), std::size(kSpecTable));

        for (std::size_t i = 0; i < std::size(kSpecTable); ++i) {
            const SpecRow& row = kSpecTable[i];
            const TierDefinition& tier = prices.tiers[i];
            QCOMPARE(tier.id, QString::fromLatin1(row.tier));
            QCOMPARE(tier.base.kind(), ChargeModel::Kind::Flat);
            QCOMPARE(tier.base.amount(), dollars(row.basePrice));
            QCOMPARE(tier.includedRequests, limit(row.requestsIncluded));
            QCOMPARE(tier.policyPacks.included, limit(row.packsIncluded));
            QCOMPARE(extraPrice(tier.policyPacks), expectedPrice(row.extraPack));
            QCOMPARE(tier.complianceModules.included, limit(row.modulesIncluded));
            QCOMPARE(extraPrice(tier.complianceModules), expectedPrice(row.extraModule));
            QCOMPARE(tier.seats.included, limit(row.seatsIncluded));
            QCOMPARE(extraPrice(tier.seats), expectedPrice(row.extraSeat));
            QCOMPARE(tier.includedAgents, limit(row.agentsIncluded));
            QCOMPARE(tier.hasFeature(QStringLiteral("sso")), row.sso);
            QCOMPARE(tier.hasFeature(QStringLiteral("plugins")), row.pluginsAndCustomPolicies);
            QCOMPARE(tier.hasFeature(QStringLiteral("custom_policies")),
                     row.pluginsAndCustomPolicies);
            QCOMPARE(tier.hasFeature(QStringLiteral("dedicated_support")), row.dedicatedSupport);
            QCOMPARE(tier.includedAuditTier, QString::fromLatin1(row.auditIncluded));
            QVERIFY(tier.hasFeature(QStringLiteral("basic_governance")));
        }
    }

    // SPEC 13's defaults: open_source 1, starter 2, professional 10,
    // enterprise unlimited, all floating with a heartbeat every 600 s.
    void defaultInstancesMatchSpec() {
        const PriceBookVersion prices = PriceBook::loadDefault()->latest();
        const std::optional<std::int64_t> expected[] = {1, 2, 10, std::nullopt};
        for (std::size_t i = 0; i < prices.tiers.size(); ++i) {
            const aicp::ActivationTerms& terms = prices.tiers[i].activation;
            QCOMPARE(terms.instances, expected[i]);
            QCOMPARE(terms.mode, aicp::ActivationMode::Floating);
            QCOMPARE(terms.heartbeatSeconds, 600);
        }
        // Written back only where they are not the defaults.
        const QJsonObject enterprise = tierAt(prices.toJson(), 3);
        QVERIFY(!enterprise.contains(QStringLiteral("instances")));
        QCOMPARE(tierAt(prices.toJson(), 2)
                     .value(QStringLiteral("instances"))
                     .toObject()
                     .value(QStringLiteral("included"))
                     .toInt(),
                 10);
    }

    void defaultRequestOveragesMatchSpec() {
        const PriceBookVersion prices = PriceBook::loadDefault()->latest();
        // open_source: hard cap, refused and not billed.
        QVERIFY(prices.tier(QStringLiteral("open_source"))->requestsHardCapped());
        // starter: $0.001 per request beyond the quota.
        const auto& starter = prices.tier(QStringLiteral("starter"))->requestOverage;
        QCOMPARE(starter->kind(), ChargeModel::Kind::PerUnit);
        QCOMPARE(starter->amount(), dollars("0.001"));
        // professional: $0.0005 for the first 10M over, then $0.0002.
        const auto& professional = prices.tier(QStringLiteral("professional"))->requestOverage;
        QCOMPARE(professional->kind(), ChargeModel::Kind::Graduated);
        QCOMPARE(professional->bands().size(), std::size_t(2));
        QCOMPARE(professional->bands()[0].upTo, std::optional<std::int64_t>(10'000'000));
        QCOMPARE(professional->bands()[0].unitPrice, dollars("0.0005"));
        QCOMPARE(professional->bands()[1].upTo, std::optional<std::int64_t>());
        QCOMPARE(professional->bands()[1].unitPrice, dollars("0.0002"));
        // enterprise: unlimited, nothing beyond.
        QVERIFY(!prices.tier(QStringLiteral("enterprise"))->includedRequests.has_value());
        QVERIFY(!prices.tier(QStringLiteral("enterprise"))->requestOverage.has_value());
    }

    void defaultAuditTiersAndCatalogMatchSpec() {
        const PriceBookVersion prices = PriceBook::loadDefault()->latest();
        QCOMPARE(prices.auditTiers.size(), std::size_t(3));
        QCOMPARE(prices.auditTier(QStringLiteral("basic"))->retentionDays, 30);
        QCOMPARE(prices.auditTier(QStringLiteral("basic"))->price.amount(), dollars("0"));
        QCOMPARE(prices.auditTier(QStringLiteral("extended"))->retentionDays, 365);
        QCOMPARE(prices.auditTier(QStringLiteral("extended"))->price.amount(), dollars("299"));
        QCOMPARE(prices.auditTier(QStringLiteral("regulatory"))->retentionDays, 2555);
        QCOMPARE(prices.auditTier(QStringLiteral("regulatory"))->price.amount(), dollars("999"));
        // "any paid tier may add one"
        QVERIFY(!prices.tier(QStringLiteral("open_source"))->auditUpgradesSold);
        QVERIFY(prices.tier(QStringLiteral("starter"))->auditUpgradesSold);
        QCOMPARE(
            prices.policyPacks,
            QStringList({QStringLiteral("pii-protection"), QStringLiteral("prompt-injection"),
                         QStringLiteral("toxicity"), QStringLiteral("cost-controls"),
                         QStringLiteral("data-residency"), QStringLiteral("secrets-scanning")}));
        QCOMPARE(
            prices.complianceModules,
            QStringList({QStringLiteral("gdpr"), QStringLiteral("hipaa"), QStringLiteral("soc2"),
                         QStringLiteral("eu-ai-act"), QStringLiteral("pci-dss")}));
        QCOMPARE(prices.features.size(), 9);
    }

    void roundTripsThroughJson() {
        const auto book = PriceBook::loadDefault();
        const QByteArray once = book->toJson();
        const auto reread = PriceBook::fromJson(once);
        QVERIFY(reread.ok());
        QCOMPARE(reread->toJson(), once);
    }

    void picksTheVersionInForce() {
        const auto book = parseEdited([](QJsonObject& root, QJsonObject& first) {
            QJsonObject second = first;
            second.insert(QStringLiteral("version"), QStringLiteral("2027.1"));
            second.insert(QStringLiteral("effective_from"), QStringLiteral("2027-01-01"));
            QJsonObject starter = tierAt(second, 1);
            starter.insert(QStringLiteral("base"),
                           QJsonObject{{QStringLiteral("model"), QStringLiteral("flat")},
                                       {QStringLiteral("amount"), QStringLiteral("349")}});
            setTierAt(second, 1, starter);
            root.insert(QStringLiteral("versions"), QJsonArray{first, second});
            root.insert(QStringLiteral("versions_removed"), true);
        });
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().message()));
        const auto starterBase = [&book](QDate date) {
            return book->versionAt(date)->tier(QStringLiteral("starter"))->base.amount();
        };
        QCOMPARE(starterBase(QDate(2026, 12, 31)), dollars("299"));
        QCOMPARE(starterBase(QDate(2027, 1, 1)), dollars("349"));
        QCOMPARE(book->versionAt(QDate(2030, 6, 1))->version, QStringLiteral("2027.1"));
        QVERIFY(!book->versionAt(QDate(2025, 12, 31)).ok());
    }

    void refusesVersionsOutOfOrder() {
        const auto book = parseEdited([](QJsonObject& root, QJsonObject& first) {
            QJsonObject older = first;
            older.insert(QStringLiteral("effective_from"), QStringLiteral("2025-01-01"));
            root.insert(QStringLiteral("versions"), QJsonArray{first, older});
            root.insert(QStringLiteral("versions_removed"), true);
        });
        QVERIFY(!book.ok());
        QVERIFY2(book.error().message().startsWith(QStringLiteral("versions[1].effective_from:")),
                 qPrintable(book.error().message()));
    }

    void errorsNameTheField_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");  // JSON text; empty removes the field
        QTest::newRow("missing seats") << "tiers[1].seats"
                                       << "";
        QTest::newRow("fractional seats") << "tiers[1].seats.included"
                                          << "2.5";
        QTest::newRow("negative agents") << "tiers[2].agents.included"
                                         << "-1";
        QTest::newRow("price as number") << "tiers[1].base.amount"
                                         << "299";
        QTest::newRow("negative price") << "tiers[1].base.amount"
                                        << "\"-299\"";
        QTest::newRow("too many decimals") << "tiers[1].requests.beyond.unit_price"
                                           << "\"0.0000001\"";
        QTest::newRow("unknown model") << "tiers[1].requests.beyond.model"
                                       << "\"stairs\"";
        QTest::newRow("unknown feature") << "tiers[0].features[0]"
                                         << "\"teleport\"";
        QTest::newRow("unknown audit tier") << "tiers[0].audit.included"
                                            << "\"forever\"";
        QTest::newRow("bad date") << "effective_from"
                                  << "\"2026-13-01\"";
        QTest::newRow("bad currency") << "currency"
                                      << "\"dollars\"";
        QTest::newRow("no such currency") << "currency"
                                          << "\"ABC\"";
        QTest::newRow("no instances") << "tiers[1].instances.included"
                                      << "0";
        QTest::newRow("unknown activation") << "tiers[1].instances.activation"
                                            << "\"sticky\"";
        QTest::newRow("heartbeat too often") << "tiers[1].instances.heartbeat_seconds"
                                             << "5";
        QTest::newRow("heartbeat of no number") << "tiers[1].instances.heartbeat_seconds"
                                                << "null";
        QTest::newRow("overage on unlimited") << "tiers[3].requests.beyond"
                                              << R"({"model":"per_unit","unit_price":"1"})";
    }
    void errorsNameTheField() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const auto book = parseEdited([&](QJsonObject&, QJsonObject& version) {
            setPath(version, field.split(u'.'), value);
        });
        QVERIFY(!book.ok());
        const QString expected = QStringLiteral("versions[0].") + field + u':';
        QVERIFY2(book.error().message().startsWith(expected),
                 qPrintable(book.error().message() + QStringLiteral(" / expected ") + expected));
    }

    void mergeAddsTheVersionsTheBookLacksInDateOrder() {
        const PriceBook current = PriceBook::loadDefault().value();
        const PriceBook later = nextYear("2027.1", "2027-01-01", "349");
        const PriceBook between = nextYear("2026.2", "2026-07-01", "319");
        auto once = current.merged(later);
        QVERIFY2(once.ok(), qPrintable(once.ok() ? QString() : once.error().message()));
        QCOMPARE(once->added, QStringList{QStringLiteral("2027.1")});
        QVERIFY(once->held.isEmpty());
        auto twice = once->book.merged(between);
        QVERIFY(twice.ok());
        QStringList order;
        for (const PriceBookVersion& version : twice->book.versions())
            order.append(version.version);
        QCOMPARE(order, (QStringList{QStringLiteral("2026.1"), QStringLiteral("2026.2"),
                                     QStringLiteral("2027.1")}));
        QCOMPARE(twice->book.versionAt(QDate(2026, 8, 1))
                     ->tier(QStringLiteral("starter"))
                     ->base.amount(),
                 dollars("319"));
        // The merged book is a document fromJson reads back as it was.
        QCOMPARE(PriceBook::fromJson(twice->book.toJson())->toJson(), twice->book.toJson());
        // Importing what is held already adds nothing.
        auto again = twice->book.merged(twice->book);
        QVERIFY(again.ok());
        QVERIFY(again->added.isEmpty());
        QCOMPARE(again->held.size(), 3);
        QCOMPARE(again->book.toJson(), twice->book.toJson());
    }

    void mergeRefusesAChangedVersionAndASecondVersionOnADay() {
        const PriceBook current = PriceBook::loadDefault().value();
        const PriceBook edited = nextYear("2026.1", "2026-01-01", "319");
        auto changed = current.merged(edited);
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().code(), aicp::Error::Code::Conflict);
        QVERIFY2(changed.error().message().startsWith(
                     QStringLiteral("versions[0]: version '2026.1' is in the price book already")),
                 qPrintable(changed.error().message()));
        const PriceBook sameDay = nextYear("2026.1b", "2026-01-01", "299");
        auto twoOnADay = current.merged(sameDay);
        QVERIFY(!twoOnADay.ok());
        QVERIFY2(twoOnADay.error().message().startsWith(
                     QStringLiteral("versions[0].effective_from: version '2026.1' takes effect "
                                    "on 2026-01-01 in USD already")),
                 qPrintable(twoOnADay.error().message()));
    }

    // A book prices in several currencies, each with its own versions; the
    // first version's currency is its home, which versionAt(date) and
    // latest() keep meaning.
    void pricesInSeveralCurrencies() {
        const PriceBook current = PriceBook::loadDefault().value();
        auto euros = current.merged(nextYear("2026.1-eur", "2026-01-01", "279", "EUR"));
        QVERIFY2(euros.ok(), qPrintable(euros.ok() ? QString() : euros.error().message()));
        auto later = euros->book.merged(nextYear("2026.2-eur", "2026-07-01", "289", "EUR"));
        QVERIFY(later.ok());
        const PriceBook& book = later->book;
        QCOMPARE(book.currencies(), (QStringList{QStringLiteral("USD"), QStringLiteral("EUR")}));
        QCOMPARE(book.homeCurrency(), QStringLiteral("USD"));
        QCOMPARE(book.latest().version, QStringLiteral("2026.1"));
        QCOMPARE(book.versionAt(QDate(2026, 8, 1))->version, QStringLiteral("2026.1"));
        const auto starter = [&book](QDate date, const char* currency) {
            return book.versionAt(date, QString::fromLatin1(currency))
                ->tier(QStringLiteral("starter"))
                ->base.amount();
        };
        QCOMPARE(starter(QDate(2026, 3, 1), "EUR"), dollars("279"));
        QCOMPARE(starter(QDate(2026, 8, 1), "EUR"), dollars("289"));
        QCOMPARE(starter(QDate(2026, 8, 1), "USD"), dollars("299"));
        // The book of one currency is what a customer in it is billed from.
        auto inEuros = book.inCurrency(QStringLiteral("EUR"));
        QVERIFY(inEuros.ok());
        QCOMPARE(inEuros->versions().size(), std::size_t(2));
        QCOMPARE(inEuros->latest().version, QStringLiteral("2026.2-eur"));
        // A currency the book has no prices in is named with those it has.
        auto pounds = book.versionAt(QDate(2026, 8, 1), QStringLiteral("GBP"));
        QVERIFY(!pounds.ok());
        QCOMPARE(pounds.error().code(), aicp::Error::Code::NotFound);
        QCOMPARE(pounds.error().message(),
                 QStringLiteral("the price book has no prices in GBP (it prices in USD, EUR); "
                                "import a price book version in GBP"));
        QVERIFY(!book.inCurrency(QStringLiteral("GBP")).ok());
        // Written and read back as it was.
        QCOMPARE(PriceBook::fromJson(book.toJson())->toJson(), book.toJson());
    }

    void refusesAVersionBeforeTheHomeCurrencysFirstOrNamedTwice() {
        const PriceBook current = PriceBook::loadDefault().value();
        auto early = current.merged(nextYear("2025.1-eur", "2025-06-01", "279", "EUR"));
        QVERIFY(!early.ok());
        QCOMPARE(early.error().code(), aicp::Error::Code::Conflict);
        QVERIFY2(early.error().message().contains(QStringLiteral(
                     "a version in EUR cannot take effect before the first USD version")),
                 qPrintable(early.error().message()));
        const auto twice = parseEdited([](QJsonObject& root, QJsonObject& first) {
            QJsonObject euros = first;
            euros.insert(QStringLiteral("currency"), QStringLiteral("EUR"));
            root.insert(QStringLiteral("versions"), QJsonArray{first, euros});
            root.insert(QStringLiteral("versions_removed"), true);
        });
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code(), aicp::Error::Code::InvalidInput);
        QCOMPARE(twice.error().message(),
                 QStringLiteral("versions[1].version: '2026.1' is listed twice"));
    }

    void onlyNamesTheVersionsThereAre() {
        const PriceBook current = PriceBook::loadDefault().value();
        auto one = current.only(QStringLiteral("2026.1"));
        QVERIFY(one.ok());
        QCOMPARE(one->toJson(), current.toJson());
        auto missing = current.only(QStringLiteral("2030.1"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code(), aicp::Error::Code::NotFound);
        QCOMPARE(missing.error().message(),
                 QStringLiteral("the price book has no version '2030.1' (it has 2026.1)"));
    }

    void aRetiredTierIsReadWrittenAndOtherwiseAbsent() {
        // Documents from before the field stay byte for byte what they were.
        QVERIFY(!PriceBook::loadDefault()->toJson().contains("retired"));
        const auto book = parseEdited([](QJsonObject&, QJsonObject& version) {
            QJsonObject starter = tierAt(version, 1);
            starter.insert(QStringLiteral("retired"), true);
            setTierAt(version, 1, starter);
        });
        QVERIFY(book.ok());
        QVERIFY(book->latest().tier(QStringLiteral("starter"))->retired);
        QVERIFY(!book->latest().tier(QStringLiteral("professional"))->retired);
        QVERIFY(
            PriceBook::fromJson(book->toJson())->latest().tier(QStringLiteral("starter"))->retired);
        const auto wrong = parseEdited([](QJsonObject&, QJsonObject& version) {
            QJsonObject starter = tierAt(version, 1);
            starter.insert(QStringLiteral("retired"), QStringLiteral("yes"));
            setTierAt(version, 1, starter);
        });
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().message(),
                 QStringLiteral("versions[0].tiers[1].retired: must be true or false"));
    }

    void diffNamesEachChangedFieldByTierId() {
        const PriceBookVersion from = PriceBook::loadDefault()->latest();
        PriceBookVersion to = nextYear("2027.1", "2027-01-01", "349").latest();
        to.tiers[2].seats.included = 12;
        to.tiers[0].retired = true;
        TierDefinition growth = to.tiers[1];
        growth.id = QStringLiteral("growth");
        to.tiers.insert(to.tiers.begin() + 2, growth);
        const std::vector<aicp::PriceBookChange> changes = aicp::diffVersions(from, to);
        QStringList lines;
        for (const aicp::PriceBookChange& change : changes) {
            // A whole tier is one change; its fields are the tier's own.
            const QString after = change.after.isObject() ? QStringLiteral("{…}")
                                                          : aicp::changeValueText(change.after);
            lines.append(QStringLiteral("%1: %2 -> %3")
                             .arg(change.path, aicp::changeValueText(change.before), after));
        }
        QCOMPARE(lines, (QStringList{
                            QStringLiteral("effective_from: 2026-01-01 -> 2027-01-01"),
                            QStringLiteral("tiers[open_source].retired: (none) -> true"),
                            QStringLiteral("tiers[starter].base.amount: 299 -> 349"),
                            QStringLiteral("tiers[professional].seats.included: 10 -> 12"),
                            QStringLiteral("tiers[growth]: (none) -> {…}"),
                        }));
        QVERIFY(aicp::diffVersions(from, from).empty());
    }

    void volumeDiscountBandsAreReadWrittenAndChecked() {
        QVERIFY(!PriceBook::loadDefault()->toJson().contains("volume_discounts"));
        const auto withBands = [](const QJsonArray& bands) {
            return parseEdited([&bands](QJsonObject&, QJsonObject& version) {
                version.insert(QStringLiteral("volume_discounts"), bands);
            });
        };
        const auto band = [](const char* from, const char* percent) {
            return QJsonObject{{QStringLiteral("from"), QString::fromLatin1(from)},
                               {QStringLiteral("percent"), QString::fromLatin1(percent)}};
        };
        const auto book = withBands({band("5000", "5"), band("10000", "10")});
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().message()));
        const PriceBookVersion& version = book->latest();
        QCOMPARE(version.volumeDiscounts.size(), std::size_t(2));
        QCOMPARE(PriceBook::fromJson(book->toJson())->toJson(), book->toJson());
        // The band reached, or the contract's percent when it is larger.
        const auto applied = [&version](const char* contract, const char* monthly) {
            return version.discountFor(aicp::Percent::parse(QString::fromLatin1(contract)).value(),
                                       dollars(monthly));
        };
        QVERIFY(applied("0", "4999.99").percent.isZero());
        QCOMPARE(applied("0", "5000").percent.toDecimalString(), QStringLiteral("5"));
        QVERIFY(applied("0", "5000").volume);
        QCOMPARE(applied("0", "25000").percent.toDecimalString(), QStringLiteral("10"));
        QCOMPARE(applied("0", "25000").bandFrom, dollars("10000"));
        QCOMPARE(applied("7.5", "6000").percent.toDecimalString(), QStringLiteral("7.5"));
        QVERIFY(!applied("7.5", "6000").volume);
        // Equal: the contract's, never both.
        QVERIFY(!applied("10", "12000").volume);

        const QList<std::pair<QJsonArray, QString>> refused{
            {{band("10000", "10"), band("5000", "5")},
             QStringLiteral("versions[0].volume_discounts[1].from: bands must start from rising "
                            "amounts (5000.00 is not above 10000.00)")},
            {{band("5000", "5"), band("5000", "10")},
             QStringLiteral("versions[0].volume_discounts[1].from: bands must start from rising "
                            "amounts (5000.00 is not above 5000.00)")},
            {{band("5000", "10"), band("10000", "5")},
             QStringLiteral("versions[0].volume_discounts[1].percent: a larger band cannot give "
                            "less (5% after 10%)")},
            {{band("0", "5")},
             QStringLiteral("versions[0].volume_discounts[0].from: '0' is not an amount of USD "
                            "above 0 such as \"5000\"")},
            {{band("5000", "0")},
             QStringLiteral("versions[0].volume_discounts[0].percent: '0' is not a percentage "
                            "above 0 and at most 100")},
            {{band("5000", "120")},
             QStringLiteral("versions[0].volume_discounts[0].percent: '120' is not a percentage "
                            "above 0 and at most 100")},
        };
        for (const auto& [bands, message] : refused) {
            const auto wrong = withBands(bands);
            QVERIFY(!wrong.ok());
            QCOMPARE(wrong.error().message(), message);
        }
    }

    void refusesNewerSchemaAndBrokenJson() {
        const auto newer = PriceBook::fromJson(R"({"schema": 2, "versions": []})");
        QVERIFY(!newer.ok());
        QCOMPARE(newer.error().code(), aicp::Error::Code::Unsupported);
        const auto broken = PriceBook::fromJson("{\"schema\": 1, ");
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message().contains(QStringLiteral("not valid JSON")));
        const auto empty = PriceBook::fromJson(R"({"schema": 1, "versions": []})");
        QVERIFY(!empty.ok());
        QVERIFY(empty.error().message().startsWith(QStringLiteral("versions:")));
    }

private:
    // Sets (or with an empty value removes) a dotted path such as
    // "tiers[1].seats.included" inside a JSON object.
    static void setPath(QJsonObject& object, QStringList path, const QString& value) {
        QString key = path.takeFirst();
        int index = -1;
        if (key.endsWith(u']')) {
            const qsizetype open = key.indexOf(u'[');
            index = key.mid(open + 1, key.size() - open - 2).toInt();
            key = key.left(open);
        }
        const auto replaceLeaf = [&value](QJsonValue current, QStringList rest) -> QJsonValue {
            if (rest.isEmpty())
                return value.isEmpty()
                           ? QJsonValue(QJsonValue::Undefined)
                           : QJsonDocument::fromJson("[" + value.toUtf8() + "]").array().at(0);
            QJsonObject child = current.toObject();
            setPath(child, rest, value);
            return child;
        };
        if (index < 0) {
            const QJsonValue next = replaceLeaf(object.value(key), path);
            if (next.isUndefined())
                object.remove(key);
            else
                object.insert(key, next);
            return;
        }
        QJsonArray array = object.value(key).toArray();
        array.replace(index, replaceLeaf(array.at(index), path));
        object.insert(key, array);
    }
};

QTEST_GUILESS_MAIN(TestPriceBook)
#include "tst_pricebook.moc"
