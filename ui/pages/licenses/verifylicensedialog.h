#pragma once

#include "licensing/workspaceverification.h"
#include "pricing/pricebook.h"

#include <QDialog>

class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace aicp {

class LicenseDetailsView;
class Workspace;

// Verify License: paste a key or a license file, drop a file on the text
// area or open one, and read the outcome word (valid, expired, revoked,
// bad-signature, …), the reason, and every entitlement the license grants.
// Uses only what a verifier may: the workspace's trusted public keys, its
// newest revocation list (or one loaded from a file), and its memory of
// what it has seen (verifyInWorkspace).
class VerifyLicenseDialog : public QDialog {
    Q_OBJECT
public:
    VerifyLicenseDialog(Workspace& workspace, PriceBook priceBook, QWidget* parent = nullptr);

    void setText(const QString& text);
    // Verifies what the text area holds and shows the outcome.
    void verify();
    // Reads a license file into the text area and verifies it.
    [[nodiscard]] Status loadLicenseFile(const QString& path);
    [[nodiscard]] Status loadRevocationList(const QString& path);

    [[nodiscard]] QString outcomeWord() const { return outcomeWord_; }
    [[nodiscard]] QString reason() const;
    [[nodiscard]] LicenseDetailsView* details() const { return details_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QVBoxLayout* buildInputColumn(int gap);
    QHBoxLayout* buildInputButtons();
    QWidget* buildEntitlementsCard();
    void showOutcome(const WorkspaceVerification& outcome);
    void openFile();
    void openRevocationList();

    Workspace& workspace_;
    PriceBook priceBook_;
    QByteArray revocationList_;
    QString outcomeWord_;

    QPlainTextEdit* input_;
    QPushButton* verifyButton_;
    QLabel* outcome_;
    QLabel* reason_;
    QLabel* trust_;
    LicenseDetailsView* details_;
};

}  // namespace aicp
