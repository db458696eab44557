#include "roleguard.h"

#include "storage/workspace.h"

#include <optional>

#include <QAction>
#include <QWidget>

namespace aicp {

namespace {

// The tips a target had before a refusal replaced them.
constexpr const char* kKeptToolTip = "aicpToolTipBeforeRole";
constexpr const char* kKeptStatusTip = "aicpStatusTipBeforeRole";

struct Tips {
    QString toolTip;
    QString statusTip;
};

Tips tipsOf(const QObject* target) {
    if (const auto* action = qobject_cast<const QAction*>(target))
        return {action->toolTip(), action->statusTip()};
    if (const auto* widget = qobject_cast<const QWidget*>(target))
        return {widget->toolTip(), widget->statusTip()};
    return {};
}

void apply(QObject* target, const Tips& tips, std::optional<bool> disable) {
    if (auto* action = qobject_cast<QAction*>(target)) {
        action->setToolTip(tips.toolTip);
        action->setStatusTip(tips.statusTip);
        if (disable)
            action->setEnabled(false);
    } else if (auto* widget = qobject_cast<QWidget*>(target)) {
        widget->setToolTip(tips.toolTip);
        widget->setStatusTip(tips.statusTip);
        if (disable)
            widget->setEnabled(false);
    }
}

}  // namespace

bool mayChange(const Workspace* workspace, WorkspaceArea area) {
    return !workspace || roleMayChange(workspace->role(), area);
}

void guardRole(QObject* target, const Workspace* workspace, WorkspaceArea area) {
    if (!target)
        return;
    const bool kept = target->property(kKeptToolTip).isValid();
    if (mayChange(workspace, area)) {
        if (kept) {
            apply(target,
                  {target->property(kKeptToolTip).toString(),
                   target->property(kKeptStatusTip).toString()},
                  std::nullopt);
            target->setProperty(kKeptToolTip, {});
            target->setProperty(kKeptStatusTip, {});
        }
        return;
    }
    const QString why = refusalReason(workspace->role(), area);
    const Tips before = tipsOf(target);
    // A page that set its own tip since keeps it for when the role allows.
    if (!kept || before.toolTip != why) {
        target->setProperty(kKeptToolTip, before.toolTip);
        target->setProperty(kKeptStatusTip, before.statusTip);
    }
    apply(target, {why, why}, true);
}

}  // namespace aicp
