/**
 * A cost line charged per meeting, panel, review or committee in the pane: typing such a unit makes a
 * line whose kind is not yet settled non-staff (no on-costs), and the kind's hint says why; a kind the
 * user chose, a staff grade or a standard item is left as it is.
 */
import type { Draft } from "../../../src/taskpane/editor/draft";
import { isMeetingUnit, kindHint, withUnit } from "../../../src/taskpane/editor/costLineKind";

/** A new line as the pane adds it: services, by the day, no kind (so staff time by default). */
const NEW_LINE: Draft = { id: "line-1", category: "services", description: "", unit: "day" };

describe("a per-meeting cost line in the pane", () => {
  it("knows a meeting, panel, review or committee unit, in any case or number", () => {
    for (const unit of ["meeting", "Meetings", "panel", "panel review", "review", "committee"])
      expect([unit, isMeetingUnit(unit)]).toEqual([unit, true]);
    for (const unit of ["day", "hour", "user-month", "reviewer-day", "", undefined])
      expect([unit, isMeetingUnit(unit)]).toEqual([unit, false]);
  });

  it("makes a new line non-staff when its unit is a meeting", () => {
    expect(withUnit(NEW_LINE, "meeting")).toEqual({
      ...NEW_LINE,
      unit: "meeting",
      kind: "non-staff",
    });
  });

  it("leaves a line by the day as the category's default", () => {
    expect(withUnit(NEW_LINE, "hour")).toEqual({ ...NEW_LINE, unit: "hour" });
  });

  it("keeps a kind the user chose, and a staff grade's or standard item's", () => {
    const chosen: Draft = { ...NEW_LINE, kind: "staff" };
    expect(withUnit(chosen, "panel")).toEqual({ ...chosen, unit: "panel" });
    const graded: Draft = { ...NEW_LINE, staffGrade: "band-6" };
    expect(withUnit(graded, "committee")).toEqual({ ...graded, unit: "committee" });
    const item: Draft = { ...NEW_LINE, standardItem: "nhse-dars-review" };
    expect(withUnit(item, "review")).toEqual({ ...item, unit: "review" });
  });

  it("says beside the kind why a per-meeting line is non-staff", () => {
    expect(kindHint("meeting")).toBe(
      "Charged per meeting, panel, review or committee: non-staff, unless it pays for staff time"
    );
    expect(kindHint("day")).toBe(
      "Default: staff time for services and people, non-staff otherwise"
    );
  });
});
