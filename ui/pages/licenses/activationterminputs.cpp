#include "pages/licenses/activationterminputs.h"

#include "money/moneyformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>

namespace aicp {
namespace {

constexpr int kMaxInstances = 100'000;
constexpr int kTiers = -1;  // mode_'s "the tier's"

QHBoxLayout* pair(QWidget* first, QWidget* second) {
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(first, 1);
    row->addWidget(second);
    return row;
}

}  // namespace

ActivationTermInputs::ActivationTermInputs(QWidget* parent)
    : QObject(parent),
      instances_(new QSpinBox(parent)),
      unlimited_(new QCheckBox(tr("Unli&mited"), parent)),
      mode_(new QComboBox(parent)),
      heartbeat_(new QSpinBox(parent)) {
    buildInputs();
    connect(instances_, &QSpinBox::valueChanged, this, &ActivationTermInputs::changed);
    connect(heartbeat_, &QSpinBox::valueChanged, this, &ActivationTermInputs::changed);
    connect(mode_, &QComboBox::currentIndexChanged, this, &ActivationTermInputs::changed);
    connect(unlimited_, &QCheckBox::toggled, this, [this](bool unlimited) {
        instances_->setEnabled(!unlimited);
        emit changed();
    });
}

void ActivationTermInputs::buildInputs() {
    instances_->setObjectName(QStringLiteral("instancesInput"));
    instances_->setRange(0, kMaxInstances);
    instances_->setGroupSeparatorShown(true);
    instances_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    instances_->setToolTip(tr("Gateways that may run the license at once; 0 keeps the tier's"));
    unlimited_->setObjectName(QStringLiteral("unlimitedInstancesInput"));
    unlimited_->setToolTip(tr("Any number of gateways"));
    mode_->setObjectName(QStringLiteral("activationModeInput"));
    mode_->setToolTip(
        tr("Floating: a gateway that misses two heartbeats frees its place. "
           "Node-locked: a place stays with its machine until released."));
    heartbeat_->setObjectName(QStringLiteral("heartbeatInput"));
    heartbeat_->setAccessibleName(tr("Heartbeat interval"));
    heartbeat_->setRange(0, ActivationTerms::kMaxHeartbeatSeconds);
    heartbeat_->setSuffix(tr(" s"));
    heartbeat_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    heartbeat_->setToolTip(tr("Seconds between a gateway's heartbeats (%1 to %2); 0 keeps the "
                              "tier's")
                               .arg(ActivationTerms::kMinHeartbeatSeconds)
                               .arg(ActivationTerms::kMaxHeartbeatSeconds));
    setTier(ActivationTerms());
}

void ActivationTermInputs::addRows(QFormLayout* form) {
    // Labels with buddies: the mnemonics reach the fields, and screen
    // readers name them.
    auto* instances = new QLabel(tr("Instanc&es"), instances_->parentWidget());
    instances->setBuddy(instances_);
    auto* activation = new QLabel(tr("Acti&vation"), mode_->parentWidget());
    activation->setBuddy(mode_);
    form->addRow(instances, pair(instances_, unlimited_));
    form->addRow(activation, pair(mode_, heartbeat_));
}

void ActivationTermInputs::setTier(const ActivationTerms& tier) {
    const QLocale locale;
    instances_->setSpecialValueText(
        tier.instances ? tr("Tier's (%1)").arg(formatCount(*tier.instances, locale))
                       : tr("Tier's (unlimited)"));
    heartbeat_->setSpecialValueText(tr("Tier's (%1 s)").arg(tier.heartbeatSeconds));
    const QSignalBlocker blocker(mode_);
    const QVariant chosen = mode_->currentData();
    mode_->clear();
    mode_->addItem(tr("Tier's (%1)").arg(activationModeKey(tier.mode)), kTiers);
    mode_->addItem(tr("Floating"), static_cast<int>(ActivationMode::Floating));
    mode_->addItem(tr("Node-locked"), static_cast<int>(ActivationMode::NodeLocked));
    mode_->setCurrentIndex(std::max(0, mode_->findData(chosen)));
}

void ActivationTermInputs::setFrom(const ActivationTerms& license, const ActivationTerms& tier) {
    setTier(tier);
    const QSignalBlocker blockers[] = {QSignalBlocker(instances_), QSignalBlocker(unlimited_),
                                       QSignalBlocker(mode_), QSignalBlocker(heartbeat_)};
    const bool sameCount = license.instances == tier.instances;
    unlimited_->setChecked(!sameCount && !license.instances);
    instances_->setEnabled(!unlimited_->isChecked());
    instances_->setValue(sameCount || !license.instances ? 0
                                                         : static_cast<int>(std::min<std::int64_t>(
                                                               *license.instances, kMaxInstances)));
    mode_->setCurrentIndex(license.mode == tier.mode
                               ? 0
                               : std::max(0, mode_->findData(static_cast<int>(license.mode))));
    heartbeat_->setValue(
        license.heartbeatSeconds == tier.heartbeatSeconds ? 0 : license.heartbeatSeconds);
}

void ActivationTermInputs::applyTo(LicenseRequest& request) const {
    if (unlimited_->isChecked())
        request.instances = std::optional<std::int64_t>();
    else if (instances_->value() > 0)
        request.instances = std::optional<std::int64_t>(instances_->value());
    else
        request.instances.reset();
    const int mode = mode_->currentData().toInt();
    if (mode == kTiers)
        request.activationMode.reset();
    else
        request.activationMode = static_cast<ActivationMode>(mode);
    if (heartbeat_->value() > 0)
        request.heartbeatSeconds = heartbeat_->value();
    else
        request.heartbeatSeconds.reset();
}

QList<QWidget*> ActivationTermInputs::tabChain() const {
    return {instances_, unlimited_, mode_, heartbeat_};
}

}  // namespace aicp
