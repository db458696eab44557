#include "metering/importwording.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace aicp {

namespace {

// Gives the free functions below a tr() that lupdate can see, so their
// words land in the translation template under one context.
struct ImportWording {
    Q_DECLARE_TR_FUNCTIONS(aicp::ImportWording)
};

}  // namespace

QString describeImport(const UsageImportReport& report, const QLocale& locale) {
    QString rejected =
        ImportWording::tr("%1 rejected").arg(locale.toString(qint64(report.rejected)));
    if (!report.rejectFile.isEmpty())
        rejected =
            ImportWording::tr("%1 (see %2)").arg(rejected, QFileInfo(report.rejectFile).fileName());
    return ImportWording::tr("%1 new, %2 duplicates, %3, %4 late")
        .arg(locale.toString(qint64(report.newEvents)), locale.toString(qint64(report.duplicates)),
             rejected, locale.toString(qint64(report.late)));
}

QString describeRefusal(const QString& path, const Error& error) {
    const QString name = QFileInfo(path).fileName();
    if (error.code() == Error::Code::Cancelled)
        return ImportWording::tr("Cancelled: nothing from %1 was imported.").arg(name);
    QString why = error.message();
    if (why.endsWith(QLatin1Char('.')))
        why.chop(1);
    return ImportWording::tr("%1. Nothing from %2 was imported.").arg(why, name);
}

}  // namespace aicp
