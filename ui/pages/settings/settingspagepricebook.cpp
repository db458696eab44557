// The Settings page's price book operations: loading a document, the list
// of versions, New Version… and Show Version… (the card is built in
// settingspage.cpp with the others).

#include "billing/pricebookimport.h"
#include "chosenfile.h"
#include "pages/settings/pricebookeditor.h"
#include "pages/settings/settingspage.h"
#include "widgets/localdates.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QTableWidget>

namespace aicp {

Status SettingsPage::loadPriceBook(const QString& path) {
    if (!this->workspace())
        return Error::invalidInput(tr("No workspace is open."));
    const QString name = QFileInfo(path).fileName();
    auto document = readChosenFile(path, PriceBook::kMaxDocumentSize, tr("a price book"));
    if (!document)
        return document.error();
    auto book = PriceBook::fromJson(*document);
    if (!book)
        return Error(book.error().code(),
                     tr("%1 is not a usable price book: %2").arg(name, book.error().message()));
    auto imported = importPriceBook(*this->workspace(), *book, PriceBookImportMode::Store);
    if (!imported)
        return imported.error().withContext(name);
    reload();
    const QStringList& added = imported->merge.added;
    priceMessage_->setText(
        added.isEmpty()
            ? tr("The workspace holds every version of this price book already; nothing changed.")
            : tr("Price book version %1 added; costs are computed with each from the day it "
                 "takes effect.")
                  .arg(added.join(QStringLiteral(", "))));
    if (!added.isEmpty())
        emit priceBookChanged();
    return {};
}

void SettingsPage::loadPriceBookFrom() {
    openChosenFile(this, tr("Load Price Book"), QString(),
                   tr("Price books (*.json);;All files (*)"), [this](const QString& path) {
                       if (const Status loaded = loadPriceBook(path); !loaded)
                           priceMessage_->setText(upperFirst(loaded.error().message()));
                   });
}

void SettingsPage::fillVersions() {
    // The stored book: a version saved here is listed before the window
    // hands the pages the new book.
    auto stored = workspace()->priceBook();
    const PriceBook& book = stored ? *stored : *priceBook();
    const QDate today = clock()().date();
    auto inForce = book.versionAt(today);
    versions_->setRowCount(static_cast<int>(book.versions().size()));
    for (int row = 0; row < versions_->rowCount(); ++row) {
        const PriceBookVersion& version = book.versions()[static_cast<std::size_t>(row)];
        const QString state = inForce && inForce->version == version.version ? tr("in force")
                              : version.effectiveFrom > today                ? tr("scheduled")
                                                                             : tr("past");
        const QStringList cells{version.version, displayDate(version.effectiveFrom),
                                version.currency, state};
        for (int column = 0; column < cells.size(); ++column)
            versions_->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
}

Status SettingsPage::newPriceBookVersion() {
    if (!workspace() || !priceBook())
        return Error::invalidInput(tr("No workspace is open."));
    Workspace& workspace = *this->workspace();
    auto firstDay = firstRepriceableDay(workspace, priceBook()->latest().currency);
    if (!firstDay)
        return firstDay.error();
    // The first of next month, unless invoices reach further.
    const QDate today = clock()().date();
    QDate from = QDate(today.year(), today.month(), 1).addMonths(1);
    if (*firstDay && **firstDay > from)
        from = **firstDay;
    const PriceBookVersion& latest = priceBook()->latest();
    if (latest.effectiveFrom >= from)
        from = latest.effectiveFrom.addMonths(1);
    const QString id = QStringLiteral("%1.%2").arg(from.year()).arg(from.month());
    PriceBookEditor editor(
        latest, id, from,
        [&workspace](const PriceBook& book) {
            return importPriceBook(workspace, book, PriceBookImportMode::DryRun);
        },
        this);
    if (!runEditor_(editor))
        return {};
    auto book = editor.edited();
    if (!book)
        return book.error();
    auto imported = importPriceBook(workspace, *book, PriceBookImportMode::Store);
    if (!imported)
        return imported.error();
    reload();
    priceMessage_->setText(
        tr("Price book version %1 saved; it takes effect on %2.")
            .arg(book->latest().version, displayDate(book->latest().effectiveFrom)));
    emit priceBookChanged();
    return {};
}

void SettingsPage::viewPriceBookVersion() {
    if (!workspace())
        return;
    auto book = workspace()->priceBook();
    if (!book) {
        priceMessage_->setText(upperFirst(book.error().message()));
        return;
    }
    const int row = versions_->currentRow();
    const auto& versions = book->versions();
    const PriceBookVersion& shown = row >= 0 && row < static_cast<int>(versions.size())
                                        ? versions[static_cast<std::size_t>(row)]
                                        : book->latest();
    PriceBookEditor viewer(shown, this);
    runEditor_(viewer);
}

}  // namespace aicp
