#pragma once

#include "support/loopbackhttpserver.h"

#include <deque>
#include <initializer_list>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <QUrl>

namespace aicp::test {

// JSON null, and a form parameter's text or null when it is absent or
// empty: Stripe's nullable strings, for the stand-in's objects.
inline const QJsonValue kJsonNull{QJsonValue::Null};
[[nodiscard]] QJsonValue textOrNull(const std::optional<QByteArray>& value);

// A stand-in for the Stripe API (v1, test mode, version 2024-06-20) on
// 127.0.0.1, written from Stripe's public API reference and nothing of
// aicp's: customers, invoices, invoice items and credit notes, with Stripe's
// objects, error bodies, idempotency and pagination. It checks every request
// as the real Stripe would (the secret key, form encoding, parameters) and
// keeps what aicp promised beyond that (an Idempotency-Key on every POST,
// the pinned Stripe-Version) as violations a test asserts empty. Faults
// (an error status, a dropped connection, no answer) stand in for Stripe's
// bad days. It runs in a thread of its own, so a child process (`aicp`) can
// be its client; all state is behind one mutex.
class StripeStandIn {
public:
    static constexpr const char* kApiVersion = "2024-06-20";  // the pinned Stripe-Version

    // Requests must carry `Authorization: Bearer <secretKey>`.
    explicit StripeStandIn(QByteArray secretKey);
    StripeStandIn(const StripeStandIn&) = delete;
    StripeStandIn& operator=(const StripeStandIn&) = delete;

    [[nodiscard]] bool isListening() const { return server_.isListening(); }
    // The API base, "http://127.0.0.1:<port>" (paths are /v1/...).
    [[nodiscard]] QUrl url() const { return server_.url(); }

    // A fault for the next request whose method and path match. The path is
    // exact, or a prefix ending in '/', or has '*' for one path segment
    // ("/v1/invoices/*/finalize"; a trailing '*' matches the rest). An empty
    // method matches any. Faults queue in order; a request takes the first
    // that matches it.
    struct Fault {
        enum class Kind {
            Status,           // answer `status` with a Stripe error body; not executed
            DropBefore,       // close the connection without executing
            ExecuteThenDrop,  // execute (or replay) and save, then close without answering
            Hang              // never answer (the client times out); not executed
        };
        Kind kind = Kind::Status;
        int status = 500;
        QByteArray message;               // error.message; Stripe-like default when empty
        int retryAfterSeconds = -1;       // >= 0: a `Retry-After` header
        std::optional<bool> shouldRetry;  // a `Stripe-Should-Retry: true|false` header
        // Status only: save the error under the request's Idempotency-Key, as
        // Stripe does for a 500 that happened while the endpoint executed.
        bool saveForKey = false;
    };
    void failNext(const QByteArray& method, const QByteArray& path, Fault fault);

    using Fields = std::vector<std::pair<QByteArray, QByteArray>>;
    struct Request {                               // every request received, in order
        QByteArray method, path;                   // path without query
        QByteArray query;                          // raw query string
        std::map<QByteArray, QByteArray> headers;  // lower-case names
        Fields form;            // decoded body fields (GET: the query's), names keep brackets
        int status = 0;         // what was answered (0: dropped or hung)
        bool replayed = false;  // answered from the idempotency store
        QByteArray requestId;   // the Request-Id answered ("req_…")
    };
    [[nodiscard]] std::vector<Request> requests() const;
    // Every rule a request broke that the real Stripe would reject or that
    // aicp promised, in words, each starting "<METHOD> <path>: ".
    [[nodiscard]] QStringList violations() const;

    // The objects as GET returns them, in creation order.
    [[nodiscard]] QList<QJsonObject> customers() const;
    [[nodiscard]] QList<QJsonObject> invoices() const;
    [[nodiscard]] QList<QJsonObject> invoiceItems() const;
    [[nodiscard]] QList<QJsonObject> creditNotes() const;

    // What happens at Stripe outside aicp's calls: the customer pays on the
    // hosted page, finance voids it or gives up in the Dashboard. Each acts
    // on an open invoice only (false otherwise).
    bool markPaid(const QByteArray& invoiceId, qint64 paidAtUnixSeconds);
    bool markVoid(const QByteArray& invoiceId, qint64 atUnixSeconds);
    bool markUncollectible(const QByteArray& invoiceId, qint64 atUnixSeconds);
    // The idempotency store forgets everything (as after Stripe's 24 hours).
    void forgetIdempotencyKeys();
    // Stripe's clock for `created`, `finalized_at` and due dates, in Unix
    // seconds; 0 (the default) is the wall clock.
    void setNow(qint64 unixSeconds);

private:
    struct Reply {  // an answer, and whether the idempotency layer may save it
        int status = 200;
        QJsonObject body;
        bool save = true;
    };
    // The fields of one request checked the way Stripe checks them; the
    // first problem wins and becomes the reply.
    class Params {
    public:
        // `allowed`: the names this endpoint implements ("metadata[*]": any
        // key, "lines[][*]": any index); `stripeHas`: other parameters Stripe
        // has there, space-separated, refused as not implemented here.
        Params(Fields fields, std::initializer_list<const char*> allowed,
               const char* stripeHas = "", QByteArray prefix = {});
        [[nodiscard]] bool failed() const { return error_.has_value(); }
        [[nodiscard]] Reply reply() const { return error_.value_or(Reply{}); }
        void fail(Reply error);
        [[nodiscard]] bool has(const char* name) const;
        std::optional<QByteArray> text(const char* name) const;
        std::optional<QByteArray> required(const char* name);
        std::optional<qint64> integer(const char* name, qint64 min, qint64 max);
        std::optional<bool> boolean(const char* name);
        std::optional<QByteArray> oneOf(const char* name,
                                        std::initializer_list<const char*> values);
        std::optional<QByteArray> currency(const char* name);
        QJsonObject metadata();
        QJsonObject group(const char* name, std::initializer_list<const char*> keys);
        QStringList list(const char* name) const;
        std::map<int, Fields> indexed(const char* name) const;  // lines[0][type] -> {0: type}
        // The name as the client sent it ("lines[0][amount]").
        [[nodiscard]] QByteArray param(const QByteArray& name) const {
            return prefix_.isEmpty() ? name : prefix_ + '[' + name + ']';
        }

    private:
        Fields fields_;
        QByteArray prefix_;
        std::optional<Reply> error_;
    };
    struct Customer {
        QByteArray id;
        QJsonObject json;  // as created; next_invoice_sequence added when shown
        QByteArray prefix;
        int nextSequence = 1;
    };
    struct Item {
        QByteArray id, lineId, priceId, productId, customer, currency, invoice;
        qint64 amount = 0, unitAmount = 0, quantity = 1, created = 0;
        QJsonValue description;
        QJsonObject metadata;
    };
    struct Invoice {
        QByteArray id, customer, currency, status = "draft", collectionMethod, token;
        std::optional<qint64> daysUntilDue;
        bool autoAdvance = false;
        QJsonValue description, footer, number;
        QJsonObject metadata;
        qint64 created = 0, finalizedAt = 0, paidAt = 0, voidedAt = 0, uncollectibleAt = 0;
        qint64 prePayment = 0, postPayment = 0, amountPaid = 0;
        int creditNotes = 0;
    };
    struct Saved {  // one idempotency key's first request and its answer
        QByteArray method, path, requestId;
        Fields form;
        Reply reply;
    };
    struct Answer {
        enum class Action { Reply, Drop, Hang } action = Action::Reply;
        Reply reply;
        LoopbackHttpServer::Headers headers;
        bool replayed = false;
    };

    // stripestandin.cpp: HTTP, checks, faults, idempotency, routing.
    void take(QTcpSocket* socket, const LoopbackHttpServer::Request& http);
    Answer handle(Request& request);
    Answer handleAuthorized(Request& request, std::optional<Fault> fault);
    bool replay(const Request& request, const QByteArray& key, Answer& answer);
    static void logged(Reply& reply, const QByteArray& requestId);
    void check(const Request& request);
    std::optional<Reply> authenticate(const Request& request);
    std::optional<Fault> takeFault(const Request& request);
    Reply route(const Request& request);
    void violate(const Request& request, const QString& rule);
    qint64 now() const;
    static Reply error(int status, const QByteArray& type, const QString& message,
                       const QByteArray& param = {}, const QByteArray& code = {});
    static Reply missing(const char* what, const QByteArray& id, const QByteArray& param,
                         int status);
    static QByteArray randomId(const char* prefix, int length);

    // stripestandinobjects.cpp: customers, invoices and their JSON;
    // stripestandinitems.cpp: invoice items, credit notes and lists.
    Reply createCustomer(const Fields& form);
    Reply createInvoice(const Fields& form);
    Reply finalizeInvoice(const QByteArray& id, const Fields& form);
    Reply createItem(const Fields& form);
    Reply createCreditNote(const Fields& form);
    Reply list(const QByteArray& kind, const Fields& query, const QByteArray& invoiceId = {});
    Reply page(const QByteArray& kind, const QList<QJsonObject>& all, Params& params, qint64 limit,
               const QByteArray& invoiceId);
    std::optional<Reply> itemAmounts(Params& params, Item& item);
    std::optional<Reply> attachItem(Item& item);
    std::optional<Reply> creditNoteLines(Params& params, const Invoice& invoice, QJsonArray& lines,
                                         qint64& sum);
    std::optional<Reply> creditNoteLine(Params& line, const Invoice& invoice, QJsonObject& json,
                                        qint64& amount);
    std::optional<Reply> creditNoteSplit(Params& params, Invoice& invoice, qint64 total,
                                         QJsonObject& note);
    [[nodiscard]] QJsonObject customerJson(const Customer& customer) const;
    [[nodiscard]] QJsonObject invoiceJson(const Invoice& invoice) const;
    [[nodiscard]] QJsonObject invoiceStatusJson(const Invoice& invoice, qint64 total) const;
    [[nodiscard]] QJsonObject itemJson(const Item& item) const;
    [[nodiscard]] QJsonObject lineJson(const Item& item) const;
    [[nodiscard]] QJsonObject priceJson(const Item& item) const;
    [[nodiscard]] QJsonObject linesJson(const Invoice& invoice) const;
    [[nodiscard]] qint64 total(const Invoice& invoice) const;
    [[nodiscard]] qint64 amountDue(const Invoice& invoice) const;
    Customer* findCustomer(const QByteArray& id);
    Invoice* findInvoice(const QByteArray& id);
    bool mark(const QByteArray& invoiceId, const QByteArray& status, qint64 at);
    Reply retrieve(const QByteArray& resource, const QByteArray& id);

    const QByteArray secretKey_;
    mutable std::mutex mutex_;
    qint64 now_ = 0;
    std::deque<std::tuple<QByteArray, QByteArray, Fault>> faults_;
    std::vector<Request> requests_;
    QStringList violations_;
    std::map<QByteArray, Saved> saved_;
    std::vector<Customer> customers_;
    std::vector<Item> items_;
    std::vector<Invoice> invoices_;
    std::vector<QJsonObject> creditNotes_;
    // Last: it stops first.
    LoopbackHttpServer server_{[this](QTcpSocket* socket, const LoopbackHttpServer::Request& http) {
        take(socket, http);
    }};
};

}  // namespace aicp::test
