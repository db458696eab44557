#pragma once

#include "licensing/activationregistry.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace aicp {

// Asks for the machine an air-gapped site runs its gateway on (the
// fingerprint its gateway reports, a hostname for people) and how many
// days its activation file lasts. OK stays disabled, with the reason shown,
// until the fingerprint is one aicp accepts.
class ActivationFileDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kDefaultDays = 90;

    // `license` names the license in the dialog's text ("Acme Corp's
    // Professional license 6f1c2a4e"); `licenseEnd` caps the days.
    ActivationFileDialog(const QString& license, const QDateTime& licenseEnd,
                         QWidget* parent = nullptr);

    [[nodiscard]] ActivationRequest request() const;
    void setFingerprint(const QString& fingerprint);
    void setHostname(const QString& hostname);
    void setDays(int days);

private:
    void validate();

    QLineEdit* fingerprint_;
    QLineEdit* hostname_;
    QSpinBox* days_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
};

}  // namespace aicp
