#pragma once

#include "common/jsonfields.h"
#include "common/result.h"
#include "server/apimessage.h"
#include "server/apirouter.h"

#include <QJsonObject>

namespace aicp {

class LicenseValidator;
class Workspace;

// The endpoints of each resource, added to a router (apiservice.h lists
// them with their roles).
void addPricingEndpoints(ApiRouter& router, Workspace& workspace);
void addUsageEndpoints(ApiRouter& router, Workspace& workspace);
void addBillingEndpoints(ApiRouter& router, Workspace& workspace);
void addLicensingEndpoints(ApiRouter& router, Workspace& workspace, LicenseValidator& validator,
                           const QByteArray& passphrase);
void addActivationEndpoints(ApiRouter& router, Workspace& workspace, const QByteArray& passphrase);

// A handler of a request that needs the workspace and no path parameters.
template <typename Function>
ApiRouter::Handler onWorkspace(Workspace& workspace, Function function) {
    return [&workspace, function](const ApiRequest& request, const QStringList&) {
        return function(workspace, request);
    };
}

// The body as a JSON object, read by StrictJson, whose members are all
// named in `known` (space-separated), so a typo is not silently ignored; the
// error names the line and column of the first problem ("line 3, column
// 14: …").
[[nodiscard]] Result<JsonFields> jsonBody(const ApiRequest& request, QStringView known);

}  // namespace aicp
