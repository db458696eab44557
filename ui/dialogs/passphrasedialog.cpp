#include "dialogs/passphrasedialog.h"

#include "licensing/keystore.h"
#include "theme.h"
#include "widgets/pagetext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace aicp {

PassphraseDialog::PassphraseDialog(Kind kind, const QString& purpose, QWidget* parent)
    : QDialog(parent),
      kind_(kind),
      first_(new QLineEdit(this)),
      second_(new QLineEdit(this)),
      hint_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("passphraseDialog"));
    setWindowTitle(kind == Kind::NewKey ? tr("New Signing Key Passphrase")
                                        : tr("Signing Key Passphrase"));

    auto* lead = new QLabel(purpose, this);
    lead->setObjectName(QStringLiteral("passphrasePurpose"));
    lead->setWordWrap(true);
    lead->setFont(theme::scaledFont(font(), 1.05, true));

    auto* explanation = new QLabel(
        kind == Kind::NewKey
            ? tr("The private key is stored encrypted with this passphrase. Nobody can sign "
                 "with it — or recover it — without the passphrase, so keep it somewhere safe.")
            : tr("The signing key is decrypted for this one operation. The passphrase is not "
                 "remembered."),
        this);
    explanation->setWordWrap(true);
    setMuted(explanation);

    for (QLineEdit* field : {first_, second_}) {
        field->setEchoMode(QLineEdit::Password);
        field->setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 36);
        connect(field, &QLineEdit::textChanged, this, &PassphraseDialog::check);
    }
    first_->setObjectName(QStringLiteral("passphraseInput"));
    second_->setObjectName(QStringLiteral("passphraseRepeatInput"));
    first_->setToolTip(kind == Kind::NewKey
                           ? tr("The passphrase that will protect the new private key")
                           : tr("The passphrase the signing key was created with"));
    second_->setToolTip(tr("The same passphrase again, to catch a typing mistake"));
    hint_->setObjectName(QStringLiteral("passphraseHint"));
    hint_->setWordWrap(true);
    setMuted(hint_);

    auto* fields = new QFormLayout;
    fields->addRow(tr("&Passphrase"), first_);
    if (kind == Kind::NewKey)
        fields->addRow(tr("&Repeat"), second_);
    else
        second_->hide();

    buttons_->button(QDialogButtonBox::Ok)
        ->setText(kind == Kind::NewKey ? tr("&Create Key") : tr("&Unlock"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(theme::spacing(font(), 0.6));
    layout->addWidget(lead);
    layout->addWidget(explanation);
    layout->addLayout(fields);
    layout->addWidget(hint_);
    layout->addWidget(buttons_);
    check();
}

QByteArray PassphraseDialog::passphrase() const {
    return first_->text().toUtf8();
}

QString PassphraseDialog::problem() const {
    if (first_->text().isEmpty())
        return kind_ == Kind::NewKey
                   ? tr("At least %1 characters.").arg(KeyStore::kMinPassphraseLength)
                   : tr("Type the passphrase the signing key was created with.");
    if (kind_ == Kind::Unlock)
        return {};
    if (const Status strong = KeyStore::checkNewPassphrase(passphrase()); !strong)
        return tr("Too short: at least %1 characters.").arg(KeyStore::kMinPassphraseLength);
    if (second_->text() != first_->text())
        return tr("The two passphrases differ.");
    return {};
}

void PassphraseDialog::check() {
    const QString why = problem();
    hint_->setText(why);
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

std::optional<QByteArray> PassphraseDialog::ask(QWidget* parent, const QString& purpose) {
    PassphraseDialog dialog(Kind::Unlock, purpose, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.passphrase();
}

std::optional<QByteArray> PassphraseDialog::askNew(QWidget* parent, const QString& purpose) {
    PassphraseDialog dialog(Kind::NewKey, purpose, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.passphrase();
}

bool confirmWithMessageBox(QWidget* parent, const QString& title, const QString& text,
                           const QString& acceptLabel) {
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    box.setTextFormat(Qt::PlainText);
    QPushButton* accept = box.addButton(acceptLabel, QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == accept;
}

}  // namespace aicp
