#pragma once

#include "licensing/keystore.h"
#include "widgets/columntablemodel.h"

#include <vector>

namespace aicp {

// The workspace's keys as a table, newest first: kid, state (signing,
// retired, verify-only), when created and when retired.
class SigningKeyModel : public ColumnTableModel {
    Q_OBJECT
public:
    enum Column { KidColumn, StateColumn, CreatedColumn, RetiredColumn, ColumnCount };
    static constexpr int StateRole = Qt::UserRole + 1;

    explicit SigningKeyModel(QObject* parent = nullptr);

    void setKeys(std::vector<SigningKeyInfo> keys);
    [[nodiscard]] const SigningKeyInfo* key(int row) const;

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

private:
    [[nodiscard]] int rows() const override { return static_cast<int>(keys_.size()); }

    std::vector<SigningKeyInfo> keys_;
};

}  // namespace aicp
