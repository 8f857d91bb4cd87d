/*
 * The strategy editor's value-sharing policy: the mechanisms the trust prefers by use and data value (a
 * list, the mechanisms a checkbox each), and how its royalties are defined (the base, what happens when
 * the product is given away, the lowest headline rate and the annual minimum). A quote checked against
 * the strategy is found wanting where it departs from them (the value-sharing-policy finding).
 */
import * as React from "react";
import { Caption1, Checkbox, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { USE_LABELS } from "../../../document";
import { MECHANISM_LABELS } from "../../../model/labels";
import { getAt, pathKey, type Json, type Path } from "../draft";
import { ChoiceField, NumberField, TextField, useEditor } from "../fields";
import { Group } from "../Group";
import { ListEditor, Row } from "../lists";
import { ChecklistField } from "./controls";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  note: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  check: { minWidth: 0, "& label": { minWidth: 0, overflowWrap: "anywhere" } },
});

const POLICY: Path = ["valueSharingPolicy"];
const ROYALTY: Path = [...POLICY, "royalty"];

const DATA_VALUE_LABELS: Readonly<Record<string, string>> = {
  high: "High (4 or more of 6 high)",
  low: "Low (3 or fewer of 6 high)",
};

/** "Commercial use, high-value data", or the item's place while its use is not chosen. */
function describePreference(item: Json | undefined, index: number): string {
  const use = getAt(item ?? null, ["use"]);
  const value = getAt(item ?? null, ["dataValue"]);
  if (typeof use !== "string" || !(use in USE_LABELS)) return `Preference ${index + 1}`;
  const data = value === "high" ? "high-value data" : value === "low" ? "low-value data" : "";
  return [`${USE_LABELS[use as keyof typeof USE_LABELS]} use`, data].filter(Boolean).join(", ");
}

/** A problem the schema reports for a whole part (two preferences for the same use), shown at its top. */
function PartMessage({ path }: { path: Path }): React.JSX.Element | null {
  const styles = useStyles();
  const { priced } = useEditor();
  const messages = priced.status === "invalid" ? priced.issuesByPath.get(pathKey(path)) : undefined;
  if (!messages?.length) return null;
  return <Caption1 className={styles.error}>{messages.join("; ")}</Caption1>;
}

/**
 * Whether the trust defines its royalties: ticked, the royalty's fields (its base and given-away text
 * are required); unticked, they are set aside, and put back if it is ticked again.
 */
function RoyaltyTerms(): React.JSX.Element {
  const styles = useStyles();
  const { draft, update } = useEditor();
  const value = getAt(draft, ROYALTY);
  const setAside = React.useRef<Json | undefined>(undefined);
  return (
    <>
      <Checkbox
        className={styles.check}
        label="The trust defines its royalties"
        checked={value !== undefined}
        onChange={(_, data) => {
          if (data.checked === true)
            update(ROYALTY, setAside.current ?? { base: "", givenAway: "" });
          else {
            setAside.current = value;
            update(ROYALTY, undefined);
          }
        }}
      />
      {value !== undefined && (
        <Group legend="Royalty">
          <PartMessage path={ROYALTY} />
          <TextField
            path={[...ROYALTY, "base"]}
            label="Royalty base"
            required
            multiline
            hint="What a royalty is a share of: net sales (gross invoiced less VAT, returns and rebates), for example"
          />
          <TextField
            path={[...ROYALTY, "givenAway"]}
            label="If the product is given away or bundled"
            required
            multiline
            hint="What the royalty is due on then: the price of comparable sales, for example"
          />
          <Row>
            <NumberField
              path={[...ROYALTY, "minimumRate"]}
              label="Lowest headline rate"
              kind="percent"
              hint="For commercial use: a tiered royalty's top tier"
            />
            <NumberField
              path={[...ROYALTY, "annualMinimum"]}
              label="Annual minimum"
              kind="pounds"
              hint="A year's minimum royalty"
            />
          </Row>
        </Group>
      )}
    </>
  );
}

export function PolicySection(): React.JSX.Element {
  const styles = useStyles();
  const preferences: Path = [...POLICY, "preferredMechanisms"];
  return (
    <div className={styles.section}>
      <Caption1 className={styles.note}>
        One policy for the whole trust, as one set of rates: partners with the same use and data
        meet the same terms. A quote that departs from it is a finding when it is checked against
        the strategy.
      </Caption1>
      <PartMessage path={POLICY} />
      <Subtitle2 as="h3">Preferred mechanisms</Subtitle2>
      <Caption1 className={styles.note}>
        By the use of the data and its value; a quote should offer at least one of them.
      </Caption1>
      <PartMessage path={preferences} />
      <ListEditor
        path={preferences}
        itemName="preference"
        describe={describePreference}
        newItem={() => ({ use: "commercial", dataValue: "high", mechanisms: [] })}
        renderItem={(path) => (
          <>
            <ChoiceField
              path={[...path, "use"]}
              label="Use of the data"
              required
              options={USE_LABELS}
            />
            <ChoiceField
              path={[...path, "dataValue"]}
              label="Value of the data"
              required
              options={DATA_VALUE_LABELS}
            />
            <ChecklistField
              path={[...path, "mechanisms"]}
              legend="Mechanisms preferred"
              options={MECHANISM_LABELS}
              keepEmpty
            />
          </>
        )}
      />
      <Subtitle2 as="h3">Royalties</Subtitle2>
      <RoyaltyTerms />
      <TextField path={[...POLICY, "notes"]} label="Notes on the policy" multiline />
    </div>
  );
}
