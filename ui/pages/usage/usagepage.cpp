#include "pages/usage/usagepage.h"

#include "catalognames.h"
#include "licensing/activationregistry.h"
#include "metering/usageimportcontroller.h"
#include "pages/usage/allcustomersview.h"
#include "pages/usage/breakdownchart.h"
#include "pages/usage/importprogressstrip.h"
#include "pages/usage/quotachart.h"
#include "pages/usage/requestschart.h"
#include "pages/usage/usagecards.h"
#include "pages/usage/usageimportmodel.h"
#include "roleguard.h"
#include "storage/workspace.h"
#include "taskrunner.h"
#include "theme.h"
#include "widgets/cardframe.h"
#include "widgets/pagetext.h"

#include <QButtonGroup>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace aicp {
namespace {

// The layers of a breakdown under people's names rather than the price book's ids.
BreakdownChart::Layers named(BreakdownChart::Layers layers, QString (*name)(const QString&)) {
    BreakdownChart::Layers renamed;
    for (auto& [id, values] : layers)
        renamed[name(id)] = std::move(values);
    return renamed;
}

}  // namespace

UsagePage::UsagePage(QWidget* parent)
    : ConsolePage(parent),
      importButton_(new QPushButton(tr("&Import Usage…"), this)),
      skipBad_(new QCheckBox(tr("Skip bad rows (write a reject file)"), this)),
      perDay_(new QToolButton(this)),
      perHour_(new QToolButton(this)),
      spanSelector_(new QComboBox(this)),
      progress_(new ImportProgressStrip(this)),
      message_(new QLabel(this)),
      content_(new QStackedWidget(this)),
      prompt_(new QLabel(this)),
      cards_(new UsageCards(this)),
      quotaChart_(new QuotaChart(this)),
      requestsChart_(new RequestsChart(QStringLiteral("requestsChart"), this)),
      packChart_(new BreakdownChart(tr("By policy pack"), tr("policy pack"),
                                    QStringLiteral("policyPackChart"), this)),
      moduleChart_(new BreakdownChart(tr("By compliance module"), tr("compliance module"),
                                      QStringLiteral("complianceModuleChart"), this)),
      allCustomers_(new AllCustomersView(this)),
      imports_(new UsageImportModel(this)),
      importTable_(new QTableView(this)) {
    setObjectName(QStringLiteral("usagePage"));
    setAcceptDrops(true);
    setFollows(FollowsCustomer | FollowsMonth);
    buildLayout();
    allCustomers_->setTierNamer([this](const QString& id) { return tierName(id); });
    connect(allCustomers_, &AllCustomersView::customerActivated, this,
            &UsagePage::customerActivated);
    connect(progress_, &ImportProgressStrip::cancelRequested, this, &UsagePage::cancelImport);
    connect(this, &UsagePage::usageChanged, this, &ConsolePage::workspaceEdited);
    updateActions();
    reload();
}

UsagePage::~UsagePage() {
    if (importing_)
        importing_->cancel();
}

void UsagePage::buildLayout() {
    const int gap = theme::spacing(font(), 0.75);
    message_->setObjectName(QStringLiteral("usageMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->hide();

    content_->setObjectName(QStringLiteral("usageContent"));
    stylePrompt(prompt_, QStringLiteral("pickCustomerPrompt"));
    content_->addWidget(prompt_);
    content_->addWidget(buildCustomerView());
    content_->addWidget(allCustomers_);

    auto* layout = flushColumn(this, gap);
    layout->addLayout(buildToolbar());
    layout->addWidget(progress_);
    layout->addWidget(message_);
    layout->addWidget(content_, 1);
    layout->addWidget(buildHistory());
}

QLayout* UsagePage::buildToolbar() {
    importButton_->setObjectName(QStringLiteral("importUsageButton"));
    connect(importButton_, &QPushButton::clicked, this, &UsagePage::chooseFilesToImport);
    skipBad_->setObjectName(QStringLiteral("skipBadRows"));
    skipBad_->setToolTip(
        tr("Import the good rows and write the refused ones, each with its "
           "reason, to a .rejects file beside the imported file. Off: the "
           "first bad row refuses the whole file."));
    perDay_->setObjectName(QStringLiteral("perDayButton"));
    perDay_->setText(tr("Per day"));
    perHour_->setObjectName(QStringLiteral("perHourButton"));
    perHour_->setText(tr("Per hour"));
    auto* windows = new QButtonGroup(this);
    for (QAbstractButton* button : {perDay_, perHour_}) {
        button->setCheckable(true);
        windows->addButton(button);
    }
    perDay_->setChecked(true);
    connect(perDay_, &QAbstractButton::toggled, this,
            [this](bool on) { setWindow(on ? UsageWindow::Day : UsageWindow::Hour); });
    spanSelector_->setObjectName(QStringLiteral("spanSelector"));
    spanSelector_->addItem(tr("The month"), int(Span::Month));
    spanSelector_->addItem(tr("3 months to it"), int(Span::ThreeMonths));
    spanSelector_->addItem(tr("12 months to it"), int(Span::TwelveMonths));
    spanSelector_->setToolTip(tr("How far back the per-day or per-hour charts reach"));
    spanSelector_->setAccessibleName(tr("Chart span"));
    connect(spanSelector_, &QComboBox::currentIndexChanged, this,
            [this] { setSpan(static_cast<Span>(spanSelector_->currentData().toInt())); });

    const int gap = theme::spacing(font(), 0.75);
    auto* toolbar = new QHBoxLayout;
    toolbar->setSpacing(gap / 2);
    toolbar->addWidget(importButton_);
    toolbar->addSpacing(gap / 2);
    toolbar->addWidget(skipBad_);
    auto* liveSources = new QPushButton(tr("&Live Sources…"), this);
    liveSources->setObjectName(QStringLiteral("liveSourcesButton"));
    liveSources->setToolTip(tr("Pull usage from aicp services: on demand or every few minutes"));
    connect(liveSources, &QPushButton::clicked, this, &UsagePage::liveSourcesRequested);
    toolbar->addWidget(liveSources);
    // Made after the rest of the page: Tab still meets it in the toolbar.
    QWidget::setTabOrder(skipBad_, liveSources);
    QWidget::setTabOrder(liveSources, perDay_);
    toolbar->addStretch();
    toolbar->addWidget(perDay_);
    toolbar->addWidget(perHour_);
    toolbar->addSpacing(gap / 2);
    toolbar->addWidget(spanSelector_);
    return toolbar;
}

QWidget* UsagePage::buildCustomerView() {
    // Cards, then the month against its quota and the requests per window,
    // then what the requests were for.
    const int gap = theme::spacing(font(), 0.75);
    packChart_->setObjectName(QStringLiteral("policyPackCard"));
    packChart_->view()->setAccessibleName(tr("Requests by policy pack"));
    moduleChart_->setObjectName(QStringLiteral("complianceModuleCard"));
    moduleChart_->view()->setAccessibleName(tr("Requests by compliance module"));
    auto* charts = new QGridLayout;
    charts->setSpacing(gap);
    charts->addWidget(quotaChart_, 0, 0);
    charts->addWidget(requestsChart_, 0, 1);
    charts->addWidget(packChart_, 1, 0);
    charts->addWidget(moduleChart_, 1, 1);
    charts->setColumnStretch(0, 1);
    charts->setColumnStretch(1, 1);
    auto* usage = new QWidget(this);
    usage->setObjectName(QStringLiteral("customerUsage"));
    auto* layout = flushColumn(usage, gap);
    layout->addWidget(cards_);
    layout->addLayout(charts, 1);
    return usage;
}

QWidget* UsagePage::buildHistory() {
    const int gap = theme::spacing(font(), 0.75);
    setUpRowTable(importTable_, QStringLiteral("importHistory"), imports_, tr("Import history"));
    importTable_->setWordWrap(false);
    QHeaderView* header = importTable_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UsageImportModel::FileColumn, QHeaderView::Stretch);
    importTable_->setMinimumHeight(QFontMetrics(font()).height() * 2 * 5);
    auto* history = new CardFrame(this);
    auto* layout = new QVBoxLayout(history);
    layout->setContentsMargins(gap, gap * 2 / 3, gap, gap / 2);
    layout->setSpacing(gap / 3);
    layout->addWidget(sectionTitle(tr("Imports"), history));
    layout->addWidget(importTable_);
    return history;
}

void UsagePage::workspaceChanged() {
    summary_.reset();
    license_.reset();
    projection_.reset();
    showMessage(QString(), false);
    updateActions();
}

void UsagePage::runnerBusyChanged(bool busy) {
    Q_UNUSED(busy);
    updateActions();
}

bool UsagePage::mustWait() const {
    // The workspace is used by one thread at a time: while an import (or
    // another page's work) runs, reading waits until it is done.
    return importing_ || ConsolePage::mustWait();
}

void UsagePage::setWindow(UsageWindow window) {
    {
        const QSignalBlocker blockDay(perDay_);
        const QSignalBlocker blockHour(perHour_);
        perDay_->setChecked(window == UsageWindow::Day);
        perHour_->setChecked(window == UsageWindow::Hour);
    }
    if (window == window_)
        return;
    window_ = window;
    reload();
}

void UsagePage::setSpan(Span span) {
    {
        const QSignalBlocker blocker(spanSelector_);
        spanSelector_->setCurrentIndex(spanSelector_->findData(int(span)));
    }
    if (span == span_)
        return;
    span_ = span;
    reload();
}

QDate UsagePage::rangeStart() const {
    const QDate month = this->month().isValid()
                            ? this->month()
                            : QDate(now().date().year(), now().date().month(), 1);
    switch (span_) {
        case Span::Month:
            return month;
        case Span::ThreeMonths:
            return month.addMonths(-2);
        case Span::TwelveMonths:
            return month.addMonths(-11);
    }
    return month;
}

const std::optional<AllCustomersUsage>& UsagePage::allCustomers() const {
    return allCustomers_->usage();
}

void UsagePage::showPrompt(const QString& text) {
    prompt_->setText(text);
    content_->setCurrentWidget(prompt_);
}

void UsagePage::load() {
    loadImports();
    summary_.reset();
    license_.reset();
    projection_.reset();
    allCustomers_->setUsage(std::nullopt);
    if (!workspace()) {
        showPrompt(tr("No workspace is open."));
        return;
    }
    if (customerId().isEmpty())
        loadAllCustomers();
    else
        loadCustomer();
}

void UsagePage::loadAllCustomers() {
    const QDate first = month().isValid() ? month() : rangeStart();
    auto usage = readAllCustomersUsage(*workspace(), YearMonth::of(first), now());
    if (!usage) {
        showMessage(usage.error().message(), true);
        showPrompt(tr("The usage of every customer could not be read."));
        return;
    }
    allCustomers_->setUsage(std::move(usage).value());
    content_->setCurrentWidget(allCustomers_);
}

void UsagePage::loadCustomer() {
    content_->setCurrentIndex(1);
    const YearMonth month = YearMonth::of(this->month().isValid() ? this->month() : rangeStart());
    const QDateTime at = now();
    UsageQuery query(*workspace());
    auto summary = query.monthlySummary(customerId(), month);
    if (!summary) {
        showMessage(summary.error().message(), true);
        cards_->clear();
        quotaChart_->setData(std::nullopt);
        loadSeries(month);
        return;
    }
    summary_ = *summary;
    if (auto licenses = LicenseRegistry(*workspace()).list())
        license_ = licenseInForce(*licenses, customerId(), governingInstant(month, at));
    QuotaChartData quota{month, {}, std::nullopt, license_.has_value(), std::nullopt};
    if (license_)
        quota.quota = license_->license.requestsPerMonth;
    const QDate last = month.next().firstDay().addDays(-1);
    if (auto days = query.series(customerId(), month.firstDay(), last, UsageWindow::Day)) {
        for (const UsagePoint& point : *days)
            quota.days.push_back(point.requests);
    }
    const QDate today = at.toUTC().date();
    if (YearMonth::of(today) == month) {
        std::vector<std::int64_t> recent;
        if (auto days = query.series(customerId(), today.addDays(-kProjectionBasisDays),
                                     today.addDays(-1), UsageWindow::Day)) {
            for (const UsagePoint& point : *days)
                recent.push_back(point.requests);
        }
        projection_ = projectMonthEnd(month, at, summary_->requests, recent);
    }
    quota.projection = projection_;
    std::optional<std::int64_t> instances;
    if (const auto mode = workspace()->mode();
        license_ && mode && *mode == Workspace::Mode::Vendor) {
        if (auto running = ActivationRegistry(*workspace())
                               .activeCountAt(license_->license.id, governingInstant(month, at)))
            instances = *running;
    }
    cards_->setFigures(*summary_, license_, projection_, at, instances);
    quotaChart_->setData(std::move(quota));
    loadSeries(month);
}

void UsagePage::loadSeries(YearMonth month) {
    const ChartPeriod period{rangeStart(), month.next().firstDay().addDays(-1), window_};
    if (!summary_) {
        requestsChart_->setData(period, {}, std::nullopt);
        packChart_->setData(period, {}, false);
        moduleChart_->setData(period, {}, false);
        return;
    }
    const UsageQuery query(*workspace());
    std::vector<std::int64_t> series;
    if (auto points = query.series(customerId(), period.from, period.to, window_)) {
        series.reserve(points->size());
        for (const UsagePoint& point : *points)
            series.push_back(point.requests);
    }
    // The quota spread evenly over the month: bars above it eat into the rest.
    std::optional<double> share;
    if (span_ == Span::Month && license_ && license_->license.requestsPerMonth)
        share = double(*license_->license.requestsPerMonth) / double(period.days());
    requestsChart_->setData(period, std::move(series), share);
    auto packs = query.breakdownSeries(customerId(), period.from, period.to, window_,
                                       UsageBreakdown::PolicyPack);
    packChart_->setData(period, packs ? named(std::move(packs).value(), &policyPackName)
                                      : BreakdownChart::Layers{});
    auto modules = query.breakdownSeries(customerId(), period.from, period.to, window_,
                                         UsageBreakdown::ComplianceModule);
    moduleChart_->setData(period, modules ? named(std::move(modules).value(), &complianceModuleName)
                                          : BreakdownChart::Layers{});
}

void UsagePage::loadImports() {
    if (!workspace()) {
        imports_->setImports({});
        return;
    }
    auto imports = UsageQuery(*workspace()).imports();
    imports_->setImports(imports ? std::move(imports).value() : std::vector<UsageImportRecord>{});
}

QStringList UsagePage::usageFiles(const QMimeData* mime) {
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    static const QStringList kSuffixes = {QStringLiteral("csv"), QStringLiteral("jsonl"),
                                          QStringLiteral("ndjson"), QStringLiteral("json")};
    for (const QUrl& url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo file(url.toLocalFile());
        if (file.isFile() && kSuffixes.contains(file.suffix().toLower()))
            files.append(file.absoluteFilePath());
    }
    return files;
}

void UsagePage::dragEnterEvent(QDragEnterEvent* event) {
    if (!usageFiles(event->mimeData()).isEmpty() && workspace() && !runner()->isBusy() &&
        mayChange(workspace(), WorkspaceArea::Usage))
        event->acceptProposedAction();
    else
        event->ignore();
}

void UsagePage::dropEvent(QDropEvent* event) {
    const QStringList files = usageFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    importFiles(files);
}

void UsagePage::chooseFilesToImport() {
    if (!workspace() || runner()->isBusy())
        return;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Usage"), QDir::homePath(),
        tr("Usage files (*.csv *.jsonl *.ndjson *.json);;CSV (*.csv);;CloudEvents JSON Lines "
           "(*.jsonl *.ndjson *.json);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

bool UsagePage::importFiles(const QStringList& paths) {
    if (!workspace() || paths.isEmpty())
        return false;
    if (!mayChange(workspace(), WorkspaceArea::Usage)) {
        showMessage(refusalReason(workspace()->role(), WorkspaceArea::Usage), true);
        return false;
    }
    UsageImportOptions options;
    options.skipBad = skipBad_->isChecked();
    auto controller = std::make_shared<UsageImportController>(paths, std::move(options));
    Workspace* workspace = this->workspace();
    const bool started =
        !runner()->isBusy() &&
        runner()->run<UsageImportController::Outcome>(
            this, [workspace, controller] { return controller->run(*workspace); },
            [this](const UsageImportController::Outcome& outcome) {
                finishImport(outcome.text, outcome.ok, outcome.refused, outcome.committed);
            });
    if (!started) {
        showMessage(tr("Wait for the running operation to finish, then import again."), true);
        return false;
    }
    importing_ = controller;
    showMessage(QString(), false);
    progress_->follow(controller);
    updateActions();
    return true;
}

void UsagePage::cancelImport() {
    if (importing_)
        importing_->cancel();
}

void UsagePage::finishImport(const QString& text, bool ok, bool refused, bool committed) {
    importing_.reset();
    progress_->finish();
    showMessage(text, refused);
    reload();
    updateActions();
    if (committed)
        emit usageChanged();
    emit importFinished(ok, text);
}

void UsagePage::updateActions() {
    const bool busy = runner() && runner()->isBusy();
    const bool open = workspace() != nullptr;
    importButton_->setEnabled(open && !busy);
    skipBad_->setEnabled(!busy);
    importButton_->setToolTip(
        !open  ? tr("No workspace is open.")
        : busy ? tr("Wait for the running operation to finish.")
               : tr("Import CSV or CloudEvents JSON Lines files; you can also drop them on the "
                    "window"));
    guardRole(importButton_, workspace(), WorkspaceArea::Usage);
    // Changing what is shown reads the workspace, which the import is using.
    perDay_->setEnabled(!busy);
    perHour_->setEnabled(!busy);
    spanSelector_->setEnabled(!busy);
}

QString UsagePage::message() const {
    return message_->text();
}

void UsagePage::showMessage(const QString& text, bool problem) {
    showStatus(message_, text, problem);
}

void UsagePage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        setMuted(prompt_);
    ConsolePage::changeEvent(event);
}

}  // namespace aicp
