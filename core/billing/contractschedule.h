#pragma once

#include "licensing/licenseregistry.h"

#include <cstdint>
#include <vector>

#include <QDateTime>

namespace aicp {

// One contract year of a license: `start` included, `end` not, both UTC.
struct ContractYear {
    QDateTime start;
    QDateTime end;

    [[nodiscard]] std::int64_t seconds() const { return start.secsTo(end); }
};

// The customer's license with that id among `licenses`; nullptr when none.
[[nodiscard]] const LicenseRecord* findLicense(const std::vector<LicenseRecord>& licenses,
                                               const QUuid& id, const QString& customerId);

// Where a license's coverage ends before clipping to a period: its expiry,
// cut short by its revocation and by the start of the license that
// superseded it.
[[nodiscard]] QDateTime coverageEnd(const LicenseRecord& record,
                                    const std::vector<LicenseRecord>& licenses);

// True when the license's bills depend on its contract years: billed
// annually, or committed to a yearly minimum.
[[nodiscard]] bool usesContractYears(const ContractTerms& contract);

// The first second of the license's first contract year. A license that
// took over mid-way from an annual or yearly-committed license it
// supersedes continues that license's contract years (an upgrade does not
// restart the year); any other license starts its own at its notBefore.
[[nodiscard]] QDateTime contractAnchor(const LicenseRecord& record,
                                       const std::vector<LicenseRecord>& licenses);

// The contract year counted from `anchor` that contains `at`: years are
// whole calendar-month steps of 12 from the anchor (Jan 31 + 1 month is the
// last day of February, each year counted from the anchor, never chained).
[[nodiscard]] ContractYear contractYearAt(const QDateTime& anchor, const QDateTime& at);

// The first second of `year` the license is charged for: the year's start,
// the license's own start or the end of its trial, whichever is last.
[[nodiscard]] QDateTime chargeStart(const LicensePayload& license, const ContractYear& year);

// The instants strictly inside (from, to) where a bill cuts the license's
// coverage besides license changes: the end of its trial, and the bounds of
// its contract years when they matter (usesContractYears).
[[nodiscard]] std::vector<QDateTime> contractCuts(const LicenseRecord& record,
                                                  const std::vector<LicenseRecord>& licenses,
                                                  const QDateTime& from, const QDateTime& to);

// The predecessor whose prepaid year `record` takes over: the annual
// license it supersedes, when that license's coverage ends where this one
// starts. nullptr otherwise.
[[nodiscard]] const LicenseRecord* prepaidPredecessor(const LicenseRecord& record,
                                                      const std::vector<LicenseRecord>& licenses);

// The license and those it continues: each one it supersedes whose
// coverage ends where the next starts (a renewal or a mid-term change), most
// recent first. Commitments are settled over the whole chain.
[[nodiscard]] std::vector<QUuid> contractChain(const LicenseRecord& record,
                                               const std::vector<LicenseRecord>& licenses);

// True when a license that continues `record` takes over before `at`: the
// period ending at `at` is then settled on that license, not this one.
[[nodiscard]] bool continuedBefore(const LicenseRecord& record,
                                   const std::vector<LicenseRecord>& licenses, const QDateTime& at);

// A day at midnight UTC as its date ("2026-01-15"), any other instant in
// RFC 3339: how bill lines name the bounds of trials and contract years.
[[nodiscard]] QString momentText(const QDateTime& at);

}  // namespace aicp
