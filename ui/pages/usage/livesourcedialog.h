#pragma once

#include "metering/livesources.h"

#include <optional>
#include <vector>

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace aicp {

// Asks for a live source's name, kind, URL, token and pull interval, and for
// an OpenMeter source which meters stand for which aggregate; only the
// fields of the chosen kind are shown. The token is typed hidden; editing a
// source leaves its token blank, meaning "keep the stored one". OK checks
// the input first and says what is wrong under the fields, and the message
// follows the edits until the input is right.
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
    // The constructor's sections, in the order the widgets are made.
    void setUpSourceFields();
    void addMeterFields(const OpenMeterMapping& mapping);
    void setUpProblemAndButtons(bool isNew);
    void buildLayout();
    void connectChecks();
    [[nodiscard]] LiveSourceKind kind() const;
    void showKind();
    // Shows why the input cannot be stored, or hides the message; true when it can.
    bool check();
    // One OpenMeter field: the member holding its line edit, the mapping's
    // value it edits, and how it is named, explained and hinted.
    struct MeterField {
        QLineEdit* LiveSourceDialog::*edit;
        QString OpenMeterMapping::*value;
        QString objectName;
        QString accessibleName;
        QString toolTip;
        QString placeholder;
    };
    [[nodiscard]] static std::vector<MeterField> meterFields();
    QWidget* pair(QLineEdit* meter, QLineEdit* key);

    LiveSource initial_;
    QComboBox* kind_;
    QLineEdit* name_;
    QLineEdit* url_;
    QLineEdit* token_;
    QSpinBox* interval_;
    QLineEdit* requestsMeter_;
    QLineEdit* packsMeter_;
    QLineEdit* packKey_;
    QLineEdit* modulesMeter_;
    QLineEdit* moduleKey_;
    QLineEdit* usersMeter_;
    QLineEdit* userKey_;
    QLineEdit* agentsMeter_;
    QLineEdit* agentKey_;
    QWidget* packs_ = nullptr;
    QWidget* modules_ = nullptr;
    QWidget* users_ = nullptr;
    QWidget* agents_ = nullptr;
    QFormLayout* form_ = nullptr;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    bool checking_ = false;  // after a refused OK, every edit checks again
};

}  // namespace aicp
