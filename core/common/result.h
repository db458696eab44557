#pragma once

#include "common/error.h"

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace aicp {

// A value or the Error explaining why there is none. The core's public
// functions return this instead of throwing or returning a bare bool.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(const T& value) : state_(value) {}          // NOLINT(google-explicit-constructor)
    Result(T&& value) : state_(std::move(value)) {}    // NOLINT(google-explicit-constructor)
    Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T& value() const& { return std::get<T>(state_); }
    [[nodiscard]] T& value() & { return std::get<T>(state_); }
    // By value, not T&&: `for (auto& x : load().value())` must not dangle
    // once the temporary Result is gone.
    [[nodiscard]] T value() && { return std::get<T>(std::move(state_)); }
    [[nodiscard]] const T& operator*() const& { return value(); }
    [[nodiscard]] T& operator*() & { return value(); }
    [[nodiscard]] const T* operator->() const { return &value(); }
    [[nodiscard]] T* operator->() { return &value(); }

    [[nodiscard]] const Error& error() const { return std::get<Error>(state_); }

    [[nodiscard]] T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> state_;
};

// Success with nothing to return, or the Error explaining the failure.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return !error_.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const { return *error_; }

private:
    std::optional<Error> error_;
};

using Status = Result<void>;

}  // namespace aicp

// Returns early from the enclosing function with the error of a failed
// Result; keeps call chains flat without exceptions.
#define AICP_TRY(expr)                     \
    do {                                   \
        auto aicpTryResult_ = (expr);      \
        if (!aicpTryResult_.ok())          \
            return aicpTryResult_.error(); \
    } while (false)
