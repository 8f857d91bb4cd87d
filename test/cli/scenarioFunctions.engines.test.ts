/**
 * For every example with value-sharing terms, the workbook `nhsdp scenario -o` writes, recalculated by
 * LibreOffice (forced, so no cached value survives), names the same present values as `--json`, and the
 * NHSDP custom functions of the built bundle (dist/functions.js, as Excel loads it) give them too when
 * called on the document's own inputs, all to 1e-9 relative.
 *
 * What the functions can express, and how:
 *  - a fixed payment: MILESTONEVALUE with each instalment a milestone of probability 1 (an instalment
 *    due on a date falls at days from the quote date / 365 years, as the engine counts);
 *  - milestones: MILESTONEVALUE;
 *  - a subscription: SUBSCRIPTIONVALUE;
 *  - a royalty: ROYALTYVALUE on the forecast with the years outside the royalty's term set to 0, and
 *    the probability of reaching market as its probability. ROYALTYVALUE has no annual cap or minimum,
 *    so a royalty is compared only where neither changes any year's royalty: the test checks with
 *    NHSDP.ROYALTY that the imaging example's £750,000 cap never binds, and fails on a minimum;
 *  - the breakeven royalty: BREAKEVENROYALTY on the first royalty's years.
 * The functions take one flat discount rate; the Green Book schedule (the rwe example's) is a flat 3.5%
 * up to year 30, and the test checks that every payment of that example falls by then.
 */
import * as ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { runScenario as run } from "../support/scenarioCommand";
import { SCENARIO_NAMES } from "../../src/workbook/layouts/scenario/scenarioSheet";
import { readDefinedNames } from "../../src/workbook/xlsx/xlsxWriter";
import { loadFunctionsBundle, type RegisteredFunction } from "../support/functionsBundle.cjs";
import { libreOfficeBatch } from "../support/libreoffice";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const { registered } = loadFunctionsBundle();
const fn = (id: string) => registered.get(id) as RegisteredFunction;

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-scenario-functions-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/* The document as the test reads it: plain JSON, not the code under test's model. */
interface Tier {
  threshold: number;
  rate: number;
}
interface RoyaltyTerms {
  tiers: Tier[];
  annualCap?: number;
  annualMinimum?: number;
  termYears: number;
}
interface Milestone {
  amount: number;
  year: number;
  probability: number;
}
interface Subscription {
  annualFee: number;
  years: number;
  indexation: number;
  inAdvance: boolean;
}
interface Doc {
  quote: { date: string };
  valueSharing: {
    fixedPayment?: { amount: number; instalments: { due: string; amount: number }[] };
    subscription?: Subscription;
    milestones?: Milestone[];
    royalty?: RoyaltyTerms;
  };
  scenarios: {
    revenue:
      | { kind: "explicit"; byYear: number[] }
      | {
          kind: "curve";
          launchYear: number;
          yearsToPeak: number;
          peakRevenue: number;
          declineRate?: number;
          years?: number;
        };
    probabilityOfReachingMarket: number;
    discount: { kind: "flat"; rate: number } | { kind: "green-book" };
    alternatives?: ({ id: string; mechanism: string } & Record<string, unknown>)[];
  };
}

/** Revenue of years 1..n: written out, or the curve (a linear ramp to the peak, then a yearly decline). */
function forecast(doc: Doc): number[] {
  const r = doc.scenarios.revenue;
  if (r.kind === "explicit") return r.byYear;
  const out: number[] = [];
  for (let year = 1; year <= (r.years ?? 20); year++) {
    const k = year - r.launchYear + 1;
    out.push(
      k < 1
        ? 0
        : k <= r.yearsToPeak
          ? (r.peakRevenue * k) / r.yearsToPeak
          : r.peakRevenue * (1 - (r.declineRate ?? 0)) ** (k - r.yearsToPeak)
    );
  }
  return out;
}

/** The terms of an offer by the id --json gives it: the document's own, or an alternative. */
function terms(doc: Doc, id: string): unknown {
  const own: Record<string, unknown> = {
    "document-fixed": doc.valueSharing.fixedPayment,
    "document-subscription": doc.valueSharing.subscription,
    "document-milestones": doc.valueSharing.milestones,
    "document-royalty": doc.valueSharing.royalty,
  };
  if (id in own) return own[id];
  const alternative = (doc.scenarios.alternatives ?? []).find((a) => a.id === id);
  if (alternative === undefined) throw new Error(`no offer ${id}`);
  return alternative[alternative.mechanism];
}

const column = (values: readonly number[]) => values.map((v) => [v]);
const DAY = 86_400_000;

/** The revenue a royalty is paid on: the forecast in the term's years from the launch, else 0. */
function inTerm(revenue: readonly number[], termYears: number): number[] {
  const launch = revenue.findIndex((r) => r > 0);
  return revenue.map((r, i) => (launch >= 0 && i >= launch && i < launch + termYears ? r : 0));
}

const DOCUMENTS = [
  "commercial-imaging-ai.json",
  "commercial-rwe-milestones.json",
  "sme-subscription.json",
];

it("covers every example with value-sharing terms", () => {
  const withTerms = fs
    .readdirSync(EXAMPLES)
    .filter((name) => name.endsWith(".json"))
    .filter((name) => {
      const vs = JSON.parse(fs.readFileSync(path.join(EXAMPLES, name), "utf8")).valueSharing ?? {};
      return Object.values(vs).some((v) => v !== undefined && v !== null);
    });
  expect(withTerms.sort()).toEqual([...DOCUMENTS].sort());
});

/** Every document's scenario workbook, recalculated in one run of LibreOffice. */
const libreOffice = libreOfficeBatch();

describe.each(DOCUMENTS)("%s", (name) => {
  const doc = JSON.parse(fs.readFileSync(path.join(EXAMPLES, name), "utf8")) as Doc & {
    scenarios: Record<string, unknown>;
  };
  // The functions value payments as certain but for their own probabilities, at one real rate: the
  // copy compared states no partner risk and real prices (basisAndCounterparty.test.ts tests those).
  doc.scenarios.counterparty = {
    defaultRate: 0,
    source: "certain payments, as the functions value them",
  };
  doc.scenarios.priceBasis = { kind: "real" };
  const file = path.join(work, name);
  fs.writeFileSync(file, JSON.stringify(doc));
  const target = path.join(work, name.replace(/\.json$/, ".xlsx"));
  /** `nhsdp scenario -o`, run once: by the batch, or by the test if the batch has not. */
  let written: Promise<{ code: number }> | undefined;
  const write = () => (written ??= run(file, "-o", target, "--trials", "500"));
  const recalculated = libreOffice.add(path.basename(target), async () => {
    await write();
    return fs.readFileSync(target);
  });

  it("the named present values after LibreOffice equal --json and the NHSDP functions to 1e-9", async () => {
    expect((await write()).code).toBe(0);
    const json = await run(file, "--json", "--trials", "500");
    expect([json.code, json.stderr]).toEqual([0, ""]);
    const figures = JSON.parse(json.stdout) as {
      mechanisms: { id: string; mechanism: string; riskAdjustedPresentValue: number }[];
      breakevenRoyalty: { rate: number | null };
    };

    const { workbook, buffer } = await recalculated();
    const worksheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const definedNames = await readDefinedNames(buffer);
    const named = (nameOf: string): unknown => {
      const reference = definedNames.find((d) => d.name === nameOf)?.text as string;
      const cell = worksheet.getCell((reference.split("!").pop() as string).replace(/\$/g, ""));
      return (cell.value as { result?: unknown } | null)?.result;
    };

    const { discount, probabilityOfReachingMarket: pMarket } = doc.scenarios;
    const rate = discount.kind === "flat" ? discount.rate : 0.035;
    const latest: number[] = [];
    const revenue = forecast(doc);
    const firstOf = (kind: string) => figures.mechanisms.find((m) => m.mechanism === kind);

    const byFunctions = (kind: string, id: string): number => {
      switch (kind) {
        case "fixed": {
          const fixed = terms(doc, id) as NonNullable<Doc["valueSharing"]["fixedPayment"]>;
          const quoted = Date.parse(`${doc.quote.date}T00:00:00Z`);
          const due = fixed.instalments.length
            ? fixed.instalments.map((i) => ({
                amount: i.amount,
                year: (Date.parse(`${i.due}T00:00:00Z`) - quoted) / DAY / 365,
              }))
            : [{ amount: fixed.amount, year: 0 }];
          latest.push(...due.map((d) => d.year));
          return fn("MILESTONEVALUE")(
            column(due.map((d) => d.amount)),
            column(due.map((d) => d.year)),
            column(due.map(() => 1)),
            rate
          ) as number;
        }
        case "milestones": {
          const milestones = terms(doc, id) as Milestone[];
          latest.push(...milestones.map((m) => m.year));
          return fn("MILESTONEVALUE")(
            column(milestones.map((m) => m.amount)),
            column(milestones.map((m) => m.year)),
            column(milestones.map((m) => m.probability)),
            rate
          ) as number;
        }
        case "subscription": {
          const s = terms(doc, id) as Subscription;
          latest.push(s.inAdvance ? s.years - 1 : s.years);
          return fn("SUBSCRIPTIONVALUE")(
            s.annualFee,
            s.years,
            rate,
            s.indexation,
            s.inAdvance
          ) as number;
        }
        case "royalty": {
          const royalty = terms(doc, id) as RoyaltyTerms;
          expect(royalty.annualMinimum).toBeUndefined();
          const rates = column(royalty.tiers.map((t) => t.rate));
          const thresholds = column(royalty.tiers.map((t) => t.threshold));
          const paid = inTerm(revenue, royalty.termYears);
          if (royalty.annualCap !== undefined)
            for (const r of paid)
              expect(fn("ROYALTY")(r, rates, thresholds, royalty.annualCap, null)).toEqual(
                fn("ROYALTY")(r, rates, thresholds, null, null)
              );
          latest.push(paid.length);
          return fn("ROYALTYVALUE")(column(paid), rates, rate, thresholds, pMarket) as number;
        }
        default:
          throw new Error(`no function for ${kind}`);
      }
    };

    const rows: [string, unknown, number | null, number | null][] = [];
    for (const kind of ["fixed", "subscription", "milestones", "royalty"] as const) {
      const first = firstOf(kind);
      rows.push([
        SCENARIO_NAMES[kind],
        named(SCENARIO_NAMES[kind]),
        first?.riskAdjustedPresentValue ?? null,
        first === undefined ? null : byFunctions(kind, first.id),
      ]);
    }
    const milestones = firstOf("milestones");
    const royalty = firstOf("royalty");
    let breakeven: number | null = null;
    if (milestones !== undefined) {
      const m = terms(doc, milestones.id) as Milestone[];
      const years =
        royalty === undefined
          ? revenue
          : inTerm(revenue, (terms(doc, royalty.id) as RoyaltyTerms).termYears);
      breakeven = fn("BREAKEVENROYALTY")(
        column(years),
        rate,
        column(m.map((x) => x.amount)),
        column(m.map((x) => x.year)),
        column(m.map((x) => x.probability)),
        pMarket
      ) as number;
    }
    rows.push([
      SCENARIO_NAMES.breakeven,
      named(SCENARIO_NAMES.breakeven),
      figures.breakevenRoyalty.rate,
      breakeven,
    ]);
    if (discount.kind === "green-book") expect(Math.max(...latest)).toBeLessThanOrEqual(30);

    const close = (a: unknown, b: number) =>
      typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.abs(b);
    const off = rows.filter(([, sheet, cli, functions]) =>
      cli === null
        ? JSON.stringify(sheet) !== JSON.stringify({ error: "#N/A" }) || functions !== null
        : !close(sheet, cli) || !close(functions, cli)
    );
    expect(off).toEqual([]);
    // Every example compares at least two kinds by all three routes.
    expect(rows.filter(([, , cli]) => cli !== null).length).toBeGreaterThanOrEqual(2);
  });
});
