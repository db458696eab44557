#include "teamworkspacedialog.h"

#include "chosenfile.h"
#include "storage/workspace.h"
#include "storage/workspacerole.h"
#include "theme.h"
#include "workspacesession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace aicp {

bool uriHasPassword(const QString& uri) {
    const QUrl url(uri);
    return !url.password().isEmpty() || QUrlQuery(url).hasQueryItem(QStringLiteral("password"));
}

TeamWorkspaceDialog::TeamWorkspaceDialog(const QStringList& recent, QWidget* parent)
    : QDialog(parent),
      uri_(new QComboBox(this)),
      test_(new QPushButton(tr("&Test Connection"), this)),
      open_(new QPushButton(tr("&Open"), this)),
      result_(new QLabel(this)) {
    setObjectName(QStringLiteral("teamWorkspaceDialog"));
    setWindowTitle(tr("Open Team Workspace"));
    uri_->setObjectName(QStringLiteral("teamWorkspaceUri"));
    uri_->setEditable(true);
    uri_->setInsertPolicy(QComboBox::NoInsert);
    uri_->addItems(recent);
    uri_->lineEdit()->setPlaceholderText(QStringLiteral("postgresql:///aicp?host=/run/postgresql"));
    uri_->setMinimumContentsLength(48);
    uri_->setAccessibleName(tr("Connection URI"));
    uri_->setToolTip(tr("A libpq connection URI, without a password; the recent ones are listed"));

    // Lines broken by hand: a wrapped label's height is guessed by the
    // layout, and a guess too short clips the last line.
    auto* help = new QLabel(
        tr("The workspace a team shares in PostgreSQL, named by a libpq connection URI:<br>"
           "<tt>postgresql://host/database</tt> or "
           "<tt>postgresql:///database?host=/socket/dir</tt><br>"
           "(<tt>sslmode</tt> and <tt>service=</tt> work too).<br><br>"
           "Passwords are never typed into the console: libpq reads them from<br>"
           "<tt>~/.pgpass</tt>, <tt>PGPASSFILE</tt>, <tt>PGPASSWORD</tt> or a service file.<br>"
           "A database without a workspace gets one with "
           "<tt>aicp workspace create --db URI</tt>."),
        this);
    help->setObjectName(QStringLiteral("teamWorkspaceHelp"));
    QPalette muted = help->palette();
    muted.setColor(QPalette::WindowText, theme::mutedText(palette()));
    help->setPalette(muted);

    test_->setObjectName(QStringLiteral("testConnectionButton"));
    open_->setObjectName(QStringLiteral("openTeamWorkspaceButton"));
    open_->setDefault(true);
    result_->setObjectName(QStringLiteral("connectionResult"));
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    result_->setWordWrap(true);
    // Room for a server's answer of a few lines without the dialog jumping.
    result_->setMinimumHeight(result_->fontMetrics().lineSpacing() * 3);
    result_->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* form = new QFormLayout;
    form->addRow(tr("Connection &URI:"), uri_);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(test_);
    testRow->addStretch(1);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(open_, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addSpacing(theme::spacing(font(), 0.5));
    layout->addLayout(testRow);
    layout->addWidget(result_);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(QFontMetrics(font()).averageCharWidth() * 80);
    fitHeight();

    connect(test_, &QPushButton::clicked, this, [this] { tryUri(Purpose::Test); });
    connect(open_, &QPushButton::clicked, this, [this] { tryUri(Purpose::Open); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(uri_, &QComboBox::editTextChanged, this, [this] {
        result_->clear();
        updateButtons();
    });
    updateButtons();
}

// A try still running is left to finish on its own: its session is
// dropped there, off the GUI thread, when nobody is waiting for it.
TeamWorkspaceDialog::~TeamWorkspaceDialog() = default;

QString TeamWorkspaceDialog::uri() const {
    return uri_->currentText().trimmed();
}

void TeamWorkspaceDialog::setUri(const QString& uri) {
    uri_->setEditText(uri);
}

std::unique_ptr<WorkspaceSession> TeamWorkspaceDialog::takeSession() {
    return std::move(session_);
}

QString TeamWorkspaceDialog::resultText() const {
    return result_->text();
}

void TeamWorkspaceDialog::updateButtons() {
    const bool idle = !trying_;
    const bool given = !uri().isEmpty();
    test_->setEnabled(idle && given);
    open_->setEnabled(idle && given);
    uri_->setEnabled(idle);
}

void TeamWorkspaceDialog::tryUri(Purpose purpose) {
    const QString location = uri();
    if (!Workspace::isServerLocation(location)) {
        showResult(tr("A team workspace is named by a URI that starts with postgresql:// or "
                      "postgres://; open a workspace file with File \u25B8 Open Workspace\u2026"),
                   true);
        return;
    }
    if (uriHasPassword(location)) {
        showResult(tr("Leave the password out of the URI: keep it in ~/.pgpass (or PGPASSFILE, "
                      "PGPASSWORD, a service file), where libpq reads it."),
                   true);
        return;
    }
    showResult(tr("Connecting to %1\u2026").arg(Workspace::shownLocation(location)), false);
    trying_ = new QFutureWatcher<Opened>(this);
    connect(trying_, &QFutureWatcher<Opened>::finished, this, [this, purpose] {
        Opened opened = trying_->result();
        trying_->deleteLater();
        trying_ = nullptr;
        updateButtons();
        finish(purpose, std::move(opened));
    });
    trying_->setFuture(QtConcurrent::run([location] {
        return std::make_shared<Result<std::unique_ptr<WorkspaceSession>>>(
            WorkspaceSession::open(location, WorkspaceSession::WhenMissing::Refuse));
    }));
    updateButtons();
}

void TeamWorkspaceDialog::finish(Purpose purpose, Opened opened) {
    if (!*opened) {
        showResult(upperFirst(opened->error().message()), true);
        return;
    }
    WorkspaceSession& session = ***opened;
    const Workspace& workspace = session.workspace();
    const QString kind = session.isCustomerWorkspace() ? tr("customer") : tr("vendor");
    const QString who = workspace.login().isEmpty() ? tr("Connected")
                                                    : tr("Connected as %1").arg(workspace.login());
    showResult(
        tr("%1: a %2 workspace, where your role is %3.").arg(who, kind, roleName(workspace.role())),
        false);
    if (purpose == Purpose::Open) {
        session_ = std::move(**opened);
        accept();
    }
}

void TeamWorkspaceDialog::showResult(const QString& text, bool failed) {
    result_->setText(text);
    result_->setToolTip(text);
    QPalette colours = result_->palette();
    colours.setColor(QPalette::WindowText, failed ? theme::warningText(palette())
                                                  : palette().color(QPalette::WindowText));
    result_->setPalette(colours);
    fitHeight();
}

void TeamWorkspaceDialog::fitHeight() {
    // Wrapped text (the help, a long answer from the server) makes the
    // dialog taller, never clipped: sizeHint alone does not know its height.
    const int w = std::max(width(), minimumWidth());
    const int h = heightForWidth(w);
    if (h > height() || w > width())
        resize(w, std::max(h, height()));
}

}  // namespace aicp
