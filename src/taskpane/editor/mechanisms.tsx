/*
 * The controls of a value-sharing mechanism, the same for the document's own terms (Value sharing) and
 * for an alternative the Scenarios step compares with them: a subscription, milestone payments, a
 * royalty's tiers, cap, minimum and term, a fixed payment's instalments by year.
 */
import * as React from "react";
import { getAt, type Path } from "./draft";
import { CheckField, NumberField, TextField } from "./fields";
import { ListEditor, Row, textOf } from "./lists";

export function SubscriptionFields({ path }: { path: Path }): React.JSX.Element {
  return (
    <>
      <Row>
        <NumberField
          path={[...path, "annualFee"]}
          label="First year's fee"
          kind="pounds"
          required
        />
        <NumberField path={[...path, "years"]} label="Years" required />
      </Row>
      <NumberField path={[...path, "indexation"]} label="Yearly indexation" kind="percent" />
      <CheckField
        path={[...path, "inAdvance"]}
        label="Paid at the start of each year"
        fallback={true}
      />
    </>
  );
}

export function MilestonesFields({ path }: { path: Path }): React.JSX.Element {
  return (
    <ListEditor
      path={path}
      itemName="milestone"
      describe={(item, i) => textOf(getAt(item ?? null, ["description"]), `Milestone ${i + 1}`)}
      newItem={() => ({ description: "", amount: 0, year: 1, probability: 1 })}
      renderItem={(itemPath) => (
        <>
          <TextField path={[...itemPath, "description"]} label="Milestone" required />
          <Row>
            <NumberField path={[...itemPath, "amount"]} label="Amount" kind="pounds" required />
            <NumberField path={[...itemPath, "year"]} label="Year" required />
            <NumberField
              path={[...itemPath, "probability"]}
              label="Probability"
              kind="percent"
              required
            />
          </Row>
          <CheckField
            path={[...itemPath, "tiedToLaunch"]}
            label="Moves with a late launch"
            hint="In the simulation, a launch delay postpones it by the same years: a launch or first sale, or a step the delay pushes back"
          />
        </>
      )}
    />
  );
}

export function RoyaltyFields({ path }: { path: Path }): React.JSX.Element {
  return (
    <>
      <ListEditor
        path={[...path, "tiers"]}
        itemName="tier"
        describe={(_, i) => `Tier ${i + 1}`}
        newItem={() => ({ threshold: 0, rate: 0 })}
        renderItem={(itemPath) => (
          <Row>
            <NumberField
              path={[...itemPath, "threshold"]}
              label="Revenue from"
              kind="pounds"
              required
            />
            <NumberField path={[...itemPath, "rate"]} label="Rate" kind="percent" required />
          </Row>
        )}
      />
      <Row>
        <NumberField path={[...path, "annualCap"]} label="Annual cap" kind="pounds" />
        <NumberField path={[...path, "annualMinimum"]} label="Annual minimum" kind="pounds" />
      </Row>
      <NumberField path={[...path, "termYears"]} label="Term (years)" required />
    </>
  );
}

/** A fixed payment of an alternative: instalments by year from the quote date (0 = on signature). */
export function InstalmentsByYearFields({ path }: { path: Path }): React.JSX.Element {
  return (
    <ListEditor
      path={path}
      itemName="instalment"
      describe={(_, i) => `Instalment ${i + 1}`}
      newItem={() => ({ year: 0, amount: 0 })}
      renderItem={(itemPath) => (
        <Row>
          <NumberField path={[...itemPath, "year"]} label="Year" required />
          <NumberField path={[...itemPath, "amount"]} label="Amount" kind="pounds" required />
        </Row>
      )}
    />
  );
}
