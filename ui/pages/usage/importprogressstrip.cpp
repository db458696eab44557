#include "pages/usage/importprogressstrip.h"

#include "pages/usage/usagechart.h"
#include "theme.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace aicp {

namespace {

// The bar's range, UsageImportController::Progress::permille()'s.
constexpr int kPermille = 1000;

}  // namespace

ImportProgressStrip::ImportProgressStrip(QWidget* parent)
    : CardFrame(parent),
      progress_(new QProgressBar(this)),
      text_(new QLabel(this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      timer_(new QTimer(this)) {
    setObjectName(QStringLiteral("importProgress"));
    progress_->setObjectName(QStringLiteral("importProgressBar"));
    progress_->setRange(0, kPermille);
    progress_->setTextVisible(false);
    text_->setObjectName(QStringLiteral("importProgressText"));
    text_->setMinimumWidth(1);
    cancel_->setObjectName(QStringLiteral("cancelImportButton"));
    cancel_->setToolTip(tr("Stop the import; nothing from the file being read is kept"));
    connect(cancel_, &QPushButton::clicked, this, [this] {
        cancel_->setEnabled(false);
        cancel_->setText(tr("Cancelling…"));
        emit cancelRequested();
    });
    const int gap = theme::spacing(font(), 0.75);
    auto* strip = new QHBoxLayout(this);
    strip->setContentsMargins(gap, gap / 2, gap / 2, gap / 2);
    strip->setSpacing(gap);
    auto* column = new QVBoxLayout;
    column->setSpacing(gap / 3);
    column->addWidget(text_);
    column->addWidget(progress_);
    strip->addLayout(column, 1);
    strip->addWidget(cancel_, 0, Qt::AlignVCenter);
    timer_->setInterval(100);
    connect(timer_, &QTimer::timeout, this, &ImportProgressStrip::showProgress);
    hide();
}

void ImportProgressStrip::follow(std::shared_ptr<const UsageImportController> controller) {
    controller_ = std::move(controller);
    cancel_->setEnabled(true);
    cancel_->setText(tr("Cancel"));
    progress_->setMaximum(kPermille);
    progress_->setValue(0);
    showProgress();
    show();
    timer_->start();
}

void ImportProgressStrip::finish() {
    timer_->stop();
    controller_.reset();
    hide();
}

void ImportProgressStrip::showProgress() {
    if (!controller_)
        return;
    const UsageImportController::Progress now = controller_->progress();
    // Building the index has no measure of its own: a busy bar.
    progress_->setMaximum(now.buildingIndex ? 0 : kPermille);
    if (now.totalBytes > 0 && !now.buildingIndex)
        progress_->setValue(now.permille());
    QString name = QFileInfo(now.path).fileName();
    if (now.files > 1)
        name = tr("%1 (%2 of %3)").arg(name).arg(now.file + 1).arg(now.files);
    if (now.buildingIndex) {
        text_->setText(tr("Importing %1 · %2 rows read · building the key index")
                           .arg(name, usagecharts::number(now.rows)));
        return;
    }
    text_->setText(tr("Importing %1 · %2 rows · %3 MB/s")
                       .arg(name, usagecharts::number(now.rows),
                            QLocale().toString(now.megabytesPerSecond, 'f', 1)));
}

}  // namespace aicp
