#pragma once

#include "common/error.h"

#include <utility>
#include <vector>

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace aicp {

// One HTTP request as the API sees it, whatever server received it; the
// in-process tests build these directly.
struct ApiRequest {
    QByteArray method;  // "GET", "POST", …
    QString path;       // decoded, without the query
    QUrlQuery query;
    QByteArray authorization;  // the Authorization header, as sent
    QByteArray body;
    qint64 declaredLength = -1;  // Content-Length, when given

    // The query value, empty when absent.
    [[nodiscard]] QString queryValue(const QString& key) const {
        return query.queryItemValue(key, QUrl::FullyDecoded);
    }
};

// One answer: a status and a JSON body (or, for /healthz and the revocation
// list, plain text).
struct ApiResponse {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    // Extra headers: Allow on a 405, WWW-Authenticate on a 401.
    std::vector<std::pair<QByteArray, QByteArray>> headers;

    [[nodiscard]] static ApiResponse json(const QJsonObject& object, int status = 200);
    [[nodiscard]] static ApiResponse text(const QByteArray& text, int status = 200);
    // {"error":{"code":"<code>","message":"<message>"}} — every 4xx and 5xx.
    [[nodiscard]] static ApiResponse error(int status, const QString& code, const QString& message);
    // A core Error as HTTP: InvalidInput 400, NotFound 404, Conflict 409,
    // Unsupported 501, anything else 500 (the message still says why).
    [[nodiscard]] static ApiResponse fromError(const Error& error);
};

}  // namespace aicp
