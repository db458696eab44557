#pragma once

#include "common/result.h"
#include "storage/workspacerole.h"

#include <functional>
#include <vector>

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace aicp {

class Workspace;

// What the billing-profile dialogs share (CompanyDialog, CustomerDialog): a
// form whose fields are checked as they are typed by the core's own field
// readers (common/billingfields.h), each reason under its field; the whole
// profile checked by the store's own rule, its reason in the message area
// and Save disabled until it passes; and, when the workspace role may not
// change `area`, a read-only form that says why. Save writes through the
// store, as the CLI does, and closes the dialog.
class ProfileDialog : public QDialog {
    Q_OBJECT
public:
    // Why the form cannot be saved as it stands; empty when it can.
    [[nodiscard]] QString problem() const { return problem_; }
    // The reason shown under the input named `objectName`; empty when none.
    [[nodiscard]] QString fieldProblem(const QString& objectName) const;
    [[nodiscard]] bool isReadOnly() const { return readOnly_; }
    // Saves what the form holds through the store; refused with the reason
    // (then nothing was written).
    [[nodiscard]] Status save();

protected:
    ProfileDialog(Workspace& workspace, WorkspaceArea area, QWidget* parent);

    // The field's own reason, from a core reader; an empty function: none.
    using FieldCheck = std::function<Status()>;
    // A row of the form; `input` is a QLineEdit, QPlainTextEdit, QSpinBox or
    // QCheckBox whose edits re-check the form.
    void addRow(const QString& label, QWidget* input, FieldCheck check = {});
    // Inputs named `name` (objectName and accessible name `accessible`),
    // children of the dialog; a text of several lines shows `lines` of them.
    [[nodiscard]] QLineEdit* lineInput(const QString& name, const QString& accessible,
                                       const QString& toolTip);
    [[nodiscard]] QPlainTextEdit* linesInput(const QString& name, const QString& accessible,
                                             const QString& toolTip, int lines);
    // A field reader's outcome as a check's.
    [[nodiscard]] static Status statusOf(const Result<QString>& read);
    // A part of the dialog below the form, e.g. the customer's credit; not
    // a field (it is neither checked nor made read-only with the form).
    void addSection(QWidget* section);
    // Lays the dialog out under `intro` once every row is added, and checks
    // the form.
    void finishForm(const QString& intro);
    // Shows a problem the form cannot fix (the profile could not be read).
    void showLoadProblem(const QString& text);
    // Re-checks the fields and the whole.
    void recheck();

    [[nodiscard]] Workspace& workspace() const { return workspace_; }
    // The store's rule over the whole profile as typed.
    [[nodiscard]] virtual Status validate() const = 0;
    // Writes the profile as typed through the store (audited there).
    [[nodiscard]] virtual Status store() = 0;
    void showEvent(QShowEvent* event) override;

private:
    struct Field {
        QWidget* input = nullptr;
        QLabel* problem = nullptr;
        FieldCheck check;
    };

    void buildButtons();
    void makeReadOnly(const QString& why);
    void growToFit();
    void watch(QWidget* input);

    Workspace& workspace_;
    WorkspaceArea area_;
    bool readOnly_ = false;
    QString problem_;
    std::vector<Field> fields_;
    std::vector<QWidget*> sections_;
    QFormLayout* form_;
    QLabel* roleNote_;
    QLabel* message_;
    QDialogButtonBox* buttons_ = nullptr;  // made by finishForm
};

}  // namespace aicp
