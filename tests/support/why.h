#pragma once

#include <QByteArray>

namespace aicp::test {

// Why a Result or a Status failed, for QVERIFY2's message; empty when it
// did not (QVERIFY2 reads its message even when the check passes).
template <typename R>
[[nodiscard]] QByteArray why(const R& result) {
    if constexpr (requires { result.ok(); })
        return result.ok() ? QByteArray() : result.error().message().toUtf8();
    else
        return result ? QByteArray() : result.error().message().toUtf8();
}

}  // namespace aicp::test
