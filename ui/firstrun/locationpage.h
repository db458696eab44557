#pragma once

#include "firstrun/firstrunpage.h"
#include "storage/workspace.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace aicp {

// Where the new workspace file goes (the per-user default when free) and
// whether it is a vendor's or a customer's.
class LocationPage : public FirstRunPage {
    Q_OBJECT
public:
    explicit LocationPage(QWidget* parent = nullptr);

    [[nodiscard]] QString path() const;
    void setPath(const QString& path);
    [[nodiscard]] Workspace::Mode mode() const;
    void setMode(Workspace::Mode mode);

    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] int nextId() const override;

protected:
    void initializePage() override;

private:
    void browse();
    void check();

    QLineEdit* path_;
    QPushButton* browse_;
    QLabel* pathHint_;
    QRadioButton* vendor_;
    QRadioButton* customer_;
};

}  // namespace aicp
