import { z } from "zod";
import { DOCUMENT_VERSION, partnershipSchema } from "./schema";
import { STRATEGY_VERSION, strategySchema } from "./strategy";

/**
 * JSON Schemas (draft 2020-12) of the two documents, generated from the zod schemas so they cannot
 * drift: an editor given one (through the document's "$schema") validates and completes the file as it
 * is typed. They describe the documents as written (defaults optional). The checks zod makes in code
 * (decimal places, dates in order, ids unique, instalments adding up) are not expressible in JSON
 * Schema; the add-in still makes them when it reads the file.
 */

type JsonSchema = Record<string, unknown>;

function generate(schema: z.ZodType, title: string, description: string): JsonSchema {
  return {
    title,
    description,
    ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }),
  };
}

export function partnershipJsonSchema(): JsonSchema {
  return generate(
    partnershipSchema,
    `NHS data partnership (nhsdp.partnership, version ${DOCUMENT_VERSION})`,
    "One data partnership as a trust's finance officer records it, priced with the trust's pricing strategy (NHS England CIDC guide, 2023)."
  );
}

export function strategyJsonSchema(): JsonSchema {
  return generate(
    strategySchema,
    `NHS trust data pricing strategy (nhsdp.pricing-strategy, version ${STRATEGY_VERSION})`,
    "A trust's rates, cost pools, staff grades and standard items for pricing data partnerships (NHS England CIDC guide, 2023, chapter 5)."
  );
}
