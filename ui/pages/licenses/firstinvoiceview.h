#pragma once

#include "billing/monthlybill.h"
#include "common/result.h"
#include "licensing/licenseregistry.h"
#include "pricing/pricebook.h"

#include <vector>

#include <QStringList>
#include <QWidget>

class QLabel;
class QScrollArea;

namespace aicp {

// What the first invoice of a license not issued yet would charge: the bill
// of the month it starts, computed by computeMonthlyBill over the customer's
// licenses in `registered` with `draft` issued as well (superseding the one
// it names), the price book `book`, and no usage.
[[nodiscard]] Result<MonthlyBill> draftFirstInvoice(const LicensePayload& draft,
                                                    const std::vector<LicenseRecord>& registered,
                                                    const PriceBook& book);

// The issue dialog's first invoice: the month, each line's description and
// amount, and the total, as the bill gives them.
class FirstInvoiceView : public QWidget {
    Q_OBJECT
public:
    explicit FirstInvoiceView(QWidget* parent = nullptr);

    void showBill(const MonthlyBill& bill);
    // No bill: a quiet sentence in its place.
    void showMessage(const QString& text);

    // "$12,000.00"; empty when no bill is shown.
    [[nodiscard]] QString totalText() const { return total_; }
    // "description: amount", one a line of the bill.
    [[nodiscard]] QStringList lineTexts() const { return lines_; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitHeight();

    QLabel* caption_;
    QLabel* body_;
    QLabel* totalRow_;
    QScrollArea* scroll_ = nullptr;
    QString total_;
    QStringList lines_;
};

}  // namespace aicp
