/**
 * Conformance of every kind of workbook the product writes through the .xlsx writer (internal quote
 * workbook, partner copy, register, scenario workbook, audited workbook with its report sheet, and two
 * quotes in one workbook), for every example and for partnerships with hostile names
 * (test/support/conformanceCases.ts), with the checks Excel would make and LibreOffice does not:
 *
 *  1. every XML part is valid against the ECMA-376 transitional schemas (test/fixtures/ecma-376),
 *     after Markup Compatibility processing, by xmllint: one run per schema for all the packages;
 *  2. Excel's rules the schemas cannot express (test/support/ooxml/excelRules.ts): sheet names, defined
 *     names and print areas that parse (doubled apostrophes), name existing sheets and are absolute,
 *     no number format with only optional decimals, every formula cell with a cached value equal to
 *     what LibreOffice computes (all workbooks recalculated in one run of LibreOffice), and every
 *     chart series with its data cache.
 */
import JSZip from "jszip";
import {
  chartProblems,
  compareCachedValues,
  definedNameProblems,
  describeUncached,
  numberFormatProblems,
  sheetNameProblems,
  uncachedFormulas,
} from "../support/ooxml/excelRules";
import { readPackage, type XlsxPackage } from "../support/ooxml/package";
import { validatePackages, type SchemaProblem } from "../support/ooxml/schemaValidation";
import { conformanceCases, type ConformanceCase } from "../support/conformanceCases";
import { recalculateBuffersWithLibreOffice } from "../support/libreoffice";

const CASES = conformanceCases();

interface Generated {
  readonly bytes: Uint8Array;
  readonly pkg: XlsxPackage;
}

const generated = new Map<ConformanceCase, Generated>();
const recalculated = new Map<ConformanceCase, XlsxPackage>();
let schemaProblems: SchemaProblem[] = [];
const timings: Record<string, number> = {};

async function timed<T>(what: string, f: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await f();
  } finally {
    timings[what] = Date.now() - started;
  }
}

beforeAll(async () => {
  await timed("generate", async () => {
    for (const c of CASES) {
      const bytes = await c.write();
      generated.set(c, { bytes, pkg: await readPackage(bytes) });
    }
  });
  await Promise.all([
    timed("xmllint", async () => {
      schemaProblems = await validatePackages(
        CASES.map((c) => ({ owner: c.label, pkg: (generated.get(c) as Generated).pkg }))
      );
    }),
    timed("libreoffice", async () => {
      const results = await recalculateBuffersWithLibreOffice(
        CASES.map((c) => ({ name: c.fileName, xlsx: (generated.get(c) as Generated).bytes }))
      );
      for (const [i, c] of CASES.entries())
        recalculated.set(c, await readPackage(results[i]?.buffer as Buffer));
    }),
  ]);
});

afterAll(() => {
  console.log(
    `conformance: ${CASES.length} workbooks; generate ${timings["generate"]} ms, xmllint ${timings["xmllint"]} ms, LibreOffice ${timings["libreoffice"]} ms`
  );
});

const pkgOf = (c: ConformanceCase) => (generated.get(c) as Generated).pkg;

it("covers every kind of workbook, every example and every hostile name", () => {
  const kinds = new Set(CASES.map((c) => c.kind));
  expect([...kinds].sort()).toEqual(
    ["audit", "internal", "partner", "register", "review", "scenario", "two-quotes"].sort()
  );
  // The names the hostile cases exist for are in the workbooks, as Excel would show them.
  const sheetNames = CASES.flatMap((c) => pkgOf(c).sheets.map((s) => s.name));
  expect(sheetNames).toEqual(
    expect.arrayContaining([
      "Quote St George's DP-07",
      "Quote DP-2025-011 (King's)",
      "Quote O'Neil-DP-2025-0000000001",
      "Quote DP-2025-COLLIDING-REFEREN",
    ])
  );
  expect(sheetNames.filter((n) => n.length === 31).length).toBeGreaterThan(0);
  const twoQuotes = pkgOf(CASES.find((c) => c.kind === "two-quotes") as ConformanceCase);
  expect(twoQuotes.sheets.filter((s) => s.name.startsWith("Quote ")).length).toBe(2);
});

describe.each(CASES.map((c) => [c.label, c] as const))("%s", (_label, c) => {
  it("every XML part is valid against the ECMA-376 transitional schemas (xmllint, after MCE)", () => {
    const mine = schemaProblems.filter((p) => p.owner === c.label || p.owner === "(xmllint)");
    expect(mine.map((p) => `${p.part}: ${p.message}`)).toEqual([]);
  });

  it("sheet names, defined names and print areas are as Excel requires", () => {
    const pkg = pkgOf(c);
    expect([...sheetNameProblems(pkg), ...definedNameProblems(pkg)]).toEqual([]);
  });

  it("no number format has only optional decimals", () => {
    expect(numberFormatProblems(pkgOf(c))).toEqual([]);
  });

  it("every formula cell has a cached value", () => {
    expect(describeUncached(uncachedFormulas(pkgOf(c)))).toEqual([]);
  });

  it("every cached value equals LibreOffice's recalculation", () => {
    const { compared, differences } = compareCachedValues(
      pkgOf(c),
      recalculated.get(c) as XlsxPackage
    );
    expect(differences).toEqual([]);
    const formulas = pkgOf(c).sheets.reduce(
      (n, s) => n + [...s.cells.values()].filter((cell) => cell.formula !== undefined).length,
      0
    );
    // Some formula cells are compared wherever the workbook has any with a cached value.
    if (formulas > uncachedFormulas(pkgOf(c)).length) expect(compared).toBeGreaterThan(0);
  });

  it("every chart series has its data cache", () => {
    expect(chartProblems(pkgOf(c))).toEqual([]);
  });
});

describe("the checks find what they exist to find, in a product workbook broken on purpose", () => {
  const internal = () => CASES.find((c) => c.kind === "internal") as ConformanceCase;

  async function altered(c: ConformanceCase, part: string, change: (xml: string) => string) {
    const zip = await JSZip.loadAsync((generated.get(c) as Generated).bytes);
    const xml = await (zip.file(part) as JSZip.JSZipObject).async("string");
    const changed = change(xml);
    expect(changed).not.toBe(xml);
    zip.file(part, changed);
    return readPackage(await zip.generateAsync({ type: "uint8array" }));
  }

  it("xmllint reports <mergeCells> moved after <pageMargins>, and an element no schema knows", async () => {
    const moved = await altered(internal(), "xl/worksheets/sheet1.xml", (xml) =>
      xml
        .replace(/(<mergeCells[^]*?<\/mergeCells>)([^]*?<pageMargins[^>]*\/>)/, "$2$1")
        .replace("<sheetData>", "<sheetData><bogus/>")
    );
    const problems = await validatePackages([{ owner: "broken", pkg: moved }]);
    expect(problems.map((p) => `${p.owner} ${p.part}: ${p.message}`)).toEqual([
      expect.stringMatching(/^broken xl\/worksheets\/sheet1.xml: .*bogus.*\[at: <bogus\/>\]/),
      expect.stringMatching(/^broken xl\/worksheets\/sheet1.xml: .*mergeCells.*\[at: <mergeCells/),
    ]);
  });

  it("a cached value that differs from LibreOffice's is found", async () => {
    const c = internal();
    let replaced = "";
    const wrong = await altered(c, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace(
        /(<c r="([A-Z]+\d+)"[^>]*><f>[^<]+<\/f><v>)([^<]+)(<\/v>)/,
        (_m, open, ref, v, close) => {
          replaced = ref as string;
          return `${open}${Number(v) + 1}${close}`;
        }
      )
    );
    const { differences } = compareCachedValues(wrong, recalculated.get(c) as XlsxPackage);
    expect(differences).toEqual([expect.stringContaining(`!${replaced} =`)]);
  });
});
