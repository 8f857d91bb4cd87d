/*
 * What the audit relies on in a partner copy: the names its blocks are found by, the columns of its
 * table of charges, and the formulas written there. The partner copy shows what the partner buys and
 * what it pays, never how the trust costs it, so its inputs are the unit prices and amounts the
 * trust's priced quote charges (an amount is rounded at each step the trust's quote prints, so it is
 * not recomputed from the unit price); the priced inputs themselves are kept on a very hidden sheet
 * for the audit.
 */
import type { Quote } from "../../../core/pricing/quote";
import type { Decimal } from "../../../model/decimal";
import { QUOTE_FORMULAS } from "../quote/contract";

/** Sheet-scoped names on the partner's quote sheet. */
export const PARTNER_NAMES = {
  /** The reference cell; its presence marks the sheet as a partner copy. */
  reference: "NHSDP_PartnerReference",
  /** The rows of the cost lines charged, columns A to E, in the order of the priced quote. */
  lines: "NHSDP_PartnerLines",
  /** The rows of the other charges: fixed-cost and capital-cost recovery, then direct allocations. */
  charges: "NHSDP_PartnerCharges",
  total: "NHSDP_PartnerTotal",
  vatRate: "NHSDP_PartnerVATRate",
  vat: "NHSDP_PartnerVAT",
  totalIncVat: "NHSDP_PartnerTotalIncVAT",
} as const;

/** The name, on the very hidden record sheet, of the record of the trust's priced inputs. */
export const PARTNER_RECORD_NAME = "NHSDP_PartnerRecord";

/** The record sheet's name: written very hidden, so a recipient in Excel never sees it. */
export const PARTNER_RECORD_SHEET = "NHSDP record";

/** The table of charges: what is supplied, how much, at what price, for what amount. */
export const PARTNER_COLUMNS = {
  description: 1,
  quantity: 2,
  unit: 3,
  unitPrice: 4,
  amount: 5,
} as const;

/** The label of each other charge, as the CIDC guide names it (chapter 5). */
export const CHARGE_LABELS = {
  "fixed-cost-recovery": "Contribution to fixed costs",
  "capital-cost-recovery": "Contribution to capital costs",
} as const;

/**
 * The charges besides the cost lines, in the order the partner copy lists them: the fixed- and
 * capital-cost recoveries that charge something, then the infrastructure built for this partnership.
 */
export function otherCharges(quote: Quote): { label: string; amount: Decimal }[] {
  return [
    ...quote.recoveries
      .filter((recovery) => !recovery.amount.isZero())
      .map((recovery) => ({ label: CHARGE_LABELS[recovery.id], amount: recovery.amount })),
    ...quote.directAllocations.map((allocation) => ({
      label: allocation.description,
      amount: allocation.amount,
    })),
  ];
}

export const PARTNER_FORMULAS = {
  /** The total before VAT: every amount in the table of charges. */
  total(firstRow: number, lastRow: number): string {
    return QUOTE_FORMULAS.columnSum(PARTNER_COLUMNS.amount, firstRow, lastRow);
  },
  vat: QUOTE_FORMULAS.vat,
  totalIncVat: QUOTE_FORMULAS.totalIncVat,
} as const;
