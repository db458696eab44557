#pragma once

#include "server/apimessage.h"
#include "server/apirouter.h"
#include "server/apitokenstore.h"
#include "server/licensevalidator.h"

#include <cstdint>
#include <memory>
#include <mutex>

#include <QByteArray>
#include <QElapsedTimer>

namespace aicp {

class Workspace;

struct ApiServiceOptions {
    qint64 maxBodyBytes = ApiRouter::kDefaultMaxBodyBytes;
    // Unlocks the signing key for POST /licenses and the activation files;
    // empty: those answer 503.
    QByteArray passphrase;
    // Shared by the services of one process's serving threads (see
    // ApiRouter::setWriteGate); nullptr: this service is the only one.
    std::mutex* writeGate = nullptr;
    // The page cache the service's workspace connection keeps: 64 MiB, as
    // much as an import uses while it runs.
    std::int64_t cacheKiB = 64 * 1024;
};

// The REST API of SPEC section 7 over one workspace, independent of any
// HTTP server: handle() turns a request into a response. Endpoints and the
// role each needs:
//   GET  /healthz                                   none
//   GET  tiers, pricebook, usage, usage/events,
//        billing-events, recommendations, stats,
//        revocations,
//        licenses/{id}/features/{feature},
//        licenses/{id}/activations                  read
//   POST cost, licenses/validate                    read
//   POST usage/events,
//        licenses/{id}/activations,
//        licenses/{id}/activations/{aid}/heartbeat  ingest
//   DELETE licenses/{id}/activations/{aid}          ingest
//   POST licenses                                   admin
// (under /api/pricing/). Tokens are reread from the workspace at most once a
// second, so one created or revoked by the CLI applies within a second.
class ApiService {
public:
    static constexpr qint64 kTokenRefreshMs = 1000;

    ApiService(Workspace& workspace, ApiServiceOptions options);
    ~ApiService();
    ApiService(const ApiService&) = delete;
    ApiService& operator=(const ApiService&) = delete;

    [[nodiscard]] ApiResponse handle(const ApiRequest& request) {
        return router_.dispatch(request);
    }

    [[nodiscard]] qint64 maxBodyBytes() const { return router_.maxBodyBytes(); }

private:
    [[nodiscard]] std::optional<ApiRole> authenticate(QByteArrayView token);

    Workspace& workspace_;
    ApiServiceOptions options_;
    ApiRouter router_;
    LicenseValidator validator_;
    std::vector<ApiTokenInfo> tokens_;
    QElapsedTimer tokensAge_;
    std::shared_ptr<void> cache_;
};

}  // namespace aicp
