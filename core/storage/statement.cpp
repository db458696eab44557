#include "storage/statement.h"

#include "common/utctime.h"
#include "storage/query.h"
#include "storage/sqltext.h"

#include <utility>

#include <QtGlobal>

namespace aicp {

Status executeScript(Database* db, std::string_view sql) {
    if (!db)
        return Error::internal(QStringLiteral("SQL run on a closed workspace"));
    return db->executeScript(sql);
}

Result<std::int64_t> queryInt64(Database* db, std::string_view sql) {
    auto value =
        queryFirstRow<std::int64_t>(db, sql, [](const Statement& row) { return row.int64(0); });
    if (!value)
        return value.error();
    if (!*value)
        return Error::internal(QStringLiteral("\"%1\" returned no row").arg(sqlExcerpt(sql)));
    return **value;
}

QString formatStoredTime(const QDateTime& time) {
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

QDateTime parseStoredTime(QStringView text) {
    // The form formatStoredTime writes, read without QDateTime's detour
    // through local time (a time-zone database lookup per value).
    if (text.size() == qsizetype(sizeof "2026-01-01T00:00:00Z") - 1) {
        const QByteArray latin1 = text.toLatin1();
        const utc::TimestampReading reading =
            utc::parseRfc3339(std::string_view(latin1.constData(), std::size_t(latin1.size())));
        if (reading.problem == utc::TimestampReading::Problem::None)
            return QDateTime::fromSecsSinceEpoch(reading.seconds, Qt::UTC);
    }
    QDateTime time = QDateTime::fromString(text.toString(), Qt::ISODate);
    if (!time.isValid())
        return {};
    return time.toUTC();
}

Result<Statement> Statement::prepare(Database* db, std::string_view sql, Lifetime lifetime) {
    if (!db)
        return Error::internal(QStringLiteral("statement prepared on a closed workspace"));
    auto backend = db->prepare(sql, lifetime == Lifetime::Reused);
    if (!backend)
        return backend.error();
    return Statement(std::move(backend).value());
}

Status Statement::bindInt64(int index, std::int64_t value) {
    return backend_->bindInt64(index, value);
}

Status Statement::bindText(int index, QStringView text) {
    const QByteArray utf8 = text.toUtf8();
    return backend_->bindUtf8(index, std::string_view(utf8.constData(), std::size_t(utf8.size())),
                              false);
}

Status Statement::bindUtf8View(int index, std::string_view utf8) {
    return backend_->bindUtf8(index, utf8, true);
}

Status Statement::bindBlob(int index, const QByteArray& bytes) {
    return backend_->bindBlob(index, bytes);
}

Status Statement::bindNull(int index) {
    return backend_->bindNull(index);
}

Status Statement::bindTime(int index, const QDateTime& time) {
    if (!time.isValid())
        return Error::internal(QStringLiteral("invalid time bound to SQL parameter %1").arg(index));
    return bindText(index, formatStoredTime(time));
}

Result<bool> Statement::step() {
    return backend_->step();
}

Status Statement::execute() {
    auto row = step();
    if (!row)
        return row.error();
    if (*row) {
        reset();
        return Error::internal(
            QStringLiteral("SQL statement \"%1\" returned rows; read it with step()")
                .arg(backend_->sql()));
    }
    return {};
}

void Statement::reset() {
    backend_->reset();
}

int Statement::columnCount() const {
    return backend_->columnCount();
}

bool Statement::isNull(int column) const {
    return backend_->isNull(column);
}

std::int64_t Statement::int64(int column) const {
    return backend_->int64(column);
}

QString Statement::text(int column) const {
    return backend_->text(column);
}

QByteArray Statement::blob(int column) const {
    return backend_->blob(column);
}

QDateTime Statement::time(int column) const {
    if (isNull(column))
        return {};
    return parseStoredTime(text(column));
}

std::optional<QDateTime> Statement::optionalTime(int column) const {
    return isNull(column) ? std::nullopt : std::optional(time(column));
}

}  // namespace aicp
