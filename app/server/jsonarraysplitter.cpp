#include "server/jsonarraysplitter.h"

#include "common/strictjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace aicp {

namespace {

Error notAnObject(qsizetype element) {
    return Error::invalidInput(
        QStringLiteral("event #%1: must be a JSON object (a CloudEvent)").arg(element));
}

// The strict bytes of an array whose numbers QJsonDocument reads as it
// always has, each element compact on its own line.
Result<JsonArraySplitter::Lines> rewritten(const QByteArray& body) {
    JsonArraySplitter::Lines result;
    QJsonParseError parseError{};
    const QJsonArray events = QJsonDocument::fromJson(body, &parseError).array();
    // Strict JSON Qt still refuses: a number beyond a double's range.
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalidInput(QStringLiteral("%1: %2").arg(
            textPosition(body, parseError.offset), parseError.errorString()));
    for (const QJsonValue& event : events) {
        result.lines += QJsonDocument(event.toObject()).toJson(QJsonDocument::Compact);
        result.lines += '\n';
    }
    result.elements = events.size();
    return result;
}

}  // namespace

Result<JsonArraySplitter::Lines> JsonArraySplitter::split(const QByteArray& body) {
    Lines result;
    result.lines.reserve(body.size() + 1);
    qsizetype firstNotObject = 0;
    const auto element = [&](qsizetype begin, qsizetype end) {
        ++result.elements;
        if (body[begin] != '{') {
            if (firstNotObject == 0)
                firstNotObject = result.elements;
            return;
        }
        const qsizetype from = result.lines.size();
        result.lines.append(body.constData() + begin, end - begin);
        // Raw line breaks cannot be inside a strict JSON string: these are
        // whitespace between tokens.
        for (char* c = result.lines.data() + from; c != result.lines.data() + result.lines.size();
             ++c)
            if (*c == '\n' || *c == '\r')
                *c = ' ';
        result.lines.append('\n');
    };
    auto facts = StrictJson::check(body, element);
    if (!facts)
        return facts.error();
    if (!body.trimmed().startsWith('['))
        return Error::invalidInput(
            QStringLiteral("line 1, column 1: the body must be a JSON array"));
    if (firstNotObject != 0)
        return notAnObject(firstNotObject);
    if (facts->hasFractions)
        return rewritten(body);
    return result;
}

}  // namespace aicp
