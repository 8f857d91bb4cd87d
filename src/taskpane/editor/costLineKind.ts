/*
 * A cost line charged per meeting, panel, review or committee is a fee for an occasion (a patient
 * panel's meeting, a committee's review), not a stretch of someone's salaried time. A new line in the
 * pane defaults to staff time (on-costs apply) when its category is services or people, so such a
 * line would silently take on-costs; the pane makes it non-staff instead, where the user has not
 * chosen a kind and no staff grade prices it, and says why beside the kind.
 */
import type { Draft, Json } from "./draft";

const MEETING_UNIT = /\b(meeting|panel|review|committee)s?\b/i;

/** Whether a unit names an occasion ("meeting", "panel review", "Committees"), not a time. */
export function isMeetingUnit(unit: Json | undefined): boolean {
  return typeof unit === "string" && MEETING_UNIT.test(unit);
}

/** The hint beside a line's kind: why a per-meeting line is non-staff, or the usual default. */
export function kindHint(unit: Json | undefined): string {
  return isMeetingUnit(unit)
    ? "Charged per meeting, panel, review or committee: non-staff, unless it pays for staff time"
    : "Default: staff time for services and people, non-staff otherwise";
}

/** The line with its unit set; a per-meeting unit makes the line non-staff unless its kind is settled. */
export function withUnit(line: Draft, unit: string | undefined): Draft {
  const next: Draft = { ...line };
  if (unit === undefined) delete next.unit;
  else next.unit = unit;
  const kindSettled =
    line.kind !== undefined || line.staffGrade !== undefined || line.standardItem !== undefined;
  if (isMeetingUnit(unit) && !kindSettled) next.kind = "non-staff";
  return next;
}
