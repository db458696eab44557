#include "support/scratchdatabase.h"

#include "storage/postgresdatabase.h"

#include <QUrl>
#include <QUuid>

namespace aicp::test {

namespace {

// Runs one statement on the cluster's maintenance database.
QString runOnCluster(const std::string& sql) {
    auto cluster = PostgresDatabase::connect(testPostgres());
    if (!cluster)
        return cluster.error().message();
    const Status done = (*cluster)->executeScript(sql);
    return done.ok() ? QString() : done.error().message();
}

}  // namespace

QString testPostgres() {
    const QString uri = qEnvironmentVariable("AICP_TEST_POSTGRES");
    // The postgres test preset must not pass quietly on SQLite.
    if (uri.isEmpty() && qEnvironmentVariableIsSet("AICP_TEST_NEEDS_POSTGRES"))
        qFatal(
            "these tests need a PostgreSQL cluster: run them through "
            "packaging/with-postgres.sh");
    return uri;
}

ScratchDatabase::ScratchDatabase(const QString& copyOf) {
    // Unique across the test processes that run at once.
    name_ = QStringLiteral("aicp_test_") + QUuid::createUuid().toString(QUuid::Id128).left(20);
    std::string sql = "CREATE DATABASE " + name_.toStdString();
    if (!copyOf.isEmpty())
        sql += " TEMPLATE " + QUrl(copyOf).path().mid(1).toStdString();
    error_ = runOnCluster(sql);
    if (!error_.isEmpty())
        return;
    QUrl url(testPostgres());
    url.setPath(QLatin1Char('/') + name_);
    uri_ = url.toString();
}

ScratchDatabase::~ScratchDatabase() {
    if (uri_.isEmpty())
        return;
    const QString dropped =
        runOnCluster("DROP DATABASE IF EXISTS " + name_.toStdString() + " WITH (FORCE)");
    if (!dropped.isEmpty())
        qWarning("could not drop the test database %s: %s", qPrintable(name_), qPrintable(dropped));
}

}  // namespace aicp::test
