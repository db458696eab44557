#pragma once

#include "common/result.h"

#include <cstdint>
#include <string>
#include <vector>

#include <QDate>

class QIODevice;

namespace aicp {

// How generated event ids look.
enum class GeneratedIds {
    V7,  // time-ordered UUIDv7 (milliseconds first), as modern producers emit
    V4,  // random UUIDv4, the CloudEvents SDKs' and most gateways' default
};

// The shape of a generated usage file.
struct UsageGeneratorSpec {
    std::int64_t rows = 1000;
    int customers = 20;
    int usersPerCustomer = 40;
    int agentsPerCustomer = 8;
    QDate firstDay{2026, 3, 1};
    int days = 30;  // rows are spread evenly over these days, in time order
    std::uint64_t seed = 1;
    // Every n-th row (n >= 2) repeats the row n/2 before it (same source and
    // id), so rows / n of the rows are duplicates; 0: none.
    int duplicateEvery = 0;
    // Adds a source column (CSV) and spreads events over three sources.
    bool severalSources = false;
    GeneratedIds ids = GeneratedIds::V7;
    // The same events in a random order instead of time order (a fixed
    // permutation of the rows, so still the same bytes on every machine).
    bool shuffled = false;
};

// One generated row, as the file states it.
struct GeneratedEvent {
    std::string source;
    std::string id;
    std::string timestamp;        // as written: mostly Z, some with an offset or fraction
    std::int64_t occurredAt = 0;  // the same instant, UTC seconds
    std::string customer;
    std::string agent;
    std::string user;
    std::vector<std::string> policyPacks;
    std::vector<std::string> complianceModules;
    std::int64_t quantity = 1;
};

// A deterministic stream of plausible usage events: the same spec gives the
// same bytes on every machine. Tests compute their expectations from event()
// on their own; the benchmark and the demo workspace use the files.
class UsageGenerator {
public:
    explicit UsageGenerator(const UsageGeneratorSpec& spec) : spec_(spec) {}

    [[nodiscard]] const UsageGeneratorSpec& spec() const { return spec_; }
    // The row-th row (0-based) of the file.
    [[nodiscard]] GeneratedEvent event(std::int64_t row) const;

    // The whole file; CSV has the spec's columns in the spec's order (plus
    // source when severalSources).
    [[nodiscard]] Status writeCsv(QIODevice& device) const;
    [[nodiscard]] Status writeJsonl(QIODevice& device) const;

private:
    [[nodiscard]] GeneratedEvent original(std::int64_t row) const;
    [[nodiscard]] std::int64_t shuffledRow(std::int64_t row) const;

    UsageGeneratorSpec spec_;
};

}  // namespace aicp
