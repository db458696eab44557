#include "storage/workspacerole.h"

#include <array>
#include <utility>

namespace aicp {

namespace {

constexpr std::array<std::pair<WorkspaceRole, const char*>, 4> kNames{{
    {WorkspaceRole::Viewer, "viewer"},
    {WorkspaceRole::AccountManager, "account-manager"},
    {WorkspaceRole::Finance, "finance"},
    {WorkspaceRole::Admin, "admin"},
}};

QString areaWords(WorkspaceArea area) {
    switch (area) {
        case WorkspaceArea::Customers:
            return QStringLiteral("customers");
        case WorkspaceArea::Licenses:
            return QStringLiteral("licenses and signing keys");
        case WorkspaceArea::Usage:
            return QStringLiteral("usage imports and pulls");
        case WorkspaceArea::PriceBooks:
            return QStringLiteral("price books");
        case WorkspaceArea::Invoices:
            return QStringLiteral("invoices and credit notes");
        case WorkspaceArea::Settings:
            return QStringLiteral("workspace settings, roles and API tokens");
    }
    return {};
}

}  // namespace

QString roleName(WorkspaceRole role) {
    for (const auto& [value, name] : kNames)
        if (value == role)
            return QString::fromLatin1(name);
    return {};
}

std::optional<WorkspaceRole> parseRole(const QString& name) {
    for (const auto& [value, word] : kNames)
        if (name == QLatin1String(word))
            return value;
    return std::nullopt;
}

WorkspaceRole roleNeededFor(WorkspaceArea area) {
    switch (area) {
        case WorkspaceArea::Customers:
        case WorkspaceArea::Licenses:
        case WorkspaceArea::Usage:
            return WorkspaceRole::AccountManager;
        case WorkspaceArea::PriceBooks:
        case WorkspaceArea::Invoices:
            return WorkspaceRole::Finance;
        case WorkspaceArea::Settings:
            return WorkspaceRole::Admin;
    }
    return WorkspaceRole::Admin;
}

bool roleMayChange(WorkspaceRole role, WorkspaceArea area) {
    return role == WorkspaceRole::Admin || role == roleNeededFor(area);
}

QString roleRequirement(WorkspaceArea area) {
    return QStringLiteral("changing %1 needs the %2 role")
        .arg(areaWords(area), roleName(roleNeededFor(area)));
}

QString refusalReason(WorkspaceRole role, WorkspaceArea area) {
    const QString article = role == WorkspaceRole::AccountManager || role == WorkspaceRole::Admin
                                ? QStringLiteral("an")
                                : QStringLiteral("a");
    QString reason = roleRequirement(area);
    reason[0] = reason[0].toUpper();
    return QStringLiteral("%1; you are %2 %3.").arg(reason, article, roleName(role));
}

}  // namespace aicp
