#pragma once

#include "licensing/licenseregistry.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace aicp {

// Asks why a license is revoked and for an explicit acknowledgement that it
// cannot be undone, naming the customer and the license. OK stays disabled
// until both are given.
class RevokeLicenseDialog : public QDialog {
    Q_OBJECT
public:
    RevokeLicenseDialog(const LicenseRecord& record, const QString& tierName,
                        QWidget* parent = nullptr);

    [[nodiscard]] QString reason() const;
    void setReason(const QString& reason);
    void setAcknowledged(bool acknowledged);
    [[nodiscard]] bool canAccept() const;

private:
    void check();

    QPlainTextEdit* reason_;
    QCheckBox* acknowledge_;
    QLabel* hint_;
    QDialogButtonBox* buttons_;
};

}  // namespace aicp
