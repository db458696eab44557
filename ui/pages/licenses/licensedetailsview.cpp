#include "pages/licenses/licensedetailsview.h"

#include "catalognames.h"
#include "money/moneyformat.h"
#include "pages/licenses/licensestate.h"
#include "theme.h"
#include "widgets/localdates.h"

#include <QEvent>
#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace aicp {
namespace {

QString names(const QStringList& ids, QString (*nameOf)(const QString&), const QString& none) {
    if (ids.isEmpty())
        return none;
    QStringList words;
    for (const QString& id : ids)
        words.append(nameOf(id));
    return words.join(QStringLiteral(", "));
}

QString timeText(const QDateTime& time) {
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    if (utc.time() == QTime(0, 0))
        return displayDate(utc.date());
    return displayUtcTime(utc);
}

// "At least $60,000.00 per contract year", in the commitment's currency.
QString commitmentText(const Commitment& commitment, const QString& bookCurrency) {
    const QString amount =
        formatMoney(commitment.amount, QLocale(),
                    commitment.currency.isEmpty() ? bookCurrency : commitment.currency);
    return commitment.period == Commitment::Period::Year
               ? LicenseDetailsView::tr("At least %1 per contract year").arg(amount)
               : LicenseDetailsView::tr("At least %1 per month").arg(amount);
}

}  // namespace

LicenseDetailsView::LicenseDetailsView(QWidget* parent)
    : QWidget(parent), body_(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("licenseDetails"));
    // A text browser rather than a label: it wraps long lists of add-ons at
    // any width and scrolls on its own.
    body_->setObjectName(QStringLiteral("licenseDetailsText"));
    body_->setAccessibleName(tr("License details"));
    body_->setFrameShape(QFrame::NoFrame);
    body_->setOpenLinks(false);
    body_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    body_->viewport()->setAutoFillBackground(false);
    body_->setAutoFillBackground(false);
    body_->document()->setDocumentMargin(0);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(body_);
}

QWidget* LicenseDetailsView::tabStop() const {
    return body_;
}

void LicenseDetailsView::showRecord(const LicenseRecord& record, const QString& state,
                                    const PriceBookVersion* prices) {
    showLicense(record.license, prices,
                {state, record.issuedBy, record.revocation, record.supersededBy, false});
}

void LicenseDetailsView::showLicense(const LicensePayload& license, const PriceBookVersion* prices,
                                     const Record& record) {
    message_.clear();
    sections_.clear();
    state_ = record.state;

    const TierDefinition* tier = prices ? prices->tier(license.tier) : nullptr;
    heading_ = license.customerName;
    subheading_ = tr("%1 tier").arg(tier ? tier->name : license.tier);
    if (!record.isPreview)
        subheading_ += QStringLiteral(" · ") + shortLicenseId(license.id);

    // A revocation is the first thing to know about a license.
    if (record.revocation)
        sections_.push_back(revocationSection(*record.revocation));
    sections_.push_back(customerSection(license, tier));
    sections_.push_back(limitsSection(license));
    sections_.push_back(addOnsSection(license, prices));
    sections_.push_back(contractSection(license, prices));
    sections_.push_back(validitySection(license, record));
    if (!record.isPreview) {
        sections_.push_back(signingSection(license, record));
    } else if (license.supersedes) {
        sections_.push_back(
            {tr("Lineage"), {{tr("Supersedes"), fullLicenseId(*license.supersedes)}}});
    }

    render();
}

LicenseDetailsView::Section LicenseDetailsView::revocationSection(const Revocation& revocation) {
    Section section{tr("Revocation"), {}};
    section.rows.emplace_back(tr("Revoked"), timeText(revocation.at));
    section.rows.emplace_back(tr("Revoked by"), revocation.by);
    section.rows.emplace_back(tr("Reason"), revocation.reason);
    return section;
}

LicenseDetailsView::Section LicenseDetailsView::customerSection(const LicensePayload& license,
                                                                const TierDefinition* tier) {
    Section section{tr("Customer"), {}};
    section.rows.emplace_back(tr("Name"), license.customerName);
    section.rows.emplace_back(tr("Customer id"), license.customerId);
    section.rows.emplace_back(tr("Tier"),
                              tier ? tr("%1 (%2)").arg(tier->name, license.tier) : license.tier);
    return section;
}

LicenseDetailsView::Section LicenseDetailsView::limitsSection(const LicensePayload& license) {
    const QLocale locale;
    const QString unlimited = tr("Unlimited");
    Section section{tr("Limits"), {}};
    section.rows.emplace_back(
        tr("Requests / month"),
        license.requestsPerMonth ? formatCount(*license.requestsPerMonth, locale) : unlimited);
    section.rows.emplace_back(tr("Seats"), formatCount(license.seats, locale));
    section.rows.emplace_back(tr("Agents"),
                              license.agents ? formatCount(*license.agents, locale) : unlimited);
    const ActivationTerms& activation = license.activation;
    section.rows.emplace_back(
        tr("Instances"),
        tr("%1, %2, heartbeat every %3 s")
            .arg(activation.instances ? formatCount(*activation.instances, locale) : unlimited,
                 activation.mode == ActivationMode::Floating ? tr("floating") : tr("node-locked"))
            .arg(activation.heartbeatSeconds));
    return section;
}

LicenseDetailsView::Section LicenseDetailsView::addOnsSection(const LicensePayload& license,
                                                              const PriceBookVersion* prices) {
    const QLocale locale;
    Section section{tr("Add-ons and features"), {}};
    section.rows.emplace_back(tr("Policy packs"),
                              names(license.policyPacks, &policyPackName, tr("None")));
    section.rows.emplace_back(tr("Compliance modules"),
                              names(license.complianceModules, &complianceModuleName, tr("None")));
    section.rows.emplace_back(tr("Features"), names(license.features, &featureName, tr("None")));
    const AuditTier* audit = prices ? prices->auditTier(license.auditTier) : nullptr;
    section.rows.emplace_back(
        tr("Audit"), audit ? tr("%1, %2 days' retention")
                                 .arg(audit->name, formatCount(audit->retentionDays, locale))
                           : license.auditTier);
    return section;
}

LicenseDetailsView::Section LicenseDetailsView::contractSection(const LicensePayload& license,
                                                                const PriceBookVersion* prices) {
    const QLocale locale;
    Section section{tr("Contract"), {}};
    section.rows.emplace_back(tr("Discount"),
                              license.contract.discount.isZero()
                                  ? tr("None")
                                  : tr("%1 % on recurring charges")
                                        .arg(license.contract.discount.toDecimalString().replace(
                                            QLatin1Char('.'), QLocale().decimalPoint())));
    section.rows.emplace_back(tr("Term"), license.contract.termMonths == 0
                                              ? tr("Month to month")
                                              : tr("%1 months").arg(license.contract.termMonths));
    section.rows.emplace_back(
        tr("Billing"), license.contract.isAnnual() ? tr("Annually, in advance") : tr("Monthly"));
    const QString currency = prices ? prices->currency : QStringLiteral("USD");
    section.rows.emplace_back(tr("Commitment"),
                              license.contract.commitment
                                  ? commitmentText(*license.contract.commitment, currency)
                                  : tr("None"));
    section.rows.emplace_back(
        tr("Trial"), license.contract.hasTrial()
                         ? tr("No charge before %1").arg(timeText(license.contract.trialUntil))
                         : tr("None"));
    if (!license.contract.priceOverrides.empty()) {
        QStringList overrides;
        for (const auto& [axis, price] : license.contract.priceOverrides)
            overrides.append(tr("%1 %2").arg(
                axis,
                formatMoney(price, locale, prices ? prices->currency : QStringLiteral("USD"))));
        section.rows.emplace_back(tr("Price overrides"), overrides.join(QStringLiteral(", ")));
    }
    return section;
}

LicenseDetailsView::Section LicenseDetailsView::validitySection(const LicensePayload& license,
                                                                const Record& record) {
    Section section{tr("Validity"), {}};
    if (!record.isPreview)
        section.rows.emplace_back(tr("Issued"), timeText(license.issuedAt));
    section.rows.emplace_back(tr("Valid from"), timeText(license.notBefore));
    section.rows.emplace_back(tr("Expires"), timeText(license.expiresAt));
    section.rows.emplace_back(
        tr("Grace period"),
        license.graceDays == 0
            ? tr("None")
            : (license.graceDays == 1 ? tr("1 day, until %1")
                                      : tr("%1 days, until %2").arg(license.graceDays))
                  .arg(timeText(license.graceEndsAt())));
    return section;
}

LicenseDetailsView::Section LicenseDetailsView::signingSection(const LicensePayload& license,
                                                               const Record& record) {
    Section section{tr("Signature and lineage"), {}};
    section.rows.emplace_back(tr("License id"), fullLicenseId(license.id));
    section.rows.emplace_back(tr("Signing key"), license.kid);
    if (!record.issuedBy.isEmpty())
        section.rows.emplace_back(tr("Issued by"), record.issuedBy);
    if (license.supersedes)
        section.rows.emplace_back(tr("Supersedes"), fullLicenseId(*license.supersedes));
    if (record.supersededBy)
        section.rows.emplace_back(tr("Superseded by"), fullLicenseId(*record.supersededBy));
    return section;
}

void LicenseDetailsView::showMessage(const QString& text) {
    sections_.clear();
    heading_.clear();
    subheading_.clear();
    state_.clear();
    message_ = text;
    render();
}

QString LicenseDetailsView::field(const QString& label) const {
    for (const Section& section : sections_) {
        for (const auto& [name, value] : section.rows) {
            if (name == label)
                return value;
        }
    }
    return {};
}

QString LicenseDetailsView::plainText() const {
    if (!message_.isEmpty())
        return message_;
    QStringList lines{heading_, subheading_};
    for (const Section& section : sections_) {
        lines.append(section.title);
        for (const auto& [name, value] : section.rows)
            lines.append(name + QStringLiteral(": ") + value);
    }
    return lines.join(u'\n');
}

void LicenseDetailsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        render();
    QWidget::changeEvent(event);
}

void LicenseDetailsView::render() {
    const QPalette colours = palette();
    const QString muted = theme::mutedText(colours).name();
    if (!message_.isEmpty()) {
        body_->setHtml(
            QStringLiteral("<p style=\"color:%1\">%2</p>").arg(muted, message_.toHtmlEscaped()));
        return;
    }
    const double bigger = theme::scaledFont(font(), 1.3).pointSizeF();
    QString html = QStringLiteral("<div style=\"font-size:%1pt; font-weight:600\">%2</div>")
                       .arg(bigger)
                       .arg(heading_.toHtmlEscaped());
    QString sub = QStringLiteral("<span style=\"color:%1\">%2</span>")
                      .arg(muted, subheading_.toHtmlEscaped());
    if (!state_.isEmpty())
        sub += QStringLiteral(" &nbsp;<span style=\"color:%1; font-weight:600\">%2</span>")
                   .arg(licenseStateColour(colours, state_).name(),
                        licenseStateLabel(state_).toHtmlEscaped());
    html += QStringLiteral("<div>%1</div>").arg(sub);
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">");
    for (const Section& section : sections_) {
        html += QStringLiteral(
                    "<tr><td colspan=\"2\" style=\"padding-top:12px; font-weight:600; "
                    "color:%1\">%2</td></tr>")
                    .arg(theme::accent(colours).name(), section.title.toHtmlEscaped());
        for (const auto& [name, value] : section.rows)
            html += QStringLiteral(
                        "<tr><td width=\"34%\" style=\"color:%1\">%2</td>"
                        "<td>%3</td></tr>")
                        .arg(muted, name.toHtmlEscaped(), value.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    body_->setHtml(html);
}

}  // namespace aicp
