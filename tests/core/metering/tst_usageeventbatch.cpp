// The event batch and its key: SipHash's published vectors, exactly-once
// storage across batches, and events that share a key stay apart.
#include "metering/usageeventbatch.h"
#include "storage/query.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "storage/usageeventkey.h"
#include "support/tempworkspace.h"

#include <string>
#include <vector>

#include <QTest>

#include <sqlite3.h>

using namespace aicp;

namespace {

// Every event collides with every other.
std::int64_t sameKey(std::string_view, std::string_view) {
    return 42;
}

UsageEventRecord eventOf(std::string_view source, std::string_view id) {
    UsageEventRecord event;
    event.source = source;
    event.id = id;
    event.customer = "acme";
    event.agent = "a1";
    event.user = "u1";
    event.policyPacks = "pii";
    event.occurredAt = 1772359200;  // 2026-03-01T10:00:00Z
    event.quantity = 2;
    return event;
}

}  // namespace

class TestUsageEventBatch : public QObject {
    Q_OBJECT

private:
    test::TempWorkspace workspace_;

    std::int64_t count(std::string_view sql) {
        return queryInt64(workspace_->handle(), sql).value();
    }
    // Writes the events in batches of `capacity` inside one import.
    Result<UsageEventBatch::Counts> store(const std::vector<UsageEventRecord>& events,
                                          std::size_t capacity, UsageEventKeyFunction key) {
        Database* db = workspace_->handle();
        auto transaction = Transaction::begin(db);
        if (!transaction)
            return transaction.error();
        AICP_TRY(executeScript(db,
                               "INSERT INTO usage_imports (file_name, format, started_at, "
                               "finished_at, file_sha256) VALUES ('t.csv', 'csv', "
                               "'2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', '" +
                                   std::string(64, '0') + "')"));
        auto batch = UsageEventBatch::create(db, db->lastInsertId().value(), capacity, key);
        if (!batch)
            return batch.error();
        UsageEventBatch::Counts counts;
        for (const UsageEventRecord& event : events) {
            batch->add(event, false);
            if (batch->full())
                AICP_TRY(batch->write(counts, {}));
        }
        AICP_TRY(batch->write(counts, {}));
        AICP_TRY(transaction->commit());
        return counts;
    }

private slots:
    void init() { QVERIFY2(workspace_.renew(), qPrintable(workspace_.error())); }

    void sipHashMatchesThePublishedVectors() {
        // Aumasson and Bernstein, SipHash paper, appendix A: key 00..0f.
        const std::uint64_t k0 = 0x0706050403020100ULL;
        const std::uint64_t k1 = 0x0f0e0d0c0b0a0908ULL;
        QCOMPARE(sipHash24(k0, k1, {}), 0x726fdb47dd0e0e31ULL);
        QCOMPARE(sipHash24(k0, k1,
                           std::string_view("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09"
                                            "\x0a\x0b\x0c\x0d\x0e",
                                            15)),
                 0xa129ca6149be45e5ULL);
    }

    void keySeparatesSourceFromId() {
        QVERIFY(usageEventKey("ab", "c") != usageEventKey("a", "bc"));
        QVERIFY(usageEventKey("gw", "e1") != usageEventKey("gw", "e2"));
        QCOMPARE(usageEventKey("gw", "e1"), usageEventKey("gw", "e1"));
    }

    void uuidV7KeysFollowTheIdsTime() {
        // The id's first 12 hex digits (Unix milliseconds) are the top 48
        // bits; the low 16 are the digest's, so two sources differ.
        const std::int64_t key = usageEventKey("gw", "019ca6b0-d4a8-7abc-8def-0123456789ab");
        QCOMPARE(key >> 16, 0x019ca6b0d4a8LL);
        QVERIFY(usageEventKey("eu", "019ca6b0-d4a8-7abc-8def-0123456789ab") != key);
        QVERIFY(usageEventKey("gw", "019ca6b0-d4a9-7000-8000-000000000000") > key);
        // Upper-case hex is the same time; anything not a v7 UUID is digested
        // whole (here: version 4, a bad variant, a missing dash).
        QCOMPARE(usageEventKey("gw", "019CA6B0-D4A8-7ABC-8DEF-0123456789AB") >> 16,
                 0x019ca6b0d4a8LL);
        for (const char* other :
             {"019ca6b0-d4a8-4abc-8def-0123456789ab", "019ca6b0-d4a8-7abc-cdef-0123456789ab",
              "019ca6b0d4a8-7abc-8def-0123456789ab0"}) {
            QVERIFY2((usageEventKey("gw", other) >> 16) != 0x019ca6b0d4a8LL, other);
        }
    }

    void eventsSharingAKeyAreAllStoredOnce() {
        // Four distinct events and two repeats, all under one key, spread
        // over batches of two: the repeats find their first copy whether it
        // is in the same batch or an earlier one.
        const std::vector<UsageEventRecord> events = {
            eventOf("gw", "a"), eventOf("gw", "b"), eventOf("gw", "a"),
            eventOf("gw", "c"), eventOf("eu", "a"), eventOf("gw", "c"),
        };
        const UsageEventBatch::Counts counts = store(events, 2, &sameKey).value();
        QCOMPARE(counts.stored, 4);
        QCOMPARE(counts.duplicates, 2);
        QCOMPARE(count("SELECT count(*) FROM usage_events WHERE event_key = 42"), 4);
        QCOMPARE(count("SELECT count(DISTINCT source || '/' || event_id) FROM usage_events"), 4);

        // A later import of the same events stores none of them.
        const UsageEventBatch::Counts again = store(events, 4, &sameKey).value();
        QCOMPARE(again.stored, 0);
        QCOMPARE(again.duplicates, 6);
    }

    void aKeyRangeTooFullToScanIsLookedUpEventByEvent() {
        // Twenty events under one key fill a two-event batch's key range
        // beyond what a scan reads (kScanFactor per event): the later
        // batches look each event up, and still store each event once.
        std::vector<std::string> ids;
        for (int i = 0; i < 20; ++i)
            ids.push_back("e" + std::to_string(i));
        std::vector<UsageEventRecord> events;
        for (const std::string& id : ids)  // the records view the ids
            events.push_back(eventOf("gw", id));
        QCOMPARE(store(events, 20, &sameKey).value().stored, 20);
        QVERIFY(events.size() > 2 * UsageEventBatch::kScanFactor);

        events.push_back(eventOf("gw", "new-1"));
        events.push_back(eventOf("gw", "new-2"));
        events.push_back(eventOf("gw", "new-1"));
        const UsageEventBatch::Counts again = store(events, 2, &sameKey).value();
        QCOMPARE(again.stored, 2);
        QCOMPARE(again.duplicates, 21);
        QCOMPARE(count("SELECT count(*) FROM usage_events"), 22);
    }

    void theFirstOfEqualEventsInAFileIsTheOneStored() {
        UsageEventRecord first = eventOf("gw", "a");
        UsageEventRecord second = eventOf("gw", "a");
        second.user = "u2";
        const UsageEventBatch::Counts counts =
            store({first, eventOf("gw", "b"), second}, 8, &usageEventKey).value();
        QCOMPARE(counts.stored, 2);
        QCOMPARE(count("SELECT count(*) FROM usage_events WHERE event_id = 'a' AND user_id = 'u1'"),
                 1);
    }

    void eventsTakeIncreasingIdsInKeyOrderWithinABatch() {
        const UsageEventBatch::Counts counts =
            store({eventOf("gw", "x"), eventOf("gw", "y"), eventOf("gw", "z")}, 8, &usageEventKey)
                .value();
        QCOMPARE(counts.stored, 3);
        QCOMPARE(count("SELECT count(*) FROM usage_events a JOIN usage_events b "
                       "ON a.id < b.id AND a.event_key > b.event_key"),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestUsageEventBatch)
#include "tst_usageeventbatch.moc"
