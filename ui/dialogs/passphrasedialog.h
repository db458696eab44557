#pragma once

#include <functional>
#include <optional>

#include <QByteArray>
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace aicp {

// Asks for a signing key passphrase, for one operation: typed into password
// fields, handed to the caller and never stored. A new key's passphrase is
// asked twice and must meet KeyStore's minimum length.
class PassphraseDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Unlock, NewKey };

    PassphraseDialog(Kind kind, const QString& purpose, QWidget* parent = nullptr);

    [[nodiscard]] QByteArray passphrase() const;
    // Why OK is disabled, or empty when it is enabled.
    [[nodiscard]] QString problem() const;

    static std::optional<QByteArray> ask(QWidget* parent, const QString& purpose);
    static std::optional<QByteArray> askNew(QWidget* parent, const QString& purpose);

private:
    void check();

    Kind kind_;
    QLineEdit* first_;
    QLineEdit* second_;
    QLabel* hint_;
    QDialogButtonBox* buttons_;
};

// Where a page gets a passphrase from: the dialog above by default, a fixed
// answer in tests. `purpose` says what the key will sign ("Issue a
// Professional license for Acme Corp"); nullopt means the user cancelled.
using PassphraseProvider =
    std::function<std::optional<QByteArray>(QWidget* parent, const QString& purpose)>;

// Asks the user to confirm a consequential step; true to go ahead.
using Confirmer = std::function<bool(QWidget* parent, const QString& title, const QString& text,
                                     const QString& acceptLabel)>;

// The default Confirmer: a warning message box whose accept button says
// what will happen ("Rotate key") and whose default is Cancel.
bool confirmWithMessageBox(QWidget* parent, const QString& title, const QString& text,
                           const QString& acceptLabel);

}  // namespace aicp
