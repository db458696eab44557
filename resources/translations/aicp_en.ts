<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>PageText</name>
    <message>
        <source>%1 request of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seat of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seats of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 agent of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 agents of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 policy packs of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 compliance modules of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 instance of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 instances of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceBookEditor</name>
    <message>
        <source>Tier id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base price / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests included / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beyond the included requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy packs included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra policy pack / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance modules included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra compliance module / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra seat / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit retention included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit upgrades sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired (no new licenses)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aicp workspaces (*.aicp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Another…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to be a license file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new, %2 duplicate, %3 late of %4 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generating the signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the vendor&apos;s public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to keep the workspace file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is a folder; add a file name such as workspace.aicp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file already exists there. Choose another name, or go back and open it as an existing workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1 (is a file there already?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the %1 %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to be a %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vendor&apos;s public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a public key (PEM): %2. Ask the vendor for the public key file they export from aicp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>license file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not signed with this public key (%2): %3. Ask the vendor for the public key that signed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not match its signature: it was changed after it was signed, or it is not from this vendor (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an aicp license file: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2: %3. Ask the vendor for a current license.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing new (%1 windows unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new windows, %2 revised, %3 unchanged; requests %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 held in invoiced months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license received when this workspace was made could not be kept: %1. Add a current one with File ▸ Add License…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license received when this workspace was made is now in its registry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::ActivationFileDialog</name>
    <message>
        <source>Activation File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activates %1 on a machine that cannot reach the service. The file is signed with the workspace&apos;s key; the gateway there checks it offline. It holds one of the license&apos;s instances until it expires or you release it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the gateway reports it, e.g. sha256:4be1c0…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the gateway reports as its machine&apos;s fingerprint: 1 to 128 characters, no spaces. The file is valid on that machine only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The machine&apos;s name, shown in the list of instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, for people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the file lets the machine run the license; it holds one instance until then or until released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never past the license&apos;s end, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Machine fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hostname:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the fingerprint the gateway reports for its machine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::ActivationTermInputs</name>
    <message>
        <source>Unli&amp;mited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateways that may run the license at once; 0 keeps the tier&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any number of gateways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floating: a gateway that misses two heartbeats frees its place. Node-locked: a place stays with its machine until released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heartbeat interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between a gateway&apos;s heartbeats (%1 to %2); 0 keeps the tier&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instanc&amp;es</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acti&amp;vation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier&apos;s (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier&apos;s (unlimited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier&apos;s (%1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node-locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::AllCustomersView</name>
    <message>
        <source>Requests, every customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers with usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Near or over a limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per day, every customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limits at 80 % or more of the license</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · no license</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer has usage in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>near the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every customer is within their limits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::AskUpgradeDialog</name>
    <message>
        <source>Ask for Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More of %1 in place of license %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in place of %2 (license %3), until %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1: %2 requests so far, %3 projected by the month&apos;s end, against a limit of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1: %2 requests so far, %3 projected by the month&apos;s end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1 asks for %2&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;&lt;p&gt;%5&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for your vendor (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. we are onboarding two more teams in January</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is saved as a JSON file for the vendor&apos;s console and a PDF beside it to read. Send both to your account manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Request…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::BreakdownChart</name>
    <message>
        <source>No %1 in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2: %3 requests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::CalculatorForm</name>
    <message>
        <source>Needs single sign-on (SSO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Governed AI requests expected in a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who sign in to the control plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI agents sending traffic through the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract discount on the recurring charges; requests are never discounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Requests / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;gents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;udit retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discount %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As included in the tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests: “%1” is not a whole number of requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long audit records must be kept; a tier that keeps them shorter is priced with the retention added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual, in advance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual: a contract year&apos;s recurring charges on the invoice of the month it starts; requests beyond the quota are billed monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum spend: a month that costs less is billed up to it (a yearly commitment, a twelfth of it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the minimum is per month or per contract year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comm&amp;itment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment: “%1” is not an amount above 0</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::CatalogNames</name>
    <message>
        <source>PII protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt injection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toxicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data residency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GDPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HIPAA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOC 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EU AI Act</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCI DSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic governance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single sign-on (SSO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dedicated support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepaid unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment true-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::ChosenFile</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to be %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::CompanyDialog</name>
    <message>
        <source>Legal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company&apos;s legal name, as invoices show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The postal address, one line per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ISO 3166-1 alpha-2 code: GB, DE, IE, US</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VAT number or other tax id: letters, digits, - . / and spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where customers write about invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to pay: bank, IBAN, reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed at the foot of every invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your company as its invoices name the seller. The same profile as &apos;aicp seller set&apos;; each change is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ountry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tax id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payment instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>footer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::ContextBar</name>
    <message>
        <source>The customer the pages work on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month: usage, reports and the price book version in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer billing profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See or edit the selected customer&apos;s billing profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::ContractTermInputs</name>
    <message>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At &amp;least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No c&amp;harge before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annually, in advance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annually: each contract year&apos;s recurring charges on the invoice of the month it starts; requests beyond the quota are still billed monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A minimum spend: a period billed below it is trued up to it on its last invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The least the customer pays per period, before tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per calendar month, or per contract year from the license&apos;s start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per contract year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trial: nothing is charged for any time before this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day that is charged, from midnight UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contract.commitment: give the least amount the customer pays</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::CostReportModel</name>
    <message>
        <source>%1 — no license in force this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month&apos;s %1 charges, summed over its license periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sum of the month&apos;s charges, before tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each charge&apos;s net times the customer&apos;s rate, rounded once per charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::CreditNoteDialog</name>
    <message>
        <source>#%1 %2: %3 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the net amount to credit, e.g. 120.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No line has anything left to credit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credit note takes back %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 and %3 of %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit Invoice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What of invoice %1 (%2) does the credit note take back? Each line&apos;s tax goes with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ll that remains: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A net &amp;amount, spread over the lines:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One &amp;line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net amount to credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 120.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line to credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason, printed on the credit note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. seats were counted twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the credit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed on the credit note; required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::CreditSection</name>
    <message>
        <source>No credit granted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grant Credit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forfeited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant this customer prepaid credit, as &apos;aicp credits grant&apos; does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepaid credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of prepaid credit available now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 expired unused and was forfeited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s credit cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credits are granted in the vendor&apos;s workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can read this credit but not grant any: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::CustomerDialog</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name the console and reports show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registered name invoices are addressed to; empty: the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where invoices and notices go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The postal address, one line per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ISO 3166-1 alpha-2 code: GB, DE, US; it chooses the tax rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The VAT number or other tax id: letters, digits, - . / and spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ISO 4217 code the customer is billed in: USD, EUR, GBP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer pays no &amp;tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days from an invoice&apos;s issue to its due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices charge 0 % tax with the exemption legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The billing profile invoices to %1 are addressed with. The same profile as &apos;aicp customer edit&apos;; each change is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>legal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Billing email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ountry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;x id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payment terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ISO 3166-2 code within the country (US-CA) whose own tax rate applies; empty: the country&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reg&amp;ion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::CustomerLicensePage</name>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brow&amp;se…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip for now: import the vendor&apos;s key and license later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the license file your vendor sent. It is checked against the vendor&apos;s public key before anything is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor&apos;s public key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PEM file the vendor exported from aicp (aicp-public-key-….pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aicp-public-key-….pem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license file (-----BEGIN AICP LICENSE-----) the vendor sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>license.lic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse for the vendor&apos;s public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the vendor&apos;s public key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse for the license file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the license file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor&apos;s Public Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM public keys (*.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License files (*.lic *.license *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the customer workspace without a license; Settings ▸ Import Public Key and Licenses ▸ Verify are there later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor&apos;s public &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;License file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A license names the key that signed it but does not carry it, so the vendor&apos;s public key comes with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose both files; the license is checked as soon as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another file to try again, or skip for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid, in its grace period (expired %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Signed, valid from %1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Valid until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3), tier %4. Signed by the vendor&apos;s key %5.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::CustomerPicker</name>
    <message>
        <source>The customers the report covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every customer the filter shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncheck every customer the filter shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::DashboardPage</name>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Near or over a limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licenses expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue by pricing axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers near or over a limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licenses expiring in the next %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing %1 for every customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for cheaper or safer tiers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every customer is on the tier its usage calls for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saves %1 a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a month more, to stay within limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to stay within limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 so far · as of %2 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each customer&apos;s bill would be if the month ended now: recurring charges for the whole month, usage so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month&apos;s bills, as the Reports page and `aicp report cost` give them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every customer is within its limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2%3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1&apos;s usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license runs out in the next %1 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired %1 day ago, in its grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired %1 days ago, in its grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires in %1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires in %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the license on the Licenses page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute the figures again from the workspace (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projected month-end cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits near or over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License runs until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your bill by pricing axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your license&apos;s limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your license expiring in the next %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your bill if the month ended now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your bill for the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests so far, %2 projected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license in force to price the month with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over, %2 near (80 % or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 license, %2 days from now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 license, in its grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license in force: add the one your vendor sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tier serves this usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license in force to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stays the cheapest tier for your usage, at %2 a month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 would save %2 a month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 a month more, to stay within your limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What your bill would be if the month ended now: recurring charges for the whole month, usage so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All customers, so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All customers, whole month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over, %2 at 80 % or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next %1 days, not renewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None past its due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unpaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, plus %1 tax</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::DesktopNotices</name>
    <message>
        <source>aicp Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (and %2 to see on the Dashboard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 % of a limit reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 %3 this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the license runs out in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It ends on %1 and is not renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the license has run out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It ended on %1; no other license took over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the trial ends soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trial ends on %1; billing starts then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1 is overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was due on %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::FirstInvoiceView</name>
    <message>
        <source>First invoice: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is charged this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First invoice, %1, total %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First invoice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::FirstRunPage</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::FirstRunWizard</name>
    <message>
        <source>New Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit without creating anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without creating anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the workspace file and open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This system has no writable folder for application data; create the demo with `aicp demo --db FILE` and open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the demo workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the demo workspace (a few seconds)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo workspace could not be opened: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aicp workspaces (*.aicp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the workspace and its signing key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::GrantCreditDialog</name>
    <message>
        <source>a plain decimal amount such as 10000.00, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credit in %1, e.g. 10000.00 (above 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the customer paid for it, 0 up to the amount; empty: the amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it is granted; the audit log keeps it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant Credit to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unused credit is forfeited when it expires; unticked: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unused credit is forfeited at midnight UTC of this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepaid credit for %1 in %2. Invoices use it as they are issued, the grant soonest to expire first; unused credit is forfeited when it expires. The same grant as &apos;aicp credits grant&apos;; it is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paid (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at midnight UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot grant the credit: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::ImportProgressStrip</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the import; nothing from the file being read is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 · %2 rows · %3 MB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 · %2 rows read · building the key index</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::ImportWording</name>
    <message>
        <source>%1 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (see %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new, %2 duplicates, %3, %4 late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing from %1 was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Nothing from %2 was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::InstancesPanel</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s license %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Activation File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation files (*.act);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When its file expires; a released machine&apos;s is when it was released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release Instance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free the selected machine&apos;s instance for another machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;tivation File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign an activation file for a machine that cannot reach the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a license to see the machines it runs on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 instances in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s) in use; the license allows any number.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Fingerprint %1
Activation %2
Activated %3 by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No machine has been activated yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a license in force runs on machines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release the instance machine %1 holds? Its gateway stops at its next heartbeat, or when its file expires; another machine can take the place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released the instance of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; no activation file was signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign an activation file of %1 for machine %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activation was made, but %1 could not be written (%2); sign the file again for the same machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the activation file of %1 to %2, valid until %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::InvoiceTableModel</name>
    <message>
        <source>Credited by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credited (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 less %2 of prepaid credit: %3 due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly credited (%1), due %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open, due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stripe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::InvoicesPanel</name>
    <message>
        <source>Issue Invoice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No invoice has been issued for %1 yet. Issue one per customer once the month has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer of the report had a license in force in %1: there is nothing to invoice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer to invoice for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the report shown; choose the customers to report on first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue the invoice of %1 for %2, for a total of %3?

Issuing cannot be undone: the invoice takes the next number of the year and never changes. A mistake is corrected only by a credit note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued invoice %1 to %2 for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue Credit Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credited invoice %1 with credit note %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invoice was saved as %1, but no PDF viewer opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invoice is credited already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued invoice %1 to %2 for %3, less %4 of prepaid credit: %5 due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record Payment of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that %1 paid invoice %2: %3. A payment cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day the money arrived (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. SEPA transfer 2026-12-20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer&apos;s reference; required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record Payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1 is paid: %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is left to pay on this invoice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that the selected invoice was paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the month may then be invoiced again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the invoice remains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit %3 of invoice %1 of %2, because: %4?

The credit note is numbered and cannot be undone; %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit all or part of the selected invoice with a credit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push to Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1 is in Stripe as %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice %1 was in Stripe already (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer pays at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit notes sent: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change in Stripe since the last sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (recorded as paid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Stripe: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. What was sent stays in Stripe; push again to go on where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the request under way…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test mode: no real money moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live mode: the customer is asked to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send what is new of invoice %1 (its credit notes) to Stripe?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send invoice %1 of %2 to Stripe for payment: %3 due?

Stripe numbers it and sends it to the customer as the account&apos;s settings say (key %4, %5). It cannot be taken back from here: a credit note corrects it, and a push sends that too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push to Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing %1 to Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing to Stripe: %1 (%2 of %3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking Stripe about the pushed invoices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stripe is not configured: an admin gives aicp the account&apos;s secret key with `aicp stripe configure --secret-key-file FILE`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the push or sync after the request under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is left to collect on this invoice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected invoice and its credit notes to Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read back from Stripe which pushed invoices were paid, voided or marked uncollectible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::LedgerPanel</name>
    <message>
        <source>Export C&amp;SV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month&apos;s postings as CSV, byte for byte what `aicp ledger export` writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month&apos;s postings as JSON, as `aicp ledger export --format json` writes them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: debit %2, credit %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was invoiced, credited, paid, granted or forfeited in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Ledger as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Ledger as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::LedgerTableModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit forfeited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::LicenseDetailsView</name>
    <message>
        <source>%1 tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add-ons and features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 days&apos; retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % on recurring charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month to month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day, until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days, until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature and lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supersedes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superseded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 per contract year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annually, in advance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No charge before %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, heartbeat every %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>floating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node-locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::LicenseIssueDialog</name>
    <message>
        <source>Issue License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer-id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowercase letters, digits and &apos;-&apos;; fixed once issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 keeps the seats the tier includes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 keeps the agents the tier includes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As included in the tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today means valid from the moment of signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the license keeps working, flagged, after it expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract discount on the recurring charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month to month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;gents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;udit retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discount %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade License %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign Upgrade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An upgrade keeps the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Included (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 includes every one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 includes %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; more are sold as extras.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and sells no extra %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the new customer an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the new customer a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer with id &apos;%1&apos; already exists; choose it from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot issue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license can be issued as the form stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before requests beyond the %1 included each month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests are unlimited on this tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ntil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer the license is for, or a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s name as invoices and reports show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tier the license grants: its limits, features and price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long audit records are kept; longer than the tier includes is charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day the license is valid, before any grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs for days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many days the license is valid from its start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license runs a number of days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license runs until a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contract&apos;s commitment; a longer term may earn a discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;arts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace &amp;period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract te&amp;rm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ign and Issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No invoice until the form can be issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed a contract year at a time, in advance.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::LicenseState</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In grace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid, in grace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock rollback</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::LicenseTableModel</name>
    <message>
        <source>Expires today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires in %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renews or upgrades %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supersedes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::LicensesPage</name>
    <message>
        <source>Select a license to see everything it grants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue License…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a new signed license</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue the same terms for another period, starting when this one ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue a license with another tier or add-ons that supersedes this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permanently revoke this license and publish a new revocation list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the license file to send to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the one-line license key to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify License…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a pasted key or a license file and see what it grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the registry again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by id, customer or key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring within %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a customer workspace: it verifies licenses but cannot issue or revoke them. Switch the mode in Settings to issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace has no signing key yet: generate one in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the running operation to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a license first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This license was revoked; issue a new one instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This license is already revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 license</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license matches the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license has been issued in this workspace yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign a new %1 license for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued %1 license %2 for %3, valid until %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign a %1 license for %2 that supersedes %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued %1 license %2 for %3; it supersedes %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the renewal of %1&apos;s %2 license %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewed %1 as %2, valid %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the revocation of %1&apos;s license %2 and a new revocation list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked license %1 of %2; the new revocation list is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved license %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save License File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License files (*.lic);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the key of license %1 to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only the licenses whose id, customer or key contains the text (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only the licenses of one tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only the licenses in one state, or expiring soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the billing profile of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Customer workspace.&lt;/b&gt; These are the licenses received from the vendor, verified and never issued here. Add a new one with Add License… or by dropping its file on the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license received yet: add the one your vendor sent with File ▸ Add License…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The billing profile of the selected license&apos;s customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::LiveSourceDialog</name>
    <message>
        <source>Add live source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit live source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Gateway EU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a read token from `aicp tokens create --role read`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (%1); type a new token to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only on demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aicp serve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenMeter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aicp serve: another aicp service, whose usage events are pulled.
OpenMeter: an OpenMeter-compatible meter query API, whose hourly meter values are pulled into the same aggregates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the console and `aicp usage pull --name` call this source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes between automatic pulls; a failing source is retried sooner at first, then less often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required. The OpenMeter meter (slug or id) that counts governed requests; its subject must be the customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. governed_requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy packs meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. The meter of requests per policy pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy pack group-by key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meter&apos;s group-by key whose values are policy pack names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group-by key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance modules meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. The meter of requests per compliance module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance module group-by key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meter&apos;s group-by key whose values are compliance module names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. A meter grouped by user: each user with a value in a month is one active user (seat) of that month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User group-by key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meter&apos;s group-by key whose values are user ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. A meter grouped by agent: each agent with a value in a month is one active agent of that month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent group-by key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The meter&apos;s group-by key whose values are agent ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users (seats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grouped by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenMeter API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OpenMeter API&apos;s root, e.g. https://openmeter.cloud or http://HOST:8888 for a self-hosted one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The aicp service&apos;s base URL (what `aicp serve` listens on) or its /api/pricing/usage/events endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenMeter API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. An OpenMeter API token; a self-hosted OpenMeter without authentication needs none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token with the read role on the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: none for a self-hosted OpenMeter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::LiveSourcesPanel</name>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling %1… %2 events received so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the live sources: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every %1 min, next %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pulling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never pulled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — retrying in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add the live source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1. Test the connection or pull now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the live source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove live source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the live source “%1”? Its URL and token are deleted from the workspace; the events already pulled stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the live source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the connection test failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulled %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the outcome could not be stored: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling %1… %2 of %3 hours so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an aicp service or an OpenMeter API to pull usage from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the service answers and accepts the token (for OpenMeter: knows the requests meter), importing nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull the selected source&apos;s new events or hourly values now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenMeter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No live sources yet. Add an aicp service (its URL and a read token) or an OpenMeter API (its URL and meters) to pull its usage on demand or every few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live sources</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::LocationPage</name>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vendor — I generate a signing key and issue licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ustomer — I received a license from a vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a New Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the workspace file goes and who it belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new workspace file; it must not exist yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse for the workspace file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder and name in a file dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue, renew, upgrade and revoke signed licenses; the next step makes the signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the licenses a vendor gives you and see your usage against them; never signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mode can be switched later in Settings. A customer workspace holds public keys only and cannot issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aicp workspaces (*.aicp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new file; nothing is written before you finish.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::MainWindow</name>
    <message>
        <source>That license is not in the list any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month so far across every customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the tiers side by side and price a prospect&apos;s needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue, renew, upgrade and revoke signed licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metered traffic against each license&apos;s limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tier each customer&apos;s usage calls for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly cost reports and invoices for finance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI Control Plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pricing &amp; licensing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About aicp Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First start: this is the demo workspace, with sample customers to explore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price book %1, in force from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About aicp Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;aicp Console %1&lt;/h3&gt;&lt;p&gt;The commercial back office of the AI Control Plane: compare tiers, issue and revoke licenses, see usage against limits, export cost reports and invoices.&lt;/p&gt;&lt;p&gt;Every amount is exact, in integer millionths of the currency, and the console prices with the same engine as the &lt;tt&gt;aicp&lt;/tt&gt; command line.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace cannot sign the upgrade: see the Licenses page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upgrade was not signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing keys, company, price book versions, live sources, workspace mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Team Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the workspace a team shares in PostgreSQL, by its connection URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add License…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify a license received from the vendor and keep it in this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review &amp;Upgrade Request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a customer&apos;s upgrade request in the license dialog, ready to review and sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your month so far: usage, projected cost, limits and expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licenses received from your vendor, verified here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your metered traffic against your license&apos;s limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tier your usage calls for, and asking your vendor for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your estimated bill, month by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the billing profile of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License files (*.lic *.license *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License Not Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not added.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other work is running on this workspace; try again when it is done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a license file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 license %2 for %3, until %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already held: %1. Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review Upgrade Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade requests (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade Request Not Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be opened.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a customer workspace cannot issue licenses; open the request in the vendor&apos;s workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an upgrade request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names license %1, which belongs to %2, not to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 asks for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requested license was not signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team workspace · live · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes others make show here within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting to the PostgreSQL server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team workspace · connecting… · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop &amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell of customers near a limit, licenses running out, trials ending and overdue invoices while the console is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::PassphraseDialog</name>
    <message>
        <source>New Signing Key Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing Key Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key is stored encrypted with this passphrase. Nobody can sign with it — or recover it — without the passphrase, so keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key is decrypted for this one operation. The passphrase is not remembered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase the signing key was created with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase that will protect the new private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase the signing key was created with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same passphrase again, to catch a typing mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::PlaceholderPage</name>
    <message>
        <source>Coming in a later release</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::PriceBookEditor</name>
    <message>
        <source>New Price Book Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price Book %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new id: changed prices are a new version, never an edit of one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day bills use this version; never inside an invoiced month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 4217 code of every price in this version, such as USD or EUR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount bands of a customer&apos;s monthly recurring charges, e.g. &apos;5000 @ 5; 10000 @ 10&apos;: 5% off from 5,000 a month, 10% from 10,000. The contract&apos;s discount applies instead when it is larger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume &amp;discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices of every tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices: a unit price such as 0.001; &apos;package: 1000 @ 5&apos;; &apos;graduated: 10000000 @ 0.0005; above @ 0.0002&apos;; &apos;volume: 1000 @ 0.002; above @ 0.001&apos;; nothing for none (a hard cap, or not sold). Counts: a number, or unlimited / all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Tier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new tier, copied from the selected one: a plan or one deal&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact on the customers&apos; bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace holds this version already; change its id and prices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer has a license in force on %1: no bill changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bills of %1 of the customers with a license in force on %2, under the prices in force now and under this version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id of the new tier (lower-case letters, digits, &apos;-&apos; and &apos;_&apos;), as licenses will name it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is taken or not a tier id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::ProfileDialog</name>
    <message>
        <source>You can read this profile but not change it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::QuotaChart</name>
    <message>
        <source>Requests against the quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests against the monthly quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By the end of %1: %2 requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 % of the quota)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota: %1 requests a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projected month end: %1 requests
%2 a day × %3 days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solid: requests so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red: the quota, %1 a month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license sets no request quota.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license in force in %1, so no quota.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashed: the month-end projection, the mean of the last %1 complete days × the days left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::RecommendationChart</name>
    <message>
        <source>Recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serves the needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot serve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&lt;br&gt;%2, current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&lt;br&gt;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per month</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::RecommendationTableModel</name>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projected cost / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving vs current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can serve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::RecommendationsPage</name>
    <message>
        <source>Prepare Upgrade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projected monthly cost by tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month-end projection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs priced on every tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License limit alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every tier for these needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a customer in the bar above to see which tier their usage calls for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tier serves these needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more a month, avoids a limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves %1 a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Policy packs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Compliance modules: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Audit level: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Contract discount: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price book %1. A tier is eligible when it can serve the needs and each of its hard limits (request cap, agents, add-ons it sells no more of) leaves at least a %2 % margin above the need; equal costs go to the current tier, then the smaller one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license is in force, so there are no limits to watch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every limit is below 80 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to upgrade yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a customer workspace: it cannot issue licenses. Ask the vendor for the upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tier serves these needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license is in force to upgrade: issue one on the Licenses page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already the customer&apos;s tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license of that month is %1 now; look at the current month to upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the running operation to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the upgrade dialog for this customer&apos;s license, prefilled with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the upgrade dialog prefilled with the recommended tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly cost on each tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for Upgrade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save an upgrade request for your vendor: the tier and terms asked, with the usage that calls for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Upgrade Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade requests (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to ask for yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license is in force: add the one your vendor sent with File ▸ Add License…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license of that month is %1 now; look at the current month to ask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; no request was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the upgrade request to %1 and %2. Send both to your vendor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upgrade request was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::ReportsPage</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ustomers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report as CSV, byte for byte what `aicp report cost` writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report as JSON, byte for byte what `aicp report cost --json` writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report as an A4 PDF for reading and filing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer is chosen. Choose the customers to report on with the Customers button above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the %1 report for every customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the %1 report for %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the chosen customers is in this workspace. Choose others with the Customers button above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 with findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a customer to see what their bill flags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: nothing flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Cost Report as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Cost Report as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Cost Report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formatting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 · %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written; choose another folder and export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no report to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the running export to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as CSV, JSON or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::RequestsChart</name>
    <message>
        <source>Requests per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per day or per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily share of the quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The monthly quota spread evenly: %1 requests a day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::RevokeLicenseDialog</name>
    <message>
        <source>Revoke License %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke %1&apos;s %2 license %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License %1 (customer %2, valid until %3) will be refused by every installation that loads the new signed revocation list. A revocation is permanent: it cannot be undone, and the license can never be made valid again — issue a new license instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason (recorded with your name and the time):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Contract terminated for non-payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand that revoking license %1 of %2 is permanent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke Permanently…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A revocation needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the box to confirm the revocation is permanent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key&apos;s passphrase is asked next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the license is revoked: kept in the registry&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::SettingsPage</name>
    <message>
        <source>&amp;Generate Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Public Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Public Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the workspace&apos;s first signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new signing key; the current one retires and keeps verifying what it signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected key&apos;s public half (PEM) for customers and for `openssl pkeyutl -verify`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust a vendor&apos;s public key (PEM) to verify their licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licenses and revocation lists are signed with the one signing key (Ed25519). Rotating creates a new one; retired keys keep verifying what they signed. Private keys are stored only encrypted with their passphrase, which is never kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor — issues and signs licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer — verifies licenses, never signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to Vendor Mode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to Customer Mode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this aicp writes %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer workspace holds public keys only; switch to vendor mode to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace has a signing key; rotate it to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no signing key to rotate yet; generate the first one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate Signing Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new signing key and retire %1?

New licenses and revocation lists will be signed with the new key. The retired key keeps verifying every license it signed, so nothing already issued stops working. Customers need the new public key to verify licenses signed from now on: export it after rotating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the signing key&apos;s passphrase. The new key is protected by the same passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the passphrase for the workspace&apos;s first signing key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; no key was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 now signs; the previous key is retired and keeps verifying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 created; it signs from now on. Export its public key for your customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch this workspace to customer mode?

A customer workspace only verifies licenses: issuing, renewing, upgrading, revoking and key generation are refused. Private keys already in the file stay there, encrypted, unused until you switch back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch this workspace to vendor mode?

A vendor workspace generates signing keys and issues, renews, upgrades and revokes licenses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch Workspace Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to Customer Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to Vendor Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace is now in customer mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace is now in vendor mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the public key %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 is trusted for verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Public Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM public keys (*.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Public Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load Revocation List…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Versi&amp;on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;Price Book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Compan&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the vendor&apos;s newest signed revocation list: licenses it names are revoked here too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price book versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every version of the price book and the day it takes effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the next price book version, seeded with the latest one, with its impact on the customers&apos; bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected version&apos;s prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the versions of a price book document (JSON), such as the vendor&apos;s: bills and quotes use each from the day it takes effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the company&apos;s legal name, address, tax id and payment instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seller every invoice names, with its tax id and how to pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services this workspace pulls usage from: an aicp service&apos;s events by cursor, or an OpenMeter API&apos;s hourly values. Each pull fetches only what is new or revised. Tokens are stored in the workspace and shown masked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None received yet: add the vendor&apos;s license with File ▸ Add License…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: a vendor workspace issues them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 license in the registry (Licenses page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 licenses in the registry (Licenses page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2, until %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2: no license is in force; ask the vendor for a current one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a revocation list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revocation list %1 was loaded before; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Revocation list %1 loaded; it names %n license(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 None of the licenses held here is revoked by it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Now revoked here: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Revocation List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No company yet: invoices need the seller&apos;s legal name, address and tax id. Edit Company… to give them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tax id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a price book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a usable price book: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace holds every version of this price book already; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price book version %1 added; costs are computed with each from the day it takes effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Price Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price books (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price book version %1 saved; it takes effect on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configure &amp;Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give aicp the Stripe account&apos;s secret key, to send invoices for payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stripe: only finance and admins see the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stripe: not configured. Configure Stripe… to send invoices for payment through your Stripe account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stripe: key %1, %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configure Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the account&apos;s secret key (sk_…) or a restricted key (rk_…) with write access to customers, invoices and credit notes, from Stripe&apos;s Dashboard ▸ Developers ▸ API keys. It is kept in the workspace and never shown again; a test mode key moves no real money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret or restricted key; required, shown as dots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty for Stripe; a Stripe-compatible server&apos;s https address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stripe is configured: key %1. Reports ▸ Invoices sends invoices for payment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::SigningKeyModel</name>
    <message>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired — verifies only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify-only (imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New licenses and revocation lists are signed with this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by a newer key; still verifies the licenses it signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vendor&apos;s public key: verifies licenses, never signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::TeamWorkspaceDialog</name>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Team Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A libpq connection URI, without a password; the recent ones are listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace a team shares in PostgreSQL, named by a libpq connection URI:&lt;br&gt;&lt;tt&gt;postgresql://host/database&lt;/tt&gt; or &lt;tt&gt;postgresql:///database?host=/socket/dir&lt;/tt&gt;&lt;br&gt;(&lt;tt&gt;sslmode&lt;/tt&gt; and &lt;tt&gt;service=&lt;/tt&gt; work too).&lt;br&gt;&lt;br&gt;Passwords are never typed into the console: libpq reads them from&lt;br&gt;&lt;tt&gt;~/.pgpass&lt;/tt&gt;, &lt;tt&gt;PGPASSFILE&lt;/tt&gt;, &lt;tt&gt;PGPASSWORD&lt;/tt&gt; or a service file.&lt;br&gt;A database without a workspace gets one with &lt;tt&gt;aicp workspace create --db URI&lt;/tt&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A team workspace is named by a URI that starts with postgresql:// or postgres://; open a workspace file with File ▸ Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the password out of the URI: keep it in ~/.pgpass (or PGPASSFILE, PGPASSWORD, a service file), where libpq reads it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a %2 workspace, where your role is %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::TierComparisonModel</name>
    <message>
        <source>%1 per %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for the first %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then %1 up to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (all units at the band reached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All are included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This tier cannot add more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base price / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fixed monthly subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests included / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Governed AI requests covered by the base price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beyond the included requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each request over the monthly quota costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests are unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic over the quota is refused, never billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> / request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy packs included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra policy pack / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliance modules included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra compliance module / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who sign in to the control plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra seat / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents are never charged: a tier allows them or cannot serve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugins, custom policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit retention included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit upgrades / month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer retention, charged at its full monthly price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest retention is included</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::TierResultCard</name>
    <message>
        <source>/ month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheapest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the tier would cost, were it able to serve these needs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::TiersPage</name>
    <message>
        <source>Same figures from the command line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select to copy; `aicp quote --compare` prints the same totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Itemise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every tier&apos;s bill line by line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 less than %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The only tier that fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more than %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fits these needs for the least: %2 a month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tier can serve these needs; each card says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commitment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 a year in advance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::UsageCard</name>
    <message>
        <source>%1 % · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::UsageCards</name>
    <message>
        <source>Requests this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projected month end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No license in force in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 arrived after the month was invoiced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No seat limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 so far + %2 a day (mean of the last %3 complete days) × %4 days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complete day yet to project from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is over: the final count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No instance limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::UsageChart</name>
    <message>
        <source>%1, %2–%3 UTC</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::UsageImportModel</name>
    <message>
        <source>JSON Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1, finished %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::UsagePage</name>
    <message>
        <source>Skip bad rows (write a reject file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV or CloudEvents JSON Lines files; you can also drop them on the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the good rows and write the refused ones, each with its reason, to a .rejects file beside the imported file. Off: the first bad row refuses the whole file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 months to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 months to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far back the per-day or per-hour charts reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By policy pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By compliance module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>policy pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compliance module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage files (*.csv *.jsonl *.ndjson *.json);;CSV (*.csv);;CloudEvents JSON Lines (*.jsonl *.ndjson *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the running operation to finish, then import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the running operation to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Usage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Live Sources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull usage from aicp services: on demand or every few minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests by policy pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests by compliance module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usage of every customer could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::VendorKeyPage</name>
    <message>
        <source>Your Signing Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licenses and revocation lists are signed with this key (Ed25519). Customers verify them with its public half, which you export from Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Example Corp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who issues the licenses from this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters; never stored, so keep it safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same passphrase again, to catch a typing mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key is stored only encrypted with this passphrase. Nobody can sign with it — or recover it — without the passphrase, so keep it somewhere safe. Making the key takes a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name licenses are issued under.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase of at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase again below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: Create Workspace makes the file and the key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::VerifyLicenseDialog</name>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a license key or the text of a license file, drop a license file here, or open one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open License File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;Revocation List…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check against a revocation list file from the vendor instead of this workspace&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entitlements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The license&apos;s entitlements appear here once it is verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing verified yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a license key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked against the 1 key this workspace trusts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked against the %1 keys this workspace trusts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revocation list #%1 applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No revocation list applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No revocation list has been published or loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in a license is shown before its signature checks out against a trusted key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open License File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License files (*.lic *.license *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Revocation List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License key or file text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-line key (AICP1.…) or the whole text of a license file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>aicp::WelcomePage</name>
    <message>
        <source>&amp;Explore the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create a new workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open an existing workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to aicp Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workspace is one file holding your licenses, keys, customers, usage and invoices. Choose how to start; File ▸ Open and File ▸ New Workspace are there later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start empty: as a vendor who generates a signing key and issues licenses, or as a customer who imports the license received from a vendor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the file goes and whether you issue or receive licenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an existing workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an .aicp file made earlier, here or with the aicp command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a workspace file; it is checked and never changed if it cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo workspace made earlier: customers, licenses and two months of usage, so every page shows data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One click: a sample vendor workspace with customers, licenses and two months of usage, so every page shows data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept apart from your own workspace; its signing key&apos;s passphrase is demo-passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a sample vendor workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sample vendor workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
