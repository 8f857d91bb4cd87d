/*
 * The Scenarios step's assumptions: the chance of reaching market, the discounting (a flat rate or the
 * Green Book's schedule), the price basis (real, or nominal with its inflation), the partner's risk of
 * not paying, the revenue forecast (a curve, or written out year by year with its number of years),
 * the payback target, whether the agreed terms are compared, and where it all comes from.
 */
import * as React from "react";
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { getAt, type Json } from "../draft";
import { CheckField, ChoiceField, fieldId, NumberField, TextField, useEditor } from "../fields";
import { Group } from "../Group";
import { startingCounterparty } from "../../../core/scenarios/counterparty";
import { ORGANISATION_TYPES } from "../../../document/schema";
import { formatPercent } from "../../../model/format";
import { discountFor, priceBasisFor, resizeByYear, revenueFor } from "./modes";
import { useModeSwitch } from "./useModeSwitch";

export const useSectionStyles = makeStyles({
  row: {
    display: "grid",
    // Two fields side by side where they fit, one above the other in a narrow pane or at 200% zoom.
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 8rem), 1fr))",
    // A label that wraps to two lines keeps its input level with its neighbour's.
    alignItems: "end",
    gap: tokens.spacingHorizontalS,
    "& .fui-Input, & .fui-Select": { minWidth: 0, width: "100%" },
  },
  one: { "& .fui-Input, & .fui-Select": { minWidth: 0, width: "100%" } },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const MAX_YEARS = 100;

/** How many years of revenue are written out: more adds years at £0, fewer cuts the last ones off. */
function YearsOfRevenue({ byYear }: { byYear: Json | undefined }): React.JSX.Element {
  const { update } = useEditor();
  const count = Array.isArray(byYear) ? byYear.length : 0;
  const [text, setText] = React.useState(String(count));
  const typed = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  const valid = Number.isInteger(typed) && typed >= 1 && typed <= MAX_YEARS;
  const shown = !valid || typed === count ? text : String(count);
  const message = valid
    ? undefined
    : `must be a whole number of years from 1 to ${MAX_YEARS} (the forecast's length)`;
  return (
    <Field
      label="Years forecast"
      required
      validationMessage={message}
      validationState={message ? "error" : "none"}
    >
      <Input
        id={fieldId(["scenarios", "revenue", "byYear"])}
        inputMode="numeric"
        value={shown}
        onChange={(_, data) => {
          setText(data.value);
          const years = /^\s*\d+\s*$/.test(data.value) ? Number(data.value) : NaN;
          if (Number.isInteger(years) && years >= 1 && years <= MAX_YEARS)
            update(["scenarios", "revenue", "byYear"], resizeByYear(byYear, years));
        }}
      />
    </Field>
  );
}

/** Real or nominal amounts and, for nominal, the inflation (one rate, or a rate a year) and its source. */
function PriceBasisFields(): React.JSX.Element {
  const styles = useSectionStyles();
  const { draft } = useEditor();
  const switchTo = useModeSwitch();
  const kind = getAt(draft, ["scenarios", "priceBasis", "kind"]);
  const inflation = getAt(draft, ["scenarios", "priceBasis", "inflation"]);
  return (
    <>
      <div className={styles.one}>
        <ChoiceField
          path={["scenarios", "priceBasis", "kind"]}
          label="Price basis"
          options={{
            nominal: "Nominal: pounds when paid",
            real: "Real: today's prices",
          }}
          hint={
            kind === undefined
              ? "Not stated, so taken as real; a contract's amounts are usually nominal"
              : undefined
          }
          write={(next) =>
            switchTo(["scenarios", "priceBasis"], "kind", next, () => priceBasisFor(next ?? ""))
          }
        />
      </div>
      {kind === "nominal" && (
        <>
          <div className={styles.row} role="group" aria-label="Inflation">
            {Array.isArray(inflation) ? (
              inflation.map((_, i) => (
                <NumberField
                  key={i}
                  path={["scenarios", "priceBasis", "inflation", i]}
                  label={`Inflation, year ${i + 1}${i === inflation.length - 1 ? " on" : ""}`}
                  kind="percent"
                  required
                />
              ))
            ) : (
              <NumberField
                path={["scenarios", "priceBasis", "inflation"]}
                label="Inflation a year"
                kind="percent"
                required
              />
            )}
          </div>
          <TextField
            path={["scenarios", "priceBasis", "source"]}
            label="Where the inflation comes from"
            required
          />
        </>
      )}
    </>
  );
}

/** The partner's yearly risk of not paying, with the starting point for its kind shown while empty. */
function CounterpartyFields(): React.JSX.Element {
  const styles = useSectionStyles();
  const { draft } = useEditor();
  const stated = getAt(draft, ["scenarios", "counterparty"]) !== undefined;
  const kind = getAt(draft, ["partner", "organisationType"]);
  const known = ORGANISATION_TYPES.find((type) => type === kind);
  const start = known === undefined ? undefined : startingCounterparty(known);
  return (
    <>
      <div className={styles.one}>
        <NumberField
          path={["scenarios", "counterparty", "defaultRate"]}
          label="Partner's default rate a year"
          kind="percent"
          hint={
            stated
              ? "The yearly chance the partner stops paying; weights fixed payments, fees and milestones"
              : start === undefined
                ? "Empty: a starting point by the partner's organisation type"
                : `Empty: ${formatPercent(start.defaultRate, 2)} a year, the ${start.source}`
          }
        />
      </div>
      {stated && (
        <TextField
          path={["scenarios", "counterparty", "source"]}
          label="Why this default rate"
          required
        />
      )}
    </>
  );
}

export function AssumptionsSection(): React.JSX.Element {
  const styles = useSectionStyles();
  const { draft } = useEditor();
  const switchTo = useModeSwitch();
  const revenueKind = getAt(draft, ["scenarios", "revenue", "kind"]);
  const byYear = getAt(draft, ["scenarios", "revenue", "byYear"]);
  const flat = getAt(draft, ["scenarios", "discount", "kind"]) === "flat";
  return (
    <Group legend="Assumptions" part="scenarios">
      <div className={styles.row}>
        <NumberField
          path={["scenarios", "probabilityOfReachingMarket"]}
          label="Chance of reaching market"
          kind="percent"
          required
        />
        <ChoiceField
          path={["scenarios", "discount", "kind"]}
          label="Discounting"
          options={{ flat: "Flat rate", "green-book": "Green Book" }}
          required
          write={(next) =>
            switchTo(["scenarios", "discount"], "kind", next, () => discountFor(next ?? ""))
          }
        />
      </div>
      {flat && (
        <div className={styles.row}>
          <NumberField
            path={["scenarios", "discount", "rate"]}
            label="Discount rate"
            kind="percent"
            required
          />
        </div>
      )}
      <PriceBasisFields />
      <CounterpartyFields />
      <div className={styles.one}>
        <ChoiceField
          path={["scenarios", "revenue", "kind"]}
          label="Revenue forecast"
          options={{ curve: "A curve: launch, ramp-up, decline", explicit: "Year by year" }}
          required
          write={(next) =>
            switchTo(["scenarios", "revenue"], "kind", next, (current) =>
              revenueFor(next ?? "", current)
            )
          }
        />
      </div>
      {revenueKind === "curve" && (
        <>
          <div className={styles.row}>
            <NumberField
              path={["scenarios", "revenue", "peakRevenue"]}
              label="Peak revenue a year"
              kind="pounds"
              required
            />
            <NumberField
              path={["scenarios", "revenue", "declineRate"]}
              label="Decline after peak"
              kind="percent"
            />
          </div>
          <div className={styles.row}>
            <NumberField
              path={["scenarios", "revenue", "launchYear"]}
              label="Launch year"
              required
            />
            <NumberField
              path={["scenarios", "revenue", "yearsToPeak"]}
              label="Years to peak"
              required
            />
          </div>
          <div className={styles.row}>
            <NumberField
              path={["scenarios", "revenue", "years"]}
              label="Years forecast"
              hint="Default 20"
            />
          </div>
        </>
      )}
      {revenueKind === "explicit" && (
        <>
          <div className={styles.row}>
            <YearsOfRevenue byYear={byYear} />
          </div>
          {Array.isArray(byYear) && (
            <div className={styles.row} role="group" aria-label="Revenue by year">
              {byYear.map((_, i) => (
                <NumberField
                  key={i}
                  path={["scenarios", "revenue", "byYear", i]}
                  label={`Revenue, year ${i + 1}`}
                  kind="pounds"
                  required
                />
              ))}
            </div>
          )}
        </>
      )}
      <div className={styles.one}>
        <NumberField
          path={["scenarios", "paybackTarget"]}
          label="Payback target"
          kind="pounds"
          hint="Empty: no payback is worked out (the fee already recovers the cost)"
        />
      </div>
      <CheckField
        path={["scenarios", "includeDocumentTerms"]}
        label="Compare the agreed terms too"
        fallback={true}
      />
      <TextField path={["scenarios", "notes"]} label="Where the assumptions come from" multiline />
    </Group>
  );
}
