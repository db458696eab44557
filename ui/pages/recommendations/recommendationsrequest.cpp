// The Recommendations page in a customer workspace: "Ask for Upgrade…"
// saves the upgrade request the shown recommendation calls for, as JSON for
// the vendor's console and a PDF to read. Kept apart from the page's layout
// and computation (recommendationspage.cpp).
#include "audit/auditlog.h"
#include "pages/recommendations/recommendationspage.h"
#include "pages/recommendations/upgraderequestfiles.h"
#include "recommend/upgraderequest.h"
#include "storage/workspace.h"
#include "taskrunner.h"
#include "widgets/pagetext.h"

#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>

namespace aicp {
namespace {

std::optional<RecommendationsPage::UpgradeRequestChoice> askInDialogs(
    QWidget* parent, const UpgradeRequest& request, const QString& tierName,
    const QString& currentTierName) {
    AskUpgradeDialog dialog(request, tierName, currentTierName, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const QString suggested =
        QStringLiteral("upgrade-request-%1-%2.json")
            .arg(request.customerId, request.createdAt.toString(QStringLiteral("yyyyMMdd")));
    const QString path = QFileDialog::getSaveFileName(
        parent, RecommendationsPage::tr("Save Upgrade Request"), QDir::home().filePath(suggested),
        RecommendationsPage::tr("Upgrade requests (*.json);;All files (*)"));
    if (path.isEmpty())
        return std::nullopt;
    return RecommendationsPage::UpgradeRequestChoice{dialog.note(), path};
}

}  // namespace

QString RecommendationsPage::whyNoRequest() const {
    const Recommendation* r = recommendation_ ? &*recommendation_ : nullptr;
    if (!r)
        return tr("Nothing to ask for yet.");
    if (!r->recommendedOption())
        return tr("No tier serves these needs.");
    if (!r->license)
        return tr(
            "No license is in force: add the one your vendor sent with File \u25b8 Add "
            "License\u2026");
    if (const LicenseState state = r->license->stateAt(now()); !isInForce(state))
        return tr("The license of that month is %1 now; look at the current month to ask.")
            .arg(word(state));
    if (runner()->isBusy())
        return tr("Wait for the running operation to finish.");
    return {};
}

bool RecommendationsPage::canAskForUpgrade() const {
    return customerMode_ && askButton_->isEnabled();
}

QString RecommendationsPage::requestMessage() const {
    return requestMessage_->isHidden() ? QString() : requestMessage_->text();
}

void RecommendationsPage::showRequestMessage(const QString& text, bool problem) {
    showMessageLine(requestMessage_, this, text, problem);
    requestMessage_->show();
}

bool RecommendationsPage::askForUpgrade() {
    updateUpgradeAction();
    if (!customerMode_ || !askButton_->isEnabled() || !recommendation_)
        return false;
    auto made = UpgradeRequest::fromRecommendation(*recommendation_, now());
    if (!made) {
        showRequestMessage(made.error().message(), true);
        return false;
    }
    UpgradeRequest request = std::move(made).value();
    const std::optional<UpgradeRequestChoice> choice =
        asker_ ? asker_(this, request)
               : askInDialogs(this, request, tierName(request.tier), tierName(request.currentTier));
    if (!choice) {
        showRequestMessage(tr("Cancelled; no request was saved."), false);
        return false;
    }
    request.note = choice->note;
    const UpgradeRequestFiles files = UpgradeRequestFiles::beside(choice->jsonPath);
    const DocumentStamp stamp{now().toUTC(), AuditLog::currentActor(),
                              QDir::toNativeSeparators(workspace()->path())};
    showRequestMessage(tr("Saving the request…"), false);
    const bool started = runner()->run<Status>(
        this, [request, files, stamp] { return writeUpgradeRequest(request, files, stamp); },
        [this, files](Status written) {
            const QString text =
                written
                    ? tr("Saved the upgrade request to %1 and %2. Send both to your vendor.")
                          .arg(QDir::toNativeSeparators(files.json),
                               QFileInfo(files.pdf).fileName())
                    : tr("The upgrade request was not saved: %1").arg(written.error().message());
            showRequestMessage(text, !written);
            updateUpgradeAction();
            emit upgradeRequestSaved(written.ok(), text);
        });
    if (!started)
        showRequestMessage(tr("Wait for the running operation to finish."), true);
    return started;
}

}  // namespace aicp
