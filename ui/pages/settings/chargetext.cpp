#include "pages/settings/chargetext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace aicp {
namespace {

Error shapeError(const QString& text) {
    return Error::invalidInput(
        QStringLiteral("'%1' is not a price: write a unit price such as 0.001, "
                       "'package: 1000 @ 5', 'graduated: 10000000 @ 0.0005; above @ 0.0002' "
                       "or 'volume: 1000 @ 0.002; above @ 0.001', or nothing for none")
            .arg(text));
}

// "10,000,000" → 10000000 as JSON; nullopt when it is not a whole number.
std::optional<QJsonValue> countJson(QString text) {
    text.remove(u',').remove(u'_').remove(u' ');
    static const QRegularExpression kDigits(QStringLiteral("^[0-9]{1,16}$"));
    if (!kDigits.match(text).hasMatch())
        return std::nullopt;
    return QJsonValue(static_cast<double>(text.toLongLong()));
}

// "0.0005" as the decimal string a price book holds; the price book checks it.
std::optional<QString> priceText(QString text) {
    text = text.trimmed();
    if (text.startsWith(u'$'))
        text.remove(0, 1);
    static const QRegularExpression kDecimal(QStringLiteral("^[0-9]+(\\.[0-9]+)?$"));
    if (!kDecimal.match(text).hasMatch())
        return std::nullopt;
    return text;
}

// "10000000 @ 0.0005; above @ 0.0002" as bands.
std::optional<QJsonArray> bandsJson(const QString& text) {
    QJsonArray bands;
    for (const QString& part : text.split(u';')) {
        const QStringList sides = part.split(u'@');
        if (sides.size() != 2)
            return std::nullopt;
        const QString limit = sides.at(0).trimmed();
        const auto price = priceText(sides.at(1));
        if (!price)
            return std::nullopt;
        QJsonValue upTo(QJsonValue::Null);
        if (limit.compare(QLatin1String("above"), Qt::CaseInsensitive) != 0) {
            const auto count = countJson(limit);
            if (!count)
                return std::nullopt;
            upTo = *count;
        }
        bands.append(
            QJsonObject{{QStringLiteral("up_to"), upTo}, {QStringLiteral("unit_price"), *price}});
    }
    return bands;
}

QString bandsText(const QJsonArray& bands) {
    QStringList parts;
    for (const QJsonValue& band : bands) {
        const QJsonObject object = band.toObject();
        const QJsonValue upTo = object.value(QStringLiteral("up_to"));
        parts.append(QStringLiteral("%1 @ %2").arg(
            upTo.isNull() ? QStringLiteral("above") : QString::number(upTo.toInteger()),
            object.value(QStringLiteral("unit_price")).toString()));
    }
    return parts.join(QStringLiteral("; "));
}

}  // namespace

Result<QJsonValue> chargeJsonFromText(const QString& text) {
    const QString line = text.trimmed();
    if (line.isEmpty() || line == u"-")
        return QJsonValue(QJsonValue::Null);
    const qsizetype colon = line.indexOf(u':');
    if (colon < 0) {
        const auto price = priceText(line);
        if (!price)
            return shapeError(line);
        return QJsonValue(QJsonObject{{QStringLiteral("model"), QStringLiteral("per_unit")},
                                      {QStringLiteral("unit_price"), *price}});
    }
    const QString model = line.left(colon).trimmed().toLower();
    const QString rest = line.mid(colon + 1);
    if (model == u"flat") {
        const auto amount = priceText(rest);
        if (!amount)
            return shapeError(line);
        return QJsonValue(QJsonObject{{QStringLiteral("model"), QStringLiteral("flat")},
                                      {QStringLiteral("amount"), *amount}});
    }
    if (model == u"package") {
        const QStringList sides = rest.split(u'@');
        const auto size = sides.size() == 2 ? countJson(sides.at(0)) : std::nullopt;
        const auto price = sides.size() == 2 ? priceText(sides.at(1)) : std::nullopt;
        if (!size || !price)
            return shapeError(line);
        return QJsonValue(QJsonObject{{QStringLiteral("model"), QStringLiteral("package")},
                                      {QStringLiteral("package_size"), *size},
                                      {QStringLiteral("package_price"), *price}});
    }
    if (model == u"graduated" || model == u"volume") {
        const auto bands = bandsJson(rest);
        if (!bands)
            return shapeError(line);
        return QJsonValue(
            QJsonObject{{QStringLiteral("model"), model}, {QStringLiteral("bands"), *bands}});
    }
    return shapeError(line);
}

QString chargeTextFromJson(const QJsonValue& charge) {
    if (!charge.isObject())
        return {};
    const QJsonObject object = charge.toObject();
    const QString model = object.value(QStringLiteral("model")).toString();
    if (model == u"per_unit")
        return object.value(QStringLiteral("unit_price")).toString();
    if (model == u"flat")
        return QStringLiteral("flat: %1").arg(object.value(QStringLiteral("amount")).toString());
    if (model == u"package")
        return QStringLiteral("package: %1 @ %2")
            .arg(object.value(QStringLiteral("package_size")).toInteger())
            .arg(object.value(QStringLiteral("package_price")).toString());
    return QStringLiteral("%1: %2").arg(model,
                                        bandsText(object.value(QStringLiteral("bands")).toArray()));
}

}  // namespace aicp
