#include "cli/billingcli.h"
#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "common/savefile.h"
#include "common/texttable.h"
#include "documents/pdfdocument.h"
#include "documents/upgraderequestpdf.h"
#include "licensing/licensepayload.h"
#include "metering/yearmonth.h"
#include "money/moneyformat.h"
#include "recommend/recommendationservice.h"
#include "recommend/recommender.h"
#include "recommend/upgraderequest.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace aicp::cli {
namespace {

QString marks(const Recommendation& r, std::size_t index) {
    QStringList words;
    if (r.current == index)
        words.append(QStringLiteral("current"));
    if (r.recommended == index)
        words.append(QStringLiteral("recommended"));
    return words.join(QStringLiteral(", "));
}

QString recommendationText(const Recommendation& r) {
    const QLocale& locale = cliLocale();
    QString text =
        QStringLiteral("%1 (%2), %3\n").arg(r.customerName, r.customerId, r.month.toString());
    text += QStringLiteral("Projection: %1\n").arg(r.projection.explanation());
    text += QStringLiteral("Needs: %1\n").arg(r.needs.summary());
    if (r.license)
        text +=
            QStringLiteral("License in force: %1, %2\n")
                .arg(r.license->license.id.toString(QUuid::WithoutBraces).left(8), r.currentTier);
    else
        text += QStringLiteral("License in force: none\n");
    text += QLatin1Char('\n');

    TextTable table({QStringLiteral("TIER"), QStringLiteral("MONTHLY COST"),
                     QStringLiteral("ELIGIBLE"), QStringLiteral(""), QStringLiteral("WHY")},
                    {TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Left,
                     TextTable::Align::Left, TextTable::Align::Left});
    for (std::size_t i = 0; i < r.tiers.size(); ++i) {
        const TierOption& option = r.tiers[i];
        table.addRow({option.bill.tierName, formatMoney(option.total(), locale, r.currency),
                      option.eligible ? QStringLiteral("yes") : QStringLiteral("no"), marks(r, i),
                      option.reason});
    }
    text += table.render();
    text += QLatin1Char('\n');
    const TierOption* best = r.recommendedOption();
    text += QStringLiteral("Recommended: %1\n")
                .arg(best ? best->bill.tierName : QStringLiteral("none"));
    text += QStringLiteral("Reason: %1\n").arg(r.reason);
    if (!r.alerts.empty()) {
        text += QStringLiteral("\nAlerts:\n");
        for (const LimitAlert& alert : r.alerts) {
            // "over" is the machine level from 100 %; people read all of a
            // limit used as being at it, as the console's badge says.
            const QString word = alert.level == AlertLevel::Over && !alert.exceeded
                                     ? QStringLiteral("at limit")
                                     : alertLevelWord(alert.level);
            text += QStringLiteral("  %1  %2\n").arg(word.leftJustified(8), alert.message);
        }
    }
    text += QStringLiteral("\nPrices: price book %1; safety margin %2 %.\n")
                .arg(r.priceBookVersion)
                .arg(r.marginPercent);
    return text;
}

// Where the PDF of an upgrade request goes: beside the JSON, its suffix
// replaced by .pdf ("upgrade.json" → "upgrade.pdf"), else ".pdf" appended.
QString pdfBeside(const QString& path) {
    const QFileInfo info(path);
    const QString suffix = info.suffix();
    if (suffix.isEmpty() || suffix.compare(u"pdf", Qt::CaseInsensitive) == 0)
        return path + QStringLiteral(".pdf");
    return path.left(path.size() - suffix.size()) + QStringLiteral("pdf");
}

struct WrittenRequest {
    UpgradeRequest request;
    QString file;
    QString pdf;
};

QJsonObject writtenJson(const WrittenRequest& written) {
    const UpgradeRequest& request = written.request;
    const QJsonObject document = QJsonDocument::fromJson(request.toJson()).object();
    return {{QStringLiteral("file"), written.file},
            {QStringLiteral("pdf"), written.pdf},
            {QStringLiteral("customer"), request.customerId},
            {QStringLiteral("current_license"), idText(request.currentLicense)},
            {QStringLiteral("current_tier"), request.currentTier},
            {QStringLiteral("tier"), request.tier},
            {QStringLiteral("digest"), document.value(QStringLiteral("digest"))}};
}

QString writtenText(const WrittenRequest& written) {
    const UpgradeRequest& request = written.request;
    const QString terms =
        request.tier == request.currentTier
            ? QStringLiteral("more of %1").arg(request.tier)
            : QStringLiteral("%1 instead of %2").arg(request.tier, request.currentTier);
    return QStringLiteral(
               "Wrote the upgrade request of %1 (%2: %3) to %4 and its PDF to %5.\nSend both to "
               "the vendor; 'aicp license issue --from-request %6' issues it.\n")
        .arg(request.customerName, request.customerId, terms,
             QDir::toNativeSeparators(written.file), QDir::toNativeSeparators(written.pdf),
             QFileInfo(written.file).fileName());
}

class RecommendCommand final : public Command {
public:
    RecommendCommand() : Command(QStringLiteral("recommend")) {
        ownOptions_ = {customer_, month_, requestUpgrade_, output_, note_};
    }

    // The upgrade request's PDF needs fonts, which only the GUI layer loads.
    bool needsGui(const QCommandLineParser& parser) const override {
        return parser.isSet(requestUpgrade_);
    }

private:
    const QCommandLineOption customer_ = customerOption();
    const QCommandLineOption month_ = monthOption(
        QStringLiteral("The calendar month (UTC), e.g. 2026-11. Default: the current one."));
    const QCommandLineOption requestUpgrade_{
        QStringLiteral("request-upgrade"),
        QStringLiteral("Write an upgrade request for the vendor: the tier recommended (or more of "
                       "the current one), with the usage behind it, as JSON (-o FILE) and PDF "
                       "beside it.")};
    const QCommandLineOption output_ =
        outputOption(QStringLiteral("With --request-upgrade: the request's JSON file; the PDF "
                                    "goes beside it (its suffix replaced by .pdf)."));
    const QCommandLineOption note_{
        QStringLiteral("note"),
        QStringLiteral("With --request-upgrade: a note for the vendor, in your own words."),
        QStringLiteral("TEXT")};

    // The request made, its PDF rendered, then both files written: a PDF
    // that cannot be made leaves no JSON behind.
    Result<WrittenRequest> writeRequest(Invocation& call, const Recommendation& recommendation,
                                        const QString& path, const QString& note) const {
        auto workspace = call.workspace();
        if (!workspace)
            return workspace.error();
        auto request =
            UpgradeRequest::fromRecommendation(recommendation, QDateTime::currentDateTimeUtc());
        if (!request)
            return request.error();
        request->note = note.trimmed();
        WrittenRequest written{*request, path, pdfBeside(path)};
        auto pdf = upgradeRequestPdf(*request, documentStamp(**workspace));
        if (!pdf)
            return pdf.error();
        AICP_TRY(writeFileAtomically(written.file, request->toJson()));
        AICP_TRY(writeDocumentFile(written.pdf, *pdf));
        return written;
    }

    // -o and --note belong to --request-upgrade, which needs -o.
    Status checkRequestOptions(const Invocation& call, const QString& path) const {
        if (!call.isSet(requestUpgrade_) && (call.isSet(output_) || call.isSet(note_)))
            return Error::invalidInput(
                QStringLiteral("-o and --note go with --request-upgrade. Try 'aicp %1 --help'.")
                    .arg(name()));
        if (call.isSet(requestUpgrade_) && path.isEmpty())
            return Error::invalidInput(
                QStringLiteral("--request-upgrade needs -o FILE, the request to send the vendor"));
        return {};
    }

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(customerId, call.customer(customer_), fail);
        AICP_CLI_TRY(monthText, call.value(month_), fail);
        AICP_CLI_TRY(path, call.value(output_), fail);
        AICP_CLI_TRY(note, call.value(note_), fail);
        if (const Status options = checkRequestOptions(call, *path); !options.ok())
            return call.fail(options.error());
        std::optional<YearMonth> yearMonth;
        if (call.isSet(month_)) {
            yearMonth = YearMonth::parse(*monthText);
            if (!yearMonth)
                return call.usage(QStringLiteral("--month must be YYYY-MM, e.g. 2026-11 (got '%1')")
                                      .arg(*monthText));
        }
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        AICP_CLI_TRY(recommendation,
                     RecommendationService(**workspace).recommend(*customerId, yearMonth), fail);
        if (call.isSet(requestUpgrade_)) {
            AICP_CLI_TRY(written, writeRequest(call, *recommendation, *path, *note), failure);
            return call.print(writtenJson(*written), writtenText(*written));
        }
        return call.print(recommendationToJson(*recommendation),
                          recommendationText(*recommendation));
    }
};

}  // namespace

const Command& recommendCommand() {
    static const RecommendCommand command;
    return command;
}

}  // namespace aicp::cli
