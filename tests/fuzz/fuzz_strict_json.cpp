// StrictJson, the one reader of untrusted JSON (request bodies, pull
// answers). Invariants: every refusal says where ("line L, column C: …");
// what it accepts Qt reads too, with elements of a top-level array inside
// the input and in order; and what Qt cannot read at all it never accepts.
#include "common/strictjson.h"

#include <cstdint>
#include <cstdlib>

#include <QByteArray>
#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray json(reinterpret_cast<const char*>(data), qsizetype(size));
    qsizetype lastEnd = 0;
    const auto element = [&](qsizetype begin, qsizetype end) {
        if (begin < lastEnd || end <= begin || end > json.size())
            std::abort();
        lastEnd = end;
    };
    const auto checked = aicp::StrictJson::check(json, element);
    if (!checked) {
        if (!checked.error().message().startsWith(QLatin1String("line ")))
            std::abort();
        return 0;
    }
    const QByteArray trimmed = json.trimmed();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('['))
        return 0;  // a lone scalar: valid JSON, not a QJsonDocument
    QJsonParseError error{};
    QJsonDocument::fromJson(json, &error);
    // Qt refuses only what overflows a double (1e400) among strict JSON.
    if (error.error != QJsonParseError::NoError && error.error != QJsonParseError::IllegalNumber)
        std::abort();
    return 0;
}
