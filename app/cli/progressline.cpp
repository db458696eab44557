#include "cli/progressline.h"

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define AICP_ISATTY _isatty
#define AICP_FILENO _fileno
#else
#include <unistd.h>
#define AICP_ISATTY isatty
#define AICP_FILENO fileno
#endif

namespace aicp::cli {

bool stdoutIsTerminal() {
    return AICP_ISATTY(AICP_FILENO(stdout)) != 0;
}

ProgressLine::ProgressLine(QTextStream& err) : err_(err) {
    clock_.start();
}

bool ProgressLine::wanted() {
    return AICP_ISATTY(AICP_FILENO(stderr)) != 0;
}

void ProgressLine::show(const QString& text, bool force) {
    constexpr qint64 kRedrawMs = 100;
    if (!force && lastShown_ >= 0 && clock_.elapsed() - lastShown_ < kRedrawMs)
        return;
    lastShown_ = clock_.elapsed();
    width_ = std::max(width_, text.size());
    err_ << '\r' << text.leftJustified(width_);
    err_.flush();
}

void ProgressLine::clear() {
    if (width_ == 0)
        return;
    err_ << '\r' << QString(width_, u' ') << '\r';
    err_.flush();
}

}  // namespace aicp::cli
