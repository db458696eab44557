// Build-time tool: renders the scalable app icon to one square PNG, so the
// fixed-size icons the desktop wants are generated from the single SVG that
// is kept in the repository, never edited by hand.
//
//   aicp_render_icon INPUT.svg SIZE OUTPUT.png
//
// Exit status 0 on success; otherwise one line on stderr and 1.

#include <cstdio>

#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QString>
#include <QSvgRenderer>

namespace {

int fail(const QString& message) {
    std::fprintf(stderr, "aicp_render_icon: %s\n", qUtf8Printable(message));
    return 1;
}

}  // namespace

int main(int argc, char* argv[]) {
    // A core application is enough: the icon has no text, so no fonts and no
    // display are needed, and the tool runs on a headless build machine.
    const QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4)
        return fail(QStringLiteral("usage: aicp_render_icon INPUT.svg SIZE OUTPUT.png"));

    bool sizeOk = false;
    const int size = args.at(2).toInt(&sizeOk);
    if (!sizeOk || size < 1 || size > 4096)
        return fail(
            QStringLiteral("size '%1' must be a whole number from 1 to 4096").arg(args.at(2)));

    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid())
        return fail(QStringLiteral("%1 is not a readable SVG file").arg(args.at(1)));

    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
    }

    // QSaveFile: a failed run never leaves a truncated PNG that a later
    // incremental build would take as up to date.
    QSaveFile out(args.at(3));
    if (!out.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write %1: %2").arg(args.at(3), out.errorString()));
    if (!image.save(&out, "PNG") || !out.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(args.at(3), out.errorString()));
    return 0;
}
