#pragma once

#include "pages/consolepage.h"
#include "recommend/recommendation.h"

#include <functional>
#include <optional>

#include <QDate>
#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QVBoxLayout;

namespace aicp {

class Badge;
struct UpgradeRequest;
class RecommendationChart;
class RecommendationTableModel;
class TaskRunner;
class Workspace;

// The Recommendations page: for the context bar's customer and month, each
// tier's projected monthly cost for the observed needs side by side (a bar
// chart and a table), the recommended tier with the reason in words, how the
// month-end figure was projected, the license's limit alerts, and "Prepare
// upgrade…", which asks for the upgrade dialog prefilled with the
// recommendation. In a customer workspace that button is "Ask for
// Upgrade…" instead: it saves an upgrade request (JSON and PDF) for the
// vendor. RecommendationService computes it on the shared TaskRunner, never
// on the GUI thread.
class RecommendationsPage : public ConsolePage {
    Q_OBJECT
public:
    // What the customer adds to an upgrade request and where it is saved
    // (the PDF goes beside the JSON); nullopt when they cancel.
    struct UpgradeRequestChoice {
        QString note;
        QString jsonPath;
    };
    using UpgradeRequestAsker = std::function<std::optional<UpgradeRequestChoice>(
        QWidget* parent, const UpgradeRequest& request)>;

    explicit RecommendationsPage(QWidget* parent = nullptr);
    ~RecommendationsPage() override;

    // The default shows AskUpgradeDialog, then a save dialog.
    void setUpgradeRequestAsker(UpgradeRequestAsker asker);

    [[nodiscard]] const std::optional<Recommendation>& recommendation() const {
        return recommendation_;
    }
    // Why nothing is shown (no customer, an error); empty when a recommendation is.
    [[nodiscard]] QString message() const;
    [[nodiscard]] bool isLoading() const { return loading_; }
    [[nodiscard]] bool canPrepareUpgrade() const;
    // Why "Prepare upgrade…" is disabled; empty when it is enabled.
    [[nodiscard]] QString whyNoUpgrade() const { return whyNoUpgrade_; }

    // Emits upgradeRequested when the recommendation allows it.
    void prepareUpgrade();

    // Customer workspace: makes the upgrade request the recommendation
    // calls for, asks for a note and a file, and writes the JSON and the PDF
    // off the GUI thread. False when it did not start.
    bool askForUpgrade();
    [[nodiscard]] bool canAskForUpgrade() const;
    // The last request's outcome, as shown under the reason.
    [[nodiscard]] QString requestMessage() const;

signals:
    // The user asked for the upgrade of `recommendation.license` to the
    // recommended tier; the main window opens the Licenses page's dialog.
    void upgradeRequested(const aicp::Recommendation& recommendation);
    // A computation finished (shown or failed).
    void loaded();
    // An upgrade request was saved (`ok`) or could not be.
    void upgradeRequestSaved(bool ok, const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildLayout();
    QWidget* buildAnswerCard();
    QWidget* buildChartCard();
    QWidget* buildBasisCard();
    QWidget* buildTableCard();
    void show(std::optional<Recommendation> recommendation, const QString& problem);
    void showPrompt(const QString& text);
    void updateUpgradeAction();
    [[nodiscard]] QString whyNoRequest() const;
    void showRequestMessage(const QString& text, bool problem);
    void showAlerts();
    void fitTable();
    void load() override;
    void runnerBusyChanged(bool busy) override;

    bool loading_ = false;
    int generation_ = 0;  // results of an older request are dropped
    std::optional<Recommendation> recommendation_;
    QString problem_;
    QString whyNoUpgrade_;
    bool customerMode_ = false;
    UpgradeRequestAsker asker_;

    QStackedWidget* content_;
    QLabel* prompt_;
    QLabel* headline_;
    Badge* savingBadge_;
    QLabel* reason_;
    QPushButton* upgradeButton_;
    QPushButton* askButton_;
    QLabel* requestMessage_;
    QLabel* projection_;
    QLabel* needs_;
    QWidget* alertsBox_;
    QVBoxLayout* alertsLayout_;
    RecommendationChart* chart_;
    RecommendationTableModel* model_;
    QTableView* table_;
    QLabel* footnote_;
};

}  // namespace aicp
