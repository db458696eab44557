#include "server/apimessage.h"

#include <QJsonDocument>

namespace aicp {

ApiResponse ApiResponse::json(const QJsonObject& object, int status) {
    ApiResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    response.body += '\n';
    return response;
}

ApiResponse ApiResponse::text(const QByteArray& text, int status) {
    ApiResponse response;
    response.status = status;
    response.body = text;
    response.contentType = "text/plain; charset=utf-8";
    return response;
}

ApiResponse ApiResponse::error(int status, const QString& code, const QString& message) {
    return json({{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                       {QStringLiteral("message"), message}}}},
                status);
}

ApiResponse ApiResponse::fromError(const Error& error) {
    switch (error.code()) {
        case Error::Code::InvalidInput:
            return ApiResponse::error(400, QStringLiteral("invalid_input"), error.message());
        case Error::Code::NotFound:
            return ApiResponse::error(404, QStringLiteral("not_found"), error.message());
        case Error::Code::Conflict:
            return ApiResponse::error(409, QStringLiteral("conflict"), error.message());
        case Error::Code::Unsupported:
            return ApiResponse::error(501, QStringLiteral("unsupported"), error.message());
        default:
            return ApiResponse::error(500, QStringLiteral("internal"), error.message());
    }
}

}  // namespace aicp
