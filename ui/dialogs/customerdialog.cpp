#include "dialogs/customerdialog.h"

#include "common/billingfields.h"
#include "dialogs/creditsection.h"
#include "storage/workspace.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace aicp {

CustomerDialog::CustomerDialog(Workspace& workspace, const QString& customerId, QWidget* parent)
    : ProfileDialog(workspace, WorkspaceArea::Customers, parent),
      name_(lineInput(QStringLiteral("customerNameInput"), tr("Name"),
                      tr("The name the console and reports show"))),
      legalName_(lineInput(QStringLiteral("customerLegalNameInput"), tr("Legal name"),
                           tr("The registered name invoices are addressed to; empty: the name"))),
      email_(lineInput(QStringLiteral("customerEmailInput"), tr("Billing email"),
                       tr("Where invoices and notices go"))),
      address_(linesInput(QStringLiteral("customerAddressInput"), tr("Address"),
                          tr("The postal address, one line per line"), 3)),
      country_(lineInput(QStringLiteral("customerCountryInput"), tr("Country"),
                         tr("An ISO 3166-1 alpha-2 code: GB, DE, US; it chooses the tax rate"))),
      region_(lineInput(QStringLiteral("customerRegionInput"), tr("Region"),
                        tr("An ISO 3166-2 code within the country (US-CA) whose own tax rate "
                           "applies; empty: the country's"))),
      taxId_(lineInput(QStringLiteral("customerTaxIdInput"), tr("Tax id"),
                       tr("The VAT number or other tax id: letters, digits, - . / and spaces"))),
      currency_(lineInput(QStringLiteral("customerCurrencyInput"), tr("Currency"),
                          tr("The ISO 4217 code the customer is billed in: USD, EUR, GBP"))),
      terms_(new QSpinBox(this)),
      taxExempt_(new QCheckBox(tr("The customer pays no &tax"), this)),
      credits_(new CreditSection(workspace, customerId, this)) {
    setObjectName(QStringLiteral("customerDialog"));
    country_->setMaxLength(2);
    region_->setMaxLength(6);
    currency_->setMaxLength(3);
    terms_->setObjectName(QStringLiteral("customerTermsInput"));
    terms_->setAccessibleName(tr("Payment terms"));
    terms_->setRange(0, CustomerStore::kMaxPaymentTermsDays);
    terms_->setSuffix(tr(" days"));
    terms_->setToolTip(tr("Days from an invoice's issue to its due date"));
    taxExempt_->setObjectName(QStringLiteral("customerTaxExemptInput"));
    taxExempt_->setToolTip(tr("Invoices charge 0 % tax with the exemption legend"));
    auto found = CustomerStore(workspace).find(customerId);
    if (found) {
        stored_ = *found;
        fill(stored_);
    } else {
        stored_.id = customerId;
    }
    setWindowTitle(tr("Customer %1").arg(found ? found->name : customerId));
    buildRows();
    addSection(credits_);
    finishForm(tr("The billing profile invoices to %1 are addressed with. The same profile as "
                  "'aicp customer edit'; each change is recorded in the audit log.")
                   .arg(customerId));
    if (!found)
        showLoadProblem(found.error().message());
}

void CustomerDialog::buildRows() {
    addRow(tr("&Name"), name_, [this] {
        return statusOf(readLine(tr("name"), name_->text(), CustomerStore::kMaxNameLength));
    });
    addRow(tr("&Legal name"), legalName_, [this] {
        return statusOf(
            readLine(tr("legal name"), legalName_->text(), CustomerStore::kMaxLegalNameLength));
    });
    addRow(tr("&Billing email"), email_, [this] { return statusOf(readEmail(email_->text())); });
    addRow(tr("&Address"), address_, [this] {
        return statusOf(
            readLines(tr("address"), address_->toPlainText(), CustomerStore::kMaxAddressLength));
    });
    addRow(tr("C&ountry"), country_, [this] { return statusOf(readCountry(country_->text())); });
    addRow(tr("Reg&ion"), region_, [this] {
        return statusOf(readRegion(region_->text(), country_->text().trimmed().toUpper()));
    });
    addRow(tr("Ta&x id"), taxId_, [this] { return statusOf(readTaxId(taxId_->text())); });
    addRow(tr("C&urrency"), currency_,
           [this] { return statusOf(readCurrency(currency_->text())); });
    addRow(tr("&Payment terms"), terms_);
    addRow(QString(), taxExempt_);
}

void CustomerDialog::fill(const Customer& customer) {
    name_->setText(customer.name);
    legalName_->setText(customer.legalName);
    email_->setText(customer.email);
    address_->setPlainText(customer.address);
    country_->setText(customer.country);
    region_->setText(customer.region);
    taxId_->setText(customer.taxId);
    currency_->setText(customer.currency);
    terms_->setValue(customer.paymentTermsDays);
    taxExempt_->setChecked(customer.taxExempt);
}

Customer CustomerDialog::customer() const {
    Customer customer = stored_;
    customer.name = name_->text();
    customer.legalName = legalName_->text();
    customer.email = email_->text();
    customer.address = address_->toPlainText();
    customer.country = country_->text();
    customer.region = region_->text();
    customer.taxId = taxId_->text();
    customer.currency = currency_->text();
    customer.paymentTermsDays = terms_->value();
    customer.taxExempt = taxExempt_->isChecked();
    return customer;
}

Status CustomerDialog::validate() const {
    return validateCustomer(customer());
}

Status CustomerDialog::store() {
    return CustomerStore(workspace()).update(customer());
}

}  // namespace aicp
