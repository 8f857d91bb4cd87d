/* The partnership itself: its type, purpose and benefit, how the data is reached, IP and governance. */
import {
  ACCESS_ROUTE_LABELS,
  FOREGROUND_IP_OWNER_LABELS,
  IG_STATUS_LABELS,
  PARTNERSHIP_TYPE_LABELS,
  type Partnership,
} from "../../../../document";
import type { Cursor } from "../../../spec/cursor";
import { FIELD_ROW_LABELS } from "../contract";
import { detail } from "../layout";

const yesNo = (value: boolean): string => (value ? "Yes" : "No");

export function partnershipSection(at: Cursor, doc: Partnership): void {
  at.heading("Partnership");
  detail(at, "Partnership type", PARTNERSHIP_TYPE_LABELS[doc.partnershipType]);
  detail(at, "Purpose", doc.purpose);
  detail(at, "Expected patient benefit", doc.expectedPatientBenefit ?? "Not stated");
  detail(at, "Access route", ACCESS_ROUTE_LABELS[doc.accessRoute]);
  if (doc.accessJustification !== undefined)
    detail(at, "Why data leaves the NHS", doc.accessJustification);
  detail(at, "Foreground IP owner", FOREGROUND_IP_OWNER_LABELS[doc.foregroundIpOwner]);
  detail(at, "Consent to commercialise", yesNo(doc.consentToCommercialise));
  if (doc.outputsOpen !== undefined) detail(at, "Outputs open", yesNo(doc.outputsOpen));
  detail(at, "Exclusivity requested", yesNo(doc.exclusivityRequested));
  const ig = doc.informationGovernance;
  detail(
    at,
    FIELD_ROW_LABELS.informationGovernance,
    `DPIA: ${IG_STATUS_LABELS[ig.dpia]}; data processing agreement: ${IG_STATUS_LABELS[ig.dataProcessingAgreement]}; data sharing agreement: ${IG_STATUS_LABELS[ig.dataSharingAgreement]}; supplier due diligence: ${IG_STATUS_LABELS[ig.supplierDueDiligence]}`
  );
}
