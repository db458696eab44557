#pragma once

#include "billing/invoice.h"
#include "common/result.h"
#include "money/money.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace aicp {

// What a credit note takes back (README, "Credit notes"):
//   neither         everything that remains of the invoice
//   amount          that net amount, spread over the charge lines that
//                   remain in proportion to what remains of each, to the
//                   cent (largest remainders take the odd cents)
//   lines           those charge lines (1-based, as `invoice show` numbers
//                   them): what remains of each, or the net amount given
// Each line's tax goes with it: all that remains of it when the whole line
// is credited, otherwise the amount × the line's rate rounded once to
// cents, half away from zero.
struct CreditRequest {
    struct Line {
        std::int64_t position = 0;
        std::optional<Money> amount;  // net, above 0; nullopt: what remains
    };
    std::optional<Money> amount;
    std::vector<Line> lines;
};

// The lines of the note `request` makes of `invoice`, or why it cannot be
// (InvalidInput naming the option: an amount not above 0 or not in whole
// cents, more than remains, an unknown line, a line twice; Conflict when
// the invoice is credited in full already).
[[nodiscard]] Result<std::vector<CreditNoteLine>> creditNoteLines(const Invoice& invoice,
                                                                  const CreditRequest& request);

}  // namespace aicp
