/**
 * The layout check run by `npm run verify` (scripts/check-layers.mjs), tried on small trees written here:
 * it must accept imports that point down the layers and name each kind of breach.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

type Check = { breaches(srcRoot?: string): string[] };

const check = require("../../scripts/check-layers.cjs") as Check;

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "layers-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("the source layout check", () => {
  it("finds every import of src pointing down the layers, and no file over 800 lines", () => {
    const { breaches } = check;
    expect(breaches()).toEqual([]);
  });

  it("accepts imports down the layers and within a folder", () => {
    const { breaches } = check;
    const dir = tree({
      "model/decimal.ts": "export const ONE = 1;\n",
      "core/pricing/quote.ts":
        'import { ONE } from "../../model/decimal";\nimport { x } from "../valuation/x";\n',
      "core/valuation/x.ts": "export const x = 1;\n",
      "taskpane/App.tsx": 'import { ONE } from "../model/decimal";\nimport React from "react";\n',
    });
    expect(breaches(dir)).toEqual([]);
  });

  it("names an import up the layers, across one layer, and a host dependency below the writers", () => {
    const { breaches } = check;
    const dir = tree({
      "document/schema.ts": 'import { quote } from "../core/quote";\n',
      "core/quote.ts": 'export const quote = 1;\nimport * as ExcelJS from "exceljs";\n',
      "cli/nhsdp.ts": 'import { f } from "../functions/f";\n',
      "functions/f.ts": "export const f = () => Excel.run(async () => undefined);\n",
      "model/format.ts": "// Office.context is not used here\nexport const x = window.location;\n",
    });
    const found = breaches(dir);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^src\/document\/schema\.ts imports src\/core\/quote/),
        expect.stringMatching(/^src\/core\/quote\.ts imports exceljs/),
        expect.stringMatching(/^src\/cli\/nhsdp\.ts imports src\/functions\/f/),
        expect.stringMatching(/^src\/model\/format\.ts uses window\./),
      ])
    );
    expect(found).toHaveLength(4);
  });

  it("names a file over 800 lines", () => {
    const { breaches } = check;
    const dir = tree({ "core/long.ts": "export const a = 1;\n".repeat(801) });
    expect(breaches(dir)).toEqual(["src/core/long.ts: 801 lines; split it (at most 800)"]);
  });
});
