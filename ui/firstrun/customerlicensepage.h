#pragma once

#include "firstrun/firstrunpage.h"
#include "firstrun/receivedlicense.h"

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace aicp {

// A customer workspace's license: the vendor's public key and the license
// file, checked as soon as both are chosen, with the reason when they do
// not fit; choosing another file retries, and the license can be skipped
// (imported later). Both are kept at Finish.
class CustomerLicensePage : public FirstRunPage {
    Q_OBJECT
public:
    explicit CustomerLicensePage(QWidget* parent = nullptr);

    void setPublicKeyPath(const QString& path);
    void setLicensePath(const QString& path);
    void setSkipped(bool skipped);
    // The outcome shown: empty, the checked license's summary or the problem.
    [[nodiscard]] QString outcome() const;
    [[nodiscard]] bool hasCheckedLicense() const { return checked_.has_value(); }

    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;
    void setInputsEnabled(bool enabled) override;

protected:
    void initializePage() override;

private:
    // The constructor's sections, in the order the widgets are made.
    void setUpPathFields();
    void setUpBrowseButtons();
    void setUpOutcomeAndSkip();
    void buildLayout();
    void browse(QLineEdit* field, const QString& title, const QString& filter);
    void verify();
    void applySkip();

    QLineEdit* publicKey_;
    QLineEdit* license_;
    QPushButton* browseKey_;
    QPushButton* browseLicense_;
    QLabel* outcome_;
    QCheckBox* skip_;
    std::optional<ReceivedLicense> checked_;
    bool inputsEnabled_ = true;
};

}  // namespace aicp
