#include "pricing/pricebookdiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace aicp {
namespace {

// An array whose members are objects with an "id" (tiers, audit tiers) is
// compared by id; any other array (a catalog list, a charge's bands) is one
// value.
bool isKeyedById(const QJsonArray& array) {
    if (array.isEmpty())
        return false;
    for (const QJsonValue& member : array) {
        if (!member.isObject() || !member.toObject().value(QStringLiteral("id")).isString())
            return false;
    }
    return true;
}

QJsonObject byId(const QJsonArray& array) {
    QJsonObject members;
    for (const QJsonValue& member : array)
        members.insert(member.toObject().value(QStringLiteral("id")).toString(), member);
    return members;
}

// The ids of both sides, `from`'s in its order, then those only `to` has.
QStringList idsInOrder(const QJsonArray& from, const QJsonArray& to) {
    QStringList ids;
    for (const QJsonArray& side : {from, to}) {
        for (const QJsonValue& member : side) {
            const QString id = member.toObject().value(QStringLiteral("id")).toString();
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    return ids;
}

class Differ {
public:
    std::vector<PriceBookChange> changes;

    void compare(const QString& path, const QJsonValue& before, const QJsonValue& after) {
        if (before == after)
            return;
        if (before.isObject() && after.isObject()) {
            compareObjects(path, before.toObject(), after.toObject());
            return;
        }
        if (before.isArray() && after.isArray() && isKeyedById(before.toArray()) &&
            isKeyedById(after.toArray())) {
            const QJsonObject beforeById = byId(before.toArray());
            const QJsonObject afterById = byId(after.toArray());
            for (const QString& id : idsInOrder(before.toArray(), after.toArray()))
                compare(QStringLiteral("%1[%2]").arg(path, id), beforeById.value(id),
                        afterById.value(id));
            return;
        }
        changes.push_back({path, before, after});
    }

private:
    void compareObjects(const QString& path, const QJsonObject& before, const QJsonObject& after) {
        QStringList keys = before.keys();
        for (const QString& key : after.keys()) {
            if (!keys.contains(key))
                keys.append(key);
        }
        for (const QString& key : keys)
            compare(path.isEmpty() ? key : path + u'.' + key, before.value(key), after.value(key));
    }
};

// The document's own order of a version's fields (QJsonObject sorts keys).
const QStringList& versionFieldOrder() {
    static const QStringList kOrder{QStringLiteral("effective_from"), QStringLiteral("currency"),
                                    QStringLiteral("catalog"), QStringLiteral("audit_tiers"),
                                    QStringLiteral("tiers")};
    return kOrder;
}

}  // namespace

std::vector<PriceBookChange> diffVersions(const PriceBookVersion& from,
                                          const PriceBookVersion& to) {
    const QJsonObject before = from.toJson();
    const QJsonObject after = to.toJson();
    Differ differ;
    for (const QString& field : versionFieldOrder())
        differ.compare(field, before.value(field), after.value(field));
    return std::move(differ.changes);
}

QString changeValueText(const QJsonValue& value) {
    switch (value.type()) {
        case QJsonValue::Undefined:
            return QStringLiteral("(none)");
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::String:
            return value.toString();
        case QJsonValue::Bool:
            return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Double:
            return QString::number(value.toDouble(), 'f', 0);
        case QJsonValue::Array:
            return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        case QJsonValue::Object:
            return QString::fromUtf8(
                QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

}  // namespace aicp
