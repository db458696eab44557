#include "support/fakeclock.h"

#include "licensing/licensepayload.h"

namespace aicp::test {

QDateTime utcAt(const char* rfc3339) {
    auto parsed = fromRfc3339(QString::fromLatin1(rfc3339));
    if (!parsed)
        qFatal("not an RFC 3339 time: %s", rfc3339);
    return parsed->toUTC();
}

Clock fixedClock(const char* rfc3339) {
    return [at = utcAt(rfc3339)] { return at; };
}

}  // namespace aicp::test
