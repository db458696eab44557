#pragma once

#include <QSortFilterProxyModel>

namespace aicp {

// Narrows the registry table to one customer (the context bar's), one tier,
// one state (or "expiring-soon") and a free text, and sorts every column by
// its real value rather than its text.
class LicenseFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    static inline const QString kExpiringSoon = QStringLiteral("expiring-soon");

    explicit LicenseFilterModel(QObject* parent = nullptr);

    // Empty strings mean "any".
    void setCustomerId(const QString& customerId);
    void setTier(const QString& tierId);
    void setState(const QString& stateWord);
    void setText(const QString& text);

    [[nodiscard]] const QString& customerId() const { return customerId_; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex& sourceParent) const override;

private:
    // Filters by `value` in place of `criterion`'s old value, if it differs.
    void refilter(QString& criterion, const QString& value);

    QString customerId_;
    QString tier_;
    QString state_;
    QString text_;
};

}  // namespace aicp
