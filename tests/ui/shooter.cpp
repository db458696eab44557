#include "shooter.h"

#include "consoletest.h"

#include <cstdio>

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
    return test::settle(window, 120000);
}

}  // namespace aicp::shots
