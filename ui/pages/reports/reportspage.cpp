#include "pages/reports/reportspage.h"

#include "accounting/ledger.h"
#include "audit/auditlog.h"
#include "billing/costreport.h"
#include "billing/creditbook.h"
#include "billing/invoicebook.h"
#include "documents/financepdf.h"
#include "money/moneyformat.h"
#include "pages/reports/costreportmodel.h"
#include "pages/reports/customerpicker.h"
#include "pages/reports/invoicespanel.h"
#include "pages/reports/ledgerpanel.h"
#include "pages/reports/reportfilewriter.h"
#include "storage/workspace.h"
#include "taskrunner.h"
#include "theme.h"
#include "widgets/cardframe.h"
#include "widgets/pagetext.h"

#include <algorithm>
#include <set>

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace aicp {

// What one load read: the customers to choose from and the report of the
// chosen ones (or why there is none).
struct ReportsPage::Loaded {
    std::vector<Customer> customers;
    std::shared_ptr<const CostReport> report;
    std::vector<Invoice> invoices;         // of the month, every customer
    std::shared_ptr<const Ledger> ledger;  // the month's postings, every customer
    std::optional<Error> error;
    YearMonth month;
    bool customerMode = false;  // a customer workspace has no invoices to issue
    StripePayments stripe;
};

// Shared between the exporting thread (writes) and the GUI's progress timer (reads).
struct ReportsPage::ExportTicker {
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    QString name;
};

namespace {

const QString kCustomersKey = QStringLiteral("reports/customers");

// The postings dated in `month`, of every invoice (not only the month's).
Result<Ledger> ledgerOfMonth(Workspace& workspace, YearMonth month,
                             const std::vector<Invoice>& invoices, const QDateTime& now) {
    auto grants = CreditBook(workspace).list();
    if (!grants)
        return grants.error();
    return buildLedger(invoices, *grants, month.firstDay(), month.next().firstDay().addDays(-1),
                       now);
}

}  // namespace

ReportsPage::ReportsPage(QWidget* parent)
    : ConsolePage(parent),
      picker_(new CustomerPicker(this)),
      summary_(new QLabel(this)),
      exportButton_(new QToolButton(this)),
      exportCsv_(new QAction(tr("Export CSV…"), this)),
      exportJson_(new QAction(tr("Export JSON…"), this)),
      exportPdf_(new QAction(tr("Export PDF…"), this)),
      progressStrip_(new CardFrame(this)),
      progress_(new QProgressBar(progressStrip_)),
      progressText_(new QLabel(progressStrip_)),
      message_(new QLabel(this)),
      content_(new QStackedWidget(this)),
      prompt_(new QLabel(this)),
      loadingPane_(new QWidget(this)),
      loadingText_(new QLabel(loadingPane_)),
      tablePane_(new QWidget(this)),
      tabs_(new QTabWidget(this)),
      invoices_(new InvoicesPanel(this)),
      ledger_(new LedgerPanel(this)),
      model_(new CostReportModel(CostReportModel::Part::Customers, this)),
      totals_(new CostReportModel(CostReportModel::Part::Totals, this)),
      sorted_(new QSortFilterProxyModel(this)),
      table_(new QTableView(tablePane_)),
      footer_(new QTableView(tablePane_)),
      findings_(new QLabel(tablePane_)),
      progressTimer_(new QTimer(this)) {
    setObjectName(QStringLiteral("reportsPage"));
    const QStringList remembered = QSettings().value(kCustomersKey).toStringList();
    picker_->setSelection(remembered);
    setFollows(FollowsMonth);
    setLoadsOnlyWhenShown(true);
    buildLayout();
    progressTimer_->setInterval(100);
    connect(progressTimer_, &QTimer::timeout, this, &ReportsPage::showProgress);
    updateActions();
}

ReportsPage::~ReportsPage() = default;

void ReportsPage::buildLayout() {
    const int gap = theme::spacing(font(), 0.75);

    QLayout* toolbar = buildToolbar();
    buildStatus();
    buildTablePane();

    content_->addWidget(prompt_);
    content_->addWidget(loadingPane_);
    tabs_->setObjectName(QStringLiteral("reportTabs"));
    tabs_->setDocumentMode(true);
    tabs_->addTab(tablePane_, tr("Cost report"));
    tabs_->addTab(invoices_, tr("Invoices"));
    tabs_->addTab(ledger_, tr("Ledger"));
    connect(invoices_, &InvoicesPanel::invoicesChanged, this, &ReportsPage::reload);
    content_->addWidget(tabs_);

    auto* layout = flushColumn(this, gap / 2);
    layout->addLayout(toolbar);
    layout->addWidget(progressStrip_);
    layout->addWidget(message_);
    layout->addWidget(content_, 1);
}

QLayout* ReportsPage::buildToolbar() {
    const int gap = theme::spacing(font(), 0.75);
    auto* customersLabel = new QLabel(tr("C&ustomers"), this);
    customersLabel->setBuddy(picker_);
    connect(picker_, &CustomerPicker::selectionChanged, this, [this] {
        rememberCustomers();
        reload();
    });
    summary_->setObjectName(QStringLiteral("reportSummary"));
    summary_->setMinimumWidth(1);
    exportButton_->setObjectName(QStringLiteral("exportReportButton"));
    exportButton_->setText(tr("Export"));
    exportButton_->setPopupMode(QToolButton::InstantPopup);
    exportButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* exportMenu = new QMenu(exportButton_);
    exportCsv_->setObjectName(QStringLiteral("exportCsvAction"));
    exportCsv_->setToolTip(tr("The report as CSV, byte for byte what `aicp report cost` writes"));
    exportJson_->setObjectName(QStringLiteral("exportJsonAction"));
    exportJson_->setToolTip(
        tr("The report as JSON, byte for byte what `aicp report cost --json` "
           "writes"));
    exportPdf_->setObjectName(QStringLiteral("exportPdfAction"));
    exportPdf_->setToolTip(tr("The report as an A4 PDF for reading and filing"));
    exportMenu->addAction(exportCsv_);
    exportMenu->addAction(exportJson_);
    exportMenu->addAction(exportPdf_);
    exportMenu->setToolTipsVisible(true);
    exportButton_->setMenu(exportMenu);
    connect(exportCsv_, &QAction::triggered, this, [this] { chooseExportFile(Format::Csv); });
    connect(exportJson_, &QAction::triggered, this, [this] { chooseExportFile(Format::Json); });
    connect(exportPdf_, &QAction::triggered, this, [this] { chooseExportFile(Format::Pdf); });

    auto* toolbar = new QHBoxLayout;
    toolbar->setSpacing(gap / 2);
    toolbar->addWidget(customersLabel);
    toolbar->addWidget(picker_);
    toolbar->addSpacing(gap);
    toolbar->addWidget(summary_, 1);
    toolbar->addWidget(exportButton_);
    return toolbar;
}

void ReportsPage::buildStatus() {
    const int gap = theme::spacing(font(), 0.75);
    progressStrip_->setObjectName(QStringLiteral("exportProgress"));
    progress_->setObjectName(QStringLiteral("exportProgressBar"));
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progressText_->setObjectName(QStringLiteral("exportProgressText"));
    progressText_->setMinimumWidth(1);
    auto* strip = new QVBoxLayout(progressStrip_);
    strip->setContentsMargins(gap, gap / 2, gap, gap / 2);
    strip->setSpacing(gap / 3);
    strip->addWidget(progressText_);
    strip->addWidget(progress_);
    progressStrip_->hide();

    message_->setObjectName(QStringLiteral("reportMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->hide();

    content_->setObjectName(QStringLiteral("reportContent"));
    prompt_->setObjectName(QStringLiteral("reportPrompt"));
    prompt_->setAlignment(Qt::AlignCenter);
    prompt_->setWordWrap(true);
    setMuted(prompt_);

    loadingPane_->setObjectName(QStringLiteral("reportLoading"));
    loadingText_->setAlignment(Qt::AlignCenter);
    setMuted(loadingText_);
    auto* spinner = new QProgressBar(loadingPane_);
    spinner->setRange(0, 0);  // busy: how long costReportFor takes is not known ahead
    spinner->setTextVisible(false);
    spinner->setMaximumWidth(fontMetrics().averageCharWidth() * 40);
    auto* loadingLayout = new QVBoxLayout(loadingPane_);
    loadingLayout->addStretch();
    loadingLayout->addWidget(loadingText_);
    loadingLayout->addWidget(spinner, 0, Qt::AlignHCenter);
    loadingLayout->addStretch(2);
}

void ReportsPage::buildTablePane() {
    const int gap = theme::spacing(font(), 0.75);
    sorted_->setSourceModel(model_);
    sorted_->setSortRole(CostReportModel::SortRole);
    sorted_->setSortCaseSensitivity(Qt::CaseInsensitive);
    table_->setObjectName(QStringLiteral("costReportTable"));
    table_->setModel(sorted_);
    table_->setAccessibleName(tr("Cost report"));
    table_->setTabKeyNavigation(false);
    table_->setSortingEnabled(true);
    table_->sortByColumn(CostReportModel::customerColumn(), Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setHighlightSections(false);
    // Fixed row heights: 2,000 rows are laid out without measuring each one.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // Names stay readable: the customer column is sized to them (fitColumns)
    // and the findings take what is left; a narrow window scrolls sideways.
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setMinimumSectionSize(fontMetrics().averageCharWidth() * 6);

    // The totals stay in view under the rows, column for column.
    footer_->setObjectName(QStringLiteral("costReportTotals"));
    footer_->setModel(totals_);
    footer_->horizontalHeader()->hide();
    footer_->verticalHeader()->hide();
    footer_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    footer_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    footer_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    footer_->setSelectionMode(QAbstractItemView::NoSelection);
    footer_->setFocusPolicy(Qt::NoFocus);
    footer_->setWordWrap(false);
    footer_->setAccessibleName(tr("Totals"));
    footer_->setFixedHeight(table_->verticalHeader()->defaultSectionSize() +
                            2 * footer_->frameWidth());
    connect(table_->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this](int column, int, int width) { footer_->setColumnWidth(column, width); });
    connect(table_->horizontalScrollBar(), &QScrollBar::valueChanged,
            footer_->horizontalScrollBar(), &QScrollBar::setValue);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReportsPage::showFindings);

    findings_->setObjectName(QStringLiteral("reportFindings"));
    findings_->setWordWrap(true);
    findings_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    findings_->setMinimumWidth(1);

    auto* tableLayout = flushColumn(tablePane_, 0);
    tableLayout->addWidget(table_, 1);
    tableLayout->addWidget(footer_);
    tableLayout->addSpacing(gap / 2);
    tableLayout->addWidget(findings_);
}

void ReportsPage::workspaceChanged() {
    invoices_->setWorkspace(workspace());
    model_->setReport(nullptr);
    totals_->setReport(nullptr);
    picker_->setCustomers({});
}

void ReportsPage::runnerChanged() {
    invoices_->setTaskRunner(runner());
}

void ReportsPage::runnerBusyChanged(bool busy) {
    Q_UNUSED(busy);
    updateActions();
}

void ReportsPage::setCustomers(const QStringList& customerIds) {
    picker_->setSelection(customerIds);
    rememberCustomers();
    reload();
}

void ReportsPage::rememberCustomers() {
    QSettings settings;
    if (picker_->isAll())
        settings.remove(kCustomersKey);
    else if (!picker_->isNothingSelected())
        settings.setValue(kCustomersKey, picker_->selectedIds());
}

void ReportsPage::load() {
    if (!workspace()) {
        prompt_->setText(tr("No workspace is open."));
        content_->setCurrentWidget(prompt_);
        updateActions();
        return;
    }
    if (!month().isValid())
        return;
    if (picker_->isNothingSelected()) {
        model_->setReport(nullptr);
        totals_->setReport(nullptr);
        prompt_->setText(
            tr("No customer is chosen. Choose the customers to report on with "
               "the Customers button above."));
        content_->setCurrentWidget(prompt_);
        summary_->clear();
        updateActions();
        return;
    }
    loading_ = true;
    loadClock_.start();
    const YearMonth month = YearMonth::of(this->month());
    const bool all = picker_->isAll();
    const QStringList chosen = picker_->selectedIds();
    loadingText_->setText(
        all ? tr("Computing the %1 report for every customer…").arg(monthName(month))
            : tr("Computing the %1 report for %2…")
                  .arg(monthName(month),
                       counted(chosen.size(), tr("%1 customer"), tr("%1 customers"))));
    // Keeps the old table in view while a new one is computed over it,
    // rather than flashing the loading pane for a quick reload.
    if (!model_->report() || model_->report()->month != month)
        content_->setCurrentWidget(loadingPane_);
    Workspace* workspace = this->workspace();
    const QDateTime now = this->now();
    runner()->run<Loaded>(
        this,
        [workspace, month, all, chosen, now] {
            return compute(*workspace, month, all, chosen, now);
        },
        [this](Loaded loaded) { showLoaded(std::move(loaded)); });
    updateActions();
}

ReportsPage::Loaded ReportsPage::compute(Workspace& workspace, YearMonth month, bool all,
                                         const QStringList& chosen, const QDateTime& now) {
    Loaded loaded;
    loaded.month = month;
    auto mode = workspace.mode();
    loaded.customerMode = mode && *mode == Workspace::Mode::Customer;
    auto customers = CustomerStore(workspace).list();
    if (!customers) {
        loaded.error = customers.error();
        return loaded;
    }
    loaded.customers = std::move(customers).value();
    QStringList ids;
    if (!all) {
        const std::set<QString> wanted(chosen.begin(), chosen.end());
        for (const Customer& customer : loaded.customers) {
            if (wanted.contains(customer.id))
                ids.append(customer.id);
        }
        if (ids.isEmpty()) {
            loaded.error = Error::notFound(QCoreApplication::translate(
                "aicp::ReportsPage",
                "None of the chosen customers is in this workspace. Choose "
                "others with the Customers button above."));
            return loaded;
        }
    }
    auto invoices = InvoiceBook(workspace).list();
    if (!invoices) {
        loaded.error = invoices.error();
        return loaded;
    }
    if (!loaded.customerMode) {
        auto ledger = ledgerOfMonth(workspace, month, *invoices, now);
        if (!ledger) {
            loaded.error = ledger.error();
            return loaded;
        }
        loaded.ledger = std::make_shared<const Ledger>(std::move(ledger).value());
    }
    for (Invoice& invoice : *invoices) {
        if (invoice.month == month)
            loaded.invoices.push_back(std::move(invoice));
    }
    if (!loaded.customerMode)
        loaded.stripe = InvoicesPanel::readStripe(workspace);
    auto report = costReportFor(workspace, month, ids);
    if (report)
        loaded.report = std::make_shared<const CostReport>(std::move(report).value());
    else
        loaded.error = report.error();
    return loaded;
}

void ReportsPage::showLoaded(Loaded loaded) {
    loading_ = false;
    picker_->setCustomers(loaded.customers);
    // Issuing invoices and credit notes is the vendor's: absent for a customer.
    tabs_->setTabVisible(tabs_->indexOf(invoices_), !loaded.customerMode);
    tabs_->setTabVisible(tabs_->indexOf(ledger_), !loaded.customerMode);
    if (loaded.error) {
        model_->setReport(nullptr);
        totals_->setReport(nullptr);
        summary_->clear();
        prompt_->setText(loaded.error->message());
        content_->setCurrentWidget(prompt_);
    } else {
        const CostReport& report = *loaded.report;
        model_->setReport(loaded.report);
        totals_->setReport(loaded.report);
        fitColumns();
        const QLocale locale;
        std::size_t flagged = 0;
        for (const CostReportCustomer& customer : report.customers)
            flagged += customer.findings.empty() ? 0 : 1;
        QStringList totals;
        for (const CostReportTotals& currency : report.currencies)
            totals.append(formatMoney(currency.total, locale, currency.currency));
        QString text = tr("%1 · %2 · %3")
                           .arg(monthName(report.month),
                                counted(qint64(report.customers.size()), tr("%1 customer"),
                                        tr("%1 customers")),
                                totals.join(QStringLiteral(" · ")));
        if (flagged > 0)
            text += tr(" · %1 with findings").arg(QLocale().toString(qint64(flagged)));
        summary_->setText(text);
        invoices_->setStripe(std::move(loaded.stripe));
        invoices_->setMonthInvoices(report.month, std::move(loaded.invoices), loaded.report);
        ledger_->setLedger(report.month, loaded.ledger);
        content_->setCurrentWidget(tabs_);
        showFindings();
        lastLoadMs_ = loadClock_.elapsed();
    }
    updateActions();
    // A month or customer change that came in while computing.
    if (isReloadPending())
        reload();
    else if (!loaded.error)
        emit reportShown();
}

void ReportsPage::fitColumns() {
    // Widths from the widest text each column can hold, measured once: an
    // axis's subtotal is at least as wide as any of its amounts (every
    // amount of an axis has the subtotal's sign), so 2,000 rows are never
    // measured one by one.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics regular(font());
    const QFontMetrics strong(bold);
    const int padding = regular.averageCharWidth() * 3;
    QHeaderView* header = table_->horizontalHeader();
    // The contract adjustments (prepaid credit of an upgrade, commitment
    // true-ups) get their column only in a month that has them.
    const std::vector<BillAxis> axes = costReportAxes();
    const std::shared_ptr<const CostReport>& report = model_->report();
    const auto hide = [this](int column, bool hidden) {
        table_->setColumnHidden(column, hidden);
        footer_->setColumnHidden(column, hidden);
    };
    bool taxed = false;
    for (std::size_t i = 0; i < axes.size(); ++i) {
        bool zero = true;
        for (const CostReportTotals& totals :
             report ? report->currencies : std::vector<CostReportTotals>{}) {
            zero = zero && totals.subtotals.at(i).amount.isZero();
            taxed = taxed || !totals.taxes.empty();
        }
        hide(CostReportModel::axisColumn(i), billAxisIsContractAdjustment(axes[i]) && zero);
    }
    // Net and tax only where some customer is taxed; the total is the net otherwise.
    hide(CostReportModel::netColumn(), !taxed);
    hide(CostReportModel::taxColumn(), !taxed);
    for (int column = CostReportModel::axisColumn(0); column < model_->columnCount(); ++column) {
        const QString heading =
            model_->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        int width = strong.horizontalAdvance(heading) + padding;
        for (int row = 0; row < totals_->rowCount(); ++row)
            width = std::max(
                width,
                strong.horizontalAdvance(totals_->index(row, column).data().toString()) + padding);
        header->resizeSection(column, width);
        footer_->setColumnWidth(column, width);
    }
    // A footer row per currency.
    footer_->setFixedHeight(std::max(1, totals_->rowCount()) *
                                table_->verticalHeader()->defaultSectionSize() +
                            2 * footer_->frameWidth());
    // The customer column: room for a name of about 24 characters.
    header->resizeSection(CostReportModel::customerColumn(), regular.averageCharWidth() * 24);
    footer_->setColumnWidth(CostReportModel::customerColumn(),
                            header->sectionSize(CostReportModel::customerColumn()));
}

void ReportsPage::showFindings() {
    const std::shared_ptr<const CostReport>& report = model_->report();
    if (!report) {
        findings_->clear();
        return;
    }
    const QModelIndex current = table_->currentIndex();
    if (!current.isValid()) {
        findings_->setText(tr("Select a customer to see what their bill flags."));
        setMuted(findings_);
        return;
    }
    const int row = sorted_->mapToSource(current).row();
    const CostReportCustomer& customer = report->customers[std::size_t(row)];
    invoices_->setCurrentCustomer(customer.id);
    QStringList lines;
    for (const BillFinding& finding : customer.findings)
        lines.append(finding.message.toHtmlEscaped());
    const QString name = (customer.name.isEmpty() ? customer.id : customer.name).toHtmlEscaped();
    QPalette colours = findings_->palette();
    if (lines.isEmpty()) {
        findings_->setText(tr("<b>%1</b>: nothing flagged.").arg(name));
        colours.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
    } else {
        findings_->setText(tr("<b>%1</b>: %2").arg(name, lines.join(QStringLiteral("<br>"))));
        colours.setColor(QPalette::WindowText, theme::warningText(palette()));
    }
    findings_->setPalette(colours);
}

std::shared_ptr<const CostReport> ReportsPage::report() const {
    return model_->report();
}

void ReportsPage::chooseExportFile(Format format) {
    const std::shared_ptr<const CostReport>& report = model_->report();
    if (!report || exporting_)
        return;
    QString suffix = QStringLiteral("csv");
    QString title = tr("Export Cost Report as CSV");
    QString filter = tr("CSV (*.csv)");
    if (format == Format::Json) {
        suffix = QStringLiteral("json");
        title = tr("Export Cost Report as JSON");
        filter = tr("JSON (*.json)");
    } else if (format == Format::Pdf) {
        suffix = QStringLiteral("pdf");
        title = tr("Export Cost Report as PDF");
        filter = tr("PDF (*.pdf)");
    }
    const QString path = chooseReportFile(
        this, title, QStringLiteral("cost-report-%1.%2").arg(report->month.toString(), suffix),
        filter);
    if (!path.isEmpty())
        exportTo(path, format);
}

bool ReportsPage::exportTo(const QString& path, Format format) {
    const std::shared_ptr<const CostReport> report = model_->report();
    if (!report || exporting_ || path.isEmpty())
        return false;
    auto ticker = std::make_shared<ExportTicker>();
    ticker->name = QFileInfo(path).fileName();
    ticker_ = ticker;
    exporting_ = true;
    showMessage(QString(), false);
    progress_->setValue(0);
    showProgress();
    progressStrip_->show();
    progressTimer_->start();
    updateActions();

    // The report is a finished value: exporting does not touch the workspace,
    // so it does not wait for (or hold up) the workspace's runner.
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, path] {
        const Status status = watcher->result();
        watcher->deleteLater();
        finishExport(path, status);
    });
    const DocumentStamp stamp{
        QDateTime::currentDateTimeUtc(), AuditLog::currentActor(),
        workspace() ? QDir::toNativeSeparators(workspace()->path()) : QString()};
    watcher->setFuture(QtConcurrent::run([report, format, path, ticker, stamp]() -> Status {
        QByteArray bytes;
        if (format == Format::Pdf) {
            auto pdf = costReportPdf(*report, stamp);
            if (!pdf)
                return pdf.error();
            bytes = std::move(pdf).value();
        } else {
            bytes = format == Format::Csv ? costReportCsv(*report) : costReportJson(*report);
        }
        ticker->total.store(bytes.size());
        return writeReportFile(path, bytes, [ticker](qint64 done, qint64) {
            ticker->done.store(done, std::memory_order_relaxed);
        });
    }));
    return true;
}

void ReportsPage::showProgress() {
    if (!ticker_)
        return;
    const qint64 total = ticker_->total.load();
    const qint64 done = ticker_->done.load();
    if (total <= 0) {
        progress_->setRange(0, 0);
        progressText_->setText(tr("Formatting %1…").arg(ticker_->name));
        return;
    }
    progress_->setRange(0, 1000);
    progress_->setValue(int(done * 1000 / total));
    const QLocale locale;
    progressText_->setText(
        tr("Writing %1 · %2 of %3")
            .arg(ticker_->name, locale.formattedDataSize(done), locale.formattedDataSize(total)));
}

void ReportsPage::finishExport(const QString& path, const Status& status) {
    progressTimer_->stop();
    progressStrip_->hide();
    exporting_ = false;
    const qint64 size = ticker_ ? ticker_->total.load() : 0;
    ticker_.reset();
    QString text;
    if (status) {
        text = tr("Saved %1 (%2).")
                   .arg(QDir::toNativeSeparators(path), QLocale().formattedDataSize(size));
        showMessage(text, false);
    } else {
        text = status.error().message() + u' ' +
               tr("Nothing was written; choose another folder and export again.");
        showMessage(text, true);
    }
    updateActions();
    emit exportFinished(status.ok(), text);
}

QString ReportsPage::message() const {
    return message_->text();
}

void ReportsPage::showMessage(const QString& text, bool problem) {
    showStatus(message_, text, problem);
}

void ReportsPage::updateActions() {
    const bool canExport = model_->report() != nullptr && !exporting_;
    exportButton_->setEnabled(canExport);
    exportCsv_->setEnabled(canExport);
    exportJson_->setEnabled(canExport);
    exportPdf_->setEnabled(canExport);
    exportButton_->setToolTip(!model_->report() ? tr("There is no report to export yet.")
                              : exporting_      ? tr("Wait for the running export to finish.")
                                                : tr("Save the report as CSV, JSON or PDF"));
}

void ReportsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        setMuted(prompt_);
        setMuted(loadingText_);
        showFindings();
    }
    QWidget::changeEvent(event);
}

}  // namespace aicp
