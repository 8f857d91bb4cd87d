/*
 * The strategy editor's sections, in the order docs/documents.md builds a strategy from the trust's
 * accounts: who and when, staff time, the overhead and the recovery base, the two pools, the standard
 * items. Every field of the strategy document has its control here, bound to its path.
 */
import * as React from "react";
import { Caption1, Checkbox, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { COST_CATEGORY_LABELS } from "../../../document";
import { COST_CATEGORIES } from "../../../model/vocabulary";
import { getAt, nextId, pathKey, type Draft, type Json, type Path } from "../draft";
import {
  CheckField,
  ChoiceField,
  DateField,
  NumberField,
  RadioField,
  TextField,
  useEditor,
} from "../fields";
import { Group } from "../Group";
import { ListEditor, Row } from "../lists";
import { ComponentsField, RecoveryKindField, RecoveryWorking, useRecoveryKind } from "./controls";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  note: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  check: { minWidth: 0, "& label": { minWidth: 0, overflowWrap: "anywhere" } },
});

const textOf = (value: Json | undefined, fallback: string) =>
  typeof value === "string" && value.trim() !== "" ? value : fallback;

/** A problem the schema reports for a whole group (a recovery base of £0), shown at its top. */
function GroupMessage({ path }: { path: Path }): React.JSX.Element | null {
  const styles = useStyles();
  const { priced } = useEditor();
  const messages = priced.status === "invalid" ? priced.issuesByPath.get(pathKey(path)) : undefined;
  if (!messages?.length) return null;
  return <Caption1 className={styles.error}>{messages.join("; ")}</Caption1>;
}

/** The contact's fields: a contact with nothing left in it is removed, not left to need a name. */
function useContactWriter() {
  const { draft, update } = useEditor();
  return (field: string) => (text: string | undefined) => {
    const contact = getAt(draft, ["trust", "contact"]);
    const next: Draft = {
      ...(contact !== null && typeof contact === "object" && !Array.isArray(contact)
        ? contact
        : {}),
    };
    if (text === undefined || text === "") delete next[field];
    else next[field] = text;
    update(["trust", "contact"], Object.keys(next).length > 0 ? next : undefined);
  };
}

export function GeneralSection(): React.JSX.Element {
  const styles = useStyles();
  const contact = useContactWriter();
  return (
    <div className={styles.section}>
      <Row>
        <TextField
          path={["id"]}
          label="Strategy id"
          required
          hint="Quoted by every partnership priced with it"
        />
        <NumberField path={["revision"]} label="Revision" required />
      </Row>
      <Group legend="Dates and approval">
        <GroupMessage path={[]} />
        <Row>
          <DateField path={["effectiveFrom"]} label="Effective from" required />
          <DateField path={["reviewBy"]} label="Review by" />
        </Row>
        <TextField
          path={["approvedBy"]}
          label="Approved by"
          required
          hint="A person and role, or a committee"
        />
        <DateField path={["approvedOn"]} label="Approved on" required />
      </Group>
      <Group legend="Trust">
        <GroupMessage path={["trust"]} />
        <TextField path={["trust", "name"]} label="Trust name" required />
        <TextField path={["trust", "odsCode"]} label="ODS code" />
        <TextField path={["trust", "address"]} label="Address on quotes" multiline />
        <TextField
          path={["trust", "contact", "name"]}
          label="Contact name"
          write={contact("name")}
        />
        <TextField
          path={["trust", "contact", "role"]}
          label="Contact role"
          write={contact("role")}
        />
        <TextField
          path={["trust", "contact", "email"]}
          label="Contact email"
          write={contact("email")}
        />
        <TextField
          path={["trust", "contact", "phone"]}
          label="Contact phone"
          write={contact("phone")}
        />
        <TextField path={["trust", "vatNumber"]} label="VAT registration number" />
        <TextField path={["trust", "paymentInstructions"]} label="Payment instructions" multiline />
        <TextField path={["trust", "termsAndConditions"]} label="Terms and conditions" multiline />
      </Group>
      <TextField path={["notes"]} label="Notes" multiline />
    </div>
  );
}

export function StaffSection(): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <GroupMessage path={["staffTime"]} />
      <NumberField
        path={["staffTime", "onCostRate"]}
        label="On-cost rate"
        kind="percent"
        required
        hint="Employer's pension and National Insurance, on staff time only"
      />
      <TextField
        path={["staffTime", "onCostBasis"]}
        label="How the on-cost rate is made"
        multiline
      />
      <Subtitle2 as="h3">Staff grades</Subtitle2>
      <Caption1 className={styles.note}>Each grade at salary cost, before on-costs.</Caption1>
      <GroupMessage path={["staffTime", "grades"]} />
      <ListEditor
        path={["staffTime", "grades"]}
        itemName="staff grade"
        describe={(item, i) => textOf(getAt(item ?? null, ["name"]), `Staff grade ${i + 1}`)}
        newItem={(items) => ({ id: nextId(items, "grade"), name: "", unit: "day" })}
        renderItem={(path) => (
          <>
            <TextField path={[...path, "name"]} label="Grade" required />
            <Row>
              <ChoiceField
                path={[...path, "unit"]}
                label="Unit"
                required
                options={{ hour: "Hour", day: "Day" }}
              />
              <NumberField
                path={[...path, "rate"]}
                label="Salary cost per unit"
                kind="pounds"
                required
              />
            </Row>
            <TextField path={[...path, "id"]} label="Grade id" required />
          </>
        )}
      />
    </div>
  );
}

export function OverheadSection(): React.JSX.Element {
  const styles = useStyles();
  const { draft } = useEditor();
  const passThrough = getAt(draft, ["recoveryBase", "passThrough"]);
  const reason = getAt(draft, ["recoveryBase", "passThroughReason"]);
  return (
    <div className={styles.section}>
      <Group legend="Overhead">
        <GroupMessage path={["overhead"]} />
        <NumberField
          path={["overhead", "rate"]}
          label="Overhead rate"
          kind="percent"
          required
          hint="Turns marginal cost into full cost for commercial use; 0 when the fixed pool carries the overheads"
        />
        <TextField
          path={["overhead", "covers"]}
          label="What the overhead covers"
          required
          multiline
        />
        <ComponentsField
          path={["overhead", "components"]}
          legend="Components the overhead covers"
        />
      </Group>
      <Group legend="Recovery base">
        <GroupMessage path={["recoveryBase"]} />
        <Caption1 className={styles.note}>
          What the fixed and capital recovery rates are spread over: the year&apos;s forecast.
        </Caption1>
        <TextField
          path={["recoveryBase", "description"]}
          label="What the forecast is"
          required
          multiline
        />
        <NumberField
          path={["recoveryBase", "commercialFullCost"]}
          label="Commercial full cost"
          kind="pounds"
        />
        <NumberField
          path={["recoveryBase", "nonCommercialMarginalCost"]}
          label="Non-commercial marginal cost"
          kind="pounds"
        />
        <RadioField
          path={["recoveryBase", "passThrough"]}
          label="Pass-through charges"
          required
          options={{
            excluded: "Excluded from the base (they bear none of the trust's costs)",
            included: "Included in the base (give the reason)",
          }}
        />
        {(passThrough === "included" || (typeof reason === "string" && reason !== "")) && (
          <TextField
            path={["recoveryBase", "passThroughReason"]}
            label="Why pass-through charges are in the base"
            multiline
          />
        )}
      </Group>
    </div>
  );
}

const HM_TREASURY = {
  rate: 0.035,
  source: "HM Treasury Green Book: 3.5% real cost of capital",
};

function CostOfCapital(): React.JSX.Element {
  const styles = useStyles();
  const { draft, update } = useEditor();
  const path = ["capitalCostRecovery", "costOfCapital"];
  const value = getAt(draft, path);
  const setAside = React.useRef<Json | undefined>(undefined);
  return (
    <>
      <Checkbox
        className={styles.check}
        label="Add a cost of capital to the pool"
        checked={value !== undefined}
        onChange={(_, data) => {
          if (data.checked === true) update(path, setAside.current ?? HM_TREASURY);
          else {
            setAside.current = value;
            update(path, undefined);
          }
        }}
      />
      {value !== undefined && (
        <Group legend="Cost of capital">
          <GroupMessage path={path} />
          <NumberField
            path={[...path, "rate"]}
            label="Cost of capital rate"
            kind="percent"
            required
          />
          <NumberField
            path={[...path, "capitalEmployed"]}
            label="Capital employed (net book value)"
            kind="pounds"
            required
          />
          <TextField
            path={[...path, "source"]}
            label="Source of the cost of capital rate"
            required
          />
        </Group>
      )}
    </>
  );
}

function PoolFields({
  layer,
  name,
}: {
  layer: "fixedCostRecovery" | "capitalCostRecovery";
  name: "fixed-cost" | "capital-cost";
}): React.JSX.Element {
  const { kind, choose } = useRecoveryKind([layer]);
  const title = name === "fixed-cost" ? "Fixed-cost" : "Capital-cost";
  return (
    <>
      <RecoveryKindField path={[layer]} kind={kind} choose={choose} />
      {kind === "derived" && (
        <NumberField
          path={[layer, "annualPool"]}
          label={`Annual ${name} pool`}
          kind="pounds"
          required
        />
      )}
      {kind === "derived" && layer === "capitalCostRecovery" && <CostOfCapital />}
      {kind === "stated" && (
        <>
          <NumberField
            path={[layer, "rate"]}
            label={`${title} recovery rate`}
            kind="percent"
            required
          />
          <TextField path={[layer, "source"]} label={`Source of the ${name} rate`} required />
        </>
      )}
      <RecoveryWorking layer={layer} />
      <TextField path={[layer, "covers"]} label={`What the ${name} pool covers`} multiline />
      <ComponentsField path={[layer, "components"]} legend={`Components the ${name} pool covers`} />
    </>
  );
}

export function PoolsSection(): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <Caption1 className={styles.note}>
        A derived rate is the pool over the recovery base, half away from zero to 0.01%; a stated
        rate is used as typed, with its source. No component may be covered by two layers.
      </Caption1>
      <Group legend="Fixed-cost pool">
        <PoolFields layer="fixedCostRecovery" name="fixed-cost" />
      </Group>
      <Group legend="Capital-cost pool">
        <PoolFields layer="capitalCostRecovery" name="capital-cost" />
      </Group>
    </div>
  );
}

const CATEGORY_OPTIONS = Object.fromEntries(
  COST_CATEGORIES.map((category) => [category, COST_CATEGORY_LABELS[category]])
) as Record<string, string>;

export function ItemsSection(): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <Caption1 className={styles.note}>
        Non-staff items at their unit price, such as an NHS England SDE user account passed through
        at its published price.
      </Caption1>
      <GroupMessage path={["standardItems"]} />
      <ListEditor
        path={["standardItems"]}
        itemName="standard item"
        describe={(item, i) => textOf(getAt(item ?? null, ["name"]), `Standard item ${i + 1}`)}
        newItem={(items) => ({
          id: nextId(items, "item"),
          name: "",
          category: "data-access-other",
          unit: "",
          passThrough: false,
        })}
        renderItem={(path) => (
          <>
            <TextField path={[...path, "name"]} label="Item" required />
            <ChoiceField
              path={[...path, "category"]}
              label="Category"
              required
              options={CATEGORY_OPTIONS}
            />
            <Row>
              <TextField path={[...path, "unit"]} label="Unit" required />
              <NumberField
                path={[...path, "unitPrice"]}
                label="Unit price"
                kind="pounds"
                required
              />
            </Row>
            <CheckField
              path={[...path, "passThrough"]}
              label="Passed on at a published price (pass-through)"
            />
            <TextField path={[...path, "source"]} label="Source of the price" />
            <Row>
              <DateField path={[...path, "effectiveFrom"]} label="Price applies from" />
              <DateField path={[...path, "effectiveUntil"]} label="Price applies until" />
            </Row>
            <TextField path={[...path, "id"]} label="Item id" required />
          </>
        )}
      />
    </div>
  );
}
