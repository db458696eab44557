#include "billing/contractschedule.h"

#include "licensing/licensepayload.h"

#include <algorithm>

namespace aicp {

const LicenseRecord* findLicense(const std::vector<LicenseRecord>& licenses, const QUuid& id,
                                 const QString& customerId) {
    const auto it = std::find_if(licenses.begin(), licenses.end(), [&](const LicenseRecord& r) {
        return r.license.id == id && r.license.customerId == customerId;
    });
    return it == licenses.end() ? nullptr : &*it;
}

namespace {

// The license `record` supersedes, when that one's coverage ends exactly
// where `record` starts: the two are one contract.
const LicenseRecord* continuedLicense(const LicenseRecord& record,
                                      const std::vector<LicenseRecord>& licenses) {
    if (!record.license.supersedes)
        return nullptr;
    const LicenseRecord* previous =
        findLicense(licenses, *record.license.supersedes, record.license.customerId);
    if (!previous || previous->license.notBefore >= record.license.notBefore ||
        coverageEnd(*previous, licenses) != record.license.notBefore)
        return nullptr;
    return previous;
}

}  // namespace

QDateTime coverageEnd(const LicenseRecord& record, const std::vector<LicenseRecord>& licenses) {
    QDateTime end = record.license.expiresAt;
    if (record.revocation && record.revocation->at < end)
        end = record.revocation->at;
    if (record.supersededBy) {
        if (const LicenseRecord* next =
                findLicense(licenses, *record.supersededBy, record.license.customerId))
            end = std::min(end, next->license.notBefore);
    }
    return end;
}

bool usesContractYears(const ContractTerms& contract) {
    return contract.isAnnual() ||
           (contract.commitment && contract.commitment->period == Commitment::Period::Year);
}

QDateTime contractAnchor(const LicenseRecord& record, const std::vector<LicenseRecord>& licenses) {
    const LicenseRecord* current = &record;
    // Each step goes to an earlier notBefore, so the walk ends; the bound
    // only guards a registry that holds a cycle of supersessions.
    for (std::size_t steps = 0; steps < licenses.size(); ++steps) {
        const LicenseRecord* previous = continuedLicense(*current, licenses);
        if (!previous || !usesContractYears(previous->license.contract))
            break;
        current = previous;
    }
    return current->license.notBefore;
}

ContractYear contractYearAt(const QDateTime& anchor, const QDateTime& at) {
    const auto yearStart = [&](int k) { return anchor.addMonths(12 * k); };
    int k = at.date().year() - anchor.date().year();
    while (yearStart(k) > at)
        --k;
    while (yearStart(k + 1) <= at)
        ++k;
    return {yearStart(k), yearStart(k + 1)};
}

QDateTime chargeStart(const LicensePayload& license, const ContractYear& year) {
    QDateTime start = std::max(year.start, license.notBefore);
    if (license.contract.hasTrial())
        start = std::max(start, license.contract.trialUntil);
    return start;
}

std::vector<QDateTime> contractCuts(const LicenseRecord& record,
                                    const std::vector<LicenseRecord>& licenses,
                                    const QDateTime& from, const QDateTime& to) {
    std::vector<QDateTime> cuts;
    const ContractTerms& contract = record.license.contract;
    if (contract.hasTrial() && from < contract.trialUntil && contract.trialUntil < to)
        cuts.push_back(contract.trialUntil);
    if (usesContractYears(contract)) {
        const QDateTime anchor = contractAnchor(record, licenses);
        for (ContractYear year = contractYearAt(anchor, from); year.end < to;
             year = contractYearAt(anchor, year.end))
            cuts.push_back(year.end);
    }
    std::sort(cuts.begin(), cuts.end());
    return cuts;
}

const LicenseRecord* prepaidPredecessor(const LicenseRecord& record,
                                        const std::vector<LicenseRecord>& licenses) {
    const LicenseRecord* previous = continuedLicense(record, licenses);
    return previous && previous->license.contract.isAnnual() ? previous : nullptr;
}

std::vector<QUuid> contractChain(const LicenseRecord& record,
                                 const std::vector<LicenseRecord>& licenses) {
    std::vector<QUuid> chain{record.license.id};
    const LicenseRecord* current = &record;
    while (chain.size() <= licenses.size()) {
        current = continuedLicense(*current, licenses);
        if (!current)
            break;
        chain.push_back(current->license.id);
    }
    return chain;
}

bool continuedBefore(const LicenseRecord& record, const std::vector<LicenseRecord>& licenses,
                     const QDateTime& at) {
    if (!record.supersededBy)
        return false;
    const LicenseRecord* next =
        findLicense(licenses, *record.supersededBy, record.license.customerId);
    return next && next->license.notBefore < at && continuedLicense(*next, licenses) == &record;
}

QString momentText(const QDateTime& at) {
    return at.time() == QTime(0, 0) ? at.date().toString(Qt::ISODate) : toRfc3339(at);
}

}  // namespace aicp
