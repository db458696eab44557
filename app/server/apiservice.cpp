#include "server/apiservice.h"

#include "common/strictjson.h"
#include "server/apiendpoints.h"
#include "storage/statement.h"
#include "storage/workspace.h"

namespace aicp {

Result<JsonFields> jsonBody(const ApiRequest& request, QStringView known) {
    if (request.body.trimmed().isEmpty())
        return Error::invalidInput(
            QStringLiteral("line 1, column 1: the request needs a JSON object as its body"));
    auto document = StrictJson::parse(request.body);
    if (!document)
        return document.error();
    if (!document->isObject())
        return Error::invalidInput(
            QStringLiteral("line 1, column 1: the body must be a JSON object"));
    JsonFields fields(document->object());
    AICP_TRY(fields.onlyKnown(known.toString().split(u' ')));
    return fields;
}

ApiService::ApiService(Workspace& workspace, ApiServiceOptions options)
    : workspace_(workspace),
      options_(std::move(options)),
      router_([this](QByteArrayView token) { return authenticate(token); }, options_.maxBodyBytes),
      validator_(workspace),
      // A service ingests batch after batch: with SQLite's small default
      // page cache each batch would start by rereading the event and
      // aggregate B-trees it just wrote (an import enlarges the cache only
      // while it runs). A setting, not data: without it no answer changes.
      cache_(workspace.handle()->enlargeCache(options_.cacheKiB)) {
    // Bounded by the body limit: a batch's undo journal in memory, not in a
    // temporary file written for every batch (a tenth to a fifth more events
    // a second).
    workspace.handle()->keepTemporariesInMemory();
    router_.setWriteGate(options_.writeGate);
    router_.add("GET", QStringLiteral("/healthz"), std::nullopt,
                [](const ApiRequest&, const QStringList&) {
                    return ApiResponse::json({{QStringLiteral("status"), QStringLiteral("ok")}});
                });
    addPricingEndpoints(router_, workspace_);
    addUsageEndpoints(router_, workspace_);
    addBillingEndpoints(router_, workspace_);
    addLicensingEndpoints(router_, workspace_, validator_, options_.passphrase);
    addActivationEndpoints(router_, workspace_, options_.passphrase);
}

ApiService::~ApiService() {
    options_.passphrase.fill('\0');
}

std::optional<ApiRole> ApiService::authenticate(QByteArrayView token) {
    if (!tokensAge_.isValid() || tokensAge_.elapsed() >= kTokenRefreshMs) {
        // A failed read keeps the tokens known before rather than locking
        // everyone out over a busy database.
        if (auto tokens = ApiTokenStore(workspace_).list(); tokens) {
            tokens_ = std::move(tokens).value();
            tokensAge_.start();
        }
    }
    const auto found = ApiTokenStore::match(tokens_, token);
    if (!found)
        return std::nullopt;
    return found->role;
}

}  // namespace aicp
