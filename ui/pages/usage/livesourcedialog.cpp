#include "pages/usage/livesourcedialog.h"

#include "theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace aicp {

namespace {

// Meter slugs and group-by keys are short names; 200 leaves room for ids.
constexpr int kMaxMeterLength = 200;

}  // namespace

LiveSourceDialog::LiveSourceDialog(const LiveSource& initial, QWidget* parent)
    : QDialog(parent),
      initial_(initial),
      kind_(new QComboBox(this)),
      name_(new QLineEdit(initial.name, this)),
      url_(new QLineEdit(initial.url.toString(), this)),
      token_(new QLineEdit(this)),
      interval_(new QSpinBox(this)),
      problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    const bool isNew = initial.id == 0;
    setWindowTitle(isNew ? tr("Add live source") : tr("Edit live source"));
    setUpSourceFields();
    addMeterFields(initial.openMeter);
    setUpProblemAndButtons(isNew);
    buildLayout();
    connectChecks();
    showKind();
}

void LiveSourceDialog::setUpSourceFields() {
    kind_->setObjectName(QStringLiteral("sourceKind"));
    kind_->addItem(tr("aicp serve"), QVariant::fromValue(int(LiveSourceKind::Aicp)));
    kind_->addItem(tr("OpenMeter"), QVariant::fromValue(int(LiveSourceKind::OpenMeter)));
    kind_->setCurrentIndex(initial_.kind == LiveSourceKind::OpenMeter ? 1 : 0);
    kind_->setAccessibleName(tr("Kind of source"));
    kind_->setToolTip(
        tr("aicp serve: another aicp service, whose usage events are pulled.\n"
           "OpenMeter: an OpenMeter-compatible meter query API, whose hourly meter "
           "values are pulled into the same aggregates."));
    name_->setObjectName(QStringLiteral("sourceName"));
    name_->setPlaceholderText(tr("e.g. Gateway EU"));
    name_->setMaxLength(100);
    name_->setAccessibleName(tr("Name"));
    name_->setToolTip(tr("How the console and `aicp usage pull --name` call this source"));
    url_->setObjectName(QStringLiteral("sourceUrl"));
    token_->setObjectName(QStringLiteral("sourceToken"));
    token_->setEchoMode(QLineEdit::Password);
    interval_->setObjectName(QStringLiteral("sourceInterval"));
    interval_->setRange(0, LiveSources::kMaxIntervalMinutes);
    interval_->setSpecialValueText(tr("only on demand"));
    interval_->setSuffix(tr(" min"));
    interval_->setValue(initial_.intervalMinutes);
    interval_->setAccessibleName(tr("Pull every"));
    interval_->setToolTip(
        tr("Minutes between automatic pulls; a failing source is retried "
           "sooner at first, then less often"));
}

// The OpenMeter mapping: which meters stand for which aggregate.
std::vector<LiveSourceDialog::MeterField> LiveSourceDialog::meterFields() {
    const QString meter = tr("meter");
    const QString key = tr("group-by key");
    return {
        {&LiveSourceDialog::requestsMeter_, &OpenMeterMapping::requestsMeter,
         QStringLiteral("sourceRequestsMeter"), tr("Requests meter"),
         tr("Required. The OpenMeter meter (slug or id) that counts governed requests; its "
            "subject must be the customer id"),
         tr("e.g. governed_requests")},
        {&LiveSourceDialog::packsMeter_, &OpenMeterMapping::packsMeter,
         QStringLiteral("sourcePacksMeter"), tr("Policy packs meter"),
         tr("Optional. The meter of requests per policy pack"), meter},
        {&LiveSourceDialog::packKey_, &OpenMeterMapping::packKey, QStringLiteral("sourcePackKey"),
         tr("Policy pack group-by key"),
         tr("The meter's group-by key whose values are policy pack names"), key},
        {&LiveSourceDialog::modulesMeter_, &OpenMeterMapping::modulesMeter,
         QStringLiteral("sourceModulesMeter"), tr("Compliance modules meter"),
         tr("Optional. The meter of requests per compliance module"), meter},
        {&LiveSourceDialog::moduleKey_, &OpenMeterMapping::moduleKey,
         QStringLiteral("sourceModuleKey"), tr("Compliance module group-by key"),
         tr("The meter's group-by key whose values are compliance module names"), key},
        {&LiveSourceDialog::usersMeter_, &OpenMeterMapping::usersMeter,
         QStringLiteral("sourceUsersMeter"), tr("Users meter"),
         tr("Optional. A meter grouped by user: each user with a value in a month is one active "
            "user (seat) of that month"),
         meter},
        {&LiveSourceDialog::userKey_, &OpenMeterMapping::userKey, QStringLiteral("sourceUserKey"),
         tr("User group-by key"), tr("The meter's group-by key whose values are user ids"), key},
        {&LiveSourceDialog::agentsMeter_, &OpenMeterMapping::agentsMeter,
         QStringLiteral("sourceAgentsMeter"), tr("Agents meter"),
         tr("Optional. A meter grouped by agent: each agent with a value in a month is one "
            "active agent of that month"),
         meter},
        {&LiveSourceDialog::agentKey_, &OpenMeterMapping::agentKey,
         QStringLiteral("sourceAgentKey"), tr("Agent group-by key"),
         tr("The meter's group-by key whose values are agent ids"), key},
    };
}

void LiveSourceDialog::addMeterFields(const OpenMeterMapping& mapping) {
    for (const MeterField& meter : meterFields()) {
        auto* field = new QLineEdit(mapping.*meter.value, this);
        field->setObjectName(meter.objectName);
        field->setAccessibleName(meter.accessibleName);
        field->setToolTip(meter.toolTip);
        field->setPlaceholderText(meter.placeholder);
        field->setMaxLength(kMaxMeterLength);
        this->*meter.edit = field;
    }
    packs_ = pair(packsMeter_, packKey_);
    modules_ = pair(modulesMeter_, moduleKey_);
    users_ = pair(usersMeter_, userKey_);
    agents_ = pair(agentsMeter_, agentKey_);
}

void LiveSourceDialog::setUpProblemAndButtons(bool isNew) {
    problem_->setObjectName(QStringLiteral("sourceProblem"));
    problem_->setWordWrap(true);
    problem_->setAccessibleName(tr("Problem"));
    QPalette colours = problem_->palette();
    colours.setColor(QPalette::WindowText, theme::warningText(palette()));
    problem_->setPalette(colours);
    problem_->hide();
    buttons_->button(QDialogButtonBox::Ok)->setText(isNew ? tr("Add") : tr("Save"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &LiveSourceDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &LiveSourceDialog::reject);
}

void LiveSourceDialog::buildLayout() {
    form_ = new QFormLayout;
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->addRow(tr("Kind"), kind_);
    form_->addRow(tr("Name"), name_);
    form_->addRow(tr("Service URL"), url_);
    form_->addRow(tr("Token"), token_);
    form_->addRow(tr("Requests meter"), requestsMeter_);
    form_->addRow(tr("Policy packs"), packs_);
    form_->addRow(tr("Compliance modules"), modules_);
    form_->addRow(tr("Users (seats)"), users_);
    form_->addRow(tr("Agents"), agents_);
    form_->addRow(tr("Pull every"), interval_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form_);
    layout->addWidget(problem_);
    layout->addStretch(1);
    layout->addWidget(buttons_);
    setMinimumWidth(theme::spacing(font(), 1.0) * 34);
}

// After a refused OK, every edit checks the input again.
void LiveSourceDialog::connectChecks() {
    for (QLineEdit* field : findChildren<QLineEdit*>())
        connect(field, &QLineEdit::textChanged, this, [this] {
            if (checking_)
                check();
        });
    connect(interval_, &QSpinBox::valueChanged, this, [this] {
        if (checking_)
            check();
    });
    connect(kind_, &QComboBox::currentIndexChanged, this, [this] {
        showKind();
        if (checking_)
            check();
    });
}

QWidget* LiveSourceDialog::pair(QLineEdit* meter, QLineEdit* key) {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* by = new QLabel(tr("grouped by"), row);
    by->setBuddy(key);
    layout->addWidget(meter, 3);
    layout->addWidget(by);
    layout->addWidget(key, 2);
    return row;
}

LiveSourceKind LiveSourceDialog::kind() const {
    return static_cast<LiveSourceKind>(kind_->currentData().toInt());
}

void LiveSourceDialog::showKind() {
    const bool openMeter = kind() == LiveSourceKind::OpenMeter;
    const bool isNew = initial_.id == 0;
    for (QWidget* field :
         {static_cast<QWidget*>(requestsMeter_), packs_, modules_, users_, agents_})
        form_->setRowVisible(field, openMeter);
    if (auto* label = qobject_cast<QLabel*>(form_->labelForField(url_)))
        label->setText(openMeter ? tr("API URL") : tr("Service URL"));
    url_->setPlaceholderText(openMeter ? QStringLiteral("http://127.0.0.1:8888")
                                       : QStringLiteral("http://127.0.0.1:8080"));
    url_->setAccessibleName(openMeter ? tr("OpenMeter API URL") : tr("Service URL"));
    url_->setToolTip(openMeter ? tr("The OpenMeter API's root, e.g. https://openmeter.cloud or "
                                    "http://HOST:8888 for a self-hosted one")
                               : tr("The aicp service's base URL (what `aicp serve` listens "
                                    "on) or its /api/pricing/usage/events endpoint"));
    token_->setAccessibleName(openMeter ? tr("OpenMeter API token") : tr("Read token"));
    token_->setToolTip(openMeter ? tr("Optional. An OpenMeter API token; a self-hosted OpenMeter "
                                      "without authentication needs none")
                                 : tr("A token with the read role on the service"));
    const QString masked = LiveSource::maskedToken(initial_.token);
    if (!isNew && !masked.isEmpty())
        token_->setPlaceholderText(
            tr("unchanged (%1); type a new token to replace it").arg(masked));
    else if (openMeter)
        token_->setPlaceholderText(tr("optional: none for a self-hosted OpenMeter"));
    else
        token_->setPlaceholderText(tr("a read token from `aicp tokens create --role read`"));
    adjustSize();
}

LiveSource LiveSourceDialog::source() const {
    LiveSource source = initial_;
    source.name = name_->text().trimmed();
    source.kind = kind();
    // Taken as typed: a guess at a missing scheme would hide the mistake.
    source.url = QUrl(url_->text().trimmed());
    source.token = token_->text().trimmed().toUtf8();
    source.intervalMinutes = interval_->value();
    source.openMeter = {};
    if (source.kind == LiveSourceKind::OpenMeter) {
        for (const MeterField& meter : meterFields())
            source.openMeter.*meter.value = (this->*meter.edit)->text().trimmed();
    }
    return source;
}

bool LiveSourceDialog::check() {
    const LiveSource entered = source();
    // An aicp source edited from an OpenMeter one without a token needs one now.
    const bool requireToken =
        initial_.id == 0 || (entered.kind == LiveSourceKind::Aicp && initial_.token.isEmpty());
    if (Status valid = LiveSources::validate(entered, requireToken); !valid) {
        problem_->setText(valid.error().message());
        problem_->show();
        return false;
    }
    problem_->clear();
    problem_->hide();
    return true;
}

void LiveSourceDialog::accept() {
    if (!check()) {
        checking_ = true;
        return;
    }
    QDialog::accept();
}

std::optional<LiveSource> LiveSourceDialog::ask(QWidget* parent, const LiveSource& initial) {
    LiveSourceDialog dialog(initial, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.source();
}

}  // namespace aicp
