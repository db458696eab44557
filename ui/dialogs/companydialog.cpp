#include "dialogs/companydialog.h"

#include "common/billingfields.h"
#include "storage/workspace.h"

#include <QLineEdit>
#include <QPlainTextEdit>

namespace aicp {

CompanyDialog::CompanyDialog(Workspace& workspace, QWidget* parent)
    : ProfileDialog(workspace, WorkspaceArea::Invoices, parent),
      name_(lineInput(QStringLiteral("sellerNameInput"), tr("Legal name"),
                      tr("The company's legal name, as invoices show it"))),
      address_(linesInput(QStringLiteral("sellerAddressInput"), tr("Address"),
                          tr("The postal address, one line per line"), 3)),
      country_(lineInput(QStringLiteral("sellerCountryInput"), tr("Country"),
                         tr("An ISO 3166-1 alpha-2 code: GB, DE, IE, US"))),
      taxId_(lineInput(QStringLiteral("sellerTaxIdInput"), tr("Tax id"),
                       tr("The VAT number or other tax id: letters, digits, - . / and spaces"))),
      email_(lineInput(QStringLiteral("sellerEmailInput"), tr("Email"),
                       tr("Where customers write about invoices"))),
      paymentInstructions_(linesInput(QStringLiteral("sellerPaymentInput"),
                                      tr("Payment instructions"),
                                      tr("How to pay: bank, IBAN, reference"), 3)),
      footer_(linesInput(QStringLiteral("sellerFooterInput"), tr("Invoice footer"),
                         tr("Printed at the foot of every invoice"), 2)) {
    setObjectName(QStringLiteral("companyDialog"));
    setWindowTitle(tr("Company"));
    country_->setMaxLength(2);
    auto stored = SellerStore(workspace).load();
    if (stored && *stored)
        fill(**stored);
    buildRows();
    finishForm(
        tr("Your company as its invoices name the seller. The same profile as "
           "'aicp seller set'; each change is recorded in the audit log."));
    if (!stored)
        showLoadProblem(stored.error().message());
}

void CompanyDialog::buildRows() {
    addRow(tr("&Legal name"), name_, [this] {
        return statusOf(readLine(tr("name"), name_->text(), SellerStore::kMaxNameLength));
    });
    addRow(tr("&Address"), address_, [this] {
        return statusOf(
            readLines(tr("address"), address_->toPlainText(), SellerStore::kMaxAddressLength));
    });
    addRow(tr("C&ountry"), country_, [this] { return statusOf(readCountry(country_->text())); });
    addRow(tr("&Tax id"), taxId_, [this] { return statusOf(readTaxId(taxId_->text())); });
    addRow(tr("&Email"), email_, [this] { return statusOf(readEmail(email_->text())); });
    addRow(tr("&Payment instructions"), paymentInstructions_, [this] {
        return statusOf(readLines(tr("payment instructions"), paymentInstructions_->toPlainText(),
                                  SellerStore::kMaxPaymentInstructionsLength));
    });
    addRow(tr("&Footer"), footer_, [this] {
        return statusOf(
            readLines(tr("footer"), footer_->toPlainText(), SellerStore::kMaxFooterLength));
    });
}

void CompanyDialog::fill(const SellerProfile& seller) {
    name_->setText(seller.name);
    address_->setPlainText(seller.address);
    country_->setText(seller.country);
    taxId_->setText(seller.taxId);
    email_->setText(seller.email);
    paymentInstructions_->setPlainText(seller.paymentInstructions);
    footer_->setPlainText(seller.footer);
}

SellerProfile CompanyDialog::profile() const {
    SellerProfile seller;
    seller.name = name_->text();
    seller.address = address_->toPlainText();
    seller.country = country_->text();
    seller.taxId = taxId_->text();
    seller.email = email_->text();
    seller.paymentInstructions = paymentInstructions_->toPlainText();
    seller.footer = footer_->toPlainText();
    return seller;
}

Status CompanyDialog::validate() const {
    auto normalized = normalizedSeller(profile());
    if (!normalized)
        return normalized.error();
    return {};
}

Status CompanyDialog::store() {
    return SellerStore(workspace()).save(profile());
}

}  // namespace aicp
