#include "dialogs/profiledialog.h"

#include "chosenfile.h"
#include "roleguard.h"
#include "storage/workspace.h"
#include "theme.h"
#include "widgets/pagetext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace aicp {
namespace {

// Wide enough for an address line and a reason under its field.
constexpr int kInputWidthInCharacters = 56;

}  // namespace

ProfileDialog::ProfileDialog(Workspace& workspace, WorkspaceArea area, QWidget* parent)
    : QDialog(parent),
      workspace_(workspace),
      area_(area),
      form_(new QFormLayout),
      roleNote_(new QLabel(this)),
      message_(warningLabel(QStringLiteral("profileProblem"), this)) {
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    roleNote_->setObjectName(QStringLiteral("profileRoleNote"));
    roleNote_->setWordWrap(true);
    roleNote_->hide();
}

void ProfileDialog::buildButtons() {
    // Made after the inputs, so Tab reads the form before them.
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (const Status saved = save(); saved.ok())
            accept();
        else
            showStatus(message_, upperFirst(saved.error().message()), true);
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ProfileDialog::addRow(const QString& label, QWidget* input, FieldCheck check) {
    auto* column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(input);
    QLabel* problem = nullptr;
    if (check) {
        problem = warningLabel(input->objectName() + QStringLiteral("Problem"), this);
        column->addWidget(problem);
    }
    if (label.isEmpty()) {
        form_->addRow(column);
    } else {
        // A label of its own, so its mnemonic reaches the input.
        auto* caption = new QLabel(label, this);
        caption->setBuddy(input);
        form_->addRow(caption, column);
    }
    fields_.push_back({input, problem, std::move(check)});
    watch(input);
}

QLineEdit* ProfileDialog::lineInput(const QString& name, const QString& accessible,
                                    const QString& toolTip) {
    auto* input = new QLineEdit(this);
    input->setMinimumWidth(fontMetrics().averageCharWidth() * kInputWidthInCharacters);
    input->setObjectName(name);
    input->setAccessibleName(accessible);
    input->setToolTip(toolTip);
    return input;
}

QPlainTextEdit* ProfileDialog::linesInput(const QString& name, const QString& accessible,
                                          const QString& toolTip, int lines) {
    auto* input = new QPlainTextEdit(this);
    input->setMinimumWidth(fontMetrics().averageCharWidth() * kInputWidthInCharacters);
    input->setObjectName(name);
    input->setAccessibleName(accessible);
    input->setToolTip(toolTip);
    input->setTabChangesFocus(true);
    const QFontMetrics metrics(input->font());
    input->setFixedHeight(metrics.lineSpacing() * lines + 2 * input->frameWidth() +
                          static_cast<int>(2 * input->document()->documentMargin()));
    return input;
}

Status ProfileDialog::statusOf(const Result<QString>& read) {
    if (!read)
        return read.error();
    return {};
}

void ProfileDialog::watch(QWidget* input) {
    if (auto* line = qobject_cast<QLineEdit*>(input))
        connect(line, &QLineEdit::textChanged, this, &ProfileDialog::recheck);
    else if (auto* text = qobject_cast<QPlainTextEdit*>(input))
        connect(text, &QPlainTextEdit::textChanged, this, &ProfileDialog::recheck);
    else if (auto* spin = qobject_cast<QSpinBox*>(input))
        connect(spin, &QSpinBox::valueChanged, this, &ProfileDialog::recheck);
    else if (auto* box = qobject_cast<QCheckBox*>(input))
        connect(box, &QCheckBox::toggled, this, &ProfileDialog::recheck);
}

void ProfileDialog::addSection(QWidget* section) {
    sections_.push_back(section);
}

void ProfileDialog::finishForm(const QString& intro) {
    const int gap = theme::spacing(font(), 0.6);
    buildButtons();
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(gap);

    if (!intro.isEmpty())
        layout->addWidget(mutedLabel(intro, this));
    layout->addWidget(roleNote_);
    layout->addLayout(form_);
    for (QWidget* section : sections_)
        layout->addWidget(section);
    layout->addStretch(1);
    layout->addWidget(message_);
    layout->addWidget(buttons_);
    if (!mayChange(&workspace_, area_))
        makeReadOnly(refusalReason(workspace_.role(), area_));
    recheck();
}

void ProfileDialog::makeReadOnly(const QString& why) {
    readOnly_ = true;
    for (const Field& field : fields_) {
        if (auto* line = qobject_cast<QLineEdit*>(field.input))
            line->setReadOnly(true);
        else if (auto* text = qobject_cast<QPlainTextEdit*>(field.input))
            text->setReadOnly(true);
        else if (auto* spin = qobject_cast<QSpinBox*>(field.input))
            spin->setReadOnly(true);
        else
            field.input->setEnabled(false);
    }
    roleNote_->setText(tr("You can read this profile but not change it: %1").arg(why));
    roleNote_->show();
    guardRole(buttons_->button(QDialogButtonBox::Save), &workspace_, area_);
}

void ProfileDialog::showLoadProblem(const QString& text) {
    problem_ = text;
    showStatus(message_, upperFirst(text), true);
    buttons_->button(QDialogButtonBox::Save)->setEnabled(false);
}

void ProfileDialog::recheck() {
    for (const Field& field : fields_) {
        if (!field.check)
            continue;
        const Status fine = field.check();
        const QString why = fine.ok() ? QString() : upperFirst(fine.error().message());
        showStatus(field.problem, why, true);
        field.input->setAccessibleDescription(why);
    }
    const Status whole = validate();
    problem_ = whole.ok() ? QString() : whole.error().message();
    showStatus(message_, problem_.isEmpty() ? QString() : tr("Cannot save: %1").arg(problem_),
               true);
    QPushButton* saveButton = buttons_->button(QDialogButtonBox::Save);
    saveButton->setEnabled(problem_.isEmpty() && !readOnly_);
    saveButton->setToolTip(problem_);
    if (readOnly_)
        guardRole(saveButton, &workspace_, area_);
    growToFit();
}

void ProfileDialog::growToFit() {
    // A reason shown under its field needs room; the dialog never shrinks
    // under the user's hands.
    if (!isVisible() || !layout())
        return;
    const int wanted = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : sizeHint().height();
    if (wanted > height())
        resize(width(), wanted);
}

void ProfileDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    growToFit();
}

QString ProfileDialog::fieldProblem(const QString& objectName) const {
    for (const Field& field : fields_) {
        if (field.input->objectName() == objectName && field.problem)
            return field.problem->text();
    }
    return {};
}

Status ProfileDialog::save() {
    if (readOnly_)
        return Error::invalidInput(refusalReason(workspace_.role(), area_));
    if (const Status valid = validate(); !valid.ok())
        return valid;
    return store();
}

}  // namespace aicp
