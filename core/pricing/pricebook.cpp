#include "pricing/pricebook.h"

#include "common/assignto.h"
#include "common/billingfields.h"
#include "common/strictjson.h"
#include "pricing/pricebookfields.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <vector>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace aicp {
namespace {

Result<AddOnAllowance> readAllowance(const FieldReader& tier, const QString& key) {
    auto reader = tier.child(key);
    if (!reader)
        return reader.error();
    AddOnAllowance allowance;
    AICP_TRY(assignTo(allowance.included, reader->countOrNull(QStringLiteral("included"))));
    AICP_TRY(assignTo(allowance.extra, reader->chargeOrNull(QStringLiteral("extra"))));
    if (!allowance.included && allowance.extra)
        return reader->error(QStringLiteral("extra"),
                             QStringLiteral("must be null when every one is included"));
    return allowance;
}

// A tier's "instances": {"included": N or null, "activation": "floating" or
// "node-locked", "heartbeat_seconds": S}; the defaults where it says nothing.
Result<ActivationTerms> readActivation(const FieldReader& tier) {
    ActivationTerms terms;
    if (!tier.has(QStringLiteral("instances")))
        return terms;
    auto reader = tier.child(QStringLiteral("instances"));
    if (!reader)
        return reader.error();
    AICP_TRY(assignTo(terms.instances, reader->countOrNull(QStringLiteral("included"))));
    if (terms.instances && *terms.instances < 1)
        return reader->error(QStringLiteral("included"),
                             QStringLiteral("must be at least 1, or null for unlimited"));
    if (reader->has(QStringLiteral("activation"))) {
        auto mode = reader->string(QStringLiteral("activation"));
        if (!mode)
            return mode.error();
        const auto parsed = activationModeFromKey(*mode);
        if (!parsed)
            return reader->error(QStringLiteral("activation"),
                                 QStringLiteral("must be \"floating\" or \"node-locked\""));
        terms.mode = *parsed;
    }
    if (reader->has(QStringLiteral("heartbeat_seconds"))) {
        auto seconds = reader->countOrNull(QStringLiteral("heartbeat_seconds"));
        if (!seconds)
            return seconds.error();
        if (!*seconds || **seconds < ActivationTerms::kMinHeartbeatSeconds ||
            **seconds > ActivationTerms::kMaxHeartbeatSeconds)
            return reader->error(QStringLiteral("heartbeat_seconds"),
                                 QStringLiteral("must be a whole number of seconds from %1 to %2")
                                     .arg(ActivationTerms::kMinHeartbeatSeconds)
                                     .arg(ActivationTerms::kMaxHeartbeatSeconds));
        terms.heartbeatSeconds = static_cast<int>(**seconds);
    }
    return terms;
}

Result<AuditTier> readAuditTier(const FieldReader& reader) {
    AuditTier audit;
    AICP_TRY(assignTo(audit.id, reader.identifier(QStringLiteral("id"))));
    AICP_TRY(assignTo(audit.name, reader.string(QStringLiteral("name"))));
    auto days = reader.countOrNull(QStringLiteral("retention_days"));
    if (!days)
        return days.error();
    if (!days->has_value() || **days < 1 || **days > 36500)
        return reader.error(QStringLiteral("retention_days"),
                            QStringLiteral("must be a number of days from 1 to 36500"));
    audit.retentionDays = static_cast<int>(**days);
    AICP_TRY(assignTo(audit.price, reader.flatCharge(QStringLiteral("price"),
                                                     "an audit tier has a flat monthly price")));
    return audit;
}

Result<TierDefinition> readTier(const FieldReader& reader, const PriceBookVersion& version) {
    TierDefinition tier;
    AICP_TRY(assignTo(tier.id, reader.identifier(QStringLiteral("id"))));
    AICP_TRY(assignTo(tier.name, reader.string(QStringLiteral("name"))));

    AICP_TRY(
        assignTo(tier.base, reader.flatCharge(QStringLiteral("base"), "the base price is flat")));

    auto requests = reader.child(QStringLiteral("requests"));
    if (!requests)
        return requests.error();
    const FieldReader& requestReader = *requests;
    AICP_TRY(
        assignTo(tier.includedRequests, requestReader.countOrNull(QStringLiteral("included"))));
    AICP_TRY(assignTo(tier.requestOverage, requestReader.chargeOrNull(QStringLiteral("beyond"))));
    if (!tier.includedRequests && tier.requestOverage)
        return requestReader.error(QStringLiteral("beyond"),
                                   QStringLiteral("must be null when requests are unlimited"));

    AICP_TRY(assignTo(tier.policyPacks, readAllowance(reader, QStringLiteral("policy_packs"))));
    AICP_TRY(assignTo(tier.complianceModules,
                      readAllowance(reader, QStringLiteral("compliance_modules"))));
    AICP_TRY(assignTo(tier.seats, readAllowance(reader, QStringLiteral("seats"))));

    auto agents = reader.child(QStringLiteral("agents"));
    if (!agents)
        return agents.error();
    AICP_TRY(assignTo(tier.includedAgents, agents->countOrNull(QStringLiteral("included"))));
    AICP_TRY(assignTo(tier.activation, readActivation(reader)));

    auto features = reader.identifiers(QStringLiteral("features"));
    if (!features)
        return features.error();
    for (qsizetype i = 0; i < features->size(); ++i) {
        if (!version.features.contains(features->at(i)))
            return reader.error(
                QStringLiteral("features[%1]").arg(i),
                QStringLiteral("'%1' is not in catalog.features").arg(features->at(i)));
    }
    tier.features = *features;

    auto audit = reader.child(QStringLiteral("audit"));
    if (!audit)
        return audit.error();
    const FieldReader& auditReader = *audit;
    auto includedAudit = auditReader.string(QStringLiteral("included"));
    if (!includedAudit)
        return includedAudit.error();
    if (!version.auditTier(*includedAudit))
        return auditReader.error(
            QStringLiteral("included"),
            QStringLiteral("'%1' is not one of the audit_tiers").arg(*includedAudit));
    tier.includedAuditTier = *includedAudit;
    AICP_TRY(
        assignTo(tier.auditUpgradesSold, auditReader.boolean(QStringLiteral("upgrades_sold"))));
    // Optional: written only when true, so documents from before stay as they were.
    if (reader.has(QStringLiteral("retired")))
        AICP_TRY(assignTo(tier.retired, reader.boolean(QStringLiteral("retired"))));
    return tier;
}

// Reads every object of the array at `key` into `into`, refusing an empty
// array and an id listed twice.
template <typename T, typename Read>
Status readUnique(const FieldReader& reader, const QString& key, Read read, std::vector<T>& into) {
    auto children = reader.children(key, "must not be empty");
    if (!children)
        return children.error();
    for (const FieldReader& child : *children) {
        auto item = read(child);
        if (!item)
            return item.error();
        const QString& id = item->id;
        if (std::any_of(into.begin(), into.end(), [&id](const T& seen) { return seen.id == id; }))
            return child.error(QStringLiteral("id"),
                               QStringLiteral("'%1' is listed twice").arg(id));
        into.push_back(std::move(item).value());
    }
    return {};
}

// [{"from": "5000", "percent": "5"}, …]: each band from a larger monthly
// recurring amount than the one before, with at least its discount.
Result<std::vector<VolumeDiscountBand>> readVolumeDiscounts(const FieldReader& version,
                                                            const QString& currency) {
    auto bands = version.children(QStringLiteral("volume_discounts"),
                                  "must hold at least one band (or leave the field out)");
    if (!bands)
        return bands.error();
    std::vector<VolumeDiscountBand> read;
    for (const FieldReader& band : *bands) {
        auto fromText = band.string(QStringLiteral("from"));
        if (!fromText)
            return fromText.error();
        auto from = Money::parse(*fromText);
        if (!from || from->isZero() || from->isNegative())
            return band.error(QStringLiteral("from"),
                              QStringLiteral("'%1' is not an amount of %2 above 0 such as "
                                             "\"5000\"")
                                  .arg(*fromText, currency));
        auto percentText = band.string(QStringLiteral("percent"));
        if (!percentText)
            return percentText.error();
        auto percent = Percent::parse(*percentText);
        if (!percent || percent->isZero())
            return band.error(QStringLiteral("percent"),
                              QStringLiteral("'%1' is not a percentage above 0 and at most 100")
                                  .arg(*percentText));
        if (!read.empty() && *from <= read.back().from)
            return band.error(
                QStringLiteral("from"),
                QStringLiteral("bands must start from rising amounts (%1 is not "
                               "above %2)")
                    .arg(from->toDecimalString(), read.back().from.toDecimalString()));
        if (!read.empty() && *percent < read.back().percent)
            return band.error(
                QStringLiteral("percent"),
                QStringLiteral("a larger band cannot give less (%1% after %2%)")
                    .arg(percent->toDecimalString(), read.back().percent.toDecimalString()));
        read.push_back({*from, *percent});
    }
    return read;
}

Result<PriceBookVersion> readVersion(const FieldReader& reader) {
    PriceBookVersion version;
    AICP_TRY(assignTo(version.version, reader.string(QStringLiteral("version"))));

    auto effective = reader.string(QStringLiteral("effective_from"));
    if (!effective)
        return effective.error();
    version.effectiveFrom = QDate::fromString(*effective, Qt::ISODate);
    if (!version.effectiveFrom.isValid())
        return reader.error(QStringLiteral("effective_from"),
                            QStringLiteral("'%1' is not a date (YYYY-MM-DD)").arg(*effective));

    auto currency = reader.string(QStringLiteral("currency"));
    if (!currency)
        return currency.error();
    // The one table of currencies in use that customers' profiles use too.
    if (!isKnownCurrency(*currency))
        return reader.error(
            QStringLiteral("currency"),
            QStringLiteral("'%1' is not an ISO 4217 code such as USD").arg(*currency));
    version.currency = *currency;

    auto catalog = reader.child(QStringLiteral("catalog"));
    if (!catalog)
        return catalog.error();
    AICP_TRY(assignTo(version.policyPacks, catalog->identifiers(QStringLiteral("policy_packs"))));
    AICP_TRY(assignTo(version.complianceModules,
                      catalog->identifiers(QStringLiteral("compliance_modules"))));
    AICP_TRY(assignTo(version.features, catalog->identifiers(QStringLiteral("features"))));

    if (reader.has(QStringLiteral("volume_discounts")))
        AICP_TRY(assignTo(version.volumeDiscounts, readVolumeDiscounts(reader, version.currency)));
    AICP_TRY(readUnique(reader, QStringLiteral("audit_tiers"), &readAuditTier, version.auditTiers));
    AICP_TRY(readUnique(
        reader, QStringLiteral("tiers"),
        [&version](const FieldReader& tier) { return readTier(tier, version); }, version.tiers));
    return version;
}

QJsonValue countToJson(const std::optional<std::int64_t>& count) {
    return count ? QJsonValue(static_cast<double>(*count)) : QJsonValue(QJsonValue::Null);
}

QJsonValue chargeToJson(const std::optional<ChargeModel>& charge) {
    return charge ? QJsonValue(charge->toJson()) : QJsonValue(QJsonValue::Null);
}

QJsonObject allowanceToJson(const AddOnAllowance& allowance) {
    return {{QStringLiteral("included"), countToJson(allowance.included)},
            {QStringLiteral("extra"), chargeToJson(allowance.extra)}};
}

QJsonObject versionToJson(const PriceBookVersion& version) {
    QJsonArray audits;
    for (const AuditTier& audit : version.auditTiers)
        audits.append(QJsonObject{{QStringLiteral("id"), audit.id},
                                  {QStringLiteral("name"), audit.name},
                                  {QStringLiteral("retention_days"), audit.retentionDays},
                                  {QStringLiteral("price"), audit.price.toJson()}});
    QJsonArray tiers;
    for (const TierDefinition& tier : version.tiers) {
        QJsonObject object{
            {QStringLiteral("id"), tier.id},
            {QStringLiteral("name"), tier.name},
            {QStringLiteral("base"), tier.base.toJson()},
            {QStringLiteral("requests"),
             QJsonObject{{QStringLiteral("included"), countToJson(tier.includedRequests)},
                         {QStringLiteral("beyond"), chargeToJson(tier.requestOverage)}}},
            {QStringLiteral("policy_packs"), allowanceToJson(tier.policyPacks)},
            {QStringLiteral("compliance_modules"), allowanceToJson(tier.complianceModules)},
            {QStringLiteral("seats"), allowanceToJson(tier.seats)},
            {QStringLiteral("agents"),
             QJsonObject{{QStringLiteral("included"), countToJson(tier.includedAgents)}}},
            {QStringLiteral("features"), QJsonArray::fromStringList(tier.features)},
            {QStringLiteral("audit"),
             QJsonObject{{QStringLiteral("included"), tier.includedAuditTier},
                         {QStringLiteral("upgrades_sold"), tier.auditUpgradesSold}}},
        };
        if (tier.retired)
            object.insert(QStringLiteral("retired"), true);
        // Written only when a tier limits its instances or keeps them
        // otherwise than floating every 600 s: documents from before stay as
        // they were.
        if (!tier.activation.isDefault())
            object.insert(
                QStringLiteral("instances"),
                QJsonObject{
                    {QStringLiteral("included"), countToJson(tier.activation.instances)},
                    {QStringLiteral("activation"), activationModeKey(tier.activation.mode)},
                    {QStringLiteral("heartbeat_seconds"), tier.activation.heartbeatSeconds}});
        tiers.append(object);
    }
    QJsonObject json{
        {QStringLiteral("version"), version.version},
        {QStringLiteral("effective_from"), version.effectiveFrom.toString(Qt::ISODate)},
        {QStringLiteral("currency"), version.currency},
        {QStringLiteral("catalog"),
         QJsonObject{
             {QStringLiteral("policy_packs"), QJsonArray::fromStringList(version.policyPacks)},
             {QStringLiteral("compliance_modules"),
              QJsonArray::fromStringList(version.complianceModules)},
             {QStringLiteral("features"), QJsonArray::fromStringList(version.features)}}},
        {QStringLiteral("audit_tiers"), audits},
        {QStringLiteral("tiers"), tiers},
    };
    // Written only when there are bands, so documents from before stay as they were.
    if (!version.volumeDiscounts.empty()) {
        QJsonArray bands;
        for (const VolumeDiscountBand& band : version.volumeDiscounts)
            bands.append(QJsonObject{{QStringLiteral("from"), band.from.toDecimalString(0)},
                                     {QStringLiteral("percent"), band.percent.toDecimalString()}});
        json.insert(QStringLiteral("volume_discounts"), bands);
    }
    return json;
}

}  // namespace

const TierDefinition* PriceBookVersion::tier(const QString& id) const {
    const auto it = std::find_if(tiers.begin(), tiers.end(),
                                 [&id](const TierDefinition& tier) { return tier.id == id; });
    return it == tiers.end() ? nullptr : &*it;
}

const AuditTier* PriceBookVersion::auditTier(const QString& id) const {
    const int rank = auditTierRank(id);
    return rank < 0 ? nullptr : &auditTiers[static_cast<std::size_t>(rank)];
}

int PriceBookVersion::auditTierRank(const QString& id) const {
    for (std::size_t i = 0; i < auditTiers.size(); ++i) {
        if (auditTiers[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

QJsonObject PriceBookVersion::toJson() const {
    return versionToJson(*this);
}

AppliedDiscount PriceBookVersion::discountFor(Percent contract, Money monthlyRecurring) const {
    AppliedDiscount applied{contract, false, Money()};
    for (const VolumeDiscountBand& band : volumeDiscounts) {
        if (monthlyRecurring >= band.from && band.percent > applied.percent)
            applied = {band.percent, true, band.from};
    }
    return applied;
}

QStringList PriceBookVersion::tierIds() const {
    QStringList ids;
    for (const TierDefinition& tier : tiers)
        ids.append(tier.id);
    return ids;
}

bool PriceBook::isIdentifier(const QString& id) {
    return FieldReader::identifierPattern().match(id).hasMatch();
}

Result<PriceBook> PriceBook::fromJson(const QByteArray& json) {
    auto parsed = StrictJson::parse(json);
    if (!parsed)
        return Error::invalidInput(
            QStringLiteral("price book is not valid JSON (%1)").arg(parsed.error().message()));
    const QJsonDocument& document = *parsed;
    if (!document.isObject())
        return Error::invalidInput(QStringLiteral("price book must be a JSON object"));

    const FieldReader root(document.object(), QString());
    auto schema = root.countOrNull(QStringLiteral("schema"));
    if (!schema)
        return schema.error();
    if (!schema->has_value() || **schema < 1)
        return root.error(QStringLiteral("schema"), QStringLiteral("must be a positive number"));
    if (**schema > kSchemaVersion)
        return Error(Error::Code::Unsupported,
                     QStringLiteral("price book schema %1 is newer than this aicp reads (up to %2)")
                         .arg(**schema)
                         .arg(kSchemaVersion));

    auto versions = root.children(QStringLiteral("versions"), "must hold at least one version");
    if (!versions)
        return versions.error();

    PriceBook book;
    for (const FieldReader& reader : *versions) {
        auto version = readVersion(reader);
        if (!version)
            return version.error();
        if (!book.versions_.empty() && version->effectiveFrom < book.versions_.back().effectiveFrom)
            return reader.error(QStringLiteral("effective_from"),
                                QStringLiteral("versions must be listed oldest first"));
        AICP_TRY(book.checkNewcomer(*version, reader.path(), Error::Code::InvalidInput));
        book.versions_.push_back(std::move(version).value());
    }
    return book;
}

Result<PriceBook> PriceBook::loadDefault() {
    QFile file(QStringLiteral(":/aicp/pricebook/default.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Error::internal(QStringLiteral("the default price book is missing from this build"));
    auto book = fromJson(file.readAll());
    if (!book)
        return book.error().withContext(QStringLiteral("default price book"));
    return book;
}

QByteArray PriceBook::toJson() const {
    QJsonArray versions;
    for (const PriceBookVersion& version : versions_)
        versions.append(versionToJson(version));
    const QJsonObject root{{QStringLiteral("schema"), kSchemaVersion},
                           {QStringLiteral("versions"), versions}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QStringList PriceBook::currencies() const {
    QStringList codes;
    for (const PriceBookVersion& version : versions_) {
        if (!codes.contains(version.currency))
            codes.append(version.currency);
    }
    return codes;
}

Result<PriceBookVersion> PriceBook::versionAt(QDate date) const {
    return versionAt(date, homeCurrency());
}

Result<PriceBookVersion> PriceBook::versionAt(QDate date, const QString& currency) const {
    // Versions are sorted by effectiveFrom: the last one started is in force.
    const PriceBookVersion* first = nullptr;
    const PriceBookVersion* inForce = nullptr;
    for (const PriceBookVersion& version : versions_) {
        if (version.currency != currency)
            continue;
        if (!first)
            first = &version;
        if (version.effectiveFrom <= date)
            inForce = &version;
    }
    if (!first)
        return missingCurrency(currency);
    if (!inForce)
        return Error::notFound(QStringLiteral("no %1 price book version is in force on %2 (the "
                                              "first starts on %3)")
                                   .arg(currency, date.toString(Qt::ISODate),
                                        first->effectiveFrom.toString(Qt::ISODate)));
    return *inForce;
}

const PriceBookVersion& PriceBook::latest() const {
    const QString home = homeCurrency();
    const auto newest =
        std::find_if(versions_.rbegin(), versions_.rend(),
                     [&home](const PriceBookVersion& version) { return version.currency == home; });
    return *newest;
}

Result<PriceBook> PriceBook::inCurrency(const QString& currency) const {
    PriceBook book;
    std::copy_if(
        versions_.begin(), versions_.end(), std::back_inserter(book.versions_),
        [&currency](const PriceBookVersion& version) { return version.currency == currency; });
    if (book.versions_.empty())
        return missingCurrency(currency);
    return book;
}

Error PriceBook::missingCurrency(const QString& currency) const {
    return Error::notFound(QStringLiteral("the price book has no prices in %1 (it prices in %2); "
                                          "import a price book version in %1")
                               .arg(currency, currencies().join(QStringLiteral(", "))));
}

Status PriceBook::checkNewcomer(const PriceBookVersion& version, const QString& where,
                                Error::Code code) const {
    if (find(version.version))
        return Error(
            code, QStringLiteral("%1.version: '%2' is listed twice").arg(where, version.version));
    const auto sameDay =
        std::find_if(versions_.begin(), versions_.end(), [&version](const PriceBookVersion& other) {
            return other.effectiveFrom == version.effectiveFrom &&
                   other.currency == version.currency;
        });
    if (sameDay != versions_.end())
        return Error(code,
                     QStringLiteral("%1.effective_from: version '%2' takes effect on %3 in %4 "
                                    "already; one version a day starts in each currency")
                         .arg(where, sameDay->version, version.effectiveFrom.toString(Qt::ISODate),
                              version.currency));
    if (!versions_.empty() && version.currency != homeCurrency() &&
        version.effectiveFrom < versions_.front().effectiveFrom)
        return Error(code,
                     QStringLiteral("%1.effective_from: a version in %2 cannot take effect before "
                                    "the first %3 version (%4), whose currency is the book's home")
                         .arg(where, version.currency, homeCurrency(),
                              versions_.front().effectiveFrom.toString(Qt::ISODate)));
    return {};
}

const PriceBookVersion* PriceBook::find(const QString& version) const {
    const auto it =
        std::find_if(versions_.begin(), versions_.end(),
                     [&version](const PriceBookVersion& held) { return held.version == version; });
    return it == versions_.end() ? nullptr : &*it;
}

Result<PriceBook> PriceBook::only(const QString& version) const {
    const PriceBookVersion* found = find(version);
    if (!found) {
        QStringList names;
        for (const PriceBookVersion& held : versions_)
            names.append(held.version);
        return Error::notFound(QStringLiteral("the price book has no version '%1' (it has %2)")
                                   .arg(version, names.join(QStringLiteral(", "))));
    }
    PriceBook book;
    book.versions_.push_back(*found);
    return book;
}

Result<PriceBookMerge> PriceBook::merged(const PriceBook& incoming) const {
    PriceBookMerge merge;
    merge.book = *this;
    std::vector<PriceBookVersion>& versions = merge.book.versions_;
    for (std::size_t i = 0; i < incoming.versions_.size(); ++i) {
        const PriceBookVersion& version = incoming.versions_[i];
        const QString where = QStringLiteral("versions[%1]").arg(i);
        if (const PriceBookVersion* held = find(version.version)) {
            if (held->toJson() != version.toJson())
                return Error(Error::Code::Conflict,
                             QStringLiteral("%1: version '%2' is in the price book already with "
                                            "other content; changed prices are a new version "
                                            "with an id of its own ('aicp pricebook diff' "
                                            "shows what differs)")
                                 .arg(where, version.version));
            merge.held.append(version.version);
            continue;
        }
        AICP_TRY(merge.book.checkNewcomer(version, where, Error::Code::Conflict));
        versions.push_back(version);
        merge.added.append(version.version);
    }
    std::stable_sort(versions.begin(), versions.end(),
                     [](const PriceBookVersion& a, const PriceBookVersion& b) {
                         return a.effectiveFrom < b.effectiveFrom;
                     });
    return merge;
}

}  // namespace aicp
