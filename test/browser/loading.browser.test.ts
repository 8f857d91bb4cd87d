/**
 * The pane loads as a user's browser loads it: offline, with no Office and no custom functions runtime.
 * The page and its helpers: ./support/pane.ts.
 */
import fs from "fs";
import path from "path";
import { DIST, openTaskPane, OFFICE_JS, snap } from "./support/pane";

it("renders the task pane and lists the ten functions", async () => {
  const { page, errors } = await openTaskPane();
  await page.getByRole("heading", { level: 1, name: "NHS data partnership pricing" }).waitFor();
  const terms = await page.locator("dt").allTextContents();
  expect(terms.join(" ")).toMatch(/FULLCOST/);
  expect(terms.length).toBe(10);
  // At 350 x 600 the first action is in view without scrolling.
  const box = await page.getByRole("button", { name: "New partnership" }).boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(600);
  await snap(page, "00-start");
  expect(errors).toEqual([]);
  await page.close();
});

it("standalone, with office.js unreachable and no CustomFunctions, the pane loads without an error and prices a partnership", async () => {
  const { page, errors, refused } = await openTaskPane();
  await page.getByRole("button", { name: "New partnership" }).waitFor();
  // What a user's browser has: office.js was asked for and not had; neither Office nor Excel's
  // custom functions runtime exists, and functions.js registered nothing rather than throwing.
  expect(refused).toContain(OFFICE_JS);
  expect(
    await page.evaluate(() => [typeof window.Office, typeof window.CustomFunctions].join(" "))
  ).toBe("undefined undefined");
  // With no workbook open there is nothing to audit, so no card offers it.
  await page.getByText("In the browser:", { exact: false }).waitFor();
  expect(await page.getByRole("region", { name: "Audit this workbook" }).count()).toBe(0);
  expect(await page.getByText("Audit this workbook").count()).toBe(0);
  // The editor in use (the keyboard is walked through in "building a partnership by keyboard alone").
  await page.getByRole("button", { name: "New partnership" }).click();
  await page.getByRole("tab", { name: "Partnership" }).waitFor();
  await page.getByLabel("Trust name").fill("Northvale Teaching Hospitals NHS Foundation Trust");
  await page.getByLabel("ODS code").fill("R9X");
  await page.getByLabel("Partner organisation").fill("Radiant Vision AI Ltd");
  await page.getByLabel("Organisation type").selectOption({ label: "Large company" });
  await page
    .getByLabel("Type of partnership")
    .selectOption({ label: "Type 2: access to data and staff expertise" });
  await page.getByLabel("Purpose").fill("Train and validate a chest X-ray triage model");
  await page.getByLabel("Use of the data").selectOption({ label: "Commercial" });
  await page.getByLabel("Access route").selectOption({ label: "Secure data environment (SDE)" });
  await page.getByLabel("Foreground IP owner").selectOption({ label: "Partner" });
  await page.getByLabel("VAT rate").fill("20");
  await page.getByRole("tab", { name: "Data and value" }).click();
  await page.getByRole("button", { name: "Add data asset" }).click();
  await page.getByLabel("Name").fill("Chest X-ray archive 2015-2024");
  await page.getByLabel("Description").fill("De-identified chest radiographs with reports");
  await page
    .getByLabel("Intended use")
    .selectOption({ label: "Training and validating an ML/AI model" });
  await page.getByRole("tab", { name: "Costs" }).click();
  await page.getByLabel("Staff on-costs").fill("25");
  await page.getByLabel("Overheads").fill("20");
  await page.getByLabel("Fixed cost recovery").fill("10");
  await page.getByLabel("Capital cost recovery").fill("5");
  await page.getByRole("button", { name: "Add cost line" }).click();
  await page.getByLabel("Description").fill("Image de-identification");
  await page.getByLabel("Quantity").fill("10");
  await page.getByLabel("Unit cost").fill("450");
  // 10 x £450 = £4,500; on-costs 25%: £5,625; overheads 20%: £6,750; fixed 10% and capital 5% of it:
  // £675 + £337.50; total £7,762.50.
  // The footer says what is left to complete until the total can be shown: on failure, that is shown.
  await page
    .getByTestId("live-total")
    .waitFor({ timeout: 30_000 })
    .catch(() => undefined);
  await snap(page, "00b-standalone-offline");
  expect(await page.locator("#quote-footer-status").innerText()).toMatch(/£7,762\.50$/);

  // Percentages are spoken of in percentages: a VAT rate typed to a thousandth of a percent, and an
  // overhead of 1,000%, which is allowed but asked about.
  const vat = page.locator("#field-vatRate");
  await page.getByRole("tab", { name: "Partnership" }).click();
  await vat.fill("20.125");
  await vat.blur();
  await page.getByText("must be to the nearest 0.01% (got 20.125%)").waitFor();
  await vat.fill("20");
  await page.getByRole("tab", { name: "Costs" }).click();
  const overheads = page.locator("#field-pricing-overheadRate");
  await overheads.fill("1000");
  await overheads.blur();
  await page
    .getByText("1,000% is more than the cost itself again: check it is the rate meant")
    .waitFor();
  await overheads.fill("20");
  // A large amount, once the field is left, reads with its thousands: "45,000,000". (The line
  // opened on the Costs step is still open back on it.)
  const unitCost = page.getByLabel("Unit cost");
  await unitCost.fill("4500000");
  await unitCost.blur();
  expect(await unitCost.inputValue()).toBe("4,500,000");
  await unitCost.fill("450");
  await page.waitForFunction(() =>
    /£7,762\.50$/.test((document.querySelector("#quote-footer-status") as HTMLElement).innerText)
  );
  expect(errors).toEqual([]);
  await page.close();
});

it("with a stand-in for Excel's custom functions runtime injected, the shared-runtime page registers the ten functions", async () => {
  // Inside Excel, the shared runtime defines CustomFunctions before functions.js runs; this recorder
  // stands in for it, the only test that gives the page one.
  const { page, errors } = await openTaskPane({
    beforeLoad: (p) =>
      p.addInitScript(() => {
        const ids: string[] = [];
        (window as unknown as Record<string, unknown>).CustomFunctions = {
          associate: (id: string, fn: unknown) => {
            if (typeof fn === "function") ids.push(id);
          },
          Error: class extends Error {},
          ErrorCode: {},
          registeredIds: ids,
        };
      }),
  });
  await page.getByRole("button", { name: "New partnership" }).waitFor();
  const registeredIds = await page.evaluate(
    () =>
      (window as unknown as { CustomFunctions: { registeredIds: string[] } }).CustomFunctions
        .registeredIds
  );
  const declared = (
    JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    }
  ).functions.map((f) => f.id);
  expect(declared).toHaveLength(10);
  expect([...registeredIds].sort()).toEqual([...declared].sort());
  expect(errors).toEqual([]);
  await page.close();
});
