#pragma once

#include "common/result.h"
#include "licensing/licensepayload.h"
#include "licensing/licenseregistry.h"
#include "licensing/publickeyring.h"

#include <functional>
#include <utility>
#include <vector>

#include <QCommandLineOption>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace aicp {
class Workspace;
}

namespace aicp::cli {

class Invocation;

// The most read of a license file or key (license verify, license add):
// larger than any license file; the verifier answers "malformed" for
// anything between its own limit and this.
constexpr qsizetype kMaxLicenseInput = 4 * 1024 * 1024;

// --key KEY: a license key given instead of a FILE (license verify, add).
[[nodiscard]] QCommandLineOption licenseKeyOption();
// The license a command works on: the text of its FILE argument or the
// --key given as `key`, exactly one of them ("give a license FILE or --key
// KEY"). `check` (optional) runs on the FILE once that is settled, before
// anything is read.
[[nodiscard]] Result<QByteArray> licenseInput(
    const Invocation& call, const QCommandLineOption& key,
    const std::function<Status(const QString& file)>& check = {});

// The full id as printed and accepted everywhere ("6f1c2a4e-…").
[[nodiscard]] QString idText(const QUuid& id);
// The first 8 characters: enough for `license show`, `revoke` and the others.
[[nodiscard]] QString shortIdText(const QUuid& id);

// A date option: YYYY-MM-DD (midnight UTC at the start of that day) or an
// RFC 3339 time with Z or an offset ("2026-11-24T09:30:00+01:00").
[[nodiscard]] Result<QDateTime> parseDateOption(const QString& optionName, const QString& text);

// The signed payload as its JSON object: the same field names and shapes as
// the license itself (SPEC section 3), so scripts learn one form.
[[nodiscard]] QJsonObject licenseJson(const LicensePayload& license);
// A license as the registry holds it (license list, show, add): its id,
// customer, tier, state at `now`, dates, supersession and revocation.
[[nodiscard]] QJsonObject licenseRecordJson(const LicenseRecord& record, const QDateTime& now);
// RFC 3339, or null for an invalid time.
[[nodiscard]] QJsonValue timeJson(const QDateTime& time);

using LabelledRows = std::vector<std::pair<QString, QString>>;

// Every entitlement of a license, one (label, value) row each: customer,
// tier, features, add-ons, limits, audit, contract, dates, key.
[[nodiscard]] LabelledRows licenseDetailRows(const LicensePayload& license);

// The keys of the --public-key PEM files given; an empty ring when none are.
[[nodiscard]] Result<PublicKeyRing> givenPublicKeys(const QStringList& paths);
// The keys the workspace trusts, for when none were given ("no public key
// to verify with: give --public-key PEM …" without a workspace or keys).
[[nodiscard]] Result<PublicKeyRing> workspacePublicKeys(Workspace* workspace);

// "Label:  value" lines, the labels padded to one width.
[[nodiscard]] QString labelledLines(const LabelledRows& rows);

}  // namespace aicp::cli
