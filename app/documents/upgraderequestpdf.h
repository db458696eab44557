#pragma once

#include "common/result.h"
#include "documents/financepdf.h"
#include "recommend/upgraderequest.h"

#include <QByteArray>

namespace aicp {

// An upgrade request as a page the vendor's account manager reads: who asks,
// the license in force, the terms asked, the usage that motivates it (with
// the license's limit) and the request's digest, which the JSON beside it
// carries, so the two can be matched.
//
//     auto pdf = upgradeRequestPdf(*request, {now, user, workspacePath});
//     if (pdf) writeDocumentFile("upgrade-request.pdf", *pdf);
[[nodiscard]] Result<QByteArray> upgradeRequestPdf(const UpgradeRequest& request,
                                                   const DocumentStamp& stamp);

}  // namespace aicp
