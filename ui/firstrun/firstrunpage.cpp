#include "firstrun/firstrunpage.h"

#include "theme.h"
#include "widgets/pagetext.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace aicp {

FirstRunPage::FirstRunPage(const char* objectName, const QString& title, const QString& subTitle,
                           QWidget* parent)
    : QWizardPage(parent), status_(new QLabel(this)), busy_(new QProgressBar(this)) {
    setObjectName(QLatin1String(objectName));
    setTitle(title);
    setSubTitle(subTitle);
    status_->setObjectName(QStringLiteral("firstRunStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_->setAccessibleName(tr("Status"));
    busy_->setObjectName(QStringLiteral("firstRunBusy"));
    busy_->setRange(0, 0);  // how long scrypt or the demo takes is not known
    busy_->setTextVisible(false);
    busy_->setAccessibleName(tr("Working"));
    busy_->setMaximumHeight(QFontMetrics(font()).height() / 2);
    busy_->hide();
}

void FirstRunPage::addStatusArea(QVBoxLayout* layout) {
    layout->addStretch(1);
    layout->addWidget(busy_);
    layout->addWidget(status_);
}

QLabel* FirstRunPage::explanation(const QString& text) {
    return mutedLabel(text, this);
}

void FirstRunPage::addPathRow(QFormLayout* form, const QString& label, QLineEdit* path,
                              QPushButton* browse) {
    auto* row = new QHBoxLayout;
    row->addWidget(path, 1);
    row->addWidget(browse);
    auto* name = new QLabel(label, this);
    name->setBuddy(path);
    form->addRow(name, row);
}

void FirstRunPage::setStatus(const QString& text, bool problem, bool busy) {
    QPalette palette = status_->palette();
    palette.setColor(QPalette::WindowText, problem ? theme::warningText(this->palette())
                                                   : theme::mutedText(this->palette()));
    status_->setPalette(palette);
    status_->setText(text);
    busy_->setVisible(busy);
}

void FirstRunPage::showBusy(const QString& text) {
    setStatus(text, false, true);
}

void FirstRunPage::showProblem(const QString& text) {
    setStatus(text, true, false);
}

void FirstRunPage::showNote(const QString& text) {
    setStatus(text, false, false);
}

void FirstRunPage::clearStatus() {
    setStatus({}, false, false);
}

QString FirstRunPage::statusText() const {
    return status_->text();
}

void FirstRunPage::setInputsEnabled(bool enabled) {
    for (QWidget* input : inputs_)
        input->setEnabled(enabled);
}

}  // namespace aicp
