/**
 * A document path as the task pane labels its field (src/document/fieldLabels.ts). The expected labels
 * are written out here; the second part reads the pane's own labels from its source and checks the
 * table gives each field the label the pane shows beside it.
 */
import fs from "fs";
import path from "path";
import { fieldLabel } from "../../src/document";
import { fieldPartLabel } from "../../src/document/fieldLabels";
import { example } from "./fixtures";

describe("fieldLabel", () => {
  it("names a field by the pane's step, group and label", () => {
    expect(fieldLabel("valueSharing.royalty.annualMinimum")).toBe(
      "Value sharing > Revenue royalty > Annual minimum"
    );
    expect(fieldLabel("pricing.overheadRate")).toBe("Costs > Rates > Overheads");
    expect(fieldLabel("informationGovernance.supplierDueDiligence")).toBe(
      "Partnership > Information governance > Supplier due diligence"
    );
    expect(fieldLabel("use")).toBe("Partnership > Use of the data");
    expect(fieldLabel("valueSharing")).toBe("Value sharing");
    expect(fieldLabel("pricing.strategy.revision")).toBe(
      "Costs > Rates > Pricing strategy > Revision"
    );
  });

  it("names a list's item by its place, counted from 1, without the document", () => {
    expect(fieldLabel("costs.lines[2].unitCost")).toBe("Costs > Cost line 3 > Unit cost");
    expect(fieldLabel("dataAssets[0]")).toBe("Data and value > Data asset 1");
    expect(fieldLabel("valueSharing.royalty.tiers[1].rate")).toBe(
      "Value sharing > Revenue royalty > Tier 2 > Rate"
    );
    expect(fieldLabel("costs.lines")).toBe("Costs > Cost lines");
  });

  it("names a list's item by its id (or its name) when the document is given", () => {
    const doc = example("commercial-imaging-ai.json");
    const line = doc.costs.lines[1]!;
    expect(fieldLabel("costs.lines[1].unitCost", doc)).toBe(
      `Costs > Cost line ${line.id} > Unit cost`
    );
    const asset = doc.dataAssets[0]!;
    expect(fieldLabel("dataAssets[0]", doc)).toBe(`Data and value > Data asset "${asset.name}"`);
    // A place past the list's end falls back to the number.
    expect(fieldLabel("costs.lines[99].unitCost", doc)).toBe("Costs > Cost line 100 > Unit cost");
  });

  it("writes a part it does not know in words, never the raw camel case", () => {
    expect(fieldLabel("somethingNew.innerField")).toBe("Something new > Inner field");
  });
});

/** The pane's editor source, and the (path, label) pairs of its fields. */
const EDITOR = path.join(__dirname, "..", "..", "src", "taskpane", "editor");
const source = (file: string) => fs.readFileSync(path.join(EDITOR, file), "utf8");

/**
 * Every `path={[...]} label="..."` in the pane's steps, with its path as a pattern: a literal path as
 * it is; `[...path, "x"]` inside a list's items as the list's pattern, "[]", then "x".
 */
function paneFields(text: string): { pattern: string; label: string }[] {
  const fields: { pattern: string; label: string }[] = [];
  // The list whose items the text is in: the last ListEditor path before it, or CostLineFields' lines.
  let list = "";
  const element = /<(\w+)\b([^>]*?)\/?>/gs;
  for (const match of text.matchAll(element)) {
    const attributes = match[2]!;
    const before = text.slice(0, match.index);
    const fn = [...before.matchAll(/function (\w+)\(/g)].pop()?.[1];
    const pathText = /path=\{\[([^\]]*)\]\}/.exec(attributes)?.[1];
    if (pathText === undefined) continue;
    const parts = [...pathText.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    if (match[1] === "ListEditor") {
      list = parts.join(".");
      continue;
    }
    const label = /\blabel="([^"]+)"/.exec(attributes)?.[1];
    if (label === undefined) continue;
    const spread = pathText.trim().startsWith("...path");
    const base = fn === "CostLineFields" ? "costs.lines" : list;
    fields.push({ pattern: spread ? `${base}[].${parts.join(".")}` : parts.join("."), label });
  }
  return fields;
}

/**
 * The Value sharing step's source with each mechanism's controls (mechanisms.tsx, which take the path
 * of the mechanism they edit) written out in place, at the path the step gives them.
 */
function valueSharingSource(): string {
  const mechanisms = source("mechanisms.tsx");
  return source("ValueSharingStep.tsx").replace(
    /<(\w+Fields) path=\{\[([^\]]*)\]\} \/>/g,
    (_, name: string, base: string) => {
      const start = mechanisms.indexOf(`export function ${name}(`);
      const end = mechanisms.indexOf("\nexport function ", start + 1);
      return mechanisms
        .slice(start, end === -1 ? undefined : end)
        .replace(/path=\{path\}/g, `path={[${base}]}`)
        .replace(/\[\.\.\.path, /g, `[${base}, `)
        .replace(/\[\.\.\.itemPath, /g, "[...path, ");
    }
  );
}

describe("the table and the task pane's labels agree", () => {
  const fields = [...paneFields(source("steps.tsx")), ...paneFields(valueSharingSource())];

  it("reads a fair sample of the pane's fields", () => {
    // Literal and list-item fields of every step are among them.
    const patterns = fields.map((field) => field.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining([
        "reference",
        "partner.name",
        "informationGovernance.dpia",
        "pricing.overheadRate",
        "costs.lines[].unitCost",
        "costs.directAllocations[].amount",
        "dataAssets[].intendedUse",
        "valueSharing.royalty.annualMinimum",
        "valueSharing.milestones[].probability",
      ])
    );
    expect(fields.length).toBeGreaterThan(40);
  });

  it("gives every field the pane labels the pane's label", () => {
    const differ = fields
      .map((field) => ({ ...field, table: fieldLabel(field.pattern.replace(/\[\]/g, "[0]")) }))
      .filter((field) => !field.table.endsWith(field.label));
    expect(differ).toEqual([]);
  });

  it("names the pane's groups and steps as the pane does", () => {
    const steps = source("PartnershipEditor.tsx");
    for (const step of ["Partnership", "Data and value", "Costs", "Value sharing", "Scenarios"])
      expect(steps).toContain(`label: "${step}"`);
    const groups = [
      ...(source("steps.tsx") + source("ValueSharingStep.tsx")).matchAll(
        /<Group legend="([^"]+)"/g
      ),
    ].map((m) => m[1]);
    for (const [pattern, legend] of [
      ["trust", "Trust"],
      ["partner", "Partner"],
      ["informationGovernance", "Information governance"],
      ["quote", "The quote"],
      ["valueSharing.fixedPayment", "Fixed payment"],
      ["valueSharing.subscription", "Subscription"],
      ["valueSharing.milestones", "Milestone payments"],
      ["valueSharing.royalty", "Revenue royalty"],
    ] as const) {
      expect(groups).toContain(legend);
      expect(fieldPartLabel(pattern)?.endsWith(legend)).toBe(true);
    }
  });
});
