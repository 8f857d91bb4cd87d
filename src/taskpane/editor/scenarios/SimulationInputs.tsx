/*
 * What the simulation draws: its trials and seed, how milestones depend on each other, and the
 * uncertainty in the peak revenue and the launch delay, each none or a distribution of its own kind.
 */
import * as React from "react";
import { getAt, type Json, type Path } from "../draft";
import { ChoiceField, NumberField, useEditor, type EditorContextValue } from "../fields";
import type { NumberKind } from "../numbers";
import { distributionFor } from "./modes";
import { useSectionStyles } from "./AssumptionsSection";
import { useModeSwitch } from "./useModeSwitch";

const DISTRIBUTIONS = {
  none: "None",
  fixed: "Fixed",
  uniform: "Uniform",
  triangular: "Triangular",
  pert: "PERT",
  lognormal: "Lognormal",
};

function DistributionFields({
  path,
  name,
  kind,
  typical,
}: {
  path: Path;
  /** What is uncertain, starting each label: "Peak revenue". */
  name: string;
  kind: NumberKind;
  /** Where a new distribution is centred. */
  typical: number;
}): React.JSX.Element {
  const styles = useSectionStyles();
  const { draft } = useEditor();
  const switchTo = useModeSwitch();
  const distribution = getAt(draft, [...path, "distribution"]);
  const field = (key: string, label: string, fieldKind: NumberKind = kind) => (
    <NumberField path={[...path, key]} label={`${name}: ${label}`} kind={fieldKind} required />
  );
  return (
    <>
      <div className={styles.one}>
        <ChoiceField
          path={[...path, "distribution"]}
          label={`${name}: uncertainty`}
          options={DISTRIBUTIONS}
          fallback="none"
          write={(next) =>
            switchTo(path, "distribution", next, (current) =>
              distributionFor(next ?? "none", current, typical)
            )
          }
        />
      </div>
      {distribution === "fixed" && <div className={styles.row}>{field("value", "value")}</div>}
      {distribution === "uniform" && (
        <div className={styles.row}>
          {field("min", "lowest")}
          {field("max", "highest")}
        </div>
      )}
      {(distribution === "triangular" || distribution === "pert") && (
        <>
          <div className={styles.row}>
            {field("min", "lowest")}
            {field("max", "highest")}
          </div>
          <div className={styles.row}>{field("mode", "most likely")}</div>
        </>
      )}
      {distribution === "lognormal" && (
        <div className={styles.row}>
          {field("median", "median")}
          {field("sigma", "spread (sigma)", "number")}
        </div>
      )}
    </>
  );
}

/** The forecast's peak, around which a distribution of the peak revenue starts. */
function forecastPeak(draft: EditorContextValue["draft"]): number {
  const revenue = getAt(draft, ["scenarios", "revenue"]);
  const peak = getAt(revenue ?? null, ["peakRevenue"]);
  if (typeof peak === "number") return peak;
  const byYear: Json | undefined = getAt(revenue ?? null, ["byYear"]);
  const figures = Array.isArray(byYear)
    ? byYear.filter((value): value is number => typeof value === "number")
    : [];
  return figures.length ? Math.max(...figures) : 0;
}

export function SimulationInputs(): React.JSX.Element {
  const styles = useSectionStyles();
  const { draft } = useEditor();
  return (
    <>
      <div className={styles.row}>
        <NumberField
          path={["scenarios", "monteCarlo", "trials"]}
          label="Trials"
          hint="Default 10,000"
        />
        <NumberField path={["scenarios", "monteCarlo", "seed"]} label="Seed" hint="Default 1" />
      </div>
      <div className={styles.one}>
        <ChoiceField
          path={["scenarios", "monteCarlo", "milestoneDependence"]}
          label="Milestones depend on each other"
          hint="Pipeline: one programme, so a less likely milestone is paid only if the likelier ones are"
          options={{ pipeline: "Pipeline (the default)", independent: "Independently" }}
          fallback="pipeline"
        />
      </div>
      <DistributionFields
        path={["scenarios", "monteCarlo", "peakRevenue"]}
        name="Peak revenue"
        kind="pounds"
        typical={forecastPeak(draft)}
      />
      <DistributionFields
        path={["scenarios", "monteCarlo", "launchDelayYears"]}
        name="Launch delay (years)"
        kind="number"
        typical={2}
      />
    </>
  );
}
