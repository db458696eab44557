#pragma once

#include "metering/chunkedinput.h"
#include "metering/usageeventreader.h"
#include "metering/usageeventvalidator.h"

#include <cstdint>
#include <cstdlib>

#include <QBuffer>
#include <QByteArray>

namespace aicp::fuzz {

// Reads and validates every row of `data` with `Reader`, checking the
// invariants a caller relies on: views stay inside what was read, a bad row
// always says where, and the reader always reaches the end.
template <typename Reader>
int readEverything(const std::uint8_t* data, std::size_t size, UsageEventValidator::Naming naming) {
    QBuffer buffer;
    buffer.setData(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    buffer.open(QIODevice::ReadOnly);
    ChunkedInput input(buffer);
    Reader reader(input);
    if (!reader.start().ok())
        return 0;
    UsageEventValidator validator(naming);
    RawUsageEvent raw;
    UsageEventRecord event;
    RowIssue issue;
    // Every row consumes at least one byte, so this bound is never reached
    // by a reader that makes progress.
    for (std::size_t rows = 0; rows <= size + 1; ++rows) {
        auto next = reader.next(raw, issue);
        if (!next || *next == UsageEventReader::Next::End)
            return 0;
        if (raw.line < 1)
            std::abort();
        if (*next == UsageEventReader::Next::BadRow || !validator.validate(raw, event, issue)) {
            if (issue.line < 1 || issue.reason.isEmpty())
                std::abort();
            continue;
        }
        if (event.quantity < 1 || event.id.empty() || event.customer.empty())
            std::abort();
    }
    std::abort();  // no progress: a reader bug
}

}  // namespace aicp::fuzz
