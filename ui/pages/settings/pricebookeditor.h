#pragma once

#include "billing/pricebookimport.h"
#include "common/result.h"
#include "pricing/pricebook.h"

#include <functional>

#include <QDialog>
#include <QJsonObject>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QTimer;
class QVBoxLayout;

namespace aicp {

// Settings ▸ Price book ▸ New Version… (and View…): one price book version
// as a table, a column per tier and a row per price, quota and included
// count, with the version's id, effective date and currency above it.
// Every edit rebuilds the version's document and reads it with the price
// book's own reader, so a mistake is named by the field ("Professional ▸
// Seats included: must be a whole number …") and its cell is marked; Save
// stays disabled until the version is valid and the workspace would take it
// (the preview: PriceBook::merged and the invoiced-month rule). Once valid,
// the impact on the customers' bills of the month it takes effect in is
// previewed below. Charges are written as chargetext.h describes.
class PriceBookEditor : public QDialog {
    Q_OBJECT
public:
    // What the workspace would make of a book holding the edited version: an
    // import's dry run (importPriceBook with PriceBookImportMode::DryRun).
    using Preview = std::function<Result<PriceBookImport>(const PriceBook&)>;

    // A new version seeded with `seed`'s tiers and prices, to take effect on
    // `from` under the id `id`.
    PriceBookEditor(const PriceBookVersion& seed, const QString& id, QDate from, Preview preview,
                    QWidget* parent = nullptr);
    // Shows `version` as it is, read-only.
    explicit PriceBookEditor(const PriceBookVersion& version, QWidget* parent = nullptr);

    // The document of the edited version, as the price book's reader reads
    // it; the reason (naming the field) when it is not valid.
    [[nodiscard]] Result<PriceBook> edited() const;
    // Why Save is disabled; empty when it is enabled.
    [[nodiscard]] QString problem() const { return problem_; }
    [[nodiscard]] QTableWidget* table() const { return table_; }

    // Adds a tier copied from the selected one under `id` (the Add Tier…
    // button asks for the id); false when the id is taken or malformed.
    bool addTier(const QString& id);

private:
    void build(bool editable);
    void buildHeader(QVBoxLayout* layout);
    void buildTable(QVBoxLayout* layout, bool editable);
    void buildImpact(QVBoxLayout* layout, bool editable);
    void connectEditing();
    void makeReadOnly();
    void fill(const PriceBookVersion& version);
    void validate();
    void showImpact(const PriceBookImport& result);
    void markCell(const QString& path);
    void askForTier();
    [[nodiscard]] Result<QJsonObject> versionJson() const;

    QJsonObject seed_;       // the seed version's document: audit tiers, catalog
    QStringList heldTiers_;  // the seed's tier ids: retired, never removed
    Preview preview_;
    QString problem_;
    bool filling_ = false;

    QLineEdit* id_;
    QDateEdit* from_;
    QLineEdit* currency_;
    QLineEdit* volume_;
    QTableWidget* table_;
    QLabel* problemLabel_;
    QTableWidget* impact_;
    QLabel* impactNote_;
    QDialogButtonBox* buttons_;
    QTimer* previewTimer_;
};

}  // namespace aicp
