/*
 * Above the partnership editor: a partnership priced under an older revision of the trust's strategy
 * says so and, while it is a draft, offers to re-price it with the current revision, showing what
 * would change (priced by the core both ways) before the user accepts.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import { describeRateChanges } from "../../../core/pricing/repricing";
import type { PricingStrategy } from "../../../document";
import type { Decimal } from "../../../model/decimal";
import { formatPounds } from "../../../model/format";
import { getAt, type Draft } from "../draft";
import { repriced, repriceOffer, repricingChange } from "./strategyDraft";

const useStyles = makeStyles({
  offer: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const signed = (amount: Decimal) =>
  amount.isNegative() ? `-${formatPounds(amount.abs())}` : `+${formatPounds(amount)}`;

export function RepriceOffer({
  draft,
  strategy,
  onChange,
}: {
  draft: Draft;
  strategy: PricingStrategy;
  onChange: (draft: Draft) => void;
}): React.JSX.Element | null {
  const styles = useStyles();
  const offer = React.useMemo(() => repriceOffer(draft, strategy), [draft, strategy]);
  const change = React.useMemo(
    () => (offer ? repricingChange(draft, strategy) : undefined),
    [offer, draft, strategy]
  );
  const [done, setDone] = React.useState<string | undefined>(undefined);
  if (!offer)
    return done ? (
      <MessageBar intent="success" politeness="polite">
        <MessageBarBody>{done}</MessageBarBody>
      </MessageBar>
    ) : null;
  const overrides = getAt(draft, ["pricing", "overrides"]);
  const overrideCount = Array.isArray(overrides) ? overrides.length : 0;
  const accept = () => {
    onChange(repriced(draft, strategy));
    setDone(
      change
        ? `Re-priced with revision ${offer.to} of ${strategy.id}: the total before VAT went from ${formatPounds(change.before.total)} to ${formatPounds(change.after.total)} (${signed(change.change)}).`
        : `Re-priced with revision ${offer.to} of ${strategy.id}.`
    );
  };
  return (
    <section className={styles.offer} aria-label="Priced under an older revision">
      <Body1>
        This partnership was priced with revision {offer.from} of {strategy.id}; revision {offer.to}{" "}
        is current.
        {offer.draft ? "" : " An issued quote keeps the rates it was issued with."}
      </Body1>
      {change ? (
        <>
          <Body1 data-testid="reprice-total">
            With revision {offer.to}, the total before VAT goes from{" "}
            {formatPounds(change.before.total)} to {formatPounds(change.after.total)} (
            {signed(change.change)}).
          </Body1>
          {change.rates.length + change.items.length > 0 && (
            <ul className={styles.list} aria-label="What changes">
              {describeRateChanges(change).map((line) => (
                <li key={line}>
                  <Caption1>{line}</Caption1>
                </li>
              ))}
              {change.items.map((item) => (
                <li key={item.id}>
                  <Caption1>
                    {item.description}: {formatPounds(item.before)} to {formatPounds(item.after)} (
                    {signed(item.change)}): {item.reason}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <Caption1>What re-pricing changes shows once the partnership is complete.</Caption1>
      )}
      {overrideCount > 0 && (
        <Caption1>
          Its {overrideCount === 1 ? "override" : `${overrideCount} overrides`} of the
          strategy&apos;s rates would be cleared.
        </Caption1>
      )}
      {offer.draft && (
        <Button size="small" appearance="primary" onClick={accept}>
          Re-price with revision {offer.to}
        </Button>
      )}
    </section>
  );
}
