/*
 * The editor's steps: Partnership, Data and value, Costs (Value sharing and Scenarios have files of
 * their own). Each lays out the controls for
 * its part of the document, in the guide's order; lists (data assets, cost lines, milestones...) can be
 * added to and removed from, each item in its own labelled group.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { COST_CATEGORIES, LINE_KINDS, QUOTE_STAGES } from "../../model/vocabulary";
import {
  ACCESS_ROUTE_LABELS,
  COST_CATEGORY_LABELS,
  FOREGROUND_IP_OWNER_LABELS,
  IG_STATUS_LABELS,
  INTENDED_USE_LABELS,
  ORGANISATION_TYPE_LABELS,
  PARTNERSHIP_TYPE_LABELS,
  QUOTE_STAGE_LABELS,
  USE_LABELS,
  VALUE_CHARACTERISTICS,
  VALUE_CHARACTERISTIC_LABELS,
  VALUE_LEVELS,
  describeValueLevel,
  type ValueCharacteristic,
} from "../../document";
import { getAt, nextId, pathKey, type Draft, type Json, type Path } from "./draft";
import {
  applyChoice,
  choiceOf,
  describeStrategyRates,
  pricingFromStrategy,
  strategyChoices,
} from "./strategyInPane";
import {
  CheckField,
  ChoiceField,
  DateField,
  NumberField,
  RadioField,
  TextField,
  useEditor,
  useEditorSelector,
  type EditorContextValue,
} from "./fields";
import { issuesWithin } from "./pricedDraft";
import { formatPounds, perUnit } from "../../model/format";
import { toDecimal } from "../../model/decimal";
import { Group } from "./Group";
import { ListEditor, Row, textOf } from "./lists";
import { quoteAtStage } from "./scenarios/modes";
import { kindHint, withUnit } from "./costLineKind";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  // A select of long names (the strategy's grades) fits the pane instead of pushing past it.
  fill: { minWidth: 0, width: "100%", "& select": { minWidth: 0, textOverflow: "ellipsis" } },
});

const options = <K extends string>(keys: readonly K[], labels: Readonly<Record<K, string>>) =>
  Object.fromEntries(keys.map((key) => [key, labels[key]])) as Record<string, string>;

/** Each characteristic's two ends as the guide describes them, to choose between. */
const VALUE_ENDS = Object.fromEntries(
  VALUE_CHARACTERISTICS.map((characteristic) => [
    characteristic,
    Object.fromEntries(
      VALUE_LEVELS.map((level) => [level, describeValueLevel(characteristic, level)])
    ),
  ])
) as Record<ValueCharacteristic, Record<string, string>>;
const LINE_KIND_LABELS: Record<(typeof LINE_KINDS)[number], string> = {
  staff: "Staff time (on-costs apply)",
  "non-staff": "Non-staff",
};

export function PartnershipStep(): React.JSX.Element {
  const styles = useStyles();
  const { draft, update } = useEditor();
  const stage = getAt(draft, ["quote", "stage"]);
  return (
    <div className={styles.step}>
      <TextField
        path={["reference"]}
        label="Reference"
        required
        hint="The trust's own, e.g. DP-2026-014"
      />
      <Group legend="Trust">
        <TextField path={["trust", "name"]} label="Trust name" required />
        <Row>
          <TextField path={["trust", "odsCode"]} label="ODS code" />
          <TextField path={["owner"]} label="Lead for this partnership" />
        </Row>
        <TextField path={["trust", "address"]} label="Address on the quote" />
      </Group>
      <Group legend="Partner">
        <TextField path={["partner", "name"]} label="Partner organisation" required />
        <ChoiceField
          path={["partner", "organisationType"]}
          label="Organisation type"
          hint="Kept for the register only: it never changes the price"
          required
          options={ORGANISATION_TYPE_LABELS}
        />
      </Group>
      <Group legend="The partnership">
        <ChoiceField
          path={["partnershipType"]}
          label="Type of partnership"
          required
          options={PARTNERSHIP_TYPE_LABELS}
        />
        <TextField path={["purpose"]} label="Purpose" required multiline />
        <TextField
          path={["expectedPatientBenefit"]}
          label="Expected benefit to patients or the NHS"
          multiline
        />
        <ChoiceField
          path={["use"]}
          label="Use of the data"
          hint="Commercial use is charged at full cost, non-commercial at marginal cost"
          required
          options={USE_LABELS}
        />
        <ChoiceField
          path={["accessRoute"]}
          label="Access route"
          required
          options={ACCESS_ROUTE_LABELS}
        />
        {getAt(draft, ["accessRoute"]) === "shared-with-partner" && (
          <TextField
            path={["accessJustification"]}
            label="Why the data must leave the NHS"
            multiline
          />
        )}
        <ChoiceField
          path={["foregroundIpOwner"]}
          label="Foreground IP owner"
          required
          options={FOREGROUND_IP_OWNER_LABELS}
        />
        <CheckField path={["consentToCommercialise"]} label="Consent-to-commercialise clause" />
        <CheckField path={["outputsOpen"]} label="Outputs published openly" />
        <CheckField path={["exclusivityRequested"]} label="Partner asks for exclusive access" />
        <CheckField
          path={["publishedInDataUseRegister"]}
          label="Listed in the trust's public register of data uses"
        />
      </Group>
      <Group legend="Information governance">
        <Row>
          <ChoiceField
            path={["informationGovernance", "dpia"]}
            label="DPIA"
            options={IG_STATUS_LABELS}
          />
          <ChoiceField
            path={["informationGovernance", "dataProcessingAgreement"]}
            label="Data processing agreement"
            options={IG_STATUS_LABELS}
          />
        </Row>
        <Row>
          <ChoiceField
            path={["informationGovernance", "dataSharingAgreement"]}
            label="Data sharing agreement"
            options={IG_STATUS_LABELS}
          />
          <ChoiceField
            path={["informationGovernance", "supplierDueDiligence"]}
            label="Supplier due diligence"
            options={IG_STATUS_LABELS}
          />
        </Row>
      </Group>
      <Group legend="The quote">
        <Row>
          <ChoiceField
            path={["quote", "stage"]}
            label="Stage"
            required
            // A stage's dates leave with it: an accepted quote made a draft again keeps no issue date.
            write={(next) => update(["quote"], quoteAtStage(getAt(draft, ["quote"]), next))}
            options={options(QUOTE_STAGES, QUOTE_STAGE_LABELS)}
          />
          <DateField path={["quote", "date"]} label="Quote date" required />
        </Row>
        <Row>
          <DateField path={["quote", "validUntil"]} label="Valid until" />
          <NumberField path={["quote", "paymentTermsDays"]} label="Payment terms (days)" />
        </Row>
        {stage !== "draft" &&
          stage !== undefined &&
          (stage !== "withdrawn" || getAt(draft, ["quote", "issuedOn"]) !== undefined) && (
            <DateField path={["quote", "issuedOn"]} label="Issued on" />
          )}
        {stage === "accepted" && <DateField path={["quote", "acceptedOn"]} label="Accepted on" />}
        {stage === "declined" && <DateField path={["quote", "declinedOn"]} label="Declined on" />}
        {stage === "withdrawn" && (
          <DateField path={["quote", "withdrawnOn"]} label="Withdrawn on" />
        )}
        <Row>
          <NumberField path={["vatRate"]} label="VAT rate" kind="percent" required />
          <DateField path={["reviewDate"]} label="Next review" />
        </Row>
      </Group>
    </div>
  );
}

export function DataStep(): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.step}>
      <Caption1 className={styles.note}>
        The guide values data by six characteristics; four or more high ones in data used to build a
        product call for a share in its value.
      </Caption1>
      <ListEditor
        path={["dataAssets"]}
        itemName="data asset"
        describe={(item, i) => textOf(getAt(item ?? null, ["name"]), `Data asset ${i + 1}`)}
        newItem={() => ({
          name: "",
          description: "",
          ...Object.fromEntries(VALUE_CHARACTERISTICS.map((c) => [c, "low"])),
        })}
        renderItem={(path) => (
          <>
            <TextField path={[...path, "name"]} label="Name" required />
            <TextField path={[...path, "description"]} label="Description" required multiline />
            {VALUE_CHARACTERISTICS.map((characteristic) => (
              <RadioField
                key={characteristic}
                path={[...path, characteristic]}
                label={VALUE_CHARACTERISTIC_LABELS[characteristic]}
                options={VALUE_ENDS[characteristic]}
              />
            ))}
            <ChoiceField
              path={[...path, "intendedUse"]}
              label="Intended use"
              required
              options={INTENDED_USE_LABELS}
            />
          </>
        )}
      />
    </div>
  );
}

export function CostsStep(): React.JSX.Element {
  const styles = useStyles();
  // Only what the step lays out with: a keystroke in a line re-renders that line, not all 60.
  const strategy = useEditorSelector((editor) => editor.strategy);
  const update = useEditorSelector((editor) => editor.update);
  return (
    <div className={styles.step}>
      <Group legend="Rates from the trust's pricing strategy">
        {strategy ? (
          <>
            <Caption1 className={styles.note}>{describeStrategyRates(strategy)}.</Caption1>
            <div className={styles.actions}>
              <Button
                size="small"
                onClick={() => update(["pricing"], pricingFromStrategy(strategy))}
              >
                Use the strategy&apos;s rates
              </Button>
            </div>
          </>
        ) : (
          <Caption1 className={styles.note}>
            Import the trust&apos;s pricing strategy (above) to take its rates, staff grades and
            standard items; a rate that differs from it is then reported with the findings.
          </Caption1>
        )}
        <Row>
          <TextField path={["pricing", "strategy", "id"]} label="Strategy id" />
          <NumberField path={["pricing", "strategy", "revision"]} label="Revision" />
        </Row>
        <Row>
          <NumberField
            path={["pricing", "staffOnCostRate"]}
            label="Staff on-costs"
            kind="percent"
            required
          />
          <NumberField
            path={["pricing", "overheadRate"]}
            label="Overheads"
            kind="percent"
            required
          />
        </Row>
        <Row>
          <NumberField
            path={["pricing", "fixedCostRecoveryRate"]}
            label="Fixed cost recovery"
            kind="percent"
            required
          />
          <NumberField
            path={["pricing", "capitalCostRecoveryRate"]}
            label="Capital cost recovery"
            kind="percent"
            required
          />
        </Row>
      </Group>
      <Subtitle2 as="h3">Cost lines</Subtitle2>
      <ListEditor
        path={["costs", "lines"]}
        itemName="cost line"
        describe={(item, i) => textOf(getAt(item ?? null, ["description"]), `Cost line ${i + 1}`)}
        newItem={(items) => ({
          id: nextId(items, "line"),
          category: "services",
          description: "",
          unit: "day",
        })}
        renderItem={(path) => <CostLineFields path={path} />}
        summarise={(path, open) => <CostLineSummary path={path} folded={!open} />}
      />
      <Subtitle2 as="h3">Direct allocations</Subtitle2>
      <Caption1 className={styles.note}>
        Infrastructure built for this partnership alone, charged in full as capital.
      </Caption1>
      <ListEditor
        path={["costs", "directAllocations"]}
        itemName="direct allocation"
        describe={(item, i) => textOf(getAt(item ?? null, ["description"]), `Allocation ${i + 1}`)}
        newItem={(items) => ({ id: nextId(items, "allocation"), description: "" })}
        renderItem={(path) => (
          <>
            <TextField path={[...path, "description"]} label="Description" required />
            <NumberField path={[...path, "amount"]} label="Amount" kind="pounds" required />
          </>
        )}
      />
    </div>
  );
}

/** Picks a cost line from the strategy's staff grades and standard items, priced as it prices them. */
function StrategyChoice({ path }: { path: Path }): React.JSX.Element | null {
  const styles = useStyles();
  const strategy = useEditorSelector((editor) => editor.strategy);
  const update = useEditorSelector((editor) => editor.update);
  const line = useEditorSelector((editor) => getAt(editor.draft, path));
  if (!strategy) return null;
  return (
    <Field
      label="From the pricing strategy"
      hint="A staff grade or standard item sets the unit and price"
    >
      <Select
        className={styles.fill}
        value={choiceOf(line)}
        onChange={(_, data) =>
          update(
            path,
            applyChoice(
              (line !== null && typeof line === "object" && !Array.isArray(line)
                ? line
                : {}) as Draft,
              strategy,
              data.value
            )
          )
        }
      >
        <option value="">Typed by hand</option>
        {strategyChoices(strategy).map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * A folded cost line as a reader scans a quote: its category, quantity and price, what it is charged
 * once the quote prices, and, folded, that it has problems to fix.
 */
function CostLineSummary({ path, folded }: { path: Path; folded: boolean }): React.JSX.Element {
  const styles = useStyles();
  const text = useEditorSelector((editor) => costLineSummary(getAt(editor.draft, path), editor));
  const problems = useEditorSelector((editor) => issuesWithin(editor.priced, pathKey(path)).length);
  return (
    <>
      <Caption1 className={styles.note}>{text}</Caption1>
      {folded && problems > 0 && (
        <Caption1 className={styles.problem}>
          {problems === 1 ? "1 problem to fix" : `${problems} problems to fix`}: open it to see.
        </Caption1>
      )}
    </>
  );
}

function costLineSummary(line: Json | undefined, editor: EditorContextValue): string {
  const category = getAt(line, ["category"]);
  const quantity = getAt(line, ["quantity"]);
  const unit = getAt(line, ["unit"]);
  const unitCost = getAt(line, ["unitCost"]);
  const id = getAt(line, ["id"]);
  const parts: string[] = [];
  if (typeof category === "string" && category in COST_CATEGORY_LABELS)
    parts.push(COST_CATEGORY_LABELS[category as keyof typeof COST_CATEGORY_LABELS]);
  if (typeof quantity === "number" && typeof unitCost === "number" && typeof unit === "string")
    parts.push(`${quantity} at ${formatPounds(toDecimal(unitCost))} ${perUnit(unit)}`);
  const priced =
    editor.priced.status === "priced"
      ? editor.priced.quote.lines.find((quoted) => quoted.id === id)
      : undefined;
  if (priced) parts.push(`charged ${formatPounds(priced.amount)}`);
  return parts.join(" · ");
}

/** A cost line's fields, drawn again when that line changes, not when another line does. */
const CostLineFields = React.memo(
  function CostLineFields({ path }: { path: Path }): React.JSX.Element {
    const update = useEditorSelector((editor) => editor.update);
    const line = useEditorSelector((editor) => getAt(editor.draft, path));
    const writeUnit = (unit: string | undefined) =>
      update(
        path,
        withUnit(
          line !== null && typeof line === "object" && !Array.isArray(line) ? line : {},
          unit
        )
      );
    return (
      <>
        <TextField path={[...path, "description"]} label="Description" required />
        <StrategyChoice path={path} />
        <Row>
          <ChoiceField
            path={[...path, "category"]}
            label="Category"
            required
            options={options(COST_CATEGORIES, COST_CATEGORY_LABELS)}
          />
          <ChoiceField
            path={[...path, "kind"]}
            label="Kind"
            hint={kindHint(getAt(line, ["unit"]))}
            options={LINE_KIND_LABELS}
          />
        </Row>
        <Row>
          <NumberField path={[...path, "quantity"]} label="Quantity" required />
          <TextField path={[...path, "unit"]} label="Unit" required write={writeUnit} />
          <NumberField path={[...path, "unitCost"]} label="Unit cost" kind="pounds" required />
        </Row>
        <CheckField path={[...path, "passThrough"]} label="Pass-through charge (no overheads)" />
        <TextField path={[...path, "id"]} label="Line id" required />
      </>
    );
  },
  (a, b) => pathKey(a.path) === pathKey(b.path)
);
