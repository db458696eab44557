#pragma once

#include "common/result.h"

#include <cstdint>
#include <vector>

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace aicp {

// One fictional customer of the demo.
struct DemoCustomer {
    QString id;
    QString name;
    QString domain;  // the email domain of its contacts
};

// What the demo workspace holds, read from :/aicp/demo/demo.json. Every
// generated value is derived from this definition and its seed; nothing
// comes from the clock.
struct DemoDefinition {
    std::uint64_t seed = 0;
    QDateTime start;         // the first customer can be onboarded from here (UTC)
    int onboardingDays = 0;  // customers are onboarded over this many days
    QStringList contacts;    // mailbox names of billing contacts ("billing", "finance")
    std::vector<DemoCustomer> customers;

    // Refuses a definition that names a field wrongly, repeats a customer id
    // or gives an id CustomerStore would refuse.
    [[nodiscard]] static Result<DemoDefinition> fromJson(const QByteArray& json);
    [[nodiscard]] static Result<DemoDefinition> loadDefault();
};

}  // namespace aicp
