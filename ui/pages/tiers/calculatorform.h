#pragma once

#include "billing/contractquote.h"
#include "common/result.h"
#include "pricing/costengine.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QLocale;
class QSpinBox;

namespace aicp {

// What the calculator prices: the needs, the month's usage and the contract
// terms, exactly the inputs of `aicp quote --compare`.
struct CalculatorInput {
    Subscription needs;
    MonthlyUsage usage;
    QuoteTerms terms;
};

// The `aicp quote --compare …` command that prices the same input, so a quote
// seen in the console can be reproduced in a script or a terminal.
[[nodiscard]] QString quoteCommandLine(const CalculatorInput& input);

// The calculator's inputs. Emits inputChanged() on every keystroke or click
// so results follow as the user types; input() says what was entered, or
// which field cannot be read and why.
class CalculatorForm : public QWidget {
    Q_OBJECT
public:
    explicit CalculatorForm(QWidget* parent = nullptr);

    // Offers the version's policy packs, compliance modules and audit tiers,
    // keeping the user's choices that still exist.
    void setCatalog(const PriceBookVersion& prices);

    [[nodiscard]] Result<CalculatorInput> input() const;

signals:
    void inputChanged();

private:
    // The constructor's sections.
    void setUpRequests(const QLocale& locale);
    void setUpPeople();
    void setUpAuditAndDiscount(const QLocale& locale);
    void setUpContract(const QLocale& locale);
    [[nodiscard]] Result<std::optional<Commitment>> commitment() const;
    void buildLayout();
    void connectInputs();
    void rebuildChoices(QGridLayout* grid, std::vector<QCheckBox*>& boxes, const QStringList& ids,
                        QString (*nameOf)(const QString&), const QString& objectPrefix);
    [[nodiscard]] static QStringList checkedIds(const std::vector<QCheckBox*>& boxes);

    QLineEdit* requests_;
    QSpinBox* seats_;
    QSpinBox* agents_;
    QComboBox* auditTier_;
    QLineEdit* discount_;
    QComboBox* billingPeriod_;
    QLineEdit* commitment_;
    QComboBox* commitmentPeriod_;
    QCheckBox* sso_;
    QGridLayout* packsGrid_;
    QGridLayout* modulesGrid_;
    std::vector<QCheckBox*> packs_;
    std::vector<QCheckBox*> modules_;
};

}  // namespace aicp
