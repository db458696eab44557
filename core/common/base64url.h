#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace aicp {

// base64url without padding (RFC 4648 §5), as used in license keys.
[[nodiscard]] QByteArray base64UrlEncode(QByteArrayView bytes);

// Strict decoding: only the URL alphabet, no padding, no whitespace, and
// canonical (unused trailing bits zero), so each byte string has exactly one
// accepted text and a key cannot be altered without breaking its signature.
[[nodiscard]] Result<QByteArray> base64UrlDecode(QByteArrayView text);

}  // namespace aicp
