#pragma once

#include "licensing/activationterms.h"
#include "licensing/licenserequest.h"

#include <QList>
#include <QObject>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QSpinBox;
class QWidget;

namespace aicp {

// The issue dialog's inputs for how many gateways may run a license and how
// they keep their places (SPEC 13). Each input starts at "the tier's",
// which shows what the tier gives; only what is changed from that goes
// into the request, so a license on the tier's terms follows the price book.
class ActivationTermInputs : public QObject {
    Q_OBJECT
public:
    // The widgets are children of `parent`, the form's owner.
    explicit ActivationTermInputs(QWidget* parent);

    // The Instances and Activation rows.
    void addRows(QFormLayout* form);
    // The terms of the tier chosen: what "the tier's" stands for.
    void setTier(const ActivationTerms& tier);
    // Shows a license's terms (renewing or upgrading it): what differs from
    // `tier` as chosen, the rest as the tier's.
    void setFrom(const ActivationTerms& license, const ActivationTerms& tier);
    // Sets the request's activation terms to what was changed.
    void applyTo(LicenseRequest& request) const;

    [[nodiscard]] QList<QWidget*> tabChain() const;

signals:
    void changed();

private:
    void buildInputs();

    QSpinBox* instances_;  // 0: the tier's
    QCheckBox* unlimited_;
    QComboBox* mode_;      // data: -1 the tier's, else an ActivationMode
    QSpinBox* heartbeat_;  // 0: the tier's
};

}  // namespace aicp
