/**
 * The JSON Schemas in schemas/ are generated from the zod schemas and must stay identical to what the
 * code generates (`npm run schemas` rewrites them). A real JSON Schema validator (Ajv, draft 2020-12)
 * accepts every example and starter document against them and rejects documents with the plainest
 * mistakes.
 */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import fs from "fs";
import path from "path";
import { starterPartnership, starterStrategy } from "../../src/cli/starters";
import { partnershipJsonSchema, strategyJsonSchema } from "../../src/document/jsonSchema";
import { EXAMPLES_DIR, EXAMPLE_FILES, STRATEGY_FILES, cleanInput, readJson } from "./fixtures";

const SCHEMAS_DIR = path.join(__dirname, "..", "..", "schemas");
const FILES = [
  { file: "partnership.schema.json", generate: partnershipJsonSchema },
  { file: "pricing-strategy.schema.json", generate: strategyJsonSchema },
];

describe.each(FILES)("schemas/$file", ({ file, generate }) => {
  it("is what the zod schemas generate", () => {
    const target = path.join(SCHEMAS_DIR, file);
    const generated = JSON.stringify(generate(), null, 2) + "\n";
    if (process.env["UPDATE_JSON_SCHEMAS"] === "1") fs.writeFileSync(target, generated);
    const committed = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
    if (committed !== generated)
      throw new Error(
        `schemas/${file} is out of date: run UPDATE_JSON_SCHEMAS=1 npx jest test/document/jsonSchema.test.ts to rewrite them (or npm run schemas)`
      );
    expect(committed).toBe(generated);
  });

  it("is a titled draft 2020-12 schema without an $id, describing every top-level field", () => {
    const schema = generate() as {
      $schema: string;
      title: string;
      description: string;
      properties: Record<string, { description?: string }>;
      additionalProperties: boolean;
    };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema).not.toHaveProperty("$id");
    expect(schema.title).toMatch(
      /^NHS .*\(nhsdp\.(partnership, version 3|pricing-strategy, version 3)\)$/
    );
    expect(schema.description).toEqual(expect.any(String));
    expect(schema.additionalProperties).toBe(false);
    const undescribed = Object.entries(schema.properties)
      .filter(([, property]) => !property.description)
      .map(([name]) => name);
    expect(undescribed).toEqual([]);
  });
});

describe("validation with a real JSON Schema validator", () => {
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
  const partnership = ajv.compile(partnershipJsonSchema());
  const strategy = ajv.compile(strategyJsonSchema());

  it.each(EXAMPLE_FILES.map((file) => [file]))("accepts examples/%s", (file) => {
    expect([partnership(readJson(file)), partnership.errors]).toEqual([true, null]);
  });

  it.each(Object.values(STRATEGY_FILES).map((file) => [file]))(
    "accepts examples/strategies/%s",
    (file) => {
      const json = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, "strategies", file), "utf8"));
      expect([strategy(json), strategy.errors]).toEqual([true, null]);
    }
  );

  it("accepts the starter documents", () => {
    expect([partnership(starterPartnership()), partnership.errors]).toEqual([true, null]);
    expect([strategy(starterStrategy()), strategy.errors]).toEqual([true, null]);
  });

  it.each<[string, (doc: Record<string, unknown>) => void, string]>([
    ["a misspelt field", (doc) => (doc["refrence"] = "DP-1"), "additionalProperties"],
    ["a use that is not one of the two", (doc) => (doc["use"] = "charity"), "enum"],
    [
      "a negative amount",
      (doc) => ((doc["costs"] as { lines: { unitCost: number }[] }).lines[0]!.unitCost = -1),
      "minimum",
    ],
    ["a missing required field", (doc) => delete doc["vatRate"], "required"],
    [
      "a date that is not a date",
      (doc) => ((doc["quote"] as { date: string }).date = "2025-13-01"),
      "format",
    ],
  ])("rejects %s", (_what, edit, keyword) => {
    const doc = cleanInput() as Record<string, unknown>;
    edit(doc);
    expect(partnership(doc)).toBe(false);
    expect(partnership.errors?.map((error) => error.keyword)).toContain(keyword);
  });
});
