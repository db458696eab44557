#include "pages/usage/usagechart.h"

#include "theme.h"
#include "widgets/chartstyle.h"
#include "widgets/localdates.h"
#include "widgets/pagetext.h"

#include <cmath>
#include <iterator>

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

namespace aicp {
namespace {

// Up to this many requests at the top of a chart, a tick for every one.
constexpr double kFewRequests = 5;

}  // namespace

QString ChartPeriod::windowLabel(std::size_t index) const {
    const QLocale locale;
    if (!hourly())
        return displayDayWithWeekday(from.addDays(qint64(index)), locale);
    const QDateTime start = QDateTime(from, QTime(0, 0), Qt::UTC).addSecs(qint64(index) * 3600);
    return UsageChart::tr("%1, %2–%3 UTC")
        .arg(displayDayWithWeekday(start.date(), locale),
             locale.toString(start.time(), QLocale::ShortFormat),
             locale.toString(start.addSecs(3600).time(), QLocale::ShortFormat));
}

UsageChart::UsageChart(const QString& title, const QString& viewName, int minimumLines,
                       QWidget* parent)
    : CardFrame(parent),
      title_(new QLabel(title, this)),
      note_(new QLabel(this)),
      view_(new QChartView(this)),
      redrawTimer_(new QTimer(this)) {
    const int gap = theme::spacing(font(), 0.75);
    title_->setFont(theme::scaledFont(title_->font(), 1.05, true));
    note_->setWordWrap(true);
    note_->setFont(theme::scaledFont(font(), 0.9));
    note_->hide();
    setMuted(note_);
    view_->setObjectName(viewName);
    note_->setObjectName(QString(viewName).replace(QLatin1String("Chart"), QLatin1String("Note")));
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setFrameShape(QFrame::NoFrame);
    view_->setMinimumHeight(theme::spacing(font(), minimumLines));
    view_->setChart(new QChart);
    view_->viewport()->installEventFilter(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(gap, gap * 2 / 3, gap, gap / 3);
    layout->setSpacing(gap / 4);
    layout->addWidget(title_);
    layout->addWidget(note_);
    layout->addWidget(view_, 1);
    // Resizing re-thins the drawn points for the new width, once it settles.
    redrawTimer_->setSingleShot(true);
    redrawTimer_->setInterval(60);
    connect(redrawTimer_, &QTimer::timeout, this, [this] { redraw(); });
}

QString UsageChart::note() const {
    return note_->text();
}

void UsageChart::setTitle(const QString& title) {
    title_->setText(title);
}

void UsageChart::setNote(const QString& note) {
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
}

void UsageChart::showChart(QChart* chart) {
    // QChartView::setChart releases the old chart without deleting it.
    QChart* old = view_->chart();
    view_->setChart(chart);
    delete old;
    aicp::styleChart(chart, this);
}

void UsageChart::attachAxes(QChart* chart, QAbstractAxis* x, QAbstractAxis* y) {
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

int UsageChart::plotWidth() const {
    const QRectF plot = view_->chart() ? view_->chart()->plotArea() : QRectF();
    const int width = plot.width() > 10 ? int(plot.width()) : view_->width() - 80;
    return std::max(50, width);
}

bool UsageChart::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize && watched == view_->viewport())
        redrawTimer_->start();
    return CardFrame::eventFilter(watched, event);
}

void UsageChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        setMuted(note_);
        redraw();
    }
    CardFrame::changeEvent(event);
}

namespace usagecharts {

QString number(std::int64_t value) {
    return QLocale().toString(qint64(value));
}

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

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

QValueAxis* requestsAxis(double highest) {
    auto* axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setMinorTickCount(0);
    const double top = std::max(1.0, highest * 1.08);
    if (top <= kFewRequests) {
        // Requests are whole: a tick for each, where nice numbers would put
        // one every 0.2 and label them "0 0 0 1 1 1".
        const double whole = std::ceil(top);
        axis->setRange(0, whole);
        axis->setTickCount(int(whole) + 1);
        return axis;
    }
    axis->setRange(0, top);
    axis->applyNiceNumbers();
    return axis;
}

QCategoryAxis* dateAxis(QDate from, qint64 days, double minimum, double maximum) {
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(minimum, maximum);
    const QLocale locale;
    if (days <= 62) {
        for (qint64 day = 0; day < days; day += 7)
            axis->append(displayDayMonth(from.addDays(day), locale), double(day));
        return axis;
    }
    for (QDate month(from.year(), from.month(), 1); month <= from.addDays(days - 1);
         month = month.addMonths(1)) {
        if (month >= from)
            axis->append(days > 120 ? locale.toString(month, QStringLiteral("MMM"))
                                    : displayDayMonth(month, locale),
                         double(from.daysTo(month)));
    }
    return axis;
}

void showTip(const QString& text) {
    QToolTip::showText(QCursor::pos(), text);
}

}  // namespace usagecharts

}  // namespace aicp
