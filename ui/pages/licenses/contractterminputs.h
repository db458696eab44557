#pragma once

#include "common/result.h"
#include "licensing/licensepayload.h"

#include <QDate>
#include <QList>
#include <QObject>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace aicp {

// The issue dialog's inputs for how a license's invoices run: billing
// period, minimum commitment and trial. They only read what was typed into
// ContractTerms; whether the terms fit the license (an annual license of a
// month or more, a trial inside the license) is buildLicensePayload's to
// say, and showProblem puts its reason beside these fields.
class ContractTermInputs : public QObject {
    Q_OBJECT
public:
    // The widgets are children of `parent`, the form's owner.
    explicit ContractTermInputs(QWidget* parent);

    // Billing, Commitment and Trial rows, with the place for their problem.
    void addRows(QFormLayout* form);
    // The price book's currency, which a commitment is in.
    void setCurrency(const QString& currency);
    // A trial not chosen yet ends a month after the start by default.
    void setStart(QDate start);
    // Shows the terms of a license being upgraded.
    void setFrom(const ContractTerms& contract);

    // Fills the billing period, commitment and trial of `contract`; an
    // amount that is no commitment is refused with a contract.commitment
    // reason.
    [[nodiscard]] Status applyTo(ContractTerms& contract) const;
    // Shows `problem` (a registry reason) beside the field it names, when
    // it names one of these ("contract.trial_until: …"); clears it otherwise.
    void showProblem(const QString& problem);
    // `problem` for people: "Trial: the trial ends …" for
    // "contract.trial_until: the trial ends …"; others unchanged.
    [[nodiscard]] static QString readable(const QString& problem);

    [[nodiscard]] QList<QWidget*> tabChain() const;

signals:
    void changed();

private:
    void buildInputs();
    void enableInputs();

    QComboBox* billingPeriod_;
    QCheckBox* hasCommitment_;
    QLineEdit* commitmentAmount_;
    QLabel* commitmentCurrency_;
    QComboBox* commitmentPeriod_;
    QCheckBox* hasTrial_;
    QDateEdit* trialUntil_;
    QLabel* problem_;
};

}  // namespace aicp
