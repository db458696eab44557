#include "support/usageaggregates.h"

#include "common/utctime.h"
#include "storage/statement.h"
#include "storage/workspace.h"

#include <cstdio>

#include <QTest>

namespace aicp::test {

std::string monthOf(std::int64_t seconds) {
    const utc::CivilDate date = utc::civilFromDays(utc::floorDiv(seconds, utc::kSecondsPerDay));
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", date.year, date.month);
    return text;
}

UsageAggregates readUsageAggregates(Workspace& workspace) {
    UsageAggregates result;
    Database* db = workspace.handle();
    const auto each = [db](const char* sql, const auto& take) {
        auto query = Statement::prepare(db, sql);
        QVERIFY(query);
        while (query->step().value())
            take(*query);
    };
    each("SELECT customer_id, hour, requests FROM usage_hourly", [&](Statement& q) {
        result.hourly[{q.text(0).toStdString(), q.int64(1)}] = q.int64(2);
    });
    each("SELECT customer_id, hour, policy_pack, requests FROM usage_hourly_policy_packs",
         [&](Statement& q) {
             result.packs[{q.text(0).toStdString(), q.int64(1), q.text(2).toStdString()}] =
                 q.int64(3);
         });
    each(
        "SELECT customer_id, hour, compliance_module, requests FROM "
        "usage_hourly_compliance_modules",
        [&](Statement& q) {
            result.modules[{q.text(0).toStdString(), q.int64(1), q.text(2).toStdString()}] =
                q.int64(3);
        });
    each("SELECT customer_id, month, user_id FROM usage_monthly_users", [&](Statement& q) {
        result.users.insert(
            {q.text(0).toStdString(), q.text(1).toStdString(), q.text(2).toStdString()});
    });
    each("SELECT customer_id, month, agent_id FROM usage_monthly_agents", [&](Statement& q) {
        result.agents.insert(
            {q.text(0).toStdString(), q.text(1).toStdString(), q.text(2).toStdString()});
    });
    each("SELECT count(*) FROM usage_events", [&](Statement& q) { result.events = q.int64(0); });
    each("SELECT count(*) FROM usage_imports", [&](Statement& q) { result.imports = q.int64(0); });
    return result;
}

UsageAggregates expectedUsageAggregates(std::initializer_list<const UsageGenerator*> generators,
                                        std::int64_t* distinctEvents) {
    UsageAggregates expected;
    std::set<std::pair<std::string, std::string>> seen;
    for (const UsageGenerator* generator : generators) {
        for (std::int64_t row = 0; row < generator->spec().rows; ++row) {
            const GeneratedEvent event = generator->event(row);
            if (!seen.insert({event.source, event.id}).second)
                continue;
            const std::int64_t hour = event.occurredAt / 3600 * 3600;
            expected.hourly[{event.customer, hour}] += event.quantity;
            for (const std::string& pack : event.policyPacks)
                expected.packs[{event.customer, hour, pack}] += event.quantity;
            for (const std::string& module : event.complianceModules)
                expected.modules[{event.customer, hour, module}] += event.quantity;
            expected.users.insert({event.customer, monthOf(event.occurredAt), event.user});
            expected.agents.insert({event.customer, monthOf(event.occurredAt), event.agent});
        }
    }
    *distinctEvents = std::int64_t(seen.size());
    expected.events = *distinctEvents;
    return expected;
}

}  // namespace aicp::test
