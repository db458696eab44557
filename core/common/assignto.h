#pragma once

#include "common/result.h"

#include <utility>

namespace aicp {

// Moves a result's value into `target`, or hands on its error, so reading a
// field is one line: AICP_TRY(assignTo(license.kid, stringField(root, …))).
template <typename T, typename U>
[[nodiscard]] Status assignTo(T& target, Result<U> result) {
    if (!result.ok())
        return result.error();
    target = std::move(result).value();
    return {};
}

}  // namespace aicp
