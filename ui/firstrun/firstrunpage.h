#pragma once

#include <QList>
#include <QWizardPage>

class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace aicp {

// A page of the welcome: its own inputs, plus one status line below them
// for progress ("Creating the demo workspace…") and for errors a user can
// act on. Inputs are locked while the wizard works.
class FirstRunPage : public QWizardPage {
    Q_OBJECT
public:
    // `objectName` names the page for tests and the accessibility audit;
    // `title` and `subTitle` head it in the wizard.
    FirstRunPage(const char* objectName, const QString& title, const QString& subTitle,
                 QWidget* parent = nullptr);

    void showBusy(const QString& text);
    void showProblem(const QString& text);
    void showNote(const QString& text);
    void clearStatus();
    [[nodiscard]] QString statusText() const;
    virtual void setInputsEnabled(bool enabled);

protected:
    // Adds the status line (and the busy bar) to the end of `layout`.
    void addStatusArea(QVBoxLayout* layout);
    void addInput(QWidget* input) { inputs_.append(input); }
    // Muted explanatory text.
    QLabel* explanation(const QString& text);
    // A form row of a file's path with its Browse… button beside it; `label`
    // carries the mnemonic that focuses the path.
    void addPathRow(QFormLayout* form, const QString& label, QLineEdit* path, QPushButton* browse);

private:
    void setStatus(const QString& text, bool problem, bool busy);

    QLabel* status_;
    QProgressBar* busy_;
    QList<QWidget*> inputs_;
};

}  // namespace aicp
