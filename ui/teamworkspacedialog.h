#pragma once

#include "common/result.h"

#include <memory>

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QPushButton;
template <typename T>
class QFutureWatcher;

namespace aicp {

class WorkspaceSession;

// File ▸ Open Team Workspace… (SPEC section 8): a libpq URI, typed or
// picked from the recent ones, tried with Test Connection and opened with
// Open — both off the GUI thread (a server that does not answer takes the
// 5 s connect timeout), through the same WorkspaceSession::open as a file.
// Passwords are never typed here: a URI holding one is refused; libpq reads
// them from ~/.pgpass, PGPASSFILE, PGPASSWORD or a service file.
class TeamWorkspaceDialog : public QDialog {
    Q_OBJECT
public:
    explicit TeamWorkspaceDialog(const QStringList& recent, QWidget* parent = nullptr);
    ~TeamWorkspaceDialog() override;

    // The URI as typed, trimmed.
    [[nodiscard]] QString uri() const;
    void setUri(const QString& uri);
    // The workspace Open opened; null before, or when it failed.
    [[nodiscard]] std::unique_ptr<WorkspaceSession> takeSession();
    // The result line (a test's answer, or why Open failed).
    [[nodiscard]] QString resultText() const;
    [[nodiscard]] bool isTrying() const { return trying_ != nullptr; }

private:
    using Opened = std::shared_ptr<Result<std::unique_ptr<WorkspaceSession>>>;
    enum class Purpose { Test, Open };

    void tryUri(Purpose purpose);
    void finish(Purpose purpose, Opened opened);
    void showResult(const QString& text, bool failed);
    void updateButtons();
    void fitHeight();

    QComboBox* uri_;
    QPushButton* test_;
    QPushButton* open_;
    QLabel* result_;
    QFutureWatcher<Opened>* trying_ = nullptr;
    std::unique_ptr<WorkspaceSession> session_;
};

// Whether a libpq URI carries a password (user:secret@ or ?password=),
// which the console neither takes nor remembers.
[[nodiscard]] bool uriHasPassword(const QString& uri);

}  // namespace aicp
