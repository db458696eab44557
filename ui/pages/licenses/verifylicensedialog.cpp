#include "pages/licenses/verifylicensedialog.h"

#include "chosenfile.h"
#include "pages/licenses/licensedetailsview.h"
#include "pages/licenses/licensestate.h"
#include "theme.h"
#include "widgets/cardframe.h"
#include "widgets/pagetext.h"

#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aicp {
namespace {

// A license file is a few kilobytes; anything far larger is not one.
constexpr qint64 kMaxFileSize = 1024 * 1024;

Result<QByteArray> readSmallFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(
            Error::Code::Io,
            QObject::tr("cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
    if (file.size() > kMaxFileSize)
        return Error::invalidInput(
            QObject::tr("%1 is too large to be a license file").arg(QFileInfo(path).fileName()));
    return file.read(kMaxFileSize);
}

}  // namespace

VerifyLicenseDialog::VerifyLicenseDialog(Workspace& workspace, PriceBook priceBook, QWidget* parent)
    : QDialog(parent),
      workspace_(workspace),
      priceBook_(std::move(priceBook)),
      input_(new QPlainTextEdit(this)),
      verifyButton_(new QPushButton(tr("&Verify"), this)),
      outcome_(new QLabel(this)),
      reason_(new QLabel(this)),
      trust_(new QLabel(this)),
      details_(new LicenseDetailsView(this)) {
    setObjectName(QStringLiteral("verifyLicenseDialog"));
    setWindowTitle(tr("Verify License"));
    const int gap = theme::spacing(font(), 0.6);

    auto* columns = new QHBoxLayout;
    columns->setSpacing(gap * 2);
    columns->addLayout(buildInputColumn(gap), 1);
    columns->addWidget(buildEntitlementsCard(), 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(gap);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    details_->showMessage(tr("The license's entitlements appear here once it is verified."));
    trust_->setText(tr("Nothing verified yet."));
    resize(QFontMetrics(font()).averageCharWidth() * 130, QFontMetrics(font()).height() * 30);
}

QVBoxLayout* VerifyLicenseDialog::buildInputColumn(int gap) {
    auto* lead = new QLabel(tr("Paste a license key or the text of a license file, drop a "
                               "license file here, or open one."),
                            this);
    lead->setWordWrap(true);
    input_->setObjectName(QStringLiteral("verifyInput"));
    input_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    input_->setPlaceholderText(QStringLiteral("AICP1.eyJ…"));
    input_->setAccessibleName(tr("License key or file text"));
    input_->setToolTip(tr("The one-line key (AICP1.…) or the whole text of a license file"));
    lead->setBuddy(input_);
    input_->setTabChangesFocus(true);
    input_->viewport()->installEventFilter(this);
    input_->setMinimumHeight(QFontMetrics(input_->font()).height() * 7);
    QHBoxLayout* inputButtons = buildInputButtons();

    outcome_->setObjectName(QStringLiteral("verifyOutcome"));
    outcome_->setFont(theme::scaledFont(font(), 2.0, true));
    reason_->setObjectName(QStringLiteral("verifyReason"));
    reason_->setWordWrap(true);
    reason_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    trust_->setObjectName(QStringLiteral("verifyTrust"));
    trust_->setWordWrap(true);
    setMuted(trust_);

    auto* left = new QVBoxLayout;
    left->setSpacing(gap);
    left->addWidget(lead);
    left->addWidget(input_, 1);
    left->addLayout(inputButtons);
    left->addSpacing(gap);
    left->addWidget(outcome_);
    left->addWidget(reason_);
    left->addWidget(trust_);
    left->addStretch();
    return left;
}

QHBoxLayout* VerifyLicenseDialog::buildInputButtons() {
    auto* open = new QPushButton(tr("&Open License File…"), this);
    open->setObjectName(QStringLiteral("openLicenseFileButton"));
    auto* openList = new QPushButton(tr("Use &Revocation List…"), this);
    openList->setObjectName(QStringLiteral("openRevocationListButton"));
    openList->setToolTip(
        tr("Check against a revocation list file from the vendor instead of "
           "this workspace's own"));
    verifyButton_->setObjectName(QStringLiteral("verifyButton"));
    verifyButton_->setDefault(true);
    connect(open, &QPushButton::clicked, this, &VerifyLicenseDialog::openFile);
    connect(openList, &QPushButton::clicked, this, &VerifyLicenseDialog::openRevocationList);
    connect(verifyButton_, &QPushButton::clicked, this, &VerifyLicenseDialog::verify);
    // The verify button and the details are made before the buttons beside them.
    QWidget::setTabOrder(input_, open);
    QWidget::setTabOrder(open, openList);
    QWidget::setTabOrder(openList, verifyButton_);
    QWidget::setTabOrder(verifyButton_, details_->tabStop());

    auto* inputButtons = new QHBoxLayout;
    inputButtons->addWidget(open);
    inputButtons->addWidget(openList);
    inputButtons->addStretch();
    inputButtons->addWidget(verifyButton_);
    return inputButtons;
}

QWidget* VerifyLicenseDialog::buildEntitlementsCard() {
    auto* card = new CardFrame(this);
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(0, 0, 0, 0);
    auto* entitlements = new QLabel(tr("Entitlements"), card);
    entitlements->setFont(theme::scaledFont(font(), 1.0, true));
    cardLayout->addWidget(entitlements);
    cardLayout->addWidget(details_, 1);
    card->setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 52);
    return card;
}

void VerifyLicenseDialog::setText(const QString& text) {
    input_->setPlainText(text);
}

QString VerifyLicenseDialog::reason() const {
    return reason_->text();
}

void VerifyLicenseDialog::verify() {
    const QByteArray text = input_->toPlainText().toUtf8();
    if (text.trimmed().isEmpty()) {
        outcomeWord_.clear();
        outcome_->clear();
        reason_->setText(tr("Paste a license key first."));
        return;
    }
    showOutcome(
        verifyInWorkspace(workspace_, text, QDateTime::currentDateTimeUtc(), revocationList_));
}

void VerifyLicenseDialog::showOutcome(const WorkspaceVerification& outcome) {
    const LicenseVerification& result = outcome.result;
    outcomeWord_ = licenseStatusWord(result.status);
    outcome_->setText(outcomeWord_);
    QPalette colours = outcome_->palette();
    colours.setColor(QPalette::WindowText, licenseStateColour(palette(), outcomeWord_));
    outcome_->setPalette(colours);
    QString reason = result.reason;
    if (!reason.isEmpty())
        reason[0] = reason[0].toUpper();
    reason_->setText(reason);

    QStringList trust{
        outcome.trustedKeys == 1
            ? tr("Checked against the 1 key this workspace trusts.")
            : tr("Checked against the %1 keys this workspace trusts.").arg(outcome.trustedKeys)};
    if (outcome.revocationSequence)
        trust.append(tr("Revocation list #%1 applied.").arg(*outcome.revocationSequence));
    else if (!outcome.revocationProblem.isEmpty())
        trust.append(tr("No revocation list applied: %1").arg(outcome.revocationProblem));
    else
        trust.append(tr("No revocation list has been published or loaded."));
    trust_->setText(trust.join(u' '));

    if (result.license) {
        const LicensePayload& license = *result.license;
        auto prices = priceBook_.versionAt(license.issuedAt.toUTC().date());
        const PriceBookVersion& version = prices ? *prices : priceBook_.latest();
        details_->showLicense(license, &version, {outcomeWord_, {}, {}, {}, false});
    } else {
        details_->showMessage(
            tr("Nothing in a license is shown before its signature checks "
               "out against a trusted key."));
    }
}

Status VerifyLicenseDialog::loadLicenseFile(const QString& path) {
    auto text = readSmallFile(path);
    if (!text) {
        outcomeWord_.clear();
        outcome_->clear();
        reason_->setText(text.error().message());
        return text.error();
    }
    input_->setPlainText(QString::fromUtf8(*text));
    verify();
    return {};
}

Status VerifyLicenseDialog::loadRevocationList(const QString& path) {
    auto token = readSmallFile(path);
    if (!token)
        return token.error();
    revocationList_ = token->trimmed();
    if (!input_->toPlainText().trimmed().isEmpty())
        verify();
    return {};
}

void VerifyLicenseDialog::openFile() {
    openChosenFile(this, tr("Open License File"), QString(),
                   tr("License files (*.lic *.license *.txt);;All files (*)"),
                   [this](const QString& path) { static_cast<void>(loadLicenseFile(path)); });
}

void VerifyLicenseDialog::openRevocationList() {
    openChosenFile(this, tr("Use Revocation List"), QString(), tr("All files (*)"),
                   [this](const QString& path) {
                       if (const Status loaded = loadRevocationList(path); !loaded)
                           reason_->setText(loaded.error().message());
                   });
}

bool VerifyLicenseDialog::eventFilter(QObject* watched, QEvent* event) {
    // A dropped file is read, not pasted as its path.
    if (watched == input_->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto* drag = static_cast<QDropEvent*>(event);
            if (drag->mimeData()->hasUrls()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto* drop = static_cast<QDropEvent*>(event);
            const QList<QUrl> urls = drop->mimeData()->urls();
            if (!urls.isEmpty() && urls.front().isLocalFile()) {
                drop->acceptProposedAction();
                static_cast<void>(loadLicenseFile(urls.front().toLocalFile()));
                return true;
            }
        }
    }
    return QDialog::eventFilter(watched, event);
}

}  // namespace aicp
