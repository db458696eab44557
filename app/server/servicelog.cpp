#include "server/servicelog.h"

#include <QTextStream>

namespace aicp {

void ServiceLog::write(QStringView lines) {
    if (lines.isEmpty())
        return;
    const std::lock_guard lock(mutex_);
    out_ << lines;
    out_.flush();
}

}  // namespace aicp
