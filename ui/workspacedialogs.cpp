#include "workspacedialogs.h"

#include "storage/workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace aicp {

QString chooseWorkspaceFile(QWidget* parent, const QString& startFolder) {
    return QFileDialog::getOpenFileName(parent, QFileDialog::tr("Open Workspace"), startFolder,
                                        QFileDialog::tr("aicp workspaces (*.aicp);;All files (*)"));
}

OpenFailureChoice reportOpenFailure(QWidget* parent, const QString& path, const Error& error,
                                    const QString& dismissText) {
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Critical);
    box.setWindowTitle(QMessageBox::tr("Cannot Open Workspace"));
    box.setText(QMessageBox::tr("The workspace could not be opened."));
    QString details = error.message();
    if (!details.endsWith(u'.'))
        details += u'.';
    // The file is refused before anything is written: say so, because a
    // user worried about their data needs to know it is intact.
    const bool server = Workspace::isServerLocation(path);
    box.setInformativeText(
        details + QStringLiteral("\n\n") +
        (server ? QMessageBox::tr("The database was not changed.")
                : QMessageBox::tr("The file was not changed.")) +
        (path.isEmpty() ? QString() : QStringLiteral("\n") + Workspace::shownLocation(path)));
    QPushButton* another = box.addButton(QMessageBox::tr("Open Another…"), QMessageBox::AcceptRole);
    QPushButton* dismiss = box.addButton(dismissText, QMessageBox::RejectRole);
    box.setDefaultButton(another);
    box.setEscapeButton(dismiss);
    box.exec();
    return box.clickedButton() == another ? OpenFailureChoice::OpenAnother
                                          : OpenFailureChoice::Dismiss;
}

}  // namespace aicp
