#pragma once

#include "metering/livesources.h"

#include <optional>

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace aicp {

// Asks for a live source's name, service URL, token and pull interval. The
// token is typed hidden; editing a source leaves its token blank, meaning
// "keep the stored one". OK checks the input first and says what is wrong.
class LiveSourceDialog : public QDialog {
    Q_OBJECT
public:
    // `initial.id` 0: a new source.
    explicit LiveSourceDialog(const LiveSource& initial, QWidget* parent = nullptr);

    // What was entered; token empty when an edit keeps the stored one.
    [[nodiscard]] LiveSource source() const;

    // Runs the dialog; nullopt when cancelled.
    [[nodiscard]] static std::optional<LiveSource> ask(QWidget* parent, const LiveSource& initial);

    void accept() override;

private:
    LiveSource initial_;
    QLineEdit* name_;
    QLineEdit* url_;
    QLineEdit* token_;
    QSpinBox* interval_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
};

}  // namespace aicp
