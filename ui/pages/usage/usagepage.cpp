#include "pages/usage/usagepage.h"

#include "licensing/entitlements.h"
#include "metering/usageimporter.h"
#include "pages/usage/usagecard.h"
#include "pages/usage/usageimportmodel.h"
#include "storage/workspace.h"
#include "taskrunner.h"
#include "theme.h"
#include "widgets/cardframe.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <iterator>

#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QButtonGroup>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QCursor>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

namespace aicp {

// Shared between the importing thread (writes) and the GUI's progress timer (reads).
struct UsagePage::ImportTicker {
    std::atomic<std::int64_t> rows{0};
    std::atomic<std::int64_t> bytes{0};      // of the file being imported
    std::atomic<std::int64_t> doneBytes{0};  // of the files before it
    std::atomic<int> file{0};
    QStringList paths;
    std::int64_t totalBytes = 0;
    QElapsedTimer clock;
};

struct UsagePage::ImportOutcome {
    QString path;
    std::optional<UsageImportReport> report;
    std::optional<Error> error;
};

namespace {

// Bars read better than areas up to about two months of days.
constexpr std::size_t kMaxBars = 62;

QLabel* sectionTitle(const QString& text, QWidget* parent) {
    auto* title = new QLabel(text, parent);
    title->setFont(theme::scaledFont(title->font(), 1.05, true));
    return title;
}

void setMuted(QWidget* widget) {
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, theme::mutedText(palette));
    widget->setPalette(palette);
}

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

// Categorical colours for the breakdowns: the accent first, then hues apart
// from it and from the limit states' green, amber and red.
QColor categoryColour(const QPalette& palette, std::size_t index) {
    static const QColor light[] = {QColor(0, 114, 178),   QColor(0, 158, 143),
                                   QColor(142, 90, 190),  QColor(213, 94, 150),
                                   QColor(110, 130, 150), QColor(170, 140, 40)};
    static const QColor dark[] = {QColor(86, 170, 236),  QColor(64, 200, 180),
                                  QColor(184, 140, 232), QColor(236, 130, 180),
                                  QColor(150, 168, 186), QColor(214, 186, 90)};
    const std::size_t n = std::size(light);
    if (index == 0)
        return theme::accent(palette);
    return isDark(palette) ? dark[index % n] : light[index % n];
}

QString number(std::int64_t value) {
    return QLocale().toString(qint64(value));
}

QString monthName(YearMonth month) {
    return QLocale().toString(month.firstDay(), QStringLiteral("MMMM yyyy"));
}

}  // namespace

UsagePage::UsagePage(QWidget* parent)
    : QWidget(parent),
      runner_(new TaskRunner(this)),
      clock_(systemClock()),
      importButton_(new QPushButton(tr("&Import Usage…"), this)),
      skipBad_(new QCheckBox(tr("Skip bad rows (write a reject file)"), this)),
      perDay_(new QToolButton(this)),
      perHour_(new QToolButton(this)),
      spanSelector_(new QComboBox(this)),
      progressStrip_(new CardFrame(this)),
      progress_(new QProgressBar(progressStrip_)),
      progressText_(new QLabel(progressStrip_)),
      cancelButton_(new QPushButton(tr("Cancel"), progressStrip_)),
      message_(new QLabel(this)),
      content_(new QStackedWidget(this)),
      prompt_(new QLabel(this)),
      requestsCard_(new UsageCard(tr("Requests this month"), this)),
      projectionCard_(new UsageCard(tr("Projected month end"), this)),
      usersCard_(new UsageCard(tr("Active users"), this)),
      agentsCard_(new UsageCard(tr("Active agents"), this)),
      quotaTitle_(sectionTitle(tr("Requests against the quota"), this)),
      quotaNote_(new QLabel(this)),
      requestsTitle_(sectionTitle(QString(), this)),
      breakdownNote_(new QLabel(this)),
      quotaChart_(new QChartView(this)),
      requestsChart_(new QChartView(this)),
      packChart_(new QChartView(this)),
      moduleChart_(new QChartView(this)),
      imports_(new UsageImportModel(this)),
      importTable_(new QTableView(this)),
      progressTimer_(new QTimer(this)),
      redrawTimer_(new QTimer(this)) {
    setObjectName(QStringLiteral("usagePage"));
    setAcceptDrops(true);
    month_ = QDate(now().date().year(), now().date().month(), 1);
    buildLayout();

    progressTimer_->setInterval(100);
    connect(progressTimer_, &QTimer::timeout, this, &UsagePage::showProgress);
    // Resizing re-thins the drawn points for the new width, once it settles.
    redrawTimer_->setSingleShot(true);
    redrawTimer_->setInterval(60);
    connect(redrawTimer_, &QTimer::timeout, this, &UsagePage::redraw);
    connect(runner_, &TaskRunner::busyChanged, this, &UsagePage::updateActions);
    updateActions();
    reload();
}

UsagePage::~UsagePage() {
    if (stop_)
        stop_->request_stop();
}

void UsagePage::buildLayout() {
    const int gap = theme::spacing(font(), 0.75);

    importButton_->setObjectName(QStringLiteral("importUsageButton"));
    importButton_->setToolTip(
        tr("Import CSV or CloudEvents JSON Lines files; you can also drop them on the window"));
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

    // The running import: what, how far, how fast, and the way out.
    progressStrip_->setObjectName(QStringLiteral("importProgress"));
    progress_->setObjectName(QStringLiteral("importProgressBar"));
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progressText_->setObjectName(QStringLiteral("importProgressText"));
    progressText_->setMinimumWidth(1);
    cancelButton_->setObjectName(QStringLiteral("cancelImportButton"));
    cancelButton_->setToolTip(tr("Stop the import; nothing from the file being read is kept"));
    connect(cancelButton_, &QPushButton::clicked, this, &UsagePage::cancelImport);
    auto* strip = new QHBoxLayout(progressStrip_);
    strip->setContentsMargins(gap, gap / 2, gap / 2, gap / 2);
    strip->setSpacing(gap);
    auto* progressColumn = new QVBoxLayout;
    progressColumn->setSpacing(gap / 3);
    progressColumn->addWidget(progressText_);
    progressColumn->addWidget(progress_);
    strip->addLayout(progressColumn, 1);
    strip->addWidget(cancelButton_, 0, Qt::AlignVCenter);
    progressStrip_->hide();

    message_->setObjectName(QStringLiteral("usageMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->hide();

    content_->setObjectName(QStringLiteral("usageContent"));
    prompt_->setObjectName(QStringLiteral("pickCustomerPrompt"));
    prompt_->setAlignment(Qt::AlignCenter);
    prompt_->setWordWrap(true);
    prompt_->setFont(theme::scaledFont(font(), 1.1));
    prompt_->setMinimumHeight(theme::spacing(font(), 10));
    setMuted(prompt_);

    // Cards, then the month against its quota and the requests per window,
    // then what the requests were for.
    auto* cards = new QHBoxLayout;
    cards->setSpacing(gap);
    requestsCard_->setObjectName(QStringLiteral("requestsCard"));
    projectionCard_->setObjectName(QStringLiteral("projectionCard"));
    usersCard_->setObjectName(QStringLiteral("usersCard"));
    agentsCard_->setObjectName(QStringLiteral("agentsCard"));
    for (UsageCard* card : {requestsCard_, projectionCard_, usersCard_, agentsCard_})
        cards->addWidget(card, 1);

    const auto chartCard = [&](QLabel* title, QLabel* note, QChartView* view, const QString& name,
                               int minimumLines) {
        view->setObjectName(name);
        view->setRenderHint(QPainter::Antialiasing);
        view->setFrameShape(QFrame::NoFrame);
        view->setMinimumHeight(theme::spacing(font(), minimumLines));
        view->setChart(new QChart);
        view->viewport()->installEventFilter(this);
        auto* card = new CardFrame(this);
        auto* layout = new QVBoxLayout(card);
        layout->setContentsMargins(gap, gap * 2 / 3, gap, gap / 3);
        layout->setSpacing(gap / 4);
        layout->addWidget(title);
        if (note) {
            note->setWordWrap(true);
            note->setFont(theme::scaledFont(font(), 0.9));
            setMuted(note);
            layout->addWidget(note);
        }
        layout->addWidget(view, 1);
        return card;
    };
    quotaNote_->setObjectName(QStringLiteral("quotaNote"));
    breakdownNote_->setObjectName(QStringLiteral("breakdownNote"));
    breakdownNote_->setText(
        tr("A request can carry several packs and modules, so the layers "
           "may add up to more than the requests."));
    // The titles change with the month and window; the names say what each chart is.
    quotaChart_->setAccessibleName(tr("Requests against the monthly quota"));
    requestsChart_->setAccessibleName(tr("Requests per day or per hour"));
    packChart_->setAccessibleName(tr("Requests by policy pack"));
    moduleChart_->setAccessibleName(tr("Requests by compliance module"));
    auto* charts = new QGridLayout;
    charts->setSpacing(gap);
    charts->addWidget(
        chartCard(quotaTitle_, quotaNote_, quotaChart_, QStringLiteral("quotaChart"), 14), 0, 0);
    charts->addWidget(
        chartCard(requestsTitle_, nullptr, requestsChart_, QStringLiteral("requestsChart"), 14), 0,
        1);
    charts->addWidget(chartCard(sectionTitle(tr("By policy pack"), this), breakdownNote_,
                                packChart_, QStringLiteral("policyPackChart"), 13),
                      1, 0);
    charts->addWidget(chartCard(sectionTitle(tr("By compliance module"), this), nullptr,
                                moduleChart_, QStringLiteral("complianceModuleChart"), 13),
                      1, 1);
    charts->setColumnStretch(0, 1);
    charts->setColumnStretch(1, 1);

    auto* usage = new QWidget(this);
    auto* usageLayout = new QVBoxLayout(usage);
    usageLayout->setContentsMargins(0, 0, 0, 0);
    usageLayout->setSpacing(gap);
    usageLayout->addLayout(cards);
    usageLayout->addLayout(charts, 1);
    content_->addWidget(prompt_);
    content_->addWidget(usage);

    importTable_->setObjectName(QStringLiteral("importHistory"));
    importTable_->setModel(imports_);
    importTable_->setAccessibleName(tr("Import history"));
    importTable_->setTabKeyNavigation(false);
    importTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    importTable_->setShowGrid(false);
    importTable_->setAlternatingRowColors(true);
    importTable_->setWordWrap(false);
    importTable_->setFrameShape(QFrame::NoFrame);
    importTable_->verticalHeader()->hide();
    importTable_->verticalHeader()->setDefaultSectionSize(QFontMetrics(font()).height() * 2);
    QHeaderView* header = importTable_->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UsageImportModel::FileColumn, QHeaderView::Stretch);
    importTable_->setMinimumHeight(QFontMetrics(font()).height() * 2 * 5);
    auto* history = new CardFrame(this);
    auto* historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(gap, gap * 2 / 3, gap, gap / 2);
    historyLayout->setSpacing(gap / 3);
    historyLayout->addWidget(sectionTitle(tr("Imports"), history));
    historyLayout->addWidget(importTable_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(gap);
    layout->addLayout(toolbar);
    layout->addWidget(progressStrip_);
    layout->addWidget(message_);
    layout->addWidget(content_, 1);
    layout->addWidget(history);
}

void UsagePage::setWorkspace(Workspace* workspace) {
    workspace_ = workspace;
    updateActions();
    summary_.reset();
    license_.reset();
    projection_.reset();
    showMessage(QString(), false);
    reload();
}

void UsagePage::setTaskRunner(TaskRunner* runner) {
    if (runner == runner_ || !runner)
        return;
    if (runner_->parent() == this)
        runner_->deleteLater();
    runner_ = runner;
    connect(runner_, &TaskRunner::busyChanged, this, [this](bool busy) {
        updateActions();
        if (!busy && reloadPending_)
            reload();
    });
    updateActions();
}

void UsagePage::setClock(Clock clock) {
    clock_ = std::move(clock);
    reload();
}

void UsagePage::setCustomer(const QString& customerId) {
    if (customerId == customerId_)
        return;
    customerId_ = customerId;
    reload();
}

void UsagePage::setMonth(QDate month) {
    const QDate first = month.isValid() ? QDate(month.year(), month.month(), 1) : QDate();
    if (first == month_)
        return;
    month_ = first;
    reload();
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
    const QDate month =
        month_.isValid() ? month_ : QDate(now().date().year(), now().date().month(), 1);
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

void UsagePage::reload() {
    // The workspace is used by one thread at a time: while an import (or
    // another page's work) runs, reading waits until it is done.
    if (workspace_ && (importing_ || runner_->isBusy())) {
        reloadPending_ = true;
        return;
    }
    reloadPending_ = false;
    loadImports();
    summary_.reset();
    license_.reset();
    projection_.reset();
    monthDays_.clear();
    series_.clear();
    packs_.clear();
    modules_.clear();

    if (!workspace_) {
        prompt_->setText(tr("No workspace is open."));
        content_->setCurrentWidget(prompt_);
        return;
    }
    if (customerId_.isEmpty()) {
        prompt_->setText(
            tr("Pick a customer in the bar above to see their usage against their license.\n"
               "Imports take every customer's events at once."));
        content_->setCurrentWidget(prompt_);
        return;
    }
    content_->setCurrentIndex(1);

    const QDate first = month_.isValid() ? month_ : rangeStart();
    const YearMonth month = YearMonth::of(first);
    const QDate last = month.next().firstDay().addDays(-1);
    const QDateTime at = now();
    UsageQuery query(*workspace_);
    auto summary = query.monthlySummary(customerId_, month);
    if (!summary) {
        showMessage(summary.error().message(), true);
        showCards();
        redraw();
        return;
    }
    summary_ = *summary;
    if (auto licenses = LicenseRegistry(*workspace_).list())
        license_ = licenseInForce(*licenses, customerId_, governingInstant(month, at));

    if (auto days = query.series(customerId_, first, last, UsageWindow::Day)) {
        for (const UsagePoint& point : *days)
            monthDays_.push_back(point.requests);
    }
    const QDate today = at.toUTC().date();
    if (YearMonth::of(today) == month) {
        std::vector<std::int64_t> recent;
        if (auto days = query.series(customerId_, today.addDays(-kProjectionBasisDays),
                                     today.addDays(-1), UsageWindow::Day)) {
            for (const UsagePoint& point : *days)
                recent.push_back(point.requests);
        }
        projection_ = projectMonthEnd(month, at, summary_->requests, recent);
    }

    from_ = rangeStart();
    to_ = last;
    loadedWindow_ = window_;
    if (auto series = query.series(customerId_, from_, to_, window_)) {
        series_.reserve(series->size());
        for (const UsagePoint& point : *series)
            series_.push_back(point.requests);
    }
    if (auto packs =
            query.breakdownSeries(customerId_, from_, to_, window_, UsageBreakdown::PolicyPack))
        packs_ = std::move(packs).value();
    if (auto modules = query.breakdownSeries(customerId_, from_, to_, window_,
                                             UsageBreakdown::ComplianceModule))
        modules_ = std::move(modules).value();
    showCards();
    redraw();
}

void UsagePage::loadImports() {
    if (!workspace_) {
        imports_->setImports({});
        return;
    }
    auto imports = UsageQuery(*workspace_).imports();
    imports_->setImports(imports ? std::move(imports).value() : std::vector<UsageImportRecord>{});
}

void UsagePage::showCards() {
    if (!summary_) {
        for (UsageCard* card : {requestsCard_, projectionCard_, usersCard_, agentsCard_})
            card->showNothing(QString());
        return;
    }
    const QString month = monthName(summary_->month);
    const std::optional<Entitlements> terms =
        license_ ? std::optional<Entitlements>(Entitlements(license_->license)) : std::nullopt;
    const QString noLicense = tr("No license in force in %1").arg(month);
    const auto check = [&](LicenseLimit limit, std::int64_t used) -> std::optional<LimitCheck> {
        if (!terms)
            return std::nullopt;
        return terms->check(limit, used);
    };
    const auto limitText = [&](LicenseLimit limit, const QString& ofText,
                               const QString& unlimitedText) {
        if (!terms)
            return noLicense;
        const std::optional<std::int64_t> allowed = terms->allowance(limit);
        return allowed ? ofText.arg(number(*allowed)) : unlimitedText;
    };

    const std::int64_t requests = summary_->requests;
    QString requestsCaption =
        limitText(LicenseLimit::RequestsPerMonth, tr("of %1 a month"), tr("No request quota"));
    if (summary_->lateRequests > 0)
        requestsCaption +=
            tr("; %1 arrived after the month was invoiced").arg(number(summary_->lateRequests));
    requestsCard_->setFigure(number(requests), requestsCaption,
                             check(LicenseLimit::RequestsPerMonth, requests));

    if (projection_) {
        const QString basis =
            projection_->basisDays > 0
                ? tr("%1 so far + %2 a day (mean of the last %3 complete days) × %4 days left")
                      .arg(number(projection_->requestsSoFar),
                           number(std::llround(projection_->dailyRate)))
                      .arg(projection_->basisDays)
                      .arg(QLocale().toString(projection_->daysLeft, 'f', 1))
                : tr("No complete day yet to project from");
        projectionCard_->setFigure(number(projection_->projected), basis,
                                   check(LicenseLimit::RequestsPerMonth, projection_->projected));
    } else if (summary_->month.firstDay() > now().toUTC().date()) {
        projectionCard_->showNothing(tr("%1 has not started").arg(month));
    } else {
        projectionCard_->setFigure(number(requests), tr("%1 is over: the final count").arg(month),
                                   check(LicenseLimit::RequestsPerMonth, requests));
    }

    usersCard_->setFigure(number(summary_->activeUsers),
                          limitText(LicenseLimit::Seats, tr("of %1 seats"), tr("No seat limit")),
                          check(LicenseLimit::Seats, summary_->activeUsers));
    agentsCard_->setFigure(
        number(summary_->activeAgents),
        limitText(LicenseLimit::Agents, tr("of %1 agents"), tr("No agent limit")),
        check(LicenseLimit::Agents, summary_->activeAgents));
}

int UsagePage::plotWidth(QChartView* view) const {
    const QRectF plot = view->chart() ? view->chart()->plotArea() : QRectF();
    const int width = plot.width() > 10 ? int(plot.width()) : view->width() - 80;
    return std::max(50, width);
}

void UsagePage::styleChart(QChart* chart) const {
    const QPalette colours = palette();
    chart->setBackgroundBrush(theme::cardSurface(colours));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(0, 4, 4, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setAnimationOptions(QChart::NoAnimation);
    // Axis labels with the locale's digit grouping: 1,000,000 rather than 1000000.
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->legend()->setLabelColor(colours.color(QPalette::Text));
    chart->legend()->setFont(theme::scaledFont(font(), 0.85));
    chart->legend()->setAlignment(Qt::AlignBottom);
    const QFont labels = theme::scaledFont(font(), 0.8);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(labels);
        axis->setLabelsColor(theme::mutedText(colours));
        axis->setGridLineColor(theme::hairline(colours));
        axis->setLinePenColor(theme::hairline(colours));
        axis->setTitleBrush(theme::mutedText(colours));
        axis->setTitleFont(labels);
        if (axis->orientation() == Qt::Horizontal)
            axis->setGridLineVisible(false);
    }
}

QString UsagePage::windowLabel(std::size_t index) const {
    const QLocale locale;
    if (loadedWindow_ == UsageWindow::Day)
        return locale.toString(from_.addDays(qint64(index)), QStringLiteral("ddd d MMM yyyy"));
    const QDateTime start = QDateTime(from_, QTime(0, 0), Qt::UTC).addSecs(qint64(index) * 3600);
    return tr("%1, %2–%3 UTC")
        .arg(locale.toString(start.date(), QStringLiteral("ddd d MMM yyyy")),
             locale.toString(start.time(), QLocale::ShortFormat),
             locale.toString(start.addSecs(3600).time(), QLocale::ShortFormat));
}

namespace {

// A value axis in requests, from zero, with room above the highest value.
QValueAxis* requestsAxis(double highest) {
    auto* axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setRange(0, std::max(1.0, highest * 1.08));
    axis->applyNiceNumbers();
    axis->setMinorTickCount(0);
    return axis;
}

// Date labels along `days` days from `from`, one a week for a month, one a
// month for longer ranges; x is in days since `from`, `offset` added (bars
// sit on whole numbers, areas start there).
QCategoryAxis* dateAxis(QDate from, qint64 days, double minimum, double maximum) {
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(minimum, maximum);
    const QLocale locale;
    if (days <= 62) {
        for (qint64 day = 0; day < days; day += 7)
            axis->append(locale.toString(from.addDays(day), QStringLiteral("d MMM")), double(day));
    } else {
        for (QDate month(from.year(), from.month(), 1); month <= from.addDays(days - 1);
             month = month.addMonths(1)) {
            if (month >= from)
                axis->append(locale.toString(month, days > 120 ? QStringLiteral("MMM")
                                                               : QStringLiteral("d MMM")),
                             double(from.daysTo(month)));
        }
    }
    return axis;
}

// QChartView::setChart releases the old chart without deleting it.
void replaceChart(QChartView* view, QChart* chart) {
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

void showTip(const QString& text) {
    QToolTip::showText(QCursor::pos(), text);
}

}  // namespace

void UsagePage::redraw() {
    drawQuotaChart();
    drawRequestsChart();
    drawBreakdownChart(packChart_, packs_, tr("policy pack"));
    drawBreakdownChart(moduleChart_, modules_, tr("compliance module"));
}

void UsagePage::drawQuotaChart() {
    auto* chart = new QChart;
    const QPalette colours = palette();
    if (!summary_) {
        replaceChart(quotaChart_, chart);
        styleChart(chart);
        return;
    }
    const YearMonth month = summary_->month;
    const int days = month.firstDay().daysInMonth();
    const std::optional<std::int64_t> quota =
        license_ ? license_->license.requestsPerMonth : std::nullopt;

    // Running total at the end of each day so far (a past month: every day).
    const std::vector<std::int64_t> totals = runningTotals(monthDays_);
    const double reached = projection_ ? projection_->elapsedDays : double(days);
    auto* upper = new QLineSeries;
    upper->append(0, 0);
    for (int day = 1; day <= days && day <= reached; ++day)
        upper->append(day, double(totals[std::size_t(day - 1)]));
    if (projection_ && reached > std::floor(reached))
        upper->append(reached, double(projection_->requestsSoFar));
    // The wash under the running total, then the total itself on top of it.
    auto* area = new QAreaSeries(upper);
    const QColor accent = theme::accent(colours);
    area->setPen(Qt::NoPen);
    QColor wash = accent;
    wash.setAlphaF(isDark(colours) ? 0.28f : 0.16f);
    area->setBrush(wash);
    chart->addSeries(area);
    auto* runningTotal = new QLineSeries;
    runningTotal->setName(tr("Requests so far"));
    runningTotal->replace(upper->points());
    runningTotal->setPen(QPen(accent, 2.5));
    chart->addSeries(runningTotal);
    double highest = totals.empty() ? 0 : double(totals.back());

    QLineSeries* projectionLine = nullptr;
    if (projection_ && projection_->basisDays > 0) {
        projectionLine = new QLineSeries;
        projectionLine->setName(tr("Projection"));
        projectionLine->append(reached, double(projection_->requestsSoFar));
        projectionLine->append(days, double(projection_->projected));
        QPen pen(accent, 2, Qt::DashLine);
        projectionLine->setPen(pen);
        chart->addSeries(projectionLine);
        highest = std::max(highest, double(projection_->projected));
    }
    QLineSeries* quotaLine = nullptr;
    if (quota) {
        quotaLine = new QLineSeries;
        quotaLine->setObjectName(QStringLiteral("quotaLine"));
        quotaLine->setName(tr("Quota %1").arg(number(*quota)));
        quotaLine->append(0, double(*quota));
        quotaLine->append(days, double(*quota));
        quotaLine->setPen(QPen(limitStateColour(colours, LimitState::Over), 1.5));
        chart->addSeries(quotaLine);
        highest = std::max(highest, double(*quota));
    }

    auto* x = dateAxis(month.firstDay(), days, 0, days);
    auto* y = requestsAxis(highest);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    replaceChart(quotaChart_, chart);
    styleChart(chart);
    chart->legend()->hide();  // the note above the chart says what each line is

    const QDate first = month.firstDay();
    const auto showTotal = [this, first, totals, days, quota](const QPointF& point, bool state) {
        if (!state || totals.empty())
            return;
        const int day = std::clamp(int(std::ceil(point.x())), 1, days);
        const std::int64_t total = totals[std::size_t(day - 1)];
        QString text = tr("By the end of %1: %2 requests")
                           .arg(QLocale().toString(first.addDays(day - 1), QStringLiteral("d MMM")),
                                number(total));
        if (quota && *quota > 0)
            text += tr(" (%1 % of the quota)").arg(total * 100 / *quota);
        showTip(text);
    };
    connect(area, &QAreaSeries::hovered, this, showTotal);
    connect(runningTotal, &QLineSeries::hovered, this, showTotal);
    if (projectionLine) {
        const MonthProjection projection = *projection_;
        connect(projectionLine, &QLineSeries::hovered, this,
                [this, projection](const QPointF&, bool state) {
                    if (state)
                        showTip(tr("Projected month end: %1 requests\n%2 a day × %3 days left")
                                    .arg(number(projection.projected),
                                         number(std::llround(projection.dailyRate)),
                                         QLocale().toString(projection.daysLeft, 'f', 1)));
                });
    }
    if (quotaLine) {
        const std::int64_t allowed = *quota;
        connect(quotaLine, &QLineSeries::hovered, this,
                [this, allowed](const QPointF&, bool state) {
                    if (state)
                        showTip(tr("Quota: %1 requests a month").arg(number(allowed)));
                });
    }

    QStringList note{tr("Solid: requests so far.")};
    if (quota)
        note.append(tr("Red: the quota, %1 a month.").arg(number(*quota)));
    else
        note.append(license_ ? tr("The license sets no request quota.")
                             : tr("No license in force in %1, so no quota.").arg(monthName(month)));
    if (projection_ && projection_->basisDays > 0)
        note.append(tr("Dashed: the month-end projection, the mean of the last %1 complete days × "
                       "the days left.")
                        .arg(projection_->basisDays));
    quotaNote_->setText(note.join(QLatin1Char(' ')));
}

void UsagePage::drawRequestsChart() {
    auto* chart = new QChart;
    chart->legend()->hide();
    const QPalette colours = palette();
    const bool hourly = loadedWindow_ == UsageWindow::Hour;
    const qint64 days = from_.isValid() ? from_.daysTo(to_) + 1 : 0;
    requestsTitle_->setText(hourly ? tr("Requests per hour") : tr("Requests per day"));
    if (!summary_ || series_.empty()) {
        replaceChart(requestsChart_, chart);
        styleChart(chart);
        return;
    }
    const QColor accent = theme::accent(colours);
    double highest = 0;
    for (const std::int64_t value : series_)
        highest = std::max(highest, double(value));

    QAbstractAxis* x = nullptr;
    if (!hourly && series_.size() <= kMaxBars) {
        auto* set = new QBarSet(tr("Requests"));
        for (const std::int64_t value : series_)
            set->append(double(value));
        set->setColor(accent);
        set->setBorderColor(accent);
        auto* bars = new QBarSeries;
        bars->setBarWidth(0.72);
        bars->append(set);
        chart->addSeries(bars);
        x = dateAxis(from_, days, -0.5, double(series_.size()) - 0.5);
        connect(set, &QBarSet::hovered, this, [this](bool state, int index) {
            if (state && index >= 0 && std::size_t(index) < series_.size())
                showTip(
                    tr("%1: %2 requests")
                        .arg(windowLabel(std::size_t(index)), number(series_[std::size_t(index)])));
        });
        // The quota spread evenly over the month: bars above it eat into the rest.
        if (span_ == Span::Month && license_ && license_->license.requestsPerMonth) {
            const double pace = double(*license_->license.requestsPerMonth) / double(days);
            auto* paceLine = new QLineSeries;
            paceLine->setName(tr("Daily share of the quota"));
            paceLine->append(-0.5, pace);
            paceLine->append(double(series_.size()) - 0.5, pace);
            paceLine->setPen(QPen(limitStateColour(colours, LimitState::Over), 1.5, Qt::DashLine));
            chart->addSeries(paceLine);
            chart->legend()->show();
            highest = std::max(highest, pace);
            connect(paceLine, &QLineSeries::hovered, this,
                    [this, pace](const QPointF&, bool state) {
                        if (state)
                            showTip(tr("The monthly quota spread evenly: %1 requests a day")
                                        .arg(number(std::llround(pace))));
                    });
        }
    } else {
        // One point per window, thinned to the plot's width for drawing.
        const double step = hourly ? 1.0 / 24.0 : 1.0;
        std::vector<double> values(series_.begin(), series_.end());
        const std::vector<std::size_t> kept =
            displayIndices(values, std::size_t(plotWidth(requestsChart_)));
        auto* upper = new QLineSeries;
        QList<QPointF> points;
        points.reserve(qsizetype(kept.size()));
        for (const std::size_t index : kept)
            points.append(QPointF(double(index) * step, values[index]));
        upper->replace(points);
        auto* area = new QAreaSeries(upper);
        area->setName(tr("Requests"));
        area->setPen(QPen(accent, 1.2));
        QColor wash = accent;
        wash.setAlphaF(isDark(colours) ? 0.45f : 0.3f);
        area->setBrush(wash);
        chart->addSeries(area);
        x = dateAxis(from_, days, 0, double(days));
        connect(area, &QAreaSeries::hovered, this, [this, step](const QPointF& point, bool state) {
            if (!state)
                return;
            const auto index = std::size_t(
                std::clamp<double>(std::floor(point.x() / step), 0, double(series_.size() - 1)));
            showTip(tr("%1: %2 requests").arg(windowLabel(index), number(series_[index])));
        });
    }
    auto* y = requestsAxis(highest);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    replaceChart(requestsChart_, chart);
    styleChart(chart);
}

void UsagePage::drawBreakdownChart(QChartView* view,
                                   const std::map<QString, std::vector<std::int64_t>>& breakdown,
                                   const QString& what) {
    auto* chart = new QChart;
    const QPalette colours = palette();
    const bool hourly = loadedWindow_ == UsageWindow::Hour;
    const qint64 days = from_.isValid() ? from_.daysTo(to_) + 1 : 0;
    if (!summary_ || breakdown.empty()) {
        if (summary_)
            chart->setTitle(tr("No %1 in this period").arg(what));
        chart->setTitleBrush(theme::mutedText(colours));
        replaceChart(view, chart);
        styleChart(chart);
        return;
    }
    const std::size_t windows = breakdown.begin()->second.size();
    std::vector<double> totals(windows, 0.0);
    for (const auto& [name, values] : breakdown) {
        for (std::size_t i = 0; i < windows && i < values.size(); ++i)
            totals[i] += double(values[i]);
    }
    const double highest = totals.empty() ? 0 : *std::max_element(totals.begin(), totals.end());

    QAbstractAxis* x = nullptr;
    std::size_t colour = 0;
    if (!hourly && windows <= kMaxBars) {
        auto* stack = new QStackedBarSeries;
        stack->setBarWidth(0.72);
        for (const auto& [name, values] : breakdown) {
            auto* set = new QBarSet(name);
            for (const std::int64_t value : values)
                set->append(double(value));
            const QColor fill = categoryColour(colours, colour++);
            set->setColor(fill);
            set->setBorderColor(theme::cardSurface(colours));
            stack->append(set);
            connect(set, &QBarSet::hovered, this, [this, name, values](bool state, int index) {
                if (state && index >= 0 && std::size_t(index) < values.size())
                    showTip(tr("%1\n%2: %3 requests")
                                .arg(windowLabel(std::size_t(index)), name,
                                     number(values[std::size_t(index)])));
            });
        }
        chart->addSeries(stack);
        x = dateAxis(from_, days, -0.5, double(windows) - 0.5);
    } else {
        // Stacked areas, thinned by the total's shape so the layers keep lining up.
        const double step = hourly ? 1.0 / 24.0 : 1.0;
        const std::vector<std::size_t> kept = displayIndices(totals, std::size_t(plotWidth(view)));
        std::vector<double> base(windows, 0.0);
        QLineSeries* lower = nullptr;
        for (const auto& [name, values] : breakdown) {
            auto* upper = new QLineSeries;
            QList<QPointF> points;
            points.reserve(qsizetype(kept.size()));
            for (const std::size_t index : kept) {
                base[index] += double(values[index]);
                points.append(QPointF(double(index) * step, base[index]));
            }
            upper->replace(points);
            auto* area = new QAreaSeries(upper, lower);
            area->setName(name);
            const QColor fill = categoryColour(colours, colour++);
            area->setBrush(fill);
            area->setPen(QPen(fill.darker(isDark(colours) ? 100 : 115), 0.8));
            chart->addSeries(area);
            // The lower edge of the next layer is this layer's upper edge.
            lower = new QLineSeries(chart);
            lower->replace(points);
            connect(area, &QAreaSeries::hovered, this,
                    [this, name, values, step](const QPointF& point, bool state) {
                        if (!state || values.empty())
                            return;
                        const auto index = std::size_t(std::clamp<double>(
                            std::floor(point.x() / step), 0, double(values.size() - 1)));
                        showTip(tr("%1\n%2: %3 requests")
                                    .arg(windowLabel(index), name, number(values[index])));
                    });
        }
        x = dateAxis(from_, days, 0, double(days));
    }
    auto* y = requestsAxis(highest);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    replaceChart(view, chart);
    styleChart(chart);
    for (QLegendMarker* marker : chart->legend()->markers())
        marker->setShape(QLegend::MarkerShapeCircle);
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
    if (!usageFiles(event->mimeData()).isEmpty() && workspace_ && !runner_->isBusy())
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
    if (!workspace_ || runner_->isBusy())
        return;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Usage"), QDir::homePath(),
        tr("Usage files (*.csv *.jsonl *.ndjson *.json);;CSV (*.csv);;CloudEvents JSON Lines "
           "(*.jsonl *.ndjson *.json);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

bool UsagePage::importFiles(const QStringList& paths) {
    if (!workspace_ || paths.isEmpty())
        return false;
    if (runner_->isBusy()) {
        showMessage(tr("Wait for the running operation to finish, then import again."), true);
        return false;
    }
    auto ticker = std::make_shared<ImportTicker>();
    ticker->paths = paths;
    for (const QString& path : paths)
        ticker->totalBytes += std::max<qint64>(0, QFileInfo(path).size());
    ticker->clock.start();
    std::stop_source stop;
    UsageImportOptions options;
    options.skipBad = skipBad_->isChecked();
    options.stop = stop.get_token();
    options.progress = [ticker](const UsageImportProgress& progress) {
        ticker->rows.store(progress.rows, std::memory_order_relaxed);
        ticker->bytes.store(progress.bytes, std::memory_order_relaxed);
    };
    Workspace* workspace = workspace_;
    const bool started = runner_->run<std::vector<ImportOutcome>>(
        this,
        [workspace, paths, options, ticker, token = stop.get_token()] {
            std::vector<ImportOutcome> outcomes;
            UsageImporter importer(*workspace);
            for (int i = 0; i < paths.size(); ++i) {
                ticker->file.store(i);
                ticker->rows.store(0);
                ticker->bytes.store(0);
                ImportOutcome outcome{paths[i], std::nullopt, std::nullopt};
                if (token.stop_requested()) {
                    outcome.error = Error(Error::Code::Cancelled, QString());
                } else {
                    auto report = importer.importFile(paths[i], options);
                    if (report)
                        outcome.report = std::move(report).value();
                    else
                        outcome.error = report.error();
                }
                ticker->doneBytes.fetch_add(std::max<qint64>(0, QFileInfo(paths[i]).size()));
                outcomes.push_back(std::move(outcome));
            }
            return outcomes;
        },
        [this](std::vector<ImportOutcome> outcomes) { finishImport(outcomes); });
    if (!started) {
        showMessage(tr("Wait for the running operation to finish, then import again."), true);
        return false;
    }
    importing_ = true;
    stop_ = std::move(stop);
    ticker_ = ticker;
    showMessage(QString(), false);
    cancelButton_->setEnabled(true);
    cancelButton_->setText(tr("Cancel"));
    progress_->setValue(0);
    showProgress();
    progressStrip_->show();
    progressTimer_->start();
    updateActions();
    return true;
}

void UsagePage::cancelImport() {
    if (!importing_ || !stop_)
        return;
    stop_->request_stop();
    cancelButton_->setEnabled(false);
    cancelButton_->setText(tr("Cancelling…"));
}

void UsagePage::showProgress() {
    if (!ticker_)
        return;
    const ImportTicker& ticker = *ticker_;
    const int file = std::min<int>(ticker.file.load(), int(ticker.paths.size()) - 1);
    const std::int64_t bytes = ticker.doneBytes.load() + ticker.bytes.load();
    const double seconds = std::max<qint64>(1, ticker.clock.elapsed()) / 1000.0;
    const double megabytesPerSecond = double(bytes) / 1e6 / seconds;
    if (ticker.totalBytes > 0)
        progress_->setValue(int(std::min<std::int64_t>(1000, bytes * 1000 / ticker.totalBytes)));
    const QLocale locale;
    QString name = QFileInfo(ticker.paths.value(file)).fileName();
    if (ticker.paths.size() > 1)
        name = tr("%1 (%2 of %3)").arg(name).arg(file + 1).arg(ticker.paths.size());
    progressText_->setText(
        tr("Importing %1 · %2 rows · %3 MB/s")
            .arg(name, number(ticker.rows.load()), locale.toString(megabytesPerSecond, 'f', 1)));
}

void UsagePage::finishImport(const std::vector<ImportOutcome>& outcomes) {
    progressTimer_->stop();
    importing_ = false;
    stop_.reset();
    ticker_.reset();
    progressStrip_->hide();

    QStringList lines;
    bool refused = false;
    bool committed = false;
    for (const ImportOutcome& outcome : outcomes) {
        const QString name = QFileInfo(outcome.path).fileName();
        if (outcome.report) {
            committed = committed || outcome.report->newEvents > 0;
            lines.append(tr("%1: %2").arg(name, describeImport(*outcome.report)));
        } else if (outcome.error) {
            refused = refused || outcome.error->code() != Error::Code::Cancelled;
            lines.append(describeRefusal(outcome.path, *outcome.error));
        }
    }
    const QString text = lines.join(QLatin1Char('\n'));
    showMessage(text, refused);
    reload();
    updateActions();
    if (committed)
        emit usageChanged();
    emit importFinished(
        !refused && std::all_of(outcomes.begin(), outcomes.end(),
                                [](const ImportOutcome& o) { return o.report.has_value(); }),
        text);
}

void UsagePage::updateActions() {
    const bool busy = runner_->isBusy();
    const bool open = workspace_ != nullptr;
    importButton_->setEnabled(open && !busy);
    skipBad_->setEnabled(!busy);
    importButton_->setToolTip(
        !open  ? tr("No workspace is open.")
        : busy ? tr("Wait for the running operation to finish.")
               : tr("Import CSV or CloudEvents JSON Lines files; you can also drop them on the "
                    "window"));
    // Changing what is shown reads the workspace, which the import is using.
    perDay_->setEnabled(!busy);
    perHour_->setEnabled(!busy);
    spanSelector_->setEnabled(!busy);
}

QString UsagePage::message() const {
    return message_->text();
}

void UsagePage::showMessage(const QString& text, bool problem) {
    QPalette colours = message_->palette();
    colours.setColor(QPalette::WindowText, problem ? theme::warningText(palette())
                                                   : palette().color(QPalette::WindowText));
    message_->setPalette(colours);
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

bool UsagePage::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize && watched != this)
        redrawTimer_->start();
    return QWidget::eventFilter(watched, event);
}

void UsagePage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        setMuted(prompt_);
        setMuted(quotaNote_);
        setMuted(breakdownNote_);
        redraw();
    }
    QWidget::changeEvent(event);
}

}  // namespace aicp
