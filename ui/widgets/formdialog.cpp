#include "widgets/formdialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aicp {

bool runFormDialog(QDialog& dialog, QWidget* text, QFormLayout* form, QLineEdit* required,
                   const QString& okText, int minimumWidth) {
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(okText);
    ok->setEnabled(false);
    QObject::connect(required, &QLineEdit::textChanged, &dialog,
                     [required, ok] { ok->setEnabled(!required->text().trimmed().isEmpty()); });
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (minimumWidth > 0)
        dialog.resize(dialog.sizeHint().expandedTo(QSize(minimumWidth, 0)));
    return dialog.exec() == QDialog::Accepted;
}

}  // namespace aicp
