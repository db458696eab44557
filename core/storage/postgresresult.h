#pragma once

#include <libpq-fe.h>
#include <memory>

namespace aicp {

// A libpq result that clears itself (storage only: no other folder sees libpq).
struct PostgresResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using PostgresResultPtr = std::unique_ptr<PGresult, PostgresResultDeleter>;

}  // namespace aicp
