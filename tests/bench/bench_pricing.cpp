// Pricing throughput: how fast the price book loads and how many full
// four-tier comparisons the cost engine prices per second, each against a
// baseline measured in the same run (plain JSON parsing; the same totals
// hand-coded in int64 arithmetic) so the figures mean something on any box.
#include "pricing/costengine.h"
#include "support/benchtiming.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

namespace {

using aicp::test::measure;
using aicp::test::Timing;

// The default book's four totals for `requests` with no add-ons, written out
// by hand in micro-units: what a single-purpose calculator would do.
std::int64_t handCodedCheapest(std::int64_t requests) {
    const std::int64_t starterOver = std::max<std::int64_t>(0, requests - 100'000);
    const std::int64_t proOver = std::max<std::int64_t>(0, requests - 1'000'000);
    const std::int64_t proFirst = std::min<std::int64_t>(proOver, 10'000'000);
    const std::int64_t starter = 299'000'000 + starterOver * 1'000;
    const std::int64_t professional = 999'000'000 + proFirst * 500 + (proOver - proFirst) * 200;
    const std::int64_t enterprise = 4'999'000'000;
    std::int64_t best = std::min({starter, professional, enterprise});
    if (requests <= 10'000)
        best = 0;
    return best;
}

volatile std::int64_t sink = 0;

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const std::int64_t scale = quick ? 1 : 100;
    QTextStream out(stdout);

    QFile file(QStringLiteral(":/aicp/pricebook/default.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        out << "bench_pricing: default price book missing\n";
        return 1;
    }
    const QByteArray json = file.readAll();

    const Timing parseOnly = measure(20 * scale, [&json](std::int64_t) {
        sink = sink + QJsonDocument::fromJson(json).object().size();
    });
    const Timing load = measure(20 * scale, [&json](std::int64_t) {
        sink = sink + static_cast<std::int64_t>(aicp::PriceBook::fromJson(json)->versions().size());
    });
    out << QStringLiteral(
               "price book load:      %1 loads/s (%2 us each); JSON parse alone %3 us; ratio %4x\n")
               .arg(load.perSecond, 0, 'f', 0)
               .arg(load.nanosPerOp / 1000, 0, 'f', 1)
               .arg(parseOnly.nanosPerOp / 1000, 0, 'f', 1)
               .arg(load.nanosPerOp / parseOnly.nanosPerOp, 0, 'f', 2);

    const aicp::CostEngine engine(aicp::PriceBook::fromJson(json)->latest());
    aicp::Subscription needs;
    needs.seats = 5;
    const std::int64_t comparisons = 1'000 * scale;
    const Timing compare = measure(comparisons, [&](std::int64_t i) {
        const auto result = engine.compare(needs, aicp::MonthlyUsage{i * 997});
        sink = sink + static_cast<std::int64_t>(*result->cheapestEligible);
    });
    const Timing handCoded = measure(
        comparisons * 100, [](std::int64_t i) { sink = sink + handCodedCheapest(i * 997); });
    out << QStringLiteral(
               "four-tier comparison: %1 comparisons/s (%2 us each); hand-coded totals %3 ns; "
               "ratio %4x\n")
               .arg(compare.perSecond, 0, 'f', 0)
               .arg(compare.nanosPerOp / 1000, 0, 'f', 1)
               .arg(handCoded.nanosPerOp, 0, 'f', 1)
               .arg(compare.nanosPerOp / handCoded.nanosPerOp, 0, 'f', 0);
    out << QStringLiteral(
               "(a console recalculation prices one comparison per keystroke: budget 16 ms, "
               "used %1 ms)\n")
               .arg(compare.nanosPerOp / 1e6, 0, 'f', 3);
    return 0;
}
