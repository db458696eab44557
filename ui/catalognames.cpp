#include "catalognames.h"

#include <iterator>

#include <QCoreApplication>
#include <QHash>

namespace aicp {
namespace {

// "data-residency" → "Data residency": the fallback for ids added to a price
// book after this console was built.
QString readable(const QString& id) {
    QString text = id;
    text.replace(u'-', u' ').replace(u'_', u' ');
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString lookup(const QHash<QString, const char*>& names, const QString& id) {
    const auto it = names.constFind(id);
    return it == names.constEnd() ? readable(id)
                                  : QCoreApplication::translate("aicp::CatalogNames", *it);
}

}  // namespace

QString policyPackName(const QString& id) {
    static const QHash<QString, const char*> kNames = {
        {QStringLiteral("pii-protection"),
         QT_TRANSLATE_NOOP("aicp::CatalogNames", "PII protection")},
        {QStringLiteral("prompt-injection"),
         QT_TRANSLATE_NOOP("aicp::CatalogNames", "Prompt injection")},
        {QStringLiteral("toxicity"), QT_TRANSLATE_NOOP("aicp::CatalogNames", "Toxicity")},
        {QStringLiteral("cost-controls"), QT_TRANSLATE_NOOP("aicp::CatalogNames", "Cost controls")},
        {QStringLiteral("data-residency"),
         QT_TRANSLATE_NOOP("aicp::CatalogNames", "Data residency")},
        {QStringLiteral("secrets-scanning"),
         QT_TRANSLATE_NOOP("aicp::CatalogNames", "Secrets scanning")},
    };
    return lookup(kNames, id);
}

QString complianceModuleName(const QString& id) {
    static const QHash<QString, const char*> kNames = {
        {QStringLiteral("gdpr"), QT_TRANSLATE_NOOP("aicp::CatalogNames", "GDPR")},
        {QStringLiteral("hipaa"), QT_TRANSLATE_NOOP("aicp::CatalogNames", "HIPAA")},
        {QStringLiteral("soc2"), QT_TRANSLATE_NOOP("aicp::CatalogNames", "SOC 2")},
        {QStringLiteral("eu-ai-act"), QT_TRANSLATE_NOOP("aicp::CatalogNames", "EU AI Act")},
        {QStringLiteral("pci-dss"), QT_TRANSLATE_NOOP("aicp::CatalogNames", "PCI DSS")},
    };
    return lookup(kNames, id);
}

QString featureName(const QString& id) {
    static const QHash<QString, const char*> kNames = {
        {QStringLiteral("basic_governance"),
         QT_TRANSLATE_NOOP("aicp::CatalogNames", "Basic governance")},
        {QStringLiteral("policy_packs"), QT_TRANSLATE_NOOP("aicp::CatalogNames", "Policy packs")},
        {QStringLiteral("compliance_modules"),
         QT_TRANSLATE_NOOP("aicp::CatalogNames", "Compliance modules")},
        {QStringLiteral("sso"), QT_TRANSLATE_NOOP("aicp::CatalogNames", "Single sign-on (SSO)")},
        {QStringLiteral("audit_export"), QT_TRANSLATE_NOOP("aicp::CatalogNames", "Audit export")},
        {QStringLiteral("plugins"), QT_TRANSLATE_NOOP("aicp::CatalogNames", "Plugins")},
        {QStringLiteral("custom_policies"),
         QT_TRANSLATE_NOOP("aicp::CatalogNames", "Custom policies")},
        {QStringLiteral("dedicated_support"),
         QT_TRANSLATE_NOOP("aicp::CatalogNames", "Dedicated support")},
        {QStringLiteral("usage_api"), QT_TRANSLATE_NOOP("aicp::CatalogNames", "Usage API")},
    };
    return lookup(kNames, id);
}

QString billAxisName(BillAxis axis) {
    // In BillAxis order, as kBillAxes lists them.
    static constexpr const char* kNames[] = {
        QT_TRANSLATE_NOOP("aicp::CatalogNames", "Base"),
        QT_TRANSLATE_NOOP("aicp::CatalogNames", "Requests"),
        QT_TRANSLATE_NOOP("aicp::CatalogNames", "Policy packs"),
        QT_TRANSLATE_NOOP("aicp::CatalogNames", "Compliance"),
        QT_TRANSLATE_NOOP("aicp::CatalogNames", "Seats"),
        QT_TRANSLATE_NOOP("aicp::CatalogNames", "Audit"),
        QT_TRANSLATE_NOOP("aicp::CatalogNames", "Discount"),
        QT_TRANSLATE_NOOP("aicp::CatalogNames", "Prepaid unused"),
        QT_TRANSLATE_NOOP("aicp::CatalogNames", "Commitment true-up")};
    static_assert(std::size(kNames) == std::size(kBillAxes));
    return QCoreApplication::translate("aicp::CatalogNames", kNames[std::size_t(axis)]);
}

}  // namespace aicp
