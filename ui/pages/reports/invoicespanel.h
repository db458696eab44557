#pragma once

#include "billing/costreport.h"
#include "common/result.h"
#include "pages/reports/creditnotedialog.h"
#include "pages/reports/invoicetablemodel.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QDate>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace aicp {

// billing/invoice.h is kept out of this header: moc cannot parse what it pulls in.
struct Invoice;
class TaskRunner;
class Workspace;

// The Reports page's invoices for its month: the list (number, customer,
// total, issued or credited), and the operations — issue a customer's
// invoice (after a confirmation naming the customer, the month and the
// total: issuing cannot be undone), view one (its PDF, rendered off the GUI
// thread to a temporary file and opened with the desktop's viewer), credit
// all or part of one (what and why, then a confirmation), and record that
// one was paid (the day and the payer's reference), push one to Stripe (after
// a confirmation; progress in the message line, and Stop) and read the
// payments back from Stripe. They run through InvoiceBook and StripeBilling
// on the shared TaskRunner. Overdue invoices stand out.
class InvoicesPanel : public QWidget {
    Q_OBJECT
public:
    // Asks a yes/no question; true to go ahead. The default is a QMessageBox.
    using Confirmer =
        std::function<bool(QWidget* parent, const QString& title, const QString& text)>;
    // Asks what of an invoice to credit and why; nullopt when the user backs
    // out. The default is askCreditNote.
    using CreditProvider =
        std::function<std::optional<CreditNoteChoice>(QWidget* parent, const Invoice& invoice)>;
    // Asks the day a payment arrived and the payer's reference; nullopt when
    // the user backs out.
    struct PaymentDetails {
        QDate paidOn;
        QString reference;
    };
    using PaymentProvider =
        std::function<std::optional<PaymentDetails>(QWidget* parent, const Invoice& invoice)>;
    // Shows a rendered PDF. The default opens it with QDesktopServices.
    using DocumentOpener = std::function<bool(const QString& path)>;

    explicit InvoicesPanel(QWidget* parent = nullptr);
    ~InvoicesPanel() override;

    void setWorkspace(Workspace* workspace);
    void setTaskRunner(TaskRunner* runner);
    void setConfirmer(Confirmer confirmer);
    void setCreditProvider(CreditProvider provider);
    void setPaymentProvider(PaymentProvider provider);
    void setDocumentOpener(DocumentOpener opener);

    // What the page read: the month's invoices and its computed report (the
    // totals the issue confirmation names).
    void setMonthInvoices(YearMonth month, std::vector<Invoice> invoices,
                          std::shared_ptr<const CostReport> report);
    void setCurrentCustomer(const QString& customerId);
    // What the page read of Stripe; the Payment column and the Stripe actions.
    void setStripe(StripePayments stripe);
    // Reads that from the workspace (on the page's worker). A role that may
    // not read the key (a viewer on a team workspace) gets the statuses, not
    // the account.
    [[nodiscard]] static StripePayments readStripe(Workspace& workspace);

    [[nodiscard]] const std::vector<Invoice>& invoices() const;
    [[nodiscard]] const Invoice* selectedInvoice() const;
    bool selectInvoice(const QString& number);
    [[nodiscard]] QString message() const;
    [[nodiscard]] bool isBusy() const;

    // False when it did not start (busy, refused at the confirmation, …).
    bool issueInvoice(const QString& customerId);
    bool creditSelected();
    // Records that the selected invoice was paid (InvoiceBook::markPaid).
    bool markSelectedPaid();
    bool viewSelected();
    // Pushes the selected invoice (and its new credit notes) to Stripe;
    // while a push or sync runs, the same button stops it.
    bool pushSelectedToStripe();
    // Reads back the status of every pushed invoice (StripeBilling::sync).
    bool syncStripe();

signals:
    // An invoice or credit note was stored: the page reads the month again.
    void invoicesChanged();
    void operationFinished(bool ok, const QString& message);

private:
    void chooseCustomerAndIssue();
    void showMessage(const QString& text, bool problem);
    // Says how an issue or a credit went (what was done, or why it failed)
    // and tells the page when the invoices changed.
    void finishOperation(const Result<QString>& outcome);
    void updateActions();
    void updateStripeActions(const Invoice* selected, bool busy);
    // Runs Stripe work (`work` gets the stop flag) and says how it went.
    bool runStripe(std::function<Result<QString>(const std::shared_ptr<std::atomic<bool>>&)> work);
    [[nodiscard]] const CostReportCustomer* reportCustomer(const QString& customerId) const;

    Workspace* workspace_ = nullptr;
    QPointer<TaskRunner> runner_;
    Confirmer confirmer_;
    CreditProvider creditNote_;
    PaymentProvider payment_;
    DocumentOpener opener_;
    YearMonth month_;
    std::shared_ptr<const CostReport> report_;
    QString currentCustomer_;
    bool rendering_ = false;
    // Set while a Stripe push or sync runs; Stop sets it.
    std::shared_ptr<std::atomic<bool>> stripeStop_;

    InvoiceTableModel* model_;
    QSortFilterProxyModel* sorted_;
    QTableView* table_;
    QLabel* message_;
    QLabel* empty_;
    QPushButton* issue_;
    QPushButton* view_;
    QPushButton* credit_;
    QPushButton* paid_;
    QPushButton* push_;
    QPushButton* sync_;
};

}  // namespace aicp
