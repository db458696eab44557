#pragma once

#include <memory>

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace aicp {

class LedgerTableModel;
// accounting/ledger.h and metering/yearmonth.h are kept out of this
// header: moc cannot parse what they pull in.
struct Ledger;
struct YearMonth;

// Reports ▸ Ledger: the double-entry postings of the page's month (every
// customer: the books are the vendor's), each document's debits beside its
// credits, the totals per currency above, and exports of exactly what
// `aicp ledger export` writes for the month, CSV or JSON, written off the
// GUI thread.
class LedgerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LedgerPanel(QWidget* parent = nullptr);
    ~LedgerPanel() override;

    // What the page computed for `month`; null when it could not be.
    void setLedger(const YearMonth& month, std::shared_ptr<const Ledger> ledger);
    [[nodiscard]] std::shared_ptr<const Ledger> ledger() const;
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QString message() const;
    [[nodiscard]] bool isExporting() const { return exporting_; }

    // Writes the ledger shown to `path`, CSV or JSON; false when it did not
    // start (nothing shown, an export running).
    bool exportTo(const QString& path, bool json);

signals:
    void exportFinished(bool ok, const QString& message);

private:
    void chooseExportFile(bool json);
    void updateActions();

    QString month_;  // "2026-12", for the file name an export suggests
    bool exporting_ = false;
    LedgerTableModel* model_;
    QSortFilterProxyModel* sorted_;
    QTableView* table_;
    QLabel* summary_;
    QLabel* message_;
    QLabel* empty_;
    QPushButton* exportCsv_;
    QPushButton* exportJson_;
};

}  // namespace aicp
