#include "server/apirouter.h"

namespace aicp {

namespace {

QStringList segmentsOf(const QString& path) {
    return path.split(u'/', Qt::SkipEmptyParts);
}

// The request's segments are views into its path: matching copies nothing,
// and only the chosen route's parameters become strings.
using PathView = QList<QStringView>;

bool matches(const QStringList& pattern, const PathView& path) {
    if (pattern.size() != path.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i)
        if (!pattern[i].startsWith(u'{') && pattern[i] != path[i])
            return false;
    return true;
}

QStringList parametersOf(const QStringList& pattern, const PathView& path) {
    QStringList params;
    for (qsizetype i = 0; i < pattern.size(); ++i)
        if (pattern[i].startsWith(u'{'))
            params.append(path[i].toString());
    return params;
}

// "Bearer <token>", the scheme case-insensitive as RFC 7235 has it.
std::optional<QByteArrayView> bearerToken(const QByteArray& header) {
    const QByteArrayView value = QByteArrayView(header).trimmed();
    constexpr QByteArrayView scheme("bearer ");
    if (value.size() <= scheme.size() ||
        value.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    const QByteArrayView token = value.sliced(scheme.size()).trimmed();
    if (token.isEmpty())
        return std::nullopt;
    return token;
}

}  // namespace

void ApiRouter::add(const QByteArray& method, const QString& pattern, std::optional<ApiRole> role,
                    Handler handler) {
    routes_.push_back({method, segmentsOf(pattern), role, std::move(handler)});
}

ApiResponse ApiRouter::dispatch(const ApiRequest& request) const {
    const PathView path = QStringView(request.path).split(u'/', Qt::SkipEmptyParts);
    const Route* route = nullptr;
    bool known = false;
    for (const Route& candidate : routes_) {
        if (!matches(candidate.segments, path))
            continue;
        known = true;
        if (candidate.method == request.method) {
            route = &candidate;
            break;
        }
    }
    if (!known)
        return ApiResponse::error(404, QStringLiteral("not_found"),
                                  QStringLiteral("no endpoint %1").arg(request.path));
    if (!route) {
        QByteArrayList allowed;
        for (const Route& candidate : routes_)
            if (matches(candidate.segments, path))
                allowed.append(candidate.method);
        ApiResponse response =
            ApiResponse::error(405, QStringLiteral("method_not_allowed"),
                               QStringLiteral("%1 does not take %2; it takes %3")
                                   .arg(request.path, QString::fromLatin1(request.method),
                                        QString::fromLatin1(allowed.join(", "))));
        response.headers.emplace_back("Allow", allowed.join(", "));
        return response;
    }

    if (route->role) {
        const auto token = bearerToken(request.authorization);
        const std::optional<ApiRole> granted =
            token ? authenticator_(*token) : std::optional<ApiRole>();
        if (!granted) {
            ApiResponse response = ApiResponse::error(
                401, QStringLiteral("unauthorized"),
                token ? QStringLiteral("the bearer token is unknown or revoked")
                      : QStringLiteral("this endpoint needs an 'Authorization: Bearer <token>' "
                                       "header (see 'aicp tokens create')"));
            response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"aicp\"");
            return response;
        }
        if (!apiRoleAllows(*granted, *route->role))
            return ApiResponse::error(
                403, QStringLiteral("forbidden"),
                QStringLiteral("this endpoint needs a token with the %1 role; this one has %2")
                    .arg(apiRoleName(*route->role), apiRoleName(*granted)));
    }
    if (request.body.size() > maxBodyBytes_ || request.declaredLength > maxBodyBytes_)
        return ApiResponse::error(
            413, QStringLiteral("payload_too_large"),
            QStringLiteral("the request body is over the limit of %1 bytes; send smaller batches")
                .arg(maxBodyBytes_));
    std::unique_lock<std::mutex> writing;
    if (writeGate_ && route->role && *route->role != ApiRole::Read)
        writing = std::unique_lock(*writeGate_);
    return route->handler(request, parametersOf(route->segments, path));
}

}  // namespace aicp
