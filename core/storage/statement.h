#pragma once

#include "common/result.h"
#include "storage/database.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringView>

namespace aicp {

// Runs SQL that returns no rows, possibly several statements (schema scripts).
[[nodiscard]] Status executeScript(Database* db, std::string_view sql);

// The one integer a query returns (a count); an error when it returns no row.
[[nodiscard]] Result<std::int64_t> queryInt64(Database* db, std::string_view sql);

// Times are stored as RFC 3339 UTC text to the second ("2026-01-05T09:00:00Z"),
// which sorts chronologically and reads well in the sqlite3 shell.
[[nodiscard]] QString formatStoredTime(const QDateTime& time);
[[nodiscard]] QDateTime parseStoredTime(QStringView text);  // invalid when malformed

// One prepared statement of either engine, finalized on destruction. Every call checks
// its return code. A statement that has finished (done or failed) is reset at
// once, so it holds no lock and can be bound and run again:
//
//     auto insert = Statement::prepare(db, "INSERT INTO t(a, b) VALUES (?, ?)",
//                                      Statement::Lifetime::Reused);
//     for (const Row& row : rows) {
//         AICP_TRY(insert->bindAll(row.a, row.b));
//         AICP_TRY(insert->execute());
//     }
class Statement {
public:
    enum class Lifetime {
        OneShot,  // run once or a few times
        Reused,   // kept and run in a loop; the engine plans it for the long term
    };

    // Refuses SQL that holds more than one statement or none.
    [[nodiscard]] static Result<Statement> prepare(Database* db, std::string_view sql,
                                                   Lifetime lifetime = Lifetime::OneShot);

    // Parameters are numbered from 1, as in SQL.
    [[nodiscard]] Status bindInt64(int index, std::int64_t value);
    [[nodiscard]] Status bindText(int index, QStringView text);
    // UTF-8 bytes bound without a copy, for hot loops over a read buffer: the
    // bytes must stay alive and unchanged until the statement has run.
    [[nodiscard]] Status bindUtf8View(int index, std::string_view utf8);
    [[nodiscard]] Status bindBlob(int index, const QByteArray& bytes);
    [[nodiscard]] Status bindNull(int index);
    [[nodiscard]] Status bindTime(int index, const QDateTime& time);  // refuses an invalid time

    // Binds one value by its type: integers, bool, QString, QByteArray (blob),
    // QDateTime, std::nullopt and std::optional of those.
    template <typename T>
    [[nodiscard]] Status bind(int index, const T& value);

    // Starts a fresh run: resets, clears old bindings and binds the values to
    // parameters 1..N in order.
    template <typename... Values>
    [[nodiscard]] Status bindAll(const Values&... values);

    // Advances to the next row: true when a row is ready to read, false when
    // the statement has finished.
    [[nodiscard]] Result<bool> step();
    // Runs a statement that returns no rows to completion.
    [[nodiscard]] Status execute();
    // Runs a query to its end, handing each row to `visit`; stops at the
    // first failure, of the database or of `visit`, and leaves the statement reset.
    template <typename Visit>
    [[nodiscard]] Status forEachRow(Visit&& visit);
    // Runs a query to its end and returns its rows, each made by `read`
    // into a T (or a Result<T>, when a row can be refused).
    template <typename T, typename Read>
    [[nodiscard]] Result<std::vector<T>> collect(Read&& read);
    // Abandons a run early (a query whose remaining rows are not wanted) and
    // clears the bindings.
    void reset();

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] QByteArray blob(int column) const;
    [[nodiscard]] QDateTime time(int column) const;  // invalid when NULL or malformed
    [[nodiscard]] std::optional<QDateTime> optionalTime(int column) const;  // nullopt when NULL

private:
    explicit Statement(std::unique_ptr<StatementBackend> backend) : backend_(std::move(backend)) {}

    template <typename T>
    struct IsOptional : std::false_type {};
    template <typename T>
    struct IsOptional<std::optional<T>> : std::true_type {};
    template <typename T>
    static constexpr bool kAlwaysFalse = false;

    std::unique_ptr<StatementBackend> backend_;
};

template <typename T>
Status Statement::bind(int index, const T& value) {
    if constexpr (std::is_same_v<T, std::nullopt_t>) {
        return bindNull(index);
    } else if constexpr (IsOptional<T>::value) {
        return value ? bind(index, *value) : bindNull(index);
    } else if constexpr (std::is_same_v<T, bool>) {
        return bindInt64(index, value ? 1 : 0);
    } else if constexpr (std::is_integral_v<T>) {
        static_assert(std::is_signed_v<T> || sizeof(T) < sizeof(std::int64_t),
                      "SQL integers are signed 64-bit; convert explicitly");
        return bindInt64(index, static_cast<std::int64_t>(value));
    } else if constexpr (std::is_same_v<T, QDateTime>) {
        return bindTime(index, value);
    } else if constexpr (std::is_same_v<T, QByteArray>) {
        return bindBlob(index, value);
    } else if constexpr (std::is_convertible_v<const T&, QStringView>) {
        return bindText(index, QStringView(value));
    } else {
        static_assert(kAlwaysFalse<T>, "no SQL binding for this type");
    }
}

template <typename Visit>
Status Statement::forEachRow(Visit&& visit) {
    while (true) {
        auto row = step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        if (Status visited = visit(static_cast<const Statement&>(*this)); !visited.ok()) {
            reset();
            return visited;
        }
    }
}

template <typename T, typename Read>
Result<std::vector<T>> Statement::collect(Read&& read) {
    std::vector<T> rows;
    AICP_TRY(forEachRow([&rows, &read](const Statement& row) -> Status {
        if constexpr (std::is_same_v<std::invoke_result_t<Read&, const Statement&>, Result<T>>) {
            auto made = read(row);
            if (!made)
                return made.error();
            rows.push_back(std::move(made).value());
        } else {
            rows.push_back(read(row));
        }
        return {};
    }));
    return rows;
}

template <typename... Values>
Status Statement::bindAll(const Values&... values) {
    reset();
    int index = 0;
    Status status;
    // Stops at the first failure: later binds are skipped by the && chain.
    static_cast<void>(((status = bind(++index, values), status.ok()) && ...));
    return status;
}

}  // namespace aicp
