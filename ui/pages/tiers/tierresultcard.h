#pragma once

#include "pricing/bill.h"

#include <QFrame>

class QGridLayout;
class QLabel;

namespace aicp {

class Badge;

// One tier's monthly estimate in the calculator: the total, whether the tier
// can serve the needs (and if not, why), the itemised lines on demand. The
// cheapest eligible tier is drawn with the accent border and a badge.
class TierResultCard : public QFrame {
    Q_OBJECT
    Q_PROPERTY(QString tierId READ tierId)
    Q_PROPERTY(bool cheapest READ isCheapest)
    Q_PROPERTY(bool eligible READ isEligible)
public:
    explicit TierResultCard(const QString& tierId, const QString& tierName,
                            QWidget* parent = nullptr);

    // `note` is the one line under the total for an eligible tier (how it
    // compares with the cheapest); ineligible tiers show their reasons instead.
    void showBill(const Bill& bill, bool cheapest, const QString& note);
    // Input that cannot be priced: the card keeps its place but shows no figure.
    void showNoEstimate();
    void setBreakdownVisible(bool visible);

    [[nodiscard]] const QString& tierId() const { return tierId_; }
    [[nodiscard]] bool isCheapest() const { return cheapest_; }
    [[nodiscard]] bool isEligible() const { return eligible_; }
    [[nodiscard]] QString totalText() const;
    [[nodiscard]] QString noteText() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void applyColours();
    void fillBreakdown(const Bill& bill);

    QString tierId_;
    bool cheapest_ = false;
    bool eligible_ = true;
    QLabel* name_;
    Badge* badge_;
    QLabel* total_;
    QLabel* perMonth_;
    QLabel* note_;
    QWidget* breakdown_;
    QGridLayout* breakdownGrid_;
};

}  // namespace aicp
