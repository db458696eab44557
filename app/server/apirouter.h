#pragma once

#include "server/apimessage.h"
#include "server/apitokenstore.h"

#include <functional>
#include <mutex>
#include <optional>
#include <vector>

#include <QStringList>

namespace aicp {

// Matches a request to an endpoint and enforces, in this order: a known
// path (404), a method the path takes (405 with Allow), a bearer token
// (401), a role that includes the endpoint's (403), a body within the limit
// (413). Only then does the handler run, so a refused request changes
// nothing. Paths are patterns of segments; "{name}" matches any one segment
// and is handed to the handler in order. With a write gate, the handlers of
// endpoints that need the ingest or admin role (those that change the
// workspace) run one at a time across every router sharing the gate.
class ApiRouter {
public:
    using Handler = std::function<ApiResponse(const ApiRequest&, const QStringList& params)>;
    // The role of a presented token; nullopt when it is unknown or revoked.
    using Authenticator = std::function<std::optional<ApiRole>(QByteArrayView token)>;

    static constexpr qint64 kDefaultMaxBodyBytes = 8 * 1024 * 1024;

    explicit ApiRouter(Authenticator authenticator, qint64 maxBodyBytes = kDefaultMaxBodyBytes)
        : authenticator_(std::move(authenticator)), maxBodyBytes_(maxBodyBytes) {}

    // `role` nullopt: no token needed (health only).
    void add(const QByteArray& method, const QString& pattern, std::optional<ApiRole> role,
             Handler handler);

    [[nodiscard]] ApiResponse dispatch(const ApiRequest& request) const;

    [[nodiscard]] qint64 maxBodyBytes() const { return maxBodyBytes_; }

    // `gate` outlives the router; nullptr: no gate.
    void setWriteGate(std::mutex* gate) { writeGate_ = gate; }

private:
    struct Route {
        QByteArray method;
        QStringList segments;
        std::optional<ApiRole> role;
        Handler handler;
    };

    Authenticator authenticator_;
    qint64 maxBodyBytes_;
    std::mutex* writeGate_ = nullptr;
    std::vector<Route> routes_;
};

}  // namespace aicp
