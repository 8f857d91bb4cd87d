/** A fixed payment's instalments must add up to it exactly, compared as decimals, not binary pence. */
import fs from "fs";
import path from "path";
import { parsePartnership } from "../../src/document";

const example = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, "..", "..", "examples", "commercial-imaging-ai.json"),
    "utf8"
  )
) as { valueSharing: Record<string, unknown> };

function withFixedPayment(amount: number, instalments: number[]) {
  const doc = structuredClone(example);
  doc.valueSharing.fixedPayment = {
    amount,
    instalments: instalments.map((value, i) => ({ due: `2026-0${i + 1}-01`, amount: value })),
  };
  return parsePartnership(doc);
}

it.each([
  [100.004, [100], "add up to £100.00 but the fixed payment is £100.004"], // differ by 0.4p
  [50000, [25000, 24999.99], "add up to £49,999.99 but the fixed payment is £50,000.00"],
])("%d paid as %j is refused", (amount, instalments, message) => {
  const result = withFixedPayment(amount, instalments);
  expect(result.ok).toBe(false);
  expect(!result.ok && result.issues).toContainEqual({
    path: "valueSharing.fixedPayment.instalments",
    message: expect.stringContaining(message),
  });
});

it("0.1 + 0.2 paid as two instalments of a 0.3 fixed payment agrees, as decimals do", () => {
  // In binary 0.1 + 0.2 is 0.30000000000000004; as decimals it is 0.3.
  expect(withFixedPayment(0.3, [0.1, 0.2]).ok).toBe(true);
});

it("the example's own two instalments of £25,000 make up its £50,000 fixed payment", () => {
  const result = parsePartnership(structuredClone(example));
  expect(result.ok && result.document.version).toBe(3);
  expect(result.ok && result.document.valueSharing.fixedPayment).toEqual({
    amount: 50000,
    instalments: [
      { due: "2025-07-01", amount: 25000 },
      { due: "2026-03-31", amount: 25000 },
    ],
  });
});
