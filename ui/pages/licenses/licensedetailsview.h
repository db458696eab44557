#pragma once

#include "licensing/licenseregistry.h"
#include "pricing/pricebook.h"

#include <optional>
#include <utility>
#include <vector>

#include <QWidget>

class QTextBrowser;

namespace aicp {

// Everything a license grants and records, in words: customer, tier, limits,
// add-ons, features, audit, contract, validity, signing key, lineage and
// revocation. Used for the selected registry entry, the issue preview and a
// verified key, so all three read the same.
class LicenseDetailsView : public QWidget {
    Q_OBJECT
public:
    // What the registry knows beyond the signed payload; empty for a
    // preview or a key verified from outside.
    struct Record {
        QString state;  // registry state or verification word; empty: none shown
        QString issuedBy;
        std::optional<Revocation> revocation;
        std::optional<QUuid> supersededBy;
        bool isPreview = false;  // no id or kid yet
    };

    // The focusable text, for QWidget::setTabOrder (Qt 6.4 does not move a
    // container's children with it).
    [[nodiscard]] QWidget* tabStop() const;

    explicit LicenseDetailsView(QWidget* parent = nullptr);

    // `prices` (may be null) names tiers, audit levels and add-ons.
    void showLicense(const LicensePayload& license, const PriceBookVersion* prices,
                     const Record& record);
    void showRecord(const LicenseRecord& record, const QString& state,
                    const PriceBookVersion* prices);
    // No license: a quiet sentence in its place.
    void showMessage(const QString& text);

    // The value shown beside `label` ("Seats", "Policy packs", …); empty when
    // there is no such row. For tests and accessibility.
    [[nodiscard]] QString field(const QString& label) const;
    [[nodiscard]] QString plainText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Section {
        QString title;
        std::vector<std::pair<QString, QString>> rows;
    };

    [[nodiscard]] static Section revocationSection(const Revocation& revocation);
    [[nodiscard]] static Section customerSection(const LicensePayload& license,
                                                 const TierDefinition* tier);
    [[nodiscard]] static Section limitsSection(const LicensePayload& license);
    [[nodiscard]] static Section addOnsSection(const LicensePayload& license,
                                               const PriceBookVersion* prices);
    [[nodiscard]] static Section contractSection(const LicensePayload& license,
                                                 const PriceBookVersion* prices);
    [[nodiscard]] static Section validitySection(const LicensePayload& license,
                                                 const Record& record);
    [[nodiscard]] static Section signingSection(const LicensePayload& license,
                                                const Record& record);
    void render();

    QTextBrowser* body_;
    QString heading_;
    QString subheading_;
    QString state_;
    QString message_;
    std::vector<Section> sections_;
};

}  // namespace aicp
