import { RATE_LABELS, rateDifferences, strategyRates } from "../pricing/strategy";
import { formatLongDate, formatPercent } from "../../model/format";

import { UNEXPLAINED_LINE, byStage, isPerMeetingUnit, rule, sameUnit } from "./ruleKit";

/** The rules that check a quote against the trust's pricing strategy: its rates, lines and dates. */
export const ratesConsistent = rule(
  {
    id: "rates-consistent",
    principle: "Commercial principles 1 and 3",
    guideSection:
      'CIDC guide, chapter 4: Principles 1 and 3 ("a consistent, efficient approach"; the cost depends on the use); chapter 5: Establishing your pricing strategy',
    summary:
      "The quote's rates are the trust's pricing strategy's, so partners with the same use are priced alike; any rate that differs says why, and every staff line is priced at a strategy grade, every graded or itemised line at its grade's or item's rate and unit.",
  },
  (doc, _quote, emit, { strategy }) => {
    const named = doc.pricing.strategy;
    if (named === undefined) {
      emit(
        byStage(doc.quote.stage, "warning", "error"),
        "The quote does not name the trust's pricing strategy, so nothing shows its rates are the ones every other partnership with the same use is charged. Price it with the strategy: its rates are copied into the quote and the strategy's id and revision recorded.",
        "pricing.strategy"
      );
    }
    for (const override of doc.pricing.overrides) {
      emit(
        "warning",
        `The ${RATE_LABELS[override.rate]} is ${formatPercent(doc.pricing[override.rate])} instead of the strategy's ${formatPercent(override.strategyValue)}. Reason recorded: "${override.reason}". The guide asks for one consistent approach across partnerships; make sure the trust would price every partnership like this one the same way.`,
        `pricing.${override.rate}`
      );
    }
    if (strategy === undefined || named === undefined) return;
    if (named.id !== strategy.id) {
      emit(
        "error",
        `The quote was priced with the pricing strategy "${named.id}", but the trust's strategy is "${strategy.id}". Price it again with the trust's strategy.`,
        "pricing.strategy.id"
      );
      return;
    }
    if (named.revision > strategy.revision) {
      emit(
        "warning",
        `The quote was priced with revision ${named.revision} of the pricing strategy, newer than the revision ${strategy.revision} given to check it against. Check it against the trust's current strategy.`,
        "pricing.strategy.revision"
      );
      return;
    }
    if (named.revision < strategy.revision) {
      emit(
        byStage(doc.quote.stage, "warning", "info"),
        `The quote was priced with revision ${named.revision} of the pricing strategy; revision ${strategy.revision} is current. ${doc.quote.stage === "draft" ? "Price the draft again with the current revision." : "An issued quote keeps the rates it was issued with."}`,
        "pricing.strategy.revision"
      );
      return;
    }
    const strategyValues = strategyRates(strategy);
    doc.pricing.overrides.forEach((override, index) => {
      const actual = strategyValues[override.rate];
      if (!actual.equals(override.strategyValue))
        emit(
          "warning",
          `The override of the ${RATE_LABELS[override.rate]} records the strategy's rate as ${formatPercent(override.strategyValue)}, but revision ${strategy.revision} of the strategy sets ${formatPercent(actual)}. Correct the recorded value so the quote shows what it departs from.`,
          `pricing.overrides[${index}].strategyValue`
        );
    });
    for (const difference of rateDifferences(doc, strategy)) {
      if (difference.reason !== undefined) continue;
      emit(
        "error",
        `The ${RATE_LABELS[difference.rate]} is ${formatPercent(difference.quoteValue)}, but the strategy's is ${formatPercent(difference.strategyValue)}, and no reason is recorded. Use the strategy's rate, or record the override and its reason.`,
        `pricing.${difference.rate}`
      );
    }
    const strategyIncludes = strategy.recoveryBase.passThrough === "included";
    if (doc.pricing.passThroughInRecoveryBase !== strategyIncludes)
      emit(
        byStage(doc.quote.stage, "warning", "error"),
        strategyIncludes
          ? "The quote leaves pass-through charges out of the base its fixed and capital recovery rates multiply, but the pricing strategy includes them. Price the quote with the strategy again so both treat them alike."
          : "The quote recovers fixed and capital costs on its pass-through charges too, but the pricing strategy leaves them out of the recovery base: a charge passed on at its published price bears none of the trust's costs. Price the quote with the strategy again (pricing.passThroughInRecoveryBase becomes false).",
        "pricing.passThroughInRecoveryBase"
      );
    const offStrategy = byStage(doc.quote.stage, "warning", "error");
    doc.costs.lines.forEach((line, index) => {
      const field = `costs.lines[${index}]`;
      // A per-meeting line with no grade is more likely a fee than staff time: per-meeting-fee says so.
      if (line.kind === "staff" && line.staffGrade === undefined && !isPerMeetingUnit(line.unit)) {
        emit(
          offStrategy,
          `Line ${line.id} is staff time at ${line.unitCost} per ${line.unit} but names no staff grade, so nothing shows its rate is the pricing strategy's. Price it at one of the strategy's staff grades (set staffGrade and use the grade's rate and unit), or set kind to "non-staff" if it is not staff time.`,
          `${field}.staffGrade`
        );
      }
      if (line.staffGrade !== undefined) {
        const grade = strategy.staffTime.grades.find(
          (candidate) => candidate.id === line.staffGrade
        );
        if (grade === undefined) {
          emit(
            "error",
            `Line ${line.id} is priced at the staff grade "${line.staffGrade}", which the pricing strategy does not have.`,
            `${field}.staffGrade`
          );
        } else if (!sameUnit(grade.unit, line.unit)) {
          emit(
            offStrategy,
            `Line ${line.id} is priced at ${line.unitCost} per ${line.unit}, but the strategy's ${grade.name} is priced per ${grade.unit} (${grade.rate} per ${grade.unit}), so the line's rate cannot be the grade's. Give the quantity in ${grade.unit}s at the grade's rate, or, if this is a fee rather than staff time, remove the staff grade and set kind to "non-staff".`,
            `${field}.unit`
          );
        } else if (grade.rate !== line.unitCost) {
          emit(
            offStrategy,
            `Line ${line.id} is priced at ${line.unitCost} per ${line.unit}, but the strategy's ${grade.name} is ${grade.rate} per ${grade.unit}, and a line has no place to record why. ${UNEXPLAINED_LINE}`,
            `${field}.unitCost`
          );
        }
      }
      if (line.standardItem !== undefined) {
        const item = strategy.standardItems.find((candidate) => candidate.id === line.standardItem);
        if (item === undefined) {
          emit(
            "error",
            `Line ${line.id} is priced at the standard item "${line.standardItem}", which the pricing strategy does not have.`,
            `${field}.standardItem`
          );
        } else if (!sameUnit(item.unit, line.unit)) {
          emit(
            offStrategy,
            `Line ${line.id} is priced at ${line.unitCost} per ${line.unit}, but the strategy's ${item.name} is priced per ${item.unit} (${item.unitPrice} per ${item.unit}), so the line's price cannot be the item's. Give the quantity in the item's unit at its price, or remove the standard item if the line is something else.`,
            `${field}.unit`
          );
        } else if (item.unitPrice !== line.unitCost || item.passThrough !== line.passThrough) {
          emit(
            offStrategy,
            `Line ${line.id} is priced at ${line.unitCost} per ${line.unit}${line.passThrough ? " as a pass-through" : ""}, but the strategy's ${item.name} is ${item.unitPrice} per ${item.unit}${item.passThrough ? " as a pass-through" : ""}, and a line has no place to record why. ${UNEXPLAINED_LINE}`,
            `${field}.unitCost`
          );
        }
      }
    });
  }
);

export const strategyCurrent = rule(
  {
    id: "strategy-current",
    principle: "Commercial principles 1 and 3",
    guideSection:
      'CIDC guide, chapter 5: Establishing your pricing strategy ("Any pricing strategy that you create should be iterative and must be regularly updated")',
    summary:
      "The revision of the pricing strategy a quote names was in force on the quote date: it had taken effect and was not overdue for review.",
  },
  (doc, _quote, emit, { strategy }) => {
    const named = doc.pricing.strategy;
    if (
      strategy === undefined ||
      named === undefined ||
      named.id !== strategy.id ||
      named.revision !== strategy.revision
    )
      return;
    const { stage, date } = doc.quote;
    const quoted = formatLongDate(date);
    if (date < strategy.effectiveFrom) {
      emit(
        byStage(stage, "error", "warning"),
        `The quote is dated ${quoted}, before ${formatLongDate(strategy.effectiveFrom)}, when revision ${strategy.revision} of the pricing strategy took effect: its rates did not apply yet on the quote date. ${stage === "draft" ? "Date the quote on or after the day the strategy took effect, or price it with the revision in force on the quote date." : "The partner already has it: check its rates were the trust's approved rates on that date, and if they were not, withdraw it and issue it again."}`,
        "quote.date"
      );
    }
    doc.costs.lines.forEach((line, index) => {
      const item = strategy.standardItems.find((candidate) => candidate.id === line.standardItem);
      if (item === undefined) return;
      const notYet = item.effectiveFrom !== undefined && date < item.effectiveFrom;
      const ended = item.effectiveUntil !== undefined && date > item.effectiveUntil;
      if (!notYet && !ended) return;
      emit(
        "warning",
        notYet
          ? `Line ${line.id} is priced at the strategy's ${item.name}, whose price applies from ${formatLongDate(item.effectiveFrom as string)}, after the quote date (${quoted}). If the charge falls after that date, say so in the line's description; otherwise price it at the charge in force on the quote date.`
          : `Line ${line.id} is priced at the strategy's ${item.name}, whose price ended on ${formatLongDate(item.effectiveUntil as string)}, before the quote date (${quoted}). Price it at the charge in force now, and have the strategy's standard items brought up to date.`,
        `costs.lines[${index}].standardItem`
      );
    });
    if (strategy.reviewBy !== undefined && date > strategy.reviewBy) {
      emit(
        byStage(stage, "warning", stage === "accepted" ? "info" : "warning"),
        `The quote is dated ${quoted}, after ${formatLongDate(strategy.reviewBy)}, when revision ${strategy.revision} of the pricing strategy was due for review. The guide says a pricing strategy must be regularly updated: ${stage === "accepted" ? "the agreed price stands, but have the strategy reviewed before the next quote." : "have the strategy reviewed, then price the quote with the reviewed revision."}`,
        "pricing.strategy"
      );
    }
  }
);
