#include "shooter.h"

#include "mainwindow.h"
#include "taskrunner.h"

#include <cstdio>

#include <QElapsedTimer>
#include <QTest>
#include <QWidget>

namespace aicp::shots {

bool Shooter::save(QWidget& widget, const QString& name) {
    QTest::qWait(100);  // layouts and deferred paints settle first
    const QString path = out_.filePath(name);
    if (!expect(QDir().mkpath(QFileInfo(path).path()),
                QStringLiteral("cannot create %1").arg(path)))
        return false;
    if (!expect(widget.grab().save(path, "PNG", 0), QStringLiteral("cannot write %1").arg(path)))
        return false;  // 0: the smallest file
    std::printf("%s\n", qPrintable(path));
    return true;
}

bool Shooter::expect(bool ok, const QString& what) {
    if (!ok) {
        std::fprintf(stderr, "shoot_pages: %s\n", qPrintable(what));
        ++failures_;
    }
    return ok;
}

bool settle(QWidget& window) {
    auto* runner = window.findChild<TaskRunner*>();
    QElapsedTimer clock;
    clock.start();
    int quietChecks = 0;
    while (clock.elapsed() < 120000) {
        QTest::qWait(50);
        quietChecks = runner && runner->isBusy() ? 0 : quietChecks + 1;
        if (quietChecks >= 6)
            return true;
    }
    return false;
}

}  // namespace aicp::shots
