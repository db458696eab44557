#pragma once

#include "common/result.h"
#include "documents/financepdf.h"
#include "recommend/upgraderequest.h"

#include <optional>

#include <QDialog>
#include <QString>

class QPlainTextEdit;

namespace aicp {

// Where a customer's upgrade request goes: the JSON the vendor's console
// opens, and beside it, with the same name ending in .pdf, the page a person
// reads.
struct UpgradeRequestFiles {
    QString json;
    QString pdf;

    [[nodiscard]] static UpgradeRequestFiles beside(const QString& jsonPath);
};

// Writes both files (each replaced all at once). Safe on a worker thread
// once a QGuiApplication exists (the PDF's fonts).
[[nodiscard]] Status writeUpgradeRequest(const UpgradeRequest& request,
                                         const UpgradeRequestFiles& files,
                                         const DocumentStamp& stamp);

// What the customer sees before the request is saved: what is asked and
// why, in words, and a note of their own for the vendor.
class AskUpgradeDialog : public QDialog {
    Q_OBJECT
public:
    AskUpgradeDialog(const UpgradeRequest& request, const QString& tierName,
                     const QString& currentTierName, QWidget* parent = nullptr);

    [[nodiscard]] QString note() const;

private:
    QPlainTextEdit* note_;
};

}  // namespace aicp
