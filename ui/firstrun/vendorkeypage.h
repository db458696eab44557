#pragma once

#include "firstrun/firstrunpage.h"

class QLabel;
class QLineEdit;

namespace aicp {

// A vendor workspace's first signing key: who issues (the vendor's name)
// and the passphrase, typed twice, under KeyStore's rules. The key is made
// at Finish.
class VendorKeyPage : public FirstRunPage {
    Q_OBJECT
public:
    explicit VendorKeyPage(QWidget* parent = nullptr);

    // Why Finish is disabled, or empty when it is enabled.
    [[nodiscard]] QString problem() const;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;

protected:
    void initializePage() override;
    void cleanupPage() override;

private:
    void check();

    QLineEdit* name_;
    QLineEdit* first_;
    QLineEdit* second_;
    QLabel* hint_;
};

}  // namespace aicp
