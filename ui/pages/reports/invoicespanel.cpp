#include "pages/reports/invoicespanel.h"

#include "audit/auditlog.h"
#include "billing/invoice.h"
#include "billing/invoicebook.h"
#include "documents/financepdf.h"
#include "money/moneyformat.h"
#include "pages/reports/creditnotedialog.h"
#include "pages/reports/invoicetablemodel.h"
#include "pages/reports/reportfilewriter.h"
#include "payments/stripeaccount.h"
#include "payments/stripebilling.h"
#include "roleguard.h"
#include "storage/workspace.h"
#include "taskrunner.h"
#include "theme.h"
#include "widgets/formdialog.h"
#include "widgets/pagetext.h"

#include <QDateEdit>
#include <QDesktopServices>
#include <QDialog>
#include <QDir>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace aicp {

namespace {

bool askInMessageBox(QWidget* parent, const QString& title, const QString& text) {
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    QPushButton* go = box.addButton(title, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == go;
}

// A reason is required: the dialog's OK stays disabled until one is typed.
// "Issued invoice AICP-2026-0001 to Acme for $1,000.00", with the prepaid
// credit it used and what is due when it used some.
QString issuedMessage(const Invoice& invoice) {
    const QLocale locale;
    const QString total = formatMoney(invoice.total, locale, invoice.currency);
    if (invoice.credits.empty())
        return InvoicesPanel::tr("Issued invoice %1 to %2 for %3.")
            .arg(invoice.number, invoice.customerName, total);
    return InvoicesPanel::tr("Issued invoice %1 to %2 for %3, less %4 of prepaid credit: %5 due.")
        .arg(invoice.number, invoice.customerName, total,
             formatMoney(invoice.creditsApplied(), locale, invoice.currency),
             formatMoney(invoice.amountDue(), locale, invoice.currency));
}

// The day the money arrived (today by default, never later) and the payer's
// reference; Record stays disabled until a reference is typed.
std::optional<InvoicesPanel::PaymentDetails> askPayment(QWidget* parent, const Invoice& invoice) {
    QDialog dialog(parent);
    dialog.setWindowTitle(InvoicesPanel::tr("Record Payment of %1").arg(invoice.number));
    auto* text = new QLabel(
        InvoicesPanel::tr("Record that %1 paid invoice %2: %3. A payment cannot be undone.")
            .arg(invoice.customerName, invoice.number,
                 formatMoney(invoice.balance(), QLocale(), invoice.currency)),
        &dialog);
    text->setWordWrap(true);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    auto* day = new QDateEdit(today, &dialog);
    day->setObjectName(QStringLiteral("paymentDate"));
    day->setCalendarPopup(true);
    day->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    day->setDateRange(invoice.issuedAt.date(), today);
    day->setToolTip(InvoicesPanel::tr("The day the money arrived (UTC)"));
    auto* reference = new QLineEdit(&dialog);
    reference->setObjectName(QStringLiteral("paymentReference"));
    reference->setMaxLength(200);
    reference->setPlaceholderText(InvoicesPanel::tr("e.g. SEPA transfer 2026-12-20"));
    reference->setToolTip(InvoicesPanel::tr("The payer's reference; required"));
    auto* form = new QFormLayout;
    form->addRow(InvoicesPanel::tr("Paid &on:"), day);
    form->addRow(InvoicesPanel::tr("&Reference:"), reference);
    if (!runFormDialog(dialog, text, form, reference, InvoicesPanel::tr("Record Payment")))
        return std::nullopt;
    return InvoicesPanel::PaymentDetails{day->date(), reference->text().trimmed()};
}

}  // namespace

InvoicesPanel::InvoicesPanel(QWidget* parent)
    : QWidget(parent),
      runner_(new TaskRunner(this)),
      confirmer_(askInMessageBox),
      creditNote_(askCreditNote),
      payment_(askPayment),
      opener_(
          [](const QString& path) { return QDesktopServices::openUrl(QUrl::fromLocalFile(path)); }),
      model_(new InvoiceTableModel(this)),
      sorted_(new QSortFilterProxyModel(this)),
      table_(new QTableView(this)),
      message_(new QLabel(this)),
      empty_(new QLabel(this)),
      issue_(new QPushButton(tr("Issue Invoice…"), this)),
      view_(new QPushButton(tr("View"), this)),
      credit_(new QPushButton(tr("Credit Note…"), this)),
      paid_(new QPushButton(tr("Record Payment…"), this)),
      push_(new QPushButton(tr("Push to Stripe…"), this)),
      sync_(new QPushButton(tr("Sync Payments"), this)) {
    setObjectName(QStringLiteral("invoicesPanel"));
    const int gap = theme::spacing(font(), 0.5);
    issue_->setObjectName(QStringLiteral("issueInvoiceButton"));
    view_->setObjectName(QStringLiteral("viewInvoiceButton"));
    credit_->setObjectName(QStringLiteral("creditInvoiceButton"));
    paid_->setObjectName(QStringLiteral("markPaidButton"));
    connect(paid_, &QPushButton::clicked, this, &InvoicesPanel::markSelectedPaid);
    connect(issue_, &QPushButton::clicked, this, &InvoicesPanel::chooseCustomerAndIssue);
    connect(view_, &QPushButton::clicked, this, &InvoicesPanel::viewSelected);
    connect(credit_, &QPushButton::clicked, this, &InvoicesPanel::creditSelected);
    push_->setObjectName(QStringLiteral("pushStripeButton"));
    sync_->setObjectName(QStringLiteral("syncStripeButton"));
    connect(push_, &QPushButton::clicked, this, &InvoicesPanel::pushSelectedToStripe);
    connect(sync_, &QPushButton::clicked, this, &InvoicesPanel::syncStripe);

    sorted_->setSourceModel(model_);
    sorted_->setSortRole(InvoiceTableModel::SortRole);
    table_->setObjectName(QStringLiteral("invoiceTable"));
    table_->setModel(sorted_);
    table_->setAccessibleName(tr("Invoices"));
    table_->setTabKeyNavigation(false);
    table_->setSortingEnabled(true);
    table_->sortByColumn(InvoiceTableModel::Number, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setHighlightSections(false);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &InvoicesPanel::updateActions);
    connect(table_, &QTableView::doubleClicked, this, &InvoicesPanel::viewSelected);

    empty_->setObjectName(QStringLiteral("noInvoices"));
    empty_->setWordWrap(true);
    message_->setObjectName(QStringLiteral("invoiceMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->hide();

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(gap);
    buttons->addWidget(issue_);
    buttons->addStretch();
    buttons->addWidget(view_);
    buttons->addWidget(credit_);
    buttons->addWidget(paid_);
    buttons->addWidget(push_);
    buttons->addWidget(sync_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, gap, 0, 0);
    layout->setSpacing(gap);
    layout->addLayout(buttons);
    layout->addWidget(message_);
    layout->addWidget(empty_);
    layout->addWidget(table_, 1);
    // The table is made before the buttons above it.
    QWidget::setTabOrder(issue_, view_);
    QWidget::setTabOrder(view_, credit_);
    QWidget::setTabOrder(credit_, paid_);
    QWidget::setTabOrder(paid_, push_);
    QWidget::setTabOrder(push_, sync_);
    QWidget::setTabOrder(sync_, table_);
    connect(runner_, &TaskRunner::busyChanged, this, &InvoicesPanel::updateActions);
    updateActions();
}

InvoicesPanel::~InvoicesPanel() {
    if (runner_) {
        runner_->waitForIdle();
        runner_->disconnect(this);
    }
}

void InvoicesPanel::setWorkspace(Workspace* workspace) {
    workspace_ = workspace;
    updateActions();
}

void InvoicesPanel::setTaskRunner(TaskRunner* runner) {
    if (!shareRunner(this, runner_, runner))
        return;
    connect(runner_, &TaskRunner::busyChanged, this, &InvoicesPanel::updateActions);
    updateActions();
}

void InvoicesPanel::setConfirmer(Confirmer confirmer) {
    confirmer_ = std::move(confirmer);
}

void InvoicesPanel::setCreditProvider(CreditProvider provider) {
    creditNote_ = std::move(provider);
}

void InvoicesPanel::setPaymentProvider(PaymentProvider provider) {
    payment_ = std::move(provider);
}

void InvoicesPanel::setDocumentOpener(DocumentOpener opener) {
    opener_ = std::move(opener);
}

void InvoicesPanel::setMonthInvoices(YearMonth month, std::vector<Invoice> invoices,
                                     std::shared_ptr<const CostReport> report) {
    const Invoice* selected = selectedInvoice();
    const QString keep = selected ? selected->number : QString();
    month_ = month;
    report_ = std::move(report);
    model_->setInvoices(std::move(invoices));
    // A month holds at most one live invoice per customer: measuring them is cheap.
    table_->resizeColumnsToContents();
    const int padding = fontMetrics().averageCharWidth() * 3;
    for (int column = 0; column + 1 < model_->columnCount(); ++column)
        table_->setColumnWidth(column, table_->columnWidth(column) + padding);
    empty_->setText(tr("No invoice has been issued for %1 yet. Issue one per customer once the "
                       "month has ended.")
                        .arg(monthName(month_)));
    empty_->setVisible(model_->rowCount() == 0);
    if (!keep.isEmpty())
        selectInvoice(keep);
    updateActions();
}

void InvoicesPanel::setStripe(StripePayments stripe) {
    const Invoice* selected = selectedInvoice();
    const QString keep = selected ? selected->number : QString();
    model_->setStripe(std::move(stripe));
    if (!keep.isEmpty())
        selectInvoice(keep);
    updateActions();
}

void InvoicesPanel::setCurrentCustomer(const QString& customerId) {
    currentCustomer_ = customerId;
}

const std::vector<Invoice>& InvoicesPanel::invoices() const {
    return model_->invoices();
}

const Invoice* InvoicesPanel::selectedInvoice() const {
    const QModelIndex current = table_->currentIndex();
    return current.isValid() ? model_->invoiceAt(sorted_->mapToSource(current).row()) : nullptr;
}

bool InvoicesPanel::selectInvoice(const QString& number) {
    for (int row = 0; row < sorted_->rowCount(); ++row) {
        const QModelIndex index = sorted_->index(row, 0);
        if (index.data().toString() == number) {
            table_->setCurrentIndex(index);
            table_->selectRow(row);
            return true;
        }
    }
    return false;
}

QString InvoicesPanel::message() const {
    return message_->text();
}

bool InvoicesPanel::isBusy() const {
    return (runner_ && runner_->isBusy()) || rendering_;
}

const CostReportCustomer* InvoicesPanel::reportCustomer(const QString& customerId) const {
    if (!report_)
        return nullptr;
    for (const CostReportCustomer& customer : report_->customers) {
        if (customer.id == customerId)
            return &customer;
    }
    return nullptr;
}

void InvoicesPanel::chooseCustomerAndIssue() {
    if (!report_)
        return;
    QStringList names;
    QStringList ids;
    int current = 0;
    for (const CostReportCustomer& customer : report_->customers) {
        if (!customer.licensed)
            continue;
        if (customer.id == currentCustomer_)
            current = int(ids.size());
        ids.append(customer.id);
        names.append(tr("%1 — %2").arg(customer.name.isEmpty() ? customer.id : customer.name,
                                       formatMoney(customer.total, QLocale(), customer.currency)));
    }
    if (ids.isEmpty()) {
        showMessage(tr("No customer of the report had a license in force in %1: there is "
                       "nothing to invoice.")
                        .arg(monthName(month_)),
                    true);
        return;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Issue Invoice"), tr("The customer to invoice for %1:").arg(monthName(month_)),
        names, current, false, &ok);
    if (!ok)
        return;
    issueInvoice(ids.value(int(names.indexOf(chosen))));
}

bool InvoicesPanel::issueInvoice(const QString& customerId) {
    if (!workspace_ || !runner_ || isBusy())
        return false;
    const CostReportCustomer* customer = reportCustomer(customerId);
    if (!customer) {
        showMessage(tr("%1 is not in the report shown; choose the customers to report on first.")
                        .arg(customerId),
                    true);
        return false;
    }
    const QString name = customer->name.isEmpty() ? customer->id : customer->name;
    const QString total = formatMoney(customer->total, QLocale(), customer->currency);
    if (!confirmer_(this, tr("Issue Invoice"),
                    tr("Issue the invoice of %1 for %2, for a total of %3?\n\nIssuing cannot be "
                       "undone: the invoice takes the next number of the year and never "
                       "changes. A mistake is corrected only by a credit note.")
                        .arg(name, monthName(month_), total)))
        return false;
    Workspace* workspace = workspace_;
    const YearMonth month = month_;
    const bool started = runner_->run<Result<Invoice>>(
        this,
        [workspace, customerId, month] { return InvoiceBook(*workspace).issue(customerId, month); },
        [this](Result<Invoice> invoice) {
            if (!invoice)
                finishOperation(invoice.error());
            else
                finishOperation(issuedMessage(*invoice));
        });
    updateActions();
    return started;
}

void InvoicesPanel::finishOperation(const Result<QString>& outcome) {
    if (outcome) {
        showMessage(*outcome, false);
        emit invoicesChanged();
        emit operationFinished(true, *outcome);
    } else {
        showMessage(outcome.error().message(), true);
        emit operationFinished(false, outcome.error().message());
    }
    updateActions();
}

bool InvoicesPanel::creditSelected() {
    const Invoice* selected = selectedInvoice();
    if (!workspace_ || !runner_ || isBusy() || !selected || selected->isCredited())
        return false;
    const Invoice invoice = *selected;
    const std::optional<CreditNoteChoice> choice = creditNote_(this, invoice);
    if (!choice || choice->reason.trimmed().isEmpty())
        return false;
    auto lines = creditNoteLines(invoice, choice->request);
    if (!lines) {
        showMessage(lines.error().message(), true);
        return false;
    }
    std::int64_t left = invoice.total.micros() + invoice.credited().micros();
    for (const CreditNoteLine& line : *lines)
        left += line.amount.micros() + line.tax.micros();
    const QString after =
        left == 0 ? tr("the month may then be invoiced again.")
                  : tr("%1 of the invoice remains.")
                        .arg(formatMoney(Money::fromMicros(left), QLocale(), invoice.currency));
    if (!confirmer_(this, tr("Issue Credit Note"),
                    tr("Credit %3 of invoice %1 of %2, because: %4?\n\nThe credit note is "
                       "numbered and cannot be undone; %5")
                        .arg(invoice.number, invoice.customerName, creditedText(invoice, *lines),
                             choice->reason.trimmed(), after)))
        return false;
    Workspace* workspace = workspace_;
    const QString number = invoice.number;
    const CreditNoteChoice given = *choice;
    const bool started = runner_->run<Result<CreditNote>>(
        this,
        [workspace, number, given] {
            return InvoiceBook(*workspace).credit(number, given.reason.trimmed(), given.request);
        },
        [this, number](Result<CreditNote> note) {
            if (!note)
                finishOperation(note.error());
            else
                finishOperation(
                    tr("Credited invoice %1 with credit note %2.").arg(number, note->number));
        });
    updateActions();
    return started;
}

bool InvoicesPanel::markSelectedPaid() {
    const Invoice* selected = selectedInvoice();
    if (!workspace_ || !runner_ || isBusy() || !selected || selected->balance() <= Money())
        return false;
    const Invoice invoice = *selected;
    const std::optional<PaymentDetails> details = payment_(this, invoice);
    if (!details || details->reference.trimmed().isEmpty())
        return false;
    Workspace* workspace = workspace_;
    const QString number = invoice.number;
    const PaymentDetails given = *details;
    const bool started = runner_->run<Result<InvoicePayment>>(
        this,
        [workspace, number, given] {
            return InvoiceBook(*workspace).markPaid(number, given.paidOn, given.reference);
        },
        [this, number](Result<InvoicePayment> payment) {
            if (!payment)
                finishOperation(payment.error());
            else
                finishOperation(
                    tr("Invoice %1 is paid: %2 on %3.")
                        .arg(number, formatMoney(payment->amount, QLocale(), payment->currency),
                             QLocale().toString(payment->paidOn, QLocale::ShortFormat)));
        });
    updateActions();
    return started;
}

bool InvoicesPanel::viewSelected() {
    const Invoice* selected = selectedInvoice();
    if (!selected || rendering_)
        return false;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    const QString path = QDir(folder).filePath(selected->number + QStringLiteral(".pdf"));
    const DocumentStamp stamp{
        QDateTime::currentDateTimeUtc(), AuditLog::currentActor(),
        workspace_ ? QDir::toNativeSeparators(workspace_->path()) : QString()};
    rendering_ = true;
    updateActions();
    // The invoice is a stored value: rendering it does not touch the workspace.
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, path] {
        const Status status = watcher->result();
        watcher->deleteLater();
        rendering_ = false;
        if (!status) {
            showMessage(status.error().message(), true);
        } else if (!opener_(path)) {
            showMessage(tr("The invoice was saved as %1, but no PDF viewer opened it.")
                            .arg(QDir::toNativeSeparators(path)),
                        true);
        } else {
            showMessage(QString(), false);
        }
        updateActions();
        emit operationFinished(status.ok(), path);
    });
    const Invoice invoice = *selected;
    watcher->setFuture(QtConcurrent::run([invoice, stamp, path]() -> Status {
        auto pdf = invoicePdf(invoice, stamp);
        if (!pdf)
            return pdf.error();
        return writeReportFile(path, *pdf);
    }));
    return true;
}

void InvoicesPanel::showMessage(const QString& text, bool problem) {
    showStatus(message_, text, problem);
}

void InvoicesPanel::updateActions() {
    const bool busy = isBusy();
    const Invoice* selected = selectedInvoice();
    issue_->setEnabled(workspace_ && report_ && !busy);
    view_->setEnabled(selected && !rendering_);
    credit_->setEnabled(selected && !selected->isCredited() && !busy);
    credit_->setToolTip(selected && selected->isCredited()
                            ? tr("This invoice is credited already.")
                            : tr("Credit all or part of the selected invoice with a credit note"));
    guardRole(issue_, workspace_, WorkspaceArea::Invoices);
    guardRole(credit_, workspace_, WorkspaceArea::Invoices);
    paid_->setEnabled(selected && selected->balance() > Money() && !busy);
    paid_->setToolTip(selected && selected->balance() <= Money()
                          ? tr("Nothing is left to pay on this invoice.")
                          : tr("Record that the selected invoice was paid"));
    guardRole(paid_, workspace_, WorkspaceArea::Invoices);
    updateStripeActions(selected, busy);
}

}  // namespace aicp
