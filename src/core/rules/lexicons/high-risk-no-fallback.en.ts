import type { Lexicon } from '../lexicon.js';
import type { RiskDomain } from './high-risk-no-fallback.groups.js';

/** English words that place a plan in a high-risk setting, on normalised text. */
const en: Lexicon<RiskDomain> = {
  // Health care: medicine, clinics, patients, drugs, diagnosis.
  medical: [
    String.raw`\b(medical\w*|medicine|health ?care|healthcare|health|clinical|clinic|clinics|clinician|hospitals?|patients?|doctors?|physicians?|nurses?|nursing|diagnos\w*|triage|symptoms?|treatments?|therap\w*|drugs?|dosages?|doses?|medications?|prescri\w*|pharma\w*|radiology|oncology|cardiology|psychiatr\w*|mental health|telehealth|ehr|emr|icu)\b`,
    String.raw`\b(psychological (counsel\w*|support)|counsel(l)?ing|hypertension|diabet\w*|blood pressure|code status)\b`,
  ],
  // Money: banking, credit, lending, insurance, investment, payments, tax.
  finance: [
    String.raw`\b(financ\w*|bank|banks|banking|credit|credit cards?|debit|loans?|lending|lender|mortgages?|insurance|insurers?|insured|policyholders?|premiums?|underwriting|claims adjust\w*|invest\w*|securities|stocks?|trading|brokerage|wealth management|portfolio|fintech|payments?|remittance|tax|taxes|accounting|audit|kyc|aml|anti-money laundering|pension|retirement funds?)\b`,
  ],
  // Law: legal advice, contracts, compliance, litigation.
  legal: [
    String.raw`\b(legal|law|laws|lawyers?|attorneys?|law firms?|litigation|court|courts|contracts?|contractual|compliance|regulatory|statutes?|paralegal|notar\w*|immigration|visa|custody|lawsuits?)\b`,
  ],
  // Customer-facing service: support, helpdesk, call centre.
  customerService: [
    String.raw`\b(customer (service|support|care|success|experience)|support (desk|agents?|team|tickets?|chat|bot)|helpdesk|help desk|call cent(er|re)|contact cent(er|re)|after-?sales|customer-?facing|service desk)\b`,
    // The model answers the business's customers.
    String.raw`\b(told|tells|telling|answer(s|ed|ing)?|repl(y|ies|ied|ying) to|respond(s|ed|ing)? to|help(s|ed|ing)?) (a |the |our |their )?customers?\b`,
    String.raw`\bcustomers? (complain\w*|complaints?|questions?|inquir\w*|enquir\w*|queries|tickets?|requests?|chats?|conversations?|messages?|emails?)\b`,
    String.raw`\b(support|ticket) (archive|history|logs?|conversations?|transcripts?)\b`,
  ],
};

export default en;
