import fs from "fs";
import path from "path";
import { upgradeWorkspaceDocuments } from "../../../src/taskpane/storage/upgradeDocuments";
import type { Workspace } from "../../../src/taskpane/storage/workspace";

const EXAMPLES = path.join(__dirname, "..", "..", "..", "examples");
const read = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), "utf8")) as Record<string, unknown>;

describe("upgrading the workspace's documents on load", () => {
  const v1 = read("v1/commercial-imaging-ai.json");
  const finer = { ...v1, reference: "DP-FINER", vatRate: 0.17505 };
  const current = read("commercial-imaging-ai.json");
  const halfTypedCurrent = {
    format: "nhsdp.partnership",
    version: 3,
    reference: "",
    costs: { lines: [{}] },
  };
  const brokenV1 = { format: "nhsdp.partnership", version: 1, reference: "DP-BROKEN" };
  const workspace: Workspace = {
    strategy: null,
    partnerships: [
      { id: "p-v1", updatedAt: "2026-01-01T00:00:00.000Z", document: v1 },
      { id: "p-finer", updatedAt: "2026-01-02T00:00:00.000Z", document: finer },
      { id: "p-current", updatedAt: "2026-01-03T00:00:00.000Z", document: current },
      { id: "p-half", updatedAt: "2026-01-04T00:00:00.000Z", document: halfTypedCurrent },
      { id: "p-broken", updatedAt: "2026-01-05T00:00:00.000Z", document: brokenV1 },
    ],
    selectedId: "p-half",
  };

  const result = upgradeWorkspaceDocuments(workspace);

  it("upgrades version-1 documents and says, per partnership, what changed", () => {
    expect(
      result.upgraded.map(({ id, reference, fromVersion, toVersion, notes }) => ({
        id,
        reference,
        fromVersion,
        toVersion,
        notes,
      }))
    ).toEqual([
      { id: "p-v1", reference: "DP-2025-011", fromVersion: 1, toVersion: 3, notes: [] },
      {
        id: "p-finer",
        reference: "DP-FINER",
        fromVersion: 1,
        toVersion: 3,
        notes: ["vatRate of 0.17505 is rounded to 0.1751: version 2 keeps 4 decimal places."],
      },
    ]);
    expect(result.upgraded[0]?.original).toBe(v1);
    const [upgradedV1, upgradedFiner] = result.workspace.partnerships;
    expect((upgradedV1?.document as { version: number }).version).toBe(3);
    expect((upgradedFiner?.document as { vatRate: number }).vatRate).toBe(0.1751);
  });

  it("leaves current documents exactly as stored, valid or half-typed", () => {
    expect(result.workspace.partnerships[2]?.document).toBe(current);
    expect(result.workspace.partnerships[3]?.document).toBe(halfTypedCurrent);
    expect(result.workspace.selectedId).toBe("p-half");
  });

  it("leaves an old document its own version refuses as stored, with the reasons", () => {
    expect(result.workspace.partnerships[4]?.document).toBe(brokenV1);
    expect(result.notUpgraded).toHaveLength(1);
    expect(result.notUpgraded[0]).toMatchObject({
      id: "p-broken",
      reference: "DP-BROKEN",
      fromVersion: 1,
    });
    expect(result.notUpgraded[0]?.issues.length).toBeGreaterThan(0);
  });

  it("does not change the workspace it was given", () => {
    expect(workspace.partnerships[0]?.document).toBe(v1);
  });
});
