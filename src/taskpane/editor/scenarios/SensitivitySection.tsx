/*
 * The axes of the two sensitivity grids (royalty rate by discount rate; peak revenue by chance of
 * reaching market), each typed as a short list; empty keeps the document's default axis.
 */
import * as React from "react";
import { NumberListField } from "../fields";
import { Group } from "../Group";
import { useSectionStyles } from "./AssumptionsSection";

export function SensitivitySection(): React.JSX.Element {
  const styles = useSectionStyles();
  const at = (key: string) => ["scenarios", "sensitivity", key];
  return (
    <Group legend="Sensitivity grids" part="scenarios.sensitivity">
      <div className={styles.one}>
        <NumberListField
          path={at("royaltyRates")}
          label="Royalty rates"
          kind="percent"
          hint="Default 1, 2, 3, 5, 7.5, 10"
        />
      </div>
      <div className={styles.one}>
        <NumberListField
          path={at("discountRates")}
          label="Discount rates"
          kind="percent"
          hint="Default 1.5, 2.5, 3.5, 5, 7.5, 10"
        />
      </div>
      <div className={styles.one}>
        <NumberListField
          path={at("peakRevenues")}
          label="Peak revenues"
          kind="pounds"
          hint="Default 50% to 150% of the forecast's peak"
        />
      </div>
      <div className={styles.one}>
        <NumberListField
          path={at("probabilities")}
          label="Chances of reaching market"
          kind="percent"
          hint="Default 10, 25, 50, 75, 100"
        />
      </div>
    </Group>
  );
}
