#include "pages/licenses/instancespanel.h"

#include "common/idtext.h"
#include "pages/licenses/activationfiledialog.h"
#include "taskrunner.h"
#include "widgets/localdates.h"
#include "widgets/pagetext.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace aicp {

namespace {

QString stateText(ActivationState state) {
    switch (state) {
        case ActivationState::Active:
            return InstancesPanel::tr("Active");
        case ActivationState::Released:
            return InstancesPanel::tr("Released");
        case ActivationState::Lapsed:
            return InstancesPanel::tr("Lapsed");
    }
    return {};
}

// "12/7/2026 9:20 AM": the list's columns are narrow; UTC is in the header's tooltip.
QString shortTime(const QDateTime& time) {
    const QDateTime utc = time.toUTC();
    return QStringLiteral("%1 %2").arg(displayDate(utc.date()),
                                       QLocale().toString(utc.time(), QLocale::ShortFormat));
}

QString licenseName(const LicenseRecord& record) {
    return InstancesPanel::tr("%1's license %2")
        .arg(record.license.customerName, shortIdText(record.license.id));
}

std::optional<InstancesPanel::FileRequest> askForFile(QWidget* parent,
                                                      const LicenseRecord& license) {
    ActivationFileDialog dialog(licenseName(license), license.license.graceEndsAt(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const ActivationRequest request = dialog.request();
    QString name = request.hostname.isEmpty() ? request.fingerprint : request.hostname;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("-"));
    const QString path =
        QFileDialog::getSaveFileName(parent, InstancesPanel::tr("Save Activation File"),
                                     QDir::home().filePath(QStringLiteral("%1.act").arg(name)),
                                     InstancesPanel::tr("Activation files (*.act);;All files (*)"));
    if (path.isEmpty())
        return std::nullopt;
    return InstancesPanel::FileRequest{request, path};
}

}  // namespace

InstancesPanel::InstancesPanel(QWidget* parent)
    : QWidget(parent),
      summary_(new QLabel(this)),
      list_(new QTreeWidget(this)),
      release_(new QToolButton(this)),
      issue_(new QToolButton(this)),
      passphrase_(&PassphraseDialog::ask),
      confirm_(&confirmWithMessageBox),
      fileRequest_(&askForFile) {
    setObjectName(QStringLiteral("instancesPanel"));
    summary_->setObjectName(QStringLiteral("instancesSummary"));
    summary_->setWordWrap(true);
    list_->setObjectName(QStringLiteral("instancesList"));
    list_->setAccessibleName(tr("Instances"));
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->setAlternatingRowColors(true);
    // Four columns fit beside the registry: the machine by its hostname (its
    // fingerprint when it gave none; both in the tooltip).
    list_->setHeaderLabels({tr("Machine"), tr("State"), tr("Last heartbeat"), tr("Expires")});
    list_->headerItem()->setToolTip(2, tr("Times are UTC"));
    list_->headerItem()->setToolTip(3, tr("When its file expires; a released machine's is when "
                                          "it was released"));
    list_->header()->setStretchLastSection(false);
    list_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int line = QFontMetrics(font()).height();
    list_->setMinimumHeight(line * 5);
    list_->setMaximumHeight(line * 8);
    release_->setObjectName(QStringLiteral("releaseInstanceButton"));
    release_->setText(tr("&Release Instance…"));
    release_->setToolTip(tr("Free the selected machine's instance for another machine"));
    issue_->setObjectName(QStringLiteral("activationFileButton"));
    issue_->setText(tr("Ac&tivation File…"));
    issue_->setToolTip(tr("Sign an activation file for a machine that cannot reach the service"));
    connect(release_, &QToolButton::clicked, this, &InstancesPanel::releaseSelected);
    connect(issue_, &QToolButton::clicked, this, &InstancesPanel::issueFile);
    connect(list_, &QTreeWidget::itemSelectionChanged, this, &InstancesPanel::updateButtons);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(issue_);
    buttons->addWidget(release_);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(sectionTitle(tr("Instances"), this));
    layout->addWidget(summary_);
    layout->addWidget(list_, 1);
    layout->addLayout(buttons);
    showLicense(nullptr, std::nullopt, false);
}

void InstancesPanel::showLicense(Workspace* workspace, const std::optional<LicenseRecord>& license,
                                 bool canSign) {
    workspace_ = workspace;
    license_ = license;
    canSign_ = canSign;
    reload();
}

void InstancesPanel::reload() {
    list_->clear();
    activations_.clear();
    if (!workspace_ || !license_) {
        summary_->setText(tr("Select a license to see the machines it runs on."));
        updateButtons();
        return;
    }
    const ActivationRegistry registry(*workspace_);
    auto activations = registry.list(license_->license.id);
    auto inUse = registry.activeCount(license_->license.id);
    if (!activations || !inUse) {
        summary_->setText((activations ? inUse.error() : activations.error()).message());
        updateButtons();
        return;
    }
    activations_ = std::move(activations).value();
    const std::optional<std::int64_t> limit = license_->license.activation.instances;
    summary_->setText(
        limit ? tr("%1 of %2 instances in use.").arg(*inUse).arg(*limit)
              : tr("%n instance(s) in use; the license allows any number.", "", int(*inUse)));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const ActivationRecord& record : activations_) {
        const ActivationState state = record.stateAt(now);
        const QDateTime ends = record.releasedAt.value_or(record.expiresAt);
        auto* item = new QTreeWidgetItem(
            list_,
            {record.hostname.isEmpty() ? record.fingerprint : record.hostname, stateText(state),
             shortTime(record.lastHeartbeat), displayDate(ends.toUTC().date())});
        item->setData(0, Qt::UserRole, idText(record.id));
        item->setToolTip(0, tr("Fingerprint %1\nActivation %2\nActivated %3 by %4")
                                .arg(record.fingerprint, idText(record.id),
                                     displayUtcTime(record.activatedAt), record.activatedBy));
        item->setToolTip(2, displayUtcTime(record.lastHeartbeat));
        item->setToolTip(3, displayUtcTime(ends));
        if (state != ActivationState::Active)
            for (int column = 0; column < list_->columnCount(); ++column)
                item->setForeground(column, palette().brush(QPalette::PlaceholderText));
    }
    if (activations_.empty())
        summary_->setText(summary_->text() + QLatin1Char(' ') +
                          tr("No machine has been activated yet."));
    updateButtons();
}

void InstancesPanel::updateButtons() {
    const bool busy = runner_ && runner_->isBusy();
    const std::optional<ActivationRecord> record = selected();
    const bool active =
        record && record->stateAt(QDateTime::currentDateTimeUtc()) == ActivationState::Active;
    release_->setVisible(canSign_);
    issue_->setVisible(canSign_);
    release_->setEnabled(canSign_ && !busy && active);
    const bool inForce = license_ && isInForce(license_->stateAt(QDateTime::currentDateTimeUtc()));
    issue_->setEnabled(canSign_ && !busy && inForce);
    issue_->setToolTip(inForce || !license_
                           ? tr("Sign an activation file for a machine that cannot reach the "
                                "service")
                           : tr("Only a license in force runs on machines."));
}

std::optional<ActivationRecord> InstancesPanel::selected() const {
    const QTreeWidgetItem* item = list_->currentItem();
    if (!item || !item->isSelected())
        return std::nullopt;
    const QString id = item->data(0, Qt::UserRole).toString();
    for (const ActivationRecord& record : activations_)
        if (idText(record.id) == id)
            return record;
    return std::nullopt;
}

bool InstancesPanel::releaseSelected() {
    const std::optional<ActivationRecord> record = selected();
    if (!record || !workspace_ || !canSign_ || !runner_ || runner_->isBusy())
        return false;
    const QString machine = record->hostname.isEmpty()
                                ? record->fingerprint
                                : tr("%1 (%2)").arg(record->hostname, record->fingerprint);
    if (!confirm_(this, tr("Release Instance"),
                  tr("Release the instance machine %1 holds? Its gateway stops at its next "
                     "heartbeat, or when its file expires; another machine can take the place.")
                      .arg(machine),
                  tr("Release"))) {
        emit finished(tr("Not released."), false);
        return false;
    }
    Workspace* workspace = workspace_;
    const QString id = idText(record->id);
    return runner_->run<Result<ActivationRecord>>(
        this, [workspace, id] { return ActivationRegistry(*workspace).release(id); },
        [this, machine](Result<ActivationRecord> released) {
            reload();
            if (!released) {
                emit finished(released.error().message(), true);
                return;
            }
            emit finished(tr("Released the instance of %1.").arg(machine), false);
        });
}

bool InstancesPanel::issueFile() {
    if (!workspace_ || !license_ || !canSign_ || !runner_ || runner_->isBusy())
        return false;
    const std::optional<FileRequest> wanted = fileRequest_(this, *license_);
    if (!wanted) {
        emit finished(tr("Cancelled; no activation file was signed."), false);
        return false;
    }
    // The file is opened before anything is signed: a folder that cannot be
    // written fails before an instance is taken.
    auto file = std::make_shared<QSaveFile>(wanted->path);
    if (!file->open(QIODevice::WriteOnly)) {
        emit finished(tr("Cannot write %1: %2")
                          .arg(QDir::toNativeSeparators(wanted->path), file->errorString()),
                      true);
        return false;
    }
    std::optional<QByteArray> passphrase =
        passphrase_(this, tr("Sign an activation file of %1 for machine %2.")
                              .arg(licenseName(*license_), wanted->activation.fingerprint));
    if (!passphrase) {
        emit finished(tr("Cancelled; no activation file was signed."), false);
        return false;
    }
    Workspace* workspace = workspace_;
    const QString license = idText(license_->license.id);
    return runner_->run<Result<ActivationGrant>>(
        this,
        [workspace, license, request = wanted->activation,
         secret = std::move(*passphrase)]() mutable {
            Result<ActivationGrant> granted =
                ActivationRegistry(*workspace).activate(license, request, secret);
            secret.fill('\0');
            return granted;
        },
        [this, file, path = wanted->path](Result<ActivationGrant> granted) {
            reload();
            if (granted && granted->outcome == ActivationGrant::Outcome::LimitReached) {
                const Error refusal = granted->limitError();
                granted = refusal;
            }
            if (!granted) {
                emit finished(granted.error().message(), true);
                return;
            }
            const QByteArray line = granted->file + '\n';
            if (file->write(line) != line.size() || !file->commit()) {
                emit finished(tr("The activation was made, but %1 could not be written (%2); "
                                 "sign the file again for the same machine.")
                                  .arg(QDir::toNativeSeparators(path), file->errorString()),
                              true);
                return;
            }
            emit finished(tr("Saved the activation file of %1 to %2, valid until %3.")
                              .arg(granted->record.fingerprint, QDir::toNativeSeparators(path),
                                   displayUtcTime(granted->record.expiresAt)),
                          false);
        });
}

QList<QWidget*> InstancesPanel::tabStops() const {
    return {list_, issue_, release_};
}

int InstancesPanel::rowCount() const {
    return list_->topLevelItemCount();
}

QString InstancesPanel::summary() const {
    return summary_->text();
}

}  // namespace aicp
