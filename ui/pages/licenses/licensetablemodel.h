#pragma once

#include "licensing/licenseregistry.h"
#include "widgets/columntablemodel.h"

#include <map>
#include <vector>

#include <QDateTime>

namespace aicp {

// The license registry as a table: one row per license ever issued, newest
// first as the registry lists them, each with its state at a given moment.
// Sorting and filtering are the proxy's job (LicenseFilterModel); this model
// answers the raw values it needs through the roles below.
class LicenseTableModel : public ColumnTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        CustomerColumn,
        TierColumn,
        StateColumn,
        IssuedColumn,
        ExpiresColumn,
        SupersedesColumn,
        ColumnCount
    };
    enum Role {
        StateRole = Qt::UserRole + 1,  // "active", "revoked", … (LicenseRecord::stateAt)
        CustomerIdRole,
        TierIdRole,
        SortRole,          // a value that sorts the column correctly (dates as QDateTime)
        ExpiringSoonRole,  // active and ending within kExpiringSoonDays
        SearchTextRole,    // everything the text filter matches against
    };

    explicit LicenseTableModel(QObject* parent = nullptr);

    // `tierNames` maps tier ids to the price book's names.
    void setRecords(std::vector<LicenseRecord> records, const QDateTime& now,
                    std::map<QString, QString> tierNames);
    [[nodiscard]] const LicenseRecord* record(int row) const;
    [[nodiscard]] int rowOf(const QUuid& id) const;
    [[nodiscard]] const QDateTime& now() const { return now_; }

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;

private:
    struct Row {
        LicenseRecord record;
        LicenseState state = LicenseState::Active;
        bool expiringSoon = false;
    };

    [[nodiscard]] int rows() const override { return static_cast<int>(rows_.size()); }
    [[nodiscard]] QString tierName(const QString& id) const;
    [[nodiscard]] QVariant sortData(const Row& row, Column column) const;
    [[nodiscard]] QVariant displayData(const Row& row, Column column) const;
    [[nodiscard]] QVariant toolTipData(const Row& row, Column column) const;
    [[nodiscard]] QVariant foregroundData(const Row& row, Column column) const;

    std::vector<Row> rows_;
    QDateTime now_;
    std::map<QString, QString> tierNames_;
};

}  // namespace aicp
