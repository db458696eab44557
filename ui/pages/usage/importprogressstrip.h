#pragma once

#include "metering/usageimportcontroller.h"
#include "widgets/cardframe.h"

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace aicp {

// The running import above the Usage page's charts: which file, how far,
// how fast, and the way out. Polls the controller ten times a second.
class ImportProgressStrip : public CardFrame {
    Q_OBJECT
public:
    explicit ImportProgressStrip(QWidget* parent = nullptr);

    // Shows the strip and follows `controller` until finish().
    void follow(std::shared_ptr<const UsageImportController> controller);
    void finish();

signals:
    void cancelRequested();

private:
    void showProgress();

    std::shared_ptr<const UsageImportController> controller_;
    QProgressBar* progress_;
    QLabel* text_;
    QPushButton* cancel_;
    QTimer* timer_;
};

}  // namespace aicp
