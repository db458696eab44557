// The stand-in's HTTP side: the checks every request gets (the secret key,
// Stripe-Version, form encoding, the Idempotency-Key), faults, Stripe's
// idempotency layer and the routing to the endpoints in
// stripestandinobjects.cpp. Written from Stripe's API reference: "Errors",
// "Idempotent requests", "Authentication", "Versioning", "Pagination",
// docs.stripe.com/error-low-level and docs.stripe.com/metadata.
#include "support/stripestandin.h"

#include <algorithm>

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>

namespace aicp::test {

using namespace Qt::Literals::StringLiterals;

namespace {

using Fields = StripeStandIn::Fields;

QByteArray decoded(QByteArray text) {
    text.replace('+', ' ');
    return QByteArray::fromPercentEncoding(text);
}

// application/x-www-form-urlencoded: '+' is a space, %XX a byte; names keep
// their brackets ("metadata[k]", "lines[0][type]").
Fields decodeForm(const QByteArray& text) {
    Fields fields;
    for (const QByteArray& pair : text.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        fields.emplace_back(decoded(equals < 0 ? pair : pair.left(equals)),
                            equals < 0 ? QByteArray() : decoded(pair.mid(equals + 1)));
    }
    return fields;
}

// "lines[0][type]" -> "lines[][type]": array indexes do not matter to the shape.
QByteArray shape(const QByteArray& name) {
    static const QRegularExpression index(QStringLiteral(R"(\[\d+\])"));
    return QString::fromUtf8(name).replace(index, QStringLiteral("[]")).toUtf8();
}

// Whether `name` fits `pattern`, where "[*]" stands for one key of any name.
bool fits(const QByteArray& name, const QByteArray& pattern) {
    const qsizetype star = pattern.indexOf("[*]");
    if (star < 0)
        return name == pattern;
    const QByteArray head = pattern.left(star) + '[';
    const QByteArray tail = ']' + pattern.mid(star + 3);
    if (name.size() <= head.size() + tail.size() || !name.startsWith(head) || !name.endsWith(tail))
        return false;
    const QByteArray key = name.mid(head.size(), name.size() - head.size() - tail.size());
    return !key.contains('[') && !key.contains(']');
}

QByteArray topLevel(const QByteArray& name) {
    const qsizetype bracket = name.indexOf('[');
    return bracket < 0 ? name : name.left(bracket);
}

Fields sorted(Fields fields) {
    std::sort(fields.begin(), fields.end());
    return fields;
}

// Stripe shows the first 8 and the last 4 characters of a wrong key.
QByteArray masked(const QByteArray& key) {
    if (key.size() <= 12)
        return QByteArray(key.size(), '*');
    return key.left(8) + QByteArray(key.size() - 12, '*') + key.right(4);
}

QString oneOfWords(std::initializer_list<const char*> values) {
    QStringList words;
    for (const char* value : values)
        words << QString::fromUtf8(value);
    if (words.size() <= 2)
        return words.join(QStringLiteral(" or "));
    const QString last = words.takeLast();
    return words.join(QStringLiteral(", ")) + QStringLiteral(", or ") + last;
}

bool pathMatches(const QByteArray& pattern, const QByteArray& path) {
    if (pattern == path || (pattern.endsWith('/') && path.startsWith(pattern)))
        return true;
    if (!pattern.contains('*'))
        return false;
    QString expression = QRegularExpression::escape(QString::fromUtf8(pattern));
    expression.replace(QStringLiteral("\\*"), QStringLiteral("[^/]*"));
    if (pattern.endsWith('*'))
        expression += QStringLiteral(".*");
    return QRegularExpression(QRegularExpression::anchoredPattern(expression))
        .match(QString::fromUtf8(path))
        .hasMatch();
}

}  // namespace

StripeStandIn::StripeStandIn(QByteArray secretKey) : secretKey_(std::move(secretKey)) {}

void StripeStandIn::failNext(const QByteArray& method, const QByteArray& path, Fault fault) {
    const std::lock_guard lock(mutex_);
    faults_.emplace_back(method, path, std::move(fault));
}

std::vector<StripeStandIn::Request> StripeStandIn::requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
}

QStringList StripeStandIn::violations() const {
    const std::lock_guard lock(mutex_);
    return violations_;
}

void StripeStandIn::forgetIdempotencyKeys() {
    const std::lock_guard lock(mutex_);
    saved_.clear();
}

void StripeStandIn::setNow(qint64 unixSeconds) {
    const std::lock_guard lock(mutex_);
    now_ = unixSeconds;
}

qint64 StripeStandIn::now() const {
    return now_ != 0 ? now_ : QDateTime::currentSecsSinceEpoch();
}

QByteArray StripeStandIn::randomId(const char* prefix, int length) {
    static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QByteArray id(prefix);
    for (int i = 0; i < length; ++i)
        id += alphabet[QRandomGenerator::global()->bounded(62)];
    return id;
}

StripeStandIn::Reply StripeStandIn::error(int status, const QByteArray& type,
                                          const QString& message, const QByteArray& param,
                                          const QByteArray& code) {
    QJsonObject body{{u"type"_s, QString::fromUtf8(type)}, {u"message"_s, message}};
    if (!param.isEmpty())
        body.insert(u"param"_s, QString::fromUtf8(param));
    if (!code.isEmpty()) {
        body.insert(u"code"_s, QString::fromUtf8(code));
        body.insert(u"doc_url"_s, QStringLiteral("https://stripe.com/docs/error-codes/") +
                                      QString::fromUtf8(code).replace(u'_', u'-'));
    }
    return {status, QJsonObject{{u"error"_s, body}}, true};
}

StripeStandIn::Reply StripeStandIn::missing(const char* what, const QByteArray& id,
                                            const QByteArray& param, int status) {
    return error(status, "invalid_request_error",
                 QStringLiteral("No such %1: '%2'").arg(QLatin1String(what), QString::fromUtf8(id)),
                 param, "resource_missing");
}

void StripeStandIn::violate(const Request& request, const QString& rule) {
    violations_ << QStringLiteral("%1 %2: %3")
                       .arg(QString::fromUtf8(request.method), QString::fromUtf8(request.path),
                            rule);
}

void StripeStandIn::take(QTcpSocket* socket, const LoopbackHttpServer::Request& http) {
    Request request;
    request.method = http.method;
    const qsizetype question = http.target.indexOf('?');
    request.path = question < 0 ? http.target : http.target.left(question);
    request.query = question < 0 ? QByteArray() : http.target.mid(question + 1);
    request.headers = http.headers;
    request.form = decodeForm(request.method == "POST" ? http.body : request.query);
    request.requestId = randomId("req_", 14);
    Answer answer;
    {
        const std::lock_guard lock(mutex_);
        if (request.method != "POST" && !http.body.isEmpty())
            violate(request, QStringLiteral("a body on a %1 (Stripe reads the query string)")
                                 .arg(QString::fromUtf8(request.method)));
        answer = handle(request);
        request.status = answer.action == Answer::Action::Reply ? answer.reply.status : 0;
        request.replayed = answer.replayed;
        requests_.push_back(request);
    }
    const QByteArray version = http.header("stripe-version");
    answer.headers.prepend(
        {"Stripe-Version", version.isEmpty() ? QByteArray(kApiVersion) : version});
    answer.headers.prepend({"Request-Id", request.requestId});
    switch (answer.action) {
        case Answer::Action::Reply:
            LoopbackHttpServer::reply(socket, answer.reply.status,
                                      QJsonDocument(answer.reply.body).toJson(), "application/json",
                                      0, answer.headers);
            break;
        case Answer::Action::Drop:
            socket->abort();
            break;
        case Answer::Action::Hang:
            break;  // the client gives up
    }
}

StripeStandIn::Answer StripeStandIn::handle(Request& request) {
    check(request);
    Answer answer;
    bool injected = false;
    if (std::optional<Reply> refused = authenticate(request)) {
        answer.reply = *refused;
    } else {
        std::optional<Fault> fault = takeFault(request);
        injected = fault && fault->kind == Fault::Kind::Status;
        answer = handleAuthorized(request, std::move(fault));
    }
    // A 4xx Stripe would answer is a rule broken, but for a lookup of
    // something gone, an injected fault or a replay of one already counted.
    const int status = answer.reply.status;
    const QJsonObject error = answer.reply.body[u"error"_s].toObject();
    const bool lookup = request.method == "GET" && status == 404 &&
                        error[u"code"_s] == QLatin1String("resource_missing");
    if (answer.action == Answer::Action::Reply && status >= 400 && status < 500 &&
        !answer.replayed && !injected && !lookup)
        violate(request, QStringLiteral("%1 %2").arg(status).arg(error[u"message"_s].toString()));
    if (!answer.replayed)
        logged(answer.reply, request.requestId);
    return answer;
}

// Stripe's error bodies point at the request's log in the Dashboard.
void StripeStandIn::logged(Reply& reply, const QByteArray& requestId) {
    if (reply.status < 400)
        return;
    QJsonObject body = reply.body[u"error"_s].toObject();
    body.insert(u"request_log_url"_s, QStringLiteral("https://dashboard.stripe.com/test/logs/") +
                                          QString::fromUtf8(requestId));
    reply.body.insert(u"error"_s, body);
}

// What aicp promised beyond what Stripe enforces, and what Stripe would not
// read the way the client meant it.
void StripeStandIn::check(const Request& request) {
    const auto header = [&request](const char* name) {
        const auto it = request.headers.find(name);
        return it == request.headers.end() ? QByteArray() : it->second;
    };
    const QByteArray version = header("stripe-version");
    if (version.isEmpty())
        violate(request, QStringLiteral("no Stripe-Version header (aicp pins %1)")
                             .arg(QLatin1String(kApiVersion)));
    else if (version != kApiVersion)
        violate(request, QStringLiteral("Stripe-Version %1, not the pinned %2")
                             .arg(QString::fromUtf8(version), QLatin1String(kApiVersion)));
    const bool post = request.method == "POST";
    if (post && !request.headers.contains("idempotency-key"))
        violate(request, QStringLiteral("a POST without an Idempotency-Key"));
    if (!post && request.headers.contains("idempotency-key"))
        violate(request, QStringLiteral("an Idempotency-Key on a %1 (Stripe says not to send one)")
                             .arg(QString::fromUtf8(request.method)));
    const QByteArray type = header("content-type");
    if (post && (!request.form.empty() || !type.isEmpty()) &&
        !type.startsWith("application/x-www-form-urlencoded"))
        violate(request, QStringLiteral("Content-Type '%1', not application/x-www-form-urlencoded")
                             .arg(QString::fromUtf8(type)));
    if (post && !request.query.isEmpty())
        violate(request, QStringLiteral("parameters in a POST's query string"));
    for (const auto& [name, value] : decodeForm(request.query))
        if (value == secretKey_ || value.startsWith("sk_") || value.startsWith("rk_"))
            violate(
                request,
                QStringLiteral("an API key in the query string (%1)").arg(QString::fromUtf8(name)));
}

std::optional<StripeStandIn::Reply> StripeStandIn::authenticate(const Request& request) {
    const auto it = request.headers.find("authorization");
    const QByteArray authorization = it == request.headers.end() ? QByteArray() : it->second;
    if (authorization.isEmpty()) {
        Reply refused = error(
            401, "invalid_request_error",
            QStringLiteral("You did not provide an API key. You need to provide your API key in "
                           "the Authorization header, using Bearer auth (e.g. 'Authorization: "
                           "Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#"
                           "authentication for details, or we can help at "
                           "https://support.stripe.com/."));
        refused.save = false;
        return refused;
    }
    QByteArray key;
    if (authorization.startsWith("Bearer ")) {
        key = authorization.mid(7).trimmed();
    } else if (authorization.startsWith("Basic ")) {
        key = QByteArray::fromBase64(authorization.mid(6).trimmed()).split(':').value(0);
        violate(request, QStringLiteral("Basic authorization (aicp sends Bearer)"));
    }
    if (key == secretKey_)
        return std::nullopt;
    Reply refused = error(401, "invalid_request_error",
                          QStringLiteral("Invalid API Key provided: ") +
                              QString::fromUtf8(masked(key.isEmpty() ? authorization : key)));
    refused.save = false;
    return refused;
}

std::optional<StripeStandIn::Fault> StripeStandIn::takeFault(const Request& request) {
    for (auto it = faults_.begin(); it != faults_.end(); ++it) {
        const auto& [method, path, fault] = *it;
        if ((method.isEmpty() || method == request.method) && pathMatches(path, request.path)) {
            Fault taken = fault;
            faults_.erase(it);
            return taken;
        }
    }
    return std::nullopt;
}

namespace {

// The error body Stripe answers with a status it chose itself.
QJsonObject faultError(const StripeStandIn::Fault& fault, const QByteArray& key) {
    QJsonObject body{
        {u"type"_s, fault.status >= 500 ? u"api_error"_s : u"invalid_request_error"_s}};
    QString message = QString::fromUtf8(fault.message);
    // Since 2015-09-08 a rate-limited request is a 429 without the old
    // rate_limit code (Stripe's changelog); its type stays invalid_request_error.
    if (fault.status == 429) {
        if (message.isEmpty())
            message =
                u"Request rate limit exceeded. Learn more about rate limits here "
                "https://stripe.com/docs/rate-limits."_s;
    } else if (fault.status == 409) {
        body.insert(u"code"_s, u"idempotency_key_in_use"_s);
        if (message.isEmpty())
            message = QStringLiteral(
                          "There is currently another in-progress request using this "
                          "Idempotent Key (that probably means you submitted twice, and the "
                          "other request is still going through): '%1'. Please try again later.")
                          .arg(QString::fromUtf8(key));
    } else if (message.isEmpty()) {
        message = fault.status >= 500
                      ? QStringLiteral(
                            "An unknown error occurred. Sorry, something went wrong; "
                            "if you need help, reach us at support.stripe.com/contact.")
                      : QStringLiteral("The request could not be completed.");
    }
    body.insert(u"message"_s, message);
    return QJsonObject{{u"error"_s, body}};
}

}  // namespace

StripeStandIn::Answer StripeStandIn::handleAuthorized(Request& request,
                                                      std::optional<Fault> fault) {
    using Kind = Fault::Kind;
    Answer answer;
    const Kind kind = fault ? fault->kind : Kind::Status;
    if (fault && (kind == Kind::DropBefore || kind == Kind::Hang)) {
        answer.action = kind == Kind::Hang ? Answer::Action::Hang : Answer::Action::Drop;
        return answer;
    }
    const auto keyHeader = request.headers.find("idempotency-key");
    const QByteArray key = request.method == "POST" && keyHeader != request.headers.end()
                               ? keyHeader->second
                               : QByteArray();
    const bool status = fault && kind == Kind::Status;
    if (status) {
        if (fault->retryAfterSeconds >= 0)
            answer.headers.append(
                {QByteArray("Retry-After"), QByteArray::number(fault->retryAfterSeconds)});
        if (fault->shouldRetry)
            answer.headers.append({QByteArray("Stripe-Should-Retry"),
                                   QByteArray(*fault->shouldRetry ? "true" : "false")});
        if (!fault->saveForKey) {
            answer.reply = {fault->status, faultError(*fault, key), false};
            return answer;
        }
    }
    if (key.size() > 255) {
        answer.reply = error(400, "invalid_request_error",
                             QStringLiteral("Invalid Idempotency-Key: it may be at most 255 "
                                            "characters long, this one has %1.")
                                 .arg(key.size()),
                             "Idempotency-Key");
        answer.reply.save = false;
        return answer;
    }
    if (!key.isEmpty())
        answer.headers.append({QByteArray("Idempotency-Key"), key});
    if (!key.isEmpty() && replay(request, key, answer)) {
        if (answer.replayed && kind == Kind::ExecuteThenDrop && fault)
            answer.action = Answer::Action::Drop;
        return answer;
    }
    if (!key.isEmpty())
        answer.headers.append({QByteArray("Original-Request"), request.requestId});
    answer.reply = status ? Reply{fault->status, faultError(*fault, key), true} : route(request);
    logged(answer.reply, request.requestId);
    if (!key.isEmpty() && answer.reply.save)
        saved_[key] = {request.method, request.path, request.requestId, sorted(request.form),
                       answer.reply};
    if (fault && kind == Kind::ExecuteThenDrop)
        answer.action = Answer::Action::Drop;
    return answer;
}

// Stripe's idempotency layer: a key seen before answers what it answered
// then, or an idempotency_error when the endpoint or the parameters differ.
bool StripeStandIn::replay(const Request& request, const QByteArray& key, Answer& answer) {
    const auto saved = saved_.find(key);
    if (saved == saved_.end())
        return false;
    const Saved& first = saved->second;
    const QString keyText = QString::fromUtf8(key);
    if (first.path != request.path || first.method != request.method) {
        answer.reply = error(
            400, "idempotency_error",
            QStringLiteral("Keys for idempotent requests can only be used for the same "
                           "endpoint they were first used for ('%1' vs '%2'). Try using a "
                           "key other than '%3' if you meant to execute a different "
                           "request.")
                .arg(QString::fromUtf8(request.path), QString::fromUtf8(first.path), keyText));
    } else if (first.form != sorted(request.form)) {
        answer.reply =
            error(400, "idempotency_error",
                  QStringLiteral("Keys for idempotent requests can only be used with the same "
                                 "parameters they were first used with. Try using a key other "
                                 "than '%1' if you meant to execute a different request.")
                      .arg(keyText));
    } else {
        answer.reply = first.reply;
        answer.replayed = true;
        answer.headers.append({QByteArray("Idempotent-Replayed"), QByteArray("true")});
        answer.headers.append({QByteArray("Original-Request"), first.requestId});
        return true;
    }
    answer.reply.save = false;
    return true;
}

StripeStandIn::Reply StripeStandIn::route(const Request& request) {
    const QList<QByteArray> parts = request.path.mid(1).split('/');  // v1, invoices, in_…
    const QByteArray resource = parts.size() >= 2 && parts[0] == "v1" ? parts[1] : QByteArray("?");
    const bool post = request.method == "POST";
    const bool get = request.method == "GET";
    const bool known = resource == "customers" || resource == "invoices" ||
                       resource == "invoiceitems" || resource == "credit_notes";
    if (post && parts.size() == 2) {
        if (resource == "customers")
            return createCustomer(request.form);
        if (resource == "invoices")
            return createInvoice(request.form);
        if (resource == "invoiceitems")
            return createItem(request.form);
        if (resource == "credit_notes")
            return createCreditNote(request.form);
    }
    if (post && parts.size() == 4 && resource == "invoices" && parts[3] == "finalize")
        return finalizeInvoice(parts[2], request.form);
    if (get && parts.size() == 2 && known && resource != "customers")
        return list(resource, request.form);
    if (get && parts.size() == 4 && resource == "invoices" && parts[3] == "lines")
        return list("lines", request.form, parts[2]);
    if (get && parts.size() == 3 && known) {
        Params params(request.form, {}, "expand expand[]");
        return params.failed() ? params.reply() : retrieve(resource, parts[2]);
    }
    Reply unknown =
        error(404, "invalid_request_error",
              QStringLiteral("Unrecognized request URL (%1: %2). Please see "
                             "https://stripe.com/docs or we can help at "
                             "https://support.stripe.com/.")
                  .arg(QString::fromUtf8(request.method), QString::fromUtf8(request.path)));
    unknown.save = false;
    return unknown;
}

// ---- Params: the checks Stripe makes before an endpoint runs (not saved
// under an Idempotency-Key: "If incoming parameters fail validation ... we
// don't save the idempotent result").

StripeStandIn::Params::Params(Fields fields, std::initializer_list<const char*> allowed,
                              const char* stripeHas, QByteArray prefix)
    : fields_(std::move(fields)), prefix_(std::move(prefix)) {
    const QList<QByteArray> others = QByteArray(stripeHas).split(' ');
    for (const auto& field : fields_) {
        const QByteArray& name = field.first;
        const QByteArray shaped = shape(name);
        const bool ok = std::any_of(allowed.begin(), allowed.end(), [&](const char* pattern) {
            return fits(name, pattern) || fits(shaped, pattern);
        });
        if (ok)
            continue;
        const QString full = QString::fromUtf8(param(name));
        if (others.contains(topLevel(name)))
            fail(error(400, "invalid_request_error",
                       QStringLiteral("The Stripe stand-in does not implement the parameter %1 "
                                      "(Stripe has it).")
                           .arg(full),
                       param(name)));
        else
            fail(error(400, "invalid_request_error",
                       QStringLiteral("Received unknown parameter: %1").arg(full), param(name)));
        return;
    }
}

void StripeStandIn::Params::fail(Reply error) {
    if (!error_) {
        error.save = false;
        error_ = std::move(error);
    }
}

bool StripeStandIn::Params::has(const char* name) const {
    return text(name).has_value();
}

std::optional<QByteArray> StripeStandIn::Params::text(const char* name) const {
    std::optional<QByteArray> found;
    for (const auto& [field, value] : fields_)
        if (field == name)
            found = value;
    return found;
}

std::optional<QByteArray> StripeStandIn::Params::required(const char* name) {
    std::optional<QByteArray> value = text(name);
    if (value && !value->isEmpty())
        return value;
    fail(error(400, "invalid_request_error",
               QStringLiteral("Missing required param: %1.").arg(QString::fromUtf8(param(name))),
               param(name)));
    return std::nullopt;
}

std::optional<qint64> StripeStandIn::Params::integer(const char* name, qint64 min, qint64 max) {
    const std::optional<QByteArray> value = text(name);
    if (!value || value->isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 number = value->toLongLong(&ok);
    if (!ok) {
        fail(error(400, "invalid_request_error",
                   QStringLiteral("Invalid integer: %1").arg(QString::fromUtf8(*value)),
                   param(name)));
    } else if (number < min || number > max) {
        fail(error(400, "invalid_request_error",
                   number < min
                       ? QStringLiteral("This value must be greater than or equal to %1.").arg(min)
                       : QStringLiteral("This value must be less than or equal to %1.").arg(max),
                   param(name)));
    } else {
        return number;
    }
    return std::nullopt;
}

std::optional<bool> StripeStandIn::Params::boolean(const char* name) {
    const std::optional<QByteArray> value = text(name);
    if (!value || value->isEmpty())
        return std::nullopt;
    if (*value == "true" || *value == "false")
        return *value == "true";
    fail(error(400, "invalid_request_error",
               QStringLiteral("Invalid boolean: %1").arg(QString::fromUtf8(*value)), param(name)));
    return std::nullopt;
}

std::optional<QByteArray> StripeStandIn::Params::oneOf(const char* name,
                                                       std::initializer_list<const char*> values) {
    const std::optional<QByteArray> value = text(name);
    if (!value || value->isEmpty())
        return std::nullopt;
    if (std::any_of(values.begin(), values.end(), [&](const char* one) { return *value == one; }))
        return value;
    fail(error(400, "invalid_request_error",
               QStringLiteral("Invalid %1: must be one of %2")
                   .arg(QString::fromUtf8(param(name)), oneOfWords(values)),
               param(name)));
    return std::nullopt;
}

std::optional<QByteArray> StripeStandIn::Params::currency(const char* name) {
    static const QByteArrayList supported = QByteArray(
                                                "usd eur gbp chf cad aud nzd jpy sek nok dkk pln "
                                                "czk huf ron bgn sgd hkd inr brl mxn zar")
                                                .split(' ');
    const std::optional<QByteArray> value = text(name);
    if (!value || value->isEmpty())
        return std::nullopt;
    const QByteArray lower = value->toLower();
    if (supported.contains(lower))
        return lower;
    fail(
        error(400, "invalid_request_error",
              QStringLiteral("Invalid currency: %1. Stripe currently supports these currencies: %2")
                  .arg(QString::fromUtf8(lower), QString::fromUtf8(supported.join(", "))),
              param(name)));
    return std::nullopt;
}

// Up to 50 keys of at most 40 characters, values of at most 500
// (docs.stripe.com/metadata); an empty value sets nothing.
QJsonObject StripeStandIn::Params::metadata() {
    QJsonObject metadata;
    for (const auto& [name, value] : fields_) {
        if (!fits(name, "metadata[*]"))
            continue;
        const QByteArray key = name.mid(9, name.size() - 10);
        if (key.size() > 40)
            fail(error(400, "invalid_request_error",
                       QStringLiteral("Metadata keys can have up to 40 characters; '%1' has %2.")
                           .arg(QString::fromUtf8(key))
                           .arg(key.size()),
                       param("metadata")));
        else if (value.size() > 500)
            fail(error(400, "invalid_request_error",
                       QStringLiteral("Metadata values can have up to 500 characters; the one "
                                      "for '%1' has %2.")
                           .arg(QString::fromUtf8(key))
                           .arg(value.size()),
                       param("metadata")));
        else if (!value.isEmpty())
            metadata.insert(QString::fromUtf8(key), QString::fromUtf8(value));
    }
    if (metadata.size() > 50)
        fail(error(
            400, "invalid_request_error",
            QStringLiteral("Metadata can have up to 50 keys; this has %1.").arg(metadata.size()),
            param("metadata")));
    return metadata;
}

QJsonObject StripeStandIn::Params::group(const char* name,
                                         std::initializer_list<const char*> keys) {
    QJsonObject group;
    bool any = false;
    for (const char* key : keys) {
        const std::optional<QByteArray> value =
            text((QByteArray(name) + '[' + key + ']').constData());
        any = any || (value && !value->isEmpty());
        group.insert(QString::fromUtf8(key), value && !value->isEmpty()
                                                 ? QJsonValue(QString::fromUtf8(*value))
                                                 : QJsonValue(QJsonValue::Null));
    }
    return any ? group : QJsonObject();
}

QStringList StripeStandIn::Params::list(const char* name) const {
    QStringList values;
    for (const auto& [field, value] : fields_)
        if (shape(field) == QByteArray(name) + "[]" && !value.isEmpty())
            values << QString::fromUtf8(value);
    return values;
}

std::map<int, Fields> StripeStandIn::Params::indexed(const char* name) const {
    static const QRegularExpression item(QStringLiteral(R"(^(\w+)\[(\d+)\]\[(\w+)\]$)"));
    std::map<int, Fields> groups;
    for (const auto& [field, value] : fields_) {
        const QRegularExpressionMatch match = item.match(QString::fromUtf8(field));
        if (match.hasMatch() && match.captured(1) == QLatin1String(name))
            groups[match.captured(2).toInt()].emplace_back(match.captured(3).toUtf8(), value);
    }
    return groups;
}

}  // namespace aicp::test
