#include "pages/recommendations/upgraderequestfiles.h"

#include "documents/pdfdocument.h"
#include "documents/upgraderequestpdf.h"
#include "money/moneyformat.h"
#include "pages/licenses/licensestate.h"
#include "widgets/pagetext.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aicp {

UpgradeRequestFiles UpgradeRequestFiles::beside(const QString& jsonPath) {
    const QFileInfo json(jsonPath);
    QString base = json.fileName();
    if (json.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        base.chop(json.suffix().size() + 1);
    return {jsonPath, json.dir().filePath(base + QStringLiteral(".pdf"))};
}

Status writeUpgradeRequest(const UpgradeRequest& request, const UpgradeRequestFiles& files,
                           const DocumentStamp& stamp) {
    auto pdf = upgradeRequestPdf(request, stamp);
    if (!pdf)
        return pdf.error().withContext(QFileInfo(files.pdf).fileName());
    AICP_TRY(writeDocumentFile(files.json, request.toJson()));
    return writeDocumentFile(files.pdf, *pdf);
}

AskUpgradeDialog::AskUpgradeDialog(const UpgradeRequest& request, const QString& tierName,
                                   const QString& currentTierName, QWidget* parent)
    : QDialog(parent), note_(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("askUpgradeDialog"));
    setWindowTitle(tr("Ask for Upgrade"));
    const QLocale locale;
    const QString asked =
        request.tier == request.currentTier
            ? tr("More of %1 in place of license %2.")
                  .arg(tierName, shortLicenseId(request.currentLicense))
            : tr("%1 in place of %2 (license %3), until %4.")
                  .arg(tierName, currentTierName, shortLicenseId(request.currentLicense),
                       licenseDate(request.currentExpiresAt));
    const QString usage =
        request.requestLimit
            ? tr("In %1: %2 requests so far, %3 projected by the month's end, against a limit "
                 "of %4.")
                  .arg(request.month, formatCount(request.requestsSoFar, locale),
                       formatCount(request.projectedRequests, locale),
                       formatCount(*request.requestLimit, locale))
            : tr("In %1: %2 requests so far, %3 projected by the month's end.")
                  .arg(request.month, formatCount(request.requestsSoFar, locale),
                       formatCount(request.projectedRequests, locale));
    auto* summary = new QLabel(
        tr("<p><b>%1 asks for %2</b></p><p>%3</p><p>%4</p><p>%5</p>")
            .arg(request.customerName.toHtmlEscaped(), tierName.toHtmlEscaped(),
                 asked.toHtmlEscaped(), usage.toHtmlEscaped(), request.reason.toHtmlEscaped()),
        this);
    summary->setObjectName(QStringLiteral("askUpgradeSummary"));
    summary->setWordWrap(true);
    auto* noteLabel = new QLabel(tr("A note for your vendor (optional):"), this);
    note_->setObjectName(QStringLiteral("upgradeNote"));
    note_->setPlaceholderText(tr("e.g. we are onboarding two more teams in January"));
    note_->setAccessibleName(tr("Note for the vendor"));
    note_->setTabChangesFocus(true);
    noteLabel->setBuddy(note_);
    auto* explanation = new QLabel(
        tr("The request is saved as a JSON file for the vendor's console and a PDF beside it "
           "to read. Send both to your account manager."),
        this);
    explanation->setWordWrap(true);
    setMuted(explanation);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save Request…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(noteLabel);
    layout->addWidget(note_);
    layout->addWidget(explanation);
    layout->addWidget(buttons);
    setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 70);
}

QString AskUpgradeDialog::note() const {
    return note_->toPlainText().trimmed();
}

}  // namespace aicp
