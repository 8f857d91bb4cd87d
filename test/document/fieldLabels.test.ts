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

  it("names the scenarios' fields as the Scenarios step labels them", () => {
    expect(fieldLabel("scenarios.probabilityOfReachingMarket")).toBe(
      "Scenarios > Assumptions > Chance of reaching market"
    );
    // The discount's and the revenue's mode is the choice itself; their other fields are under it.
    expect(fieldLabel("scenarios.discount.kind")).toBe("Scenarios > Assumptions > Discounting");
    expect(fieldLabel("scenarios.discount.rate")).toBe(
      "Scenarios > Assumptions > Discounting > Discount rate"
    );
    expect(fieldLabel("scenarios.revenue.kind")).toBe("Scenarios > Assumptions > Revenue forecast");
    expect(fieldLabel("scenarios.revenue.yearsToPeak")).toBe(
      "Scenarios > Assumptions > Revenue forecast > Years to peak"
    );
    // Revenue by year: the list is the number of years; byYear[2] is year 3's revenue.
    expect(fieldLabel("scenarios.revenue.byYear")).toBe(
      "Scenarios > Assumptions > Revenue forecast > Years forecast"
    );
    expect(fieldLabel("scenarios.revenue.byYear[2]")).toBe(
      "Scenarios > Assumptions > Revenue forecast > Revenue, year 3"
    );
    expect(fieldLabel("scenarios.alternatives[1].royalty.tiers[0].rate")).toBe(
      "Scenarios > Alternative 2 > Royalty > Tier 1 > Rate"
    );
    expect(fieldLabel("scenarios.alternatives[0].instalments[1].year")).toBe(
      "Scenarios > Alternative 1 > Instalment 2 > Year"
    );
    expect(fieldLabel("scenarios.sensitivity.probabilities[4]")).toBe(
      "Scenarios > Sensitivity grids > Chances of reaching market, value 5"
    );
    expect(fieldLabel("scenarios.monteCarlo.milestoneDependence")).toBe(
      "Scenarios > Simulation > Milestones depend on each other"
    );
    expect(fieldLabel("scenarios.monteCarlo.launchDelayYears.mode")).toBe(
      "Scenarios > Simulation > Launch delay (years) > Most likely"
    );
    expect(fieldLabel("scenarios.monteCarlo.peakRevenue.distribution")).toBe(
      "Scenarios > Simulation > Peak revenue > Uncertainty"
    );
  });

  it("names an alternative by its id, and a list inside it by place, from the document as edited", () => {
    const draft = {
      scenarios: {
        alternatives: [
          { id: "royalty-5", mechanism: "royalty" },
          { id: "", mechanism: "milestones", milestones: [{ description: "Approval" }] },
        ],
      },
    };
    expect(fieldLabel("scenarios.alternatives[0].royalty.termYears", draft)).toBe(
      "Scenarios > Alternative royalty-5 > Royalty > Term (years)"
    );
    expect(fieldLabel("scenarios.alternatives[1].milestones[0].amount", draft)).toBe(
      "Scenarios > Alternative 2 > Milestone 1 > Amount"
    );
  });
});

/**
 * Every leaf path the committed JSON Schema allows (schemas/partnership.schema.json, what editors
 * check a document against), a list's item written "[]": through objects' properties, lists' items
 * and each branch of a choice.
 */
function schemaLeaves(node: SchemaNode, at = ""): string[] {
  const branches = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  const properties = Object.entries(node.properties ?? {});
  const items = node.items !== undefined && !Array.isArray(node.items) ? [node.items] : [];
  if (branches.length + properties.length + items.length === 0) return [at];
  return [
    ...branches.flatMap((branch) => schemaLeaves(branch, at)),
    ...properties.flatMap(([name, child]) => schemaLeaves(child, at ? `${at}.${name}` : name)),
    ...items.flatMap((item) => schemaLeaves(item, `${at}[]`)),
  ];
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode | SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

/** "a[].b.c[]" and each pattern on the way to it: "a", "a[]", "a[].b", "a[].b.c", "a[].b.c[]". */
function patternsOn(pattern: string): string[] {
  const found: string[] = [];
  let at = "";
  for (const segment of pattern.split(".")) {
    const name = segment.replace(/\[\]/g, "");
    at = at ? `${at}.${name}` : name;
    found.push(at);
    for (let i = 0; i < (segment.length - name.length) / 2; i++) found.push((at = `${at}[]`));
  }
  return found;
}

describe("every field the document's schema allows has a label people can read", () => {
  const schema = JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "..", "schemas", "partnership.schema.json"), "utf8")
  ) as SchemaNode;
  const leaves = [...new Set(schemaLeaves(schema))].sort();

  it("walks the whole schema, scenarios included", () => {
    expect(leaves).toEqual(
      expect.arrayContaining([
        "reference",
        "costs.lines[].unitCost",
        "trust.contact.email",
        "scenarios.revenue.byYear[]",
        "scenarios.revenue.years",
        "scenarios.discount.rate",
        "scenarios.alternatives[].royalty.tiers[].threshold",
        "scenarios.alternatives[].instalments[].amount",
        "scenarios.sensitivity.peakRevenues[]",
        "scenarios.monteCarlo.launchDelayYears.sigma",
        "scenarios.monteCarlo.milestoneDependence",
      ])
    );
    expect(leaves.length).toBeGreaterThan(140);
  });

  it("the table names every part of every path: the path itself, its lists and its items", () => {
    const unnamed = leaves.flatMap((leaf) =>
      patternsOn(leaf).filter((pattern) => fieldPartLabel(pattern) === undefined)
    );
    expect([...new Set(unnamed)]).toEqual([]);
  });

  it.each([0, 2])(
    "with each list's item at index %i, every label is words: no path, bracket or camel case",
    (index) => {
      const raw = leaves
        .map((leaf) => leaf.replace(/\[\]/g, `[${index}]`))
        .map((at) => ({ at, label: fieldLabel(at) }))
        .filter(
          ({ at, label }) =>
            label === "" ||
            label === at ||
            /[[\]]|\w\.\w|[a-z][A-Z]|\$/.test(label) ||
            // A list's item is named by its place, counted from 1.
            (at.includes("[") && !label.includes(String(index + 1)))
        );
      expect(raw).toEqual([]);
    }
  );
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
  const fields = [
    ...paneFields(source("steps.tsx")),
    ...paneFields(valueSharingSource()),
    ...["AssumptionsSection.tsx", "SimulationInputs.tsx"].flatMap((file) =>
      paneFields(source(path.join("scenarios", file)))
    ),
  ];

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
        "scenarios.probabilityOfReachingMarket",
        "scenarios.revenue.launchYear",
        "scenarios.monteCarlo.milestoneDependence",
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
