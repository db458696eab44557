#include "storage/postgrescopyin.h"

#include "storage/postgresdatabase.h"
#include "storage/postgresresult.h"

#include <algorithm>
#include <libpq-fe.h>
#include <memory>
#include <string>

namespace aicp {

namespace {

Error failureOf(PostgresDatabase& db, const PGresult* result, std::string* sqlState = nullptr) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    if (sqlState && state)
        *sqlState = state;
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    QString message =
        QString::fromUtf8(primary ? primary : PQerrorMessage(db.handle())).simplified();
    if (message.isEmpty())
        message = QStringLiteral("no reason given");
    return db.failure(state, message);
}

// The COPY's outcome; every result is read, so the connection is ready
// for the next statement whatever happened.
Status finish(PostgresDatabase& db, std::string* sqlState = nullptr) {
    Status status;
    while (PostgresResultPtr result{PQgetResult(db.handle())}) {
        if (status.ok() && PQresultStatus(result.get()) != PGRES_COMMAND_OK)
            status = failureOf(db, result.get(), sqlState);
    }
    return status;
}

}  // namespace

Status copyIn(PostgresDatabase& db, std::string_view copySql, const QByteArray& rows,
              std::string* sqlState) {
    const std::string sql(copySql);
    PostgresResultPtr started(PQexec(db.handle(), sql.c_str()));
    if (!started || PQresultStatus(started.get()) != PGRES_COPY_IN) {
        Error error = failureOf(db, started.get());
        started.reset();
        static_cast<void>(finish(db));
        return error;
    }
    started.reset();
    const bool sent = PQputCopyData(db.handle(), rows.constData(), int(rows.size())) == 1;
    const bool ended =
        PQputCopyEnd(db.handle(), sent ? nullptr : "the rows could not be sent") == 1;
    Status outcome = finish(db, sqlState);
    if (outcome.ok() && (!sent || !ended))
        return failureOf(db, nullptr);
    return outcome;
}

Result<bool> copyInUnlessDuplicate(PostgresDatabase& db, std::string_view copySql,
                                   const QByteArray& rows) {
    AICP_TRY(db.executeScript("SAVEPOINT aicp_copy_in"));
    std::string state;
    const Status copied = copyIn(db, copySql, rows, &state);
    if (copied.ok()) {
        AICP_TRY(db.executeScript("RELEASE SAVEPOINT aicp_copy_in"));
        return true;
    }
    if (state != "23505")
        return copied.error();
    AICP_TRY(db.executeScript("ROLLBACK TO SAVEPOINT aicp_copy_in"));
    return false;
}

void appendCopyText(QByteArray& line, QByteArrayView utf8) {
    // Most fields need no escape: one append.
    if (std::none_of(utf8.begin(), utf8.end(),
                     [](char c) { return c == '\\' || c == '\t' || c == '\n' || c == '\r'; })) {
        line += utf8;
        return;
    }
    for (const char c : utf8) {
        switch (c) {
            case '\\':
                line += "\\\\";
                break;
            case '\t':
                line += "\\t";
                break;
            case '\n':
                line += "\\n";
                break;
            case '\r':
                line += "\\r";
                break;
            default:
                line += c;
        }
    }
}

}  // namespace aicp
