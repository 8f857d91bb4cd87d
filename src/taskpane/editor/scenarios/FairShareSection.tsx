/*
 * The fair share in the pane: what the NHS brings beyond the data (the product's margin, expertise,
 * risk and investment), then the share of the product's value its contribution warrants, that share as
 * a royalty rate, milestones and a fixed sum, and where the terms on the table fall. The weights are
 * the defaults docs/scenarios.md explains (the command line takes the trust's policy with --strategy).
 */
import * as React from "react";
import { Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { formatPercent, formatWholePounds } from "../../../model/format";
import { fairShareSentences, type FairShare } from "../../../core/scenarios";
import { getAt } from "../draft";
import { ChoiceField, fieldId, NumberField, useEditor } from "../fields";
import { FigureTable } from "../FigureTable";
import { useSectionStyles } from "./AssumptionsSection";

const LEVELS = { none: "None", some: "Some", substantial: "Substantial" };

/** Where a new fair share starts: a 20% margin, and nothing beyond the data until the user says. */
const STARTING_FAIR_SHARE = { profitMargin: 0.2, expertise: "none", riskAndInvestment: "none" };

type Range = FairShare["value"];

export function FairShareSection({
  share,
  byPolicy,
}: {
  share: FairShare | null;
  byPolicy: boolean;
}): React.JSX.Element {
  const styles = useSectionStyles();
  const { draft, update } = useEditor();
  const stated = getAt(draft, ["scenarios", "fairShare"]) !== undefined;
  const pounds = (range: Range) => [formatWholePounds(range.low), formatWholePounds(range.high)];
  return (
    <>
      <Subtitle2 as="h3">Fair share</Subtitle2>
      {!stated ? (
        <>
          <Caption1 as="p">
            How much of the product&apos;s value the NHS&apos;s contribution warrants, by the
            data&apos;s characteristics and use, and the expertise, risk and investment it brings.
          </Caption1>
          <div className={styles.actions}>
            <Button
              id={fieldId(["scenarios", "fairShare"])}
              onClick={() => update(["scenarios", "fairShare"], STARTING_FAIR_SHARE)}
            >
              Add a fair share
            </Button>
          </div>
        </>
      ) : (
        <>
          <div className={styles.row}>
            <NumberField
              path={["scenarios", "fairShare", "profitMargin"]}
              label="Product's profit margin"
              kind="percent"
              required
            />
          </div>
          <div className={styles.row}>
            <ChoiceField
              path={["scenarios", "fairShare", "expertise"]}
              label="Expertise the NHS supplies"
              options={LEVELS}
              fallback="none"
            />
            <ChoiceField
              path={["scenarios", "fairShare", "riskAndInvestment"]}
              label="Risks and investment the NHS bears"
              options={LEVELS}
              fallback="none"
            />
          </div>
        </>
      )}
      {share !== null && (
        <>
          <FigureTable
            title="A fair share, low to high"
            caption
            testId="fair-share"
            columns={["Low", "High"]}
            rows={[
              {
                key: "share",
                name: "Share of the product's profit",
                figures: [formatPercent(share.share.low, 2), formatPercent(share.share.high, 2)],
              },
              { key: "value", name: "Worth to the NHS today", figures: pounds(share.value) },
              ...(share.royaltyRate === null
                ? []
                : [
                    {
                      key: "royalty",
                      name: "As a royalty rate",
                      figures: [
                        formatPercent(share.royaltyRate.low, 2),
                        formatPercent(share.royaltyRate.high, 2),
                      ],
                    },
                  ]),
              ...(share.milestones === null
                ? []
                : [
                    {
                      key: "milestones",
                      name: `As milestones like ${share.milestones.id}'s, in all`,
                      figures: pounds(share.milestones.total),
                    },
                  ]),
              {
                key: "fixed",
                name: "As a fixed sum on signature",
                figures: pounds(share.fixedSum),
              },
            ]}
          />
          <Caption1 as="p" data-testid="fair-share-weights">
            {byPolicy
              ? "Weighed as the trust's value-sharing policy says."
              : "Weighed by the default weights, a starting point rather than a standard: the trust's strategy, with a value-sharing policy, sets its own."}
          </Caption1>
          <Caption1 as="p" data-testid="fair-share-offer">
            {fairShareSentences(share)
              .map((sentence) => `${sentence}.`)
              .join(" ")}
          </Caption1>
        </>
      )}
    </>
  );
}
