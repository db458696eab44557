#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace aicp::cli {

// One line of progress on a terminal's stderr ("\revents.csv: 1,234 rows",
// "\rPulling … 48 of 720 hours"), redrawn at most ten times a second. It is
// for people only: when stderr is a file or a pipe nothing is written, so
// scripts and logs never see it.
// Whether the process's standard output is a terminal (a PDF is never
// written to one).
[[nodiscard]] bool stdoutIsTerminal();

class ProgressLine {
public:
    explicit ProgressLine(QTextStream& err);

    // Whether stderr is a terminal, so a progress line is worth drawing.
    [[nodiscard]] static bool wanted();

    // Milliseconds since the line was made, for rates.
    [[nodiscard]] qint64 elapsedMs() const { return clock_.elapsed(); }
    // Replaces the line with `text`, unless it was redrawn less than 100 ms
    // ago; `force` draws it anyway (the last value).
    void show(const QString& text, bool force = false);
    // Leaves the line blank for what is printed next.
    void clear();

private:
    QTextStream& err_;
    QElapsedTimer clock_;
    qint64 lastShown_ = -1;
    qsizetype width_ = 0;
};

}  // namespace aicp::cli
