#pragma once

#include <QStringList>
#include <QWidget>

namespace aicp {

// Stands in for a page a later release builds: says what the page will do,
// so the navigation is complete and nobody mistakes it for a broken screen.
class PlaceholderPage : public QWidget {
    Q_OBJECT
public:
    PlaceholderPage(const QString& title, const QString& summary, const QStringList& plans,
                    QWidget* parent = nullptr);
};

}  // namespace aicp
