#pragma once

#include "firstrun/firstrunpage.h"

class QCommandLinkButton;

namespace aicp {

// The welcome's first page: three ways to start, each one button (the demo
// is the default, so Enter explores it).
class WelcomePage : public FirstRunPage {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    // Says whether the demo will be made or only opened.
    void setDemoPath(const QString& path);

signals:
    void demoChosen();
    void createChosen();
    void openChosen();

protected:
    void initializePage() override;

private:
    QCommandLinkButton* demo_;
    QCommandLinkButton* create_;
    QCommandLinkButton* open_;
};

}  // namespace aicp
