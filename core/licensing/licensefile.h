#pragma once

#include "common/result.h"
#include "licensing/licensepayload.h"

#include <QByteArray>
#include <QByteArrayView>

namespace aicp {

// The license file: readable comment lines (customer, tier, expiry; never
// trusted) above the key wrapped in base64 between
// "-----BEGIN AICP LICENSE-----" and "-----END AICP LICENSE-----".
[[nodiscard]] QByteArray licenseFileText(QByteArrayView licenseKey, const LicensePayload& license);

// The license key inside a license file, or the text itself when it already
// is a bare key (pasted). Refuses anything else with the reason.
[[nodiscard]] Result<QByteArray> licenseKeyFromText(QByteArrayView text);

}  // namespace aicp
