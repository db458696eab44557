#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>

namespace aicp::jsoncorpus {

// The documents of tests/hardening/corpus/json whose names start with
// `prefix`: "n_" JSON that RFC 8259 refuses, "y_" JSON it accepts (in the
// manner of JSONTestSuite's n_*.json and y_*.json), as (name, bytes).
inline QList<QPair<QString, QByteArray>> documents(const QString& prefix) {
    const QDir folder(qEnvironmentVariable("AICP_TEST_SOURCE_DIR") +
                      QStringLiteral("/tests/hardening/corpus/json"));
    QList<QPair<QString, QByteArray>> found;
    for (const QString& name :
         folder.entryList({prefix + QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(folder.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            found.append({name, file.readAll()});
    }
    return found;
}

}  // namespace aicp::jsoncorpus
