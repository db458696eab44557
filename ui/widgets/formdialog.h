#pragma once

#include <QString>

class QDialog;
class QFormLayout;
class QLineEdit;
class QWidget;

namespace aicp {

// Lays out a small form dialog, `text` above `form` above OK and Cancel, and
// runs it. OK is labelled `okText` and stays disabled until `required` holds
// more than blanks. The dialog is at least `minimumWidth` wide. True when
// the user pressed OK.
bool runFormDialog(QDialog& dialog, QWidget* text, QFormLayout* form, QLineEdit* required,
                   const QString& okText, int minimumWidth = 0);

}  // namespace aicp
