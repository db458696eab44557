#include "metering/importwording.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace aicp {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("aicp::ImportWording", text);
}

}  // namespace

QString describeImport(const UsageImportReport& report, const QLocale& locale) {
    QString rejected = tr("%1 rejected").arg(locale.toString(qint64(report.rejected)));
    if (!report.rejectFile.isEmpty())
        rejected = tr("%1 (see %2)").arg(rejected, QFileInfo(report.rejectFile).fileName());
    return tr("%1 new, %2 duplicates, %3, %4 late")
        .arg(locale.toString(qint64(report.newEvents)), locale.toString(qint64(report.duplicates)),
             rejected, locale.toString(qint64(report.late)));
}

QString describeRefusal(const QString& path, const Error& error) {
    const QString name = QFileInfo(path).fileName();
    if (error.code() == Error::Code::Cancelled)
        return tr("Cancelled: nothing from %1 was imported.").arg(name);
    QString why = error.message();
    if (why.endsWith(QLatin1Char('.')))
        why.chop(1);
    return tr("%1. Nothing from %2 was imported.").arg(why, name);
}

}  // namespace aicp
