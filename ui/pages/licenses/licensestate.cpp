#include "pages/licenses/licensestate.h"

#include "licensing/licensestate.h"
#include "theme.h"
#include "widgets/localdates.h"

#include <QCoreApplication>

namespace aicp {

QColor licenseStateColour(const QPalette& palette, const QString& stateWord) {
    const QColor text = palette.color(QPalette::Text);
    const bool dark = theme::isDark(palette);
    const auto state = fromWord<LicenseState>(stateWord);
    const auto status = fromWord<LicenseStatus>(stateWord);
    if (state == LicenseState::Active || status == LicenseStatus::Valid)
        return theme::mix(text, dark ? QColor(102, 204, 140) : QColor(27, 128, 62), 0.85);
    if (state == LicenseState::InGrace || status == LicenseStatus::ValidInGrace)
        return theme::mix(text, dark ? QColor(240, 190, 80) : QColor(166, 105, 0), 0.85);
    if (state == LicenseState::NotYetValid)
        return theme::accent(palette);
    if (state == LicenseState::Expired || state == LicenseState::Superseded)
        return theme::mutedText(palette);
    // revoked, bad-signature, unknown-key, malformed, clock-rollback
    return theme::warningText(palette);
}

QString licenseStateLabel(const QString& stateWord) {
    static const struct {
        const char* word;
        const char* label;
    } kLabels[] = {
        {"active", QT_TRANSLATE_NOOP("aicp::LicenseState", "Active")},
        {"in-grace", QT_TRANSLATE_NOOP("aicp::LicenseState", "In grace")},
        {"expired", QT_TRANSLATE_NOOP("aicp::LicenseState", "Expired")},
        {"revoked", QT_TRANSLATE_NOOP("aicp::LicenseState", "Revoked")},
        {"superseded", QT_TRANSLATE_NOOP("aicp::LicenseState", "Superseded")},
        {"not-yet-valid", QT_TRANSLATE_NOOP("aicp::LicenseState", "Not yet valid")},
        {"valid", QT_TRANSLATE_NOOP("aicp::LicenseState", "Valid")},
        {"valid-in-grace", QT_TRANSLATE_NOOP("aicp::LicenseState", "Valid, in grace")},
        {"bad-signature", QT_TRANSLATE_NOOP("aicp::LicenseState", "Bad signature")},
        {"unknown-key", QT_TRANSLATE_NOOP("aicp::LicenseState", "Unknown key")},
        {"malformed", QT_TRANSLATE_NOOP("aicp::LicenseState", "Malformed")},
        {"clock-rollback", QT_TRANSLATE_NOOP("aicp::LicenseState", "Clock rollback")},
    };
    for (const auto& entry : kLabels) {
        if (stateWord == QLatin1String(entry.word))
            return QCoreApplication::translate("aicp::LicenseState", entry.label);
    }
    return stateWord;
}

QString shortLicenseId(const QUuid& id) {
    return fullLicenseId(id).left(8);
}

QString fullLicenseId(const QUuid& id) {
    return id.toString(QUuid::WithoutBraces);
}

QString licenseDate(const QDateTime& time) {
    return time.isValid() ? displayDate(time.toUTC().date()) : QString();
}

}  // namespace aicp
