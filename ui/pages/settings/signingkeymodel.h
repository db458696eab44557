#pragma once

#include "licensing/keystore.h"

#include <vector>

#include <QAbstractTableModel>
#include <QPalette>

namespace aicp {

// The workspace's keys as a table, newest first: kid, state (signing,
// retired, verify-only), when created and when retired.
class SigningKeyModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KidColumn, StateColumn, CreatedColumn, RetiredColumn, ColumnCount };
    static constexpr int StateRole = Qt::UserRole + 1;

    explicit SigningKeyModel(QObject* parent = nullptr);

    void setKeys(std::vector<SigningKeyInfo> keys);
    [[nodiscard]] const SigningKeyInfo* key(int row) const;
    void setPalette(const QPalette& palette);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

private:
    std::vector<SigningKeyInfo> keys_;
    QPalette palette_;
};

}  // namespace aicp
