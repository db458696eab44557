#pragma once

#include "billing/creditnote.h"

#include <optional>

#include <QString>

class QWidget;

namespace aicp {

// What a credit note is to take back, and why (printed on the note).
struct CreditNoteChoice {
    QString reason;
    CreditRequest request;
};

// Asks what to credit of `invoice` — all that remains, a net amount spread
// over its lines, or one charge line — and why, showing what the note will
// take back, tax included, before it may go on; nullopt when the user backs
// out. The reason is required, and an amount more than remains is refused
// in the dialog.
[[nodiscard]] std::optional<CreditNoteChoice> askCreditNote(QWidget* parent,
                                                            const Invoice& invoice);

// "$271.67 ($226.39 and $45.28 of VAT)": what `lines` take back of `invoice`.
[[nodiscard]] QString creditedText(const Invoice& invoice,
                                   const std::vector<CreditNoteLine>& lines);

}  // namespace aicp
