#pragma once

#include "billing/costreport.h"
#include "billing/invoice.h"
#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace aicp {

// Who made a document and when, printed in its header. Not part of the
// figures: the same report rendered twice differs only here.
struct DocumentStamp {
    QDateTime generatedAt;  // UTC
    QString generatedBy;    // a login name, "aicp report cost", …
    QString workspace;      // the workspace file, for the reader's reference
};

// The finance cost report as a PDF (A4): header (product, month, customers,
// currency, generation), one row per customer with a column per pricing
// axis and its total, the subtotal of each axis and the grand total, then the
// totals again by axis; "Page N of M" on every page. Pure: safe on a worker
// thread once a QGuiApplication exists.
//
//     auto pdf = costReportPdf(*report, {QDateTime::currentDateTimeUtc(), user, path});
//     if (pdf) writeDocumentFile("cost-2026-10.pdf", *pdf);
[[nodiscard]] Result<QByteArray> costReportPdf(const CostReport& report,
                                               const DocumentStamp& stamp);

// One issued invoice as a PDF: number, customer, month, issue date, its
// charge lines with their license segments, the late requests and findings
// it lists (never charged), the total, and its credit note when it has one.
//
//     auto pdf = invoicePdf(*invoice, stamp);
[[nodiscard]] Result<QByteArray> invoicePdf(const Invoice& invoice, const DocumentStamp& stamp);

}  // namespace aicp
