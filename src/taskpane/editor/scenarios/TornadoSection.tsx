/*
 * The tornado in the pane: for each mechanism, which assumption moves its risk-adjusted value most, one
 * at a time between its low and high value, as a table sorted by swing (the largest first). The low and
 * high values are the document's scenarios.tornado, or the defaults the sheet and docs/scenarios.md give.
 */
import * as React from "react";
import { Caption1, Subtitle2 } from "@fluentui/react-components";
import type { Decimal } from "../../../model/decimal";
import { formatPercent, formatWholePounds } from "../../../model/format";
import type { MechanismKind, Tornado, TornadoUnit } from "../../../core/scenarios";
import { FigureTable } from "../FigureTable";

/** An assumption's value in its unit, as a reader writes it. */
function valueIn(unit: TornadoUnit, value: Decimal): string {
  switch (unit) {
    case "pounds":
      return formatWholePounds(value);
    case "probability":
      return formatPercent(value.toDecimalPlaces(3), 1);
    case "years":
      return `${value.toString()} yr`;
    case "multiple":
      return `${value.toString()}x`;
    case "rate":
      return formatPercent(value, 2);
    case "points":
      return `${value.isNegative() ? "" : "+"}${formatPercent(value, 2)}`;
  }
}

export function TornadoSection({
  tornado,
  nameOf,
}: {
  tornado: Tornado;
  nameOf: (id: string, kind: MechanismKind) => string;
}): React.JSX.Element {
  return (
    <>
      <Subtitle2 as="h3">Tornado</Subtitle2>
      <Caption1 as="p">
        Each mechanism&apos;s risk-adjusted value with one assumption at a time at its low and then
        its high value, the largest swing first.
      </Caption1>
      {tornado.mechanisms.map((mechanism) => (
        <FigureTable
          key={mechanism.id}
          title={`Tornado: ${nameOf(mechanism.id, mechanism.kind)}`}
          caption
          testId={`tornado-${mechanism.id}`}
          columns={["Value at low", "Value at high", "Swing"]}
          rows={mechanism.bars.map((bar) => ({
            key: bar.assumption,
            // The range with the name, on its own row: three columns of pounds fit a 350-pixel pane.
            name: `${bar.label}: ${valueIn(bar.unit, bar.low)} to ${valueIn(bar.unit, bar.high)}`,
            figures: [
              formatWholePounds(bar.valueAtLow),
              formatWholePounds(bar.valueAtHigh),
              formatWholePounds(bar.swing),
            ],
          }))}
        />
      ))}
    </>
  );
}
