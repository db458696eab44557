#include "cli/clicommands.h"
#include "cli/licensingtext.h"
#include "licensing/licenseregistry.h"

namespace aicp::cli {
namespace {

QString addedText(const AddedLicense& added, const QDateTime& now) {
    const LicensePayload& license = added.record.license;
    const QString facts =
        QStringLiteral("%1 for %2 (%3): %4, valid until %5, %6")
            .arg(idText(license.id), license.customerName, license.customerId, license.tier,
                 toRfc3339(license.expiresAt), word(added.record.stateAt(now)));
    if (added.alreadyHeld)
        return QStringLiteral("Already held: license %1; nothing was changed.\n").arg(facts);
    QString text = QStringLiteral("Added license %1.\n").arg(facts);
    if (license.supersedes)
        text += QStringLiteral("It supersedes license %1.\n").arg(idText(*license.supersedes));
    return text;
}

class LicenseAddCommand final : public Command {
public:
    LicenseAddCommand() : Command(QStringLiteral("license add")) { ownOptions_ = {key_}; }

private:
    const QCommandLineOption key_ = licenseKeyOption();

    int execute(Invocation& call) const override {
        AICP_CLI_TRY(text, licenseInput(call, key_), fail);
        AICP_CLI_TRY(workspace, call.workspace(), failure);
        // A license that is refused (revoked, expired, tampered with, another
        // customer's) is the license's state, not the command line's mistake.
        AICP_CLI_TRY(added, LicenseRegistry(**workspace).add(*text), failure);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonObject object = licenseRecordJson(added->record, now);
        object.insert(QStringLiteral("verification"), word(added->status));
        object.insert(QStringLiteral("already_held"), added->alreadyHeld);
        return call.print(object, addedText(*added, now));
    }
};

}  // namespace

const Command& licenseAddCommand() {
    static const LicenseAddCommand command;
    return command;
}

}  // namespace aicp::cli
