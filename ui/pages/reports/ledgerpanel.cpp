#include "pages/reports/ledgerpanel.h"

#include "accounting/ledger.h"
#include "metering/yearmonth.h"
#include "money/moneyformat.h"
#include "pages/reports/ledgertablemodel.h"
#include "pages/reports/reportfilewriter.h"
#include "theme.h"
#include "widgets/pagetext.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace aicp {

LedgerPanel::LedgerPanel(QWidget* parent)
    : QWidget(parent),
      model_(new LedgerTableModel(this)),
      sorted_(new QSortFilterProxyModel(this)),
      table_(new QTableView(this)),
      summary_(new QLabel(this)),
      message_(new QLabel(this)),
      empty_(new QLabel(this)),
      exportCsv_(new QPushButton(tr("Export C&SV…"), this)),
      exportJson_(new QPushButton(tr("Export &JSON…"), this)) {
    setObjectName(QStringLiteral("ledgerPanel"));
    const int gap = theme::spacing(font(), 0.5);
    exportCsv_->setObjectName(QStringLiteral("exportLedgerCsvButton"));
    exportCsv_->setToolTip(
        tr("The month's postings as CSV, byte for byte what `aicp ledger "
           "export` writes"));
    exportJson_->setObjectName(QStringLiteral("exportLedgerJsonButton"));
    exportJson_->setToolTip(
        tr("The month's postings as JSON, as `aicp ledger export --format "
           "json` writes them"));
    connect(exportCsv_, &QPushButton::clicked, this, [this] { chooseExportFile(false); });
    connect(exportJson_, &QPushButton::clicked, this, [this] { chooseExportFile(true); });

    sorted_->setSourceModel(model_);
    sorted_->setSortRole(LedgerTableModel::SortRole);
    setUpRowTable(table_, QStringLiteral("ledgerTable"), sorted_, tr("Ledger postings"));
    table_->setSortingEnabled(true);
    table_->sortByColumn(LedgerTableModel::Date, Qt::AscendingOrder);
    table_->setWordWrap(false);
    table_->horizontalHeader()->setStretchLastSection(true);

    summary_->setObjectName(QStringLiteral("ledgerSummary"));
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    empty_->setObjectName(QStringLiteral("noPostings"));
    empty_->setWordWrap(true);
    setMuted(empty_);
    message_->setObjectName(QStringLiteral("ledgerMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->hide();

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(gap);
    buttons->addWidget(summary_, 1);
    buttons->addWidget(exportCsv_);
    buttons->addWidget(exportJson_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, gap, 0, 0);
    layout->setSpacing(gap);
    layout->addLayout(buttons);
    layout->addWidget(message_);
    layout->addWidget(empty_);
    layout->addWidget(table_, 1);
    QWidget::setTabOrder(exportCsv_, exportJson_);
    QWidget::setTabOrder(exportJson_, table_);
    updateActions();
}

LedgerPanel::~LedgerPanel() = default;

void LedgerPanel::setLedger(const YearMonth& month, std::shared_ptr<const Ledger> ledger) {
    month_ = month.toString();
    model_->setLedger(std::move(ledger));
    const std::shared_ptr<const Ledger>& shown = model_->ledger();
    const int posted = shown ? int(shown->postings.size()) : 0;
    const QLocale locale;
    QStringList parts{monthName(month), counted(posted, tr("%1 posting"), tr("%1 postings"))};
    if (shown) {
        for (const auto& [currency, totals] : shown->totals)
            parts.append(tr("%1: debit %2, credit %3")
                             .arg(currency, formatMoney(totals.debit, locale, currency),
                                  formatMoney(totals.credit, locale, currency)));
    }
    summary_->setText(parts.join(QStringLiteral(" · ")));
    empty_->setText(tr("Nothing was invoiced, credited, paid, granted or forfeited in %1.")
                        .arg(monthName(month)));
    empty_->setVisible(posted == 0);
    table_->setVisible(posted > 0);
    if (posted > 0)
        table_->resizeColumnsToContents();
    updateActions();
}

std::shared_ptr<const Ledger> LedgerPanel::ledger() const {
    return model_->ledger();
}

QString LedgerPanel::summary() const {
    return summary_->text();
}

QString LedgerPanel::message() const {
    return message_->isVisible() ? message_->text() : QString();
}

void LedgerPanel::chooseExportFile(bool json) {
    if (!model_->ledger() || exporting_)
        return;
    const QString path =
        chooseReportFile(this, json ? tr("Export Ledger as JSON") : tr("Export Ledger as CSV"),
                         QStringLiteral("ledger-%1.%2")
                             .arg(month_, json ? QStringLiteral("json") : QStringLiteral("csv")),
                         json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    exportTo(path, json);
}

bool LedgerPanel::exportTo(const QString& path, bool json) {
    const std::shared_ptr<const Ledger> ledger = model_->ledger();
    if (!ledger || exporting_ || path.isEmpty())
        return false;
    exporting_ = true;
    showStatus(message_, QString(), false);
    updateActions();
    // The ledger is a finished value: writing it does not touch the workspace.
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, path, ledger] {
        const Status status = watcher->result();
        watcher->deleteLater();
        exporting_ = false;
        const QString text = status ? tr("Exported %1 to %2.")
                                          .arg(counted(qint64(ledger->postings.size()),
                                                       tr("%1 posting"), tr("%1 postings")),
                                               QDir::toNativeSeparators(path))
                                    : status.error().message();
        showStatus(message_, text, !status);
        updateActions();
        emit exportFinished(status.ok(), text);
    });
    watcher->setFuture(QtConcurrent::run([ledger, json, path]() -> Status {
        return writeReportFile(path, json ? ledgerJson(*ledger) : ledgerCsv(*ledger));
    }));
    return true;
}

void LedgerPanel::updateActions() {
    const bool ready = model_->ledger() && !exporting_;
    exportCsv_->setEnabled(ready);
    exportJson_->setEnabled(ready);
}

}  // namespace aicp
