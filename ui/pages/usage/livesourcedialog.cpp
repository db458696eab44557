#include "pages/usage/livesourcedialog.h"

#include "theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace aicp {

LiveSourceDialog::LiveSourceDialog(const LiveSource& initial, QWidget* parent)
    : QDialog(parent),
      initial_(initial),
      name_(new QLineEdit(initial.name, this)),
      url_(new QLineEdit(initial.url.toString(), this)),
      token_(new QLineEdit(this)),
      interval_(new QSpinBox(this)),
      problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    const bool isNew = initial.id == 0;
    setWindowTitle(isNew ? tr("Add live source") : tr("Edit live source"));
    name_->setObjectName(QStringLiteral("sourceName"));
    name_->setPlaceholderText(tr("e.g. Gateway EU"));
    name_->setMaxLength(100);
    url_->setObjectName(QStringLiteral("sourceUrl"));
    url_->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080"));
    token_->setObjectName(QStringLiteral("sourceToken"));
    token_->setEchoMode(QLineEdit::Password);
    token_->setPlaceholderText(isNew ? tr("a read token from `aicp tokens create --role read`")
                                     : tr("unchanged (%1); type a new token to replace it")
                                           .arg(LiveSource::maskedToken(initial.token)));
    interval_->setObjectName(QStringLiteral("sourceInterval"));
    interval_->setRange(0, LiveSources::kMaxIntervalMinutes);
    interval_->setSpecialValueText(tr("only on demand"));
    interval_->setSuffix(tr(" min"));
    interval_->setValue(initial.intervalMinutes);
    problem_->setObjectName(QStringLiteral("sourceProblem"));
    problem_->setWordWrap(true);
    QPalette colours = problem_->palette();
    colours.setColor(QPalette::WindowText, theme::warningText(palette()));
    problem_->setPalette(colours);
    problem_->hide();
    buttons_->button(QDialogButtonBox::Ok)->setText(isNew ? tr("Add") : tr("Save"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &LiveSourceDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &LiveSourceDialog::reject);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Service URL"), url_);
    form->addRow(tr("Token"), token_);
    form->addRow(tr("Pull every"), interval_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    setMinimumWidth(theme::spacing(font(), 1.0) * 28);
}

LiveSource LiveSourceDialog::source() const {
    LiveSource source = initial_;
    source.name = name_->text().trimmed();
    // Taken as typed: a guess at a missing scheme would hide the mistake.
    source.url = QUrl(url_->text().trimmed());
    source.token = token_->text().trimmed().toUtf8();
    source.intervalMinutes = interval_->value();
    return source;
}

void LiveSourceDialog::accept() {
    if (Status valid = LiveSources::validate(source(), initial_.id == 0); !valid) {
        problem_->setText(valid.error().message());
        problem_->show();
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
