/*
 * The strategy review in the pane, as `nhsdp review` makes it: a financial year, and one button that
 * adds the review sheet to the open workbook (over the workspace's partnerships and the workbook's
 * quote sheets) in Excel, or downloads it as a workbook (over the workspace's) outside. The writer is
 * loaded on first use, so the pane opens without it.
 */
import * as React from "react";
import { Button, Field, makeStyles, Select, Spinner, tokens } from "@fluentui/react-components";
import type { ExcelRun } from "../../addin/excelRun";
import { deliverWorkbook, type DeliveryTarget } from "../../addin/deliverWorkbook";
import type { ReviewRequest } from "../../addin/reviewWorkbook";
import { yearContaining } from "../../core/pricing/strategyReview";
import type { PricingStrategy } from "../../document";
import type { CreateOutcome } from "../quoteFromDocument";
import type { WorkspacePartnership } from "../storage/workspace";
import { OutcomeMessage } from "./OutcomeMessage";

const loadWriter = () =>
  import(/* webpackChunkName: "review-writer" */ "../../addin/reviewWorkbook");

const useStyles = makeStyles({
  review: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
    width: "100%",
  },
  year: { minWidth: "10em" },
});

export interface YearOption {
  /** "" for the year the strategy took effect (nhsdp review's default), else "2026/27". */
  readonly value: string;
  readonly label: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The strategy's year first, then every other year a workspace quote is dated in, in order. */
export function reviewYearOptions(
  strategy: PricingStrategy,
  partnerships: readonly WorkspacePartnership[]
): YearOption[] {
  const own = yearContaining(strategy.effectiveFrom).label;
  const years = new Set<string>();
  for (const partnership of partnerships) {
    const document = partnership.document as { quote?: { date?: unknown } } | null;
    const date = document?.quote?.date;
    if (typeof date === "string" && ISO_DAY.test(date)) years.add(yearContaining(date).label);
  }
  years.delete(own);
  return [
    { value: "", label: `${own}, the strategy's year` },
    ...[...years].sort().map((label) => ({ value: label, label })),
  ];
}

function failure(message: string): CreateOutcome {
  return { status: "error", message, issues: [] };
}

export function StrategyReviewAction({
  strategy,
  partnerships,
  excelAvailable,
  run,
  target,
  now,
}: {
  strategy: PricingStrategy;
  partnerships: readonly WorkspacePartnership[];
  /** True in Excel, false outside it, undefined while Office starts. */
  excelAvailable: boolean | undefined;
  run: ExcelRun;
  target: () => DeliveryTarget;
  now: () => Date;
}): React.JSX.Element {
  const styles = useStyles();
  const options = React.useMemo(
    () => reviewYearOptions(strategy, partnerships),
    [strategy, partnerships]
  );
  const [chosen, setChosen] = React.useState("");
  // A year no quote is dated in any more falls back to the strategy's own.
  const year = options.some((option) => option.value === chosen) ? chosen : "";
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<CreateOutcome | undefined>(undefined);

  const makeReview = async () => {
    setBusy(true);
    setOutcome(undefined);
    const request: ReviewRequest = {
      strategy,
      partnerships,
      ...(year === "" ? {} : { year }),
      generatedAt: now(),
    };
    try {
      const writer = await loadWriter();
      if (excelAvailable) {
        const result = await writer.createReviewSheetInExcel(run, request);
        setOutcome(
          result.ok
            ? {
                status: result.leftOut.length > 0 ? "warning" : "success",
                message: `Added sheet “${result.sheetName}”: ${result.headline}. ${result.detail}`,
              }
            : failure(result.message)
        );
      } else {
        const result = await writer.reviewWorkbookFromWorkspace(request);
        if (!result.ok) setOutcome(failure(result.message));
        else {
          const delivery = await deliverWorkbook(result.bytes, result.fileName, target());
          const done =
            delivery === "new-workbook"
              ? `The strategy review opened as a new workbook: save it as “${result.fileName}”`
              : `Downloaded the strategy review, “${result.fileName}”`;
          setOutcome({
            status: result.leftOut.length > 0 ? "warning" : "success",
            message: `${done}: ${result.headline}. ${result.detail}`,
          });
        }
      }
    } catch (error) {
      setOutcome(
        failure(
          `The strategy review could not be made: ${error instanceof Error ? error.message : String(error)}`
        )
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.review}>
      <Field label="Financial year" size="small" className={styles.year}>
        <Select
          id="review-year"
          size="small"
          value={year}
          onChange={(_, data) => setChosen(data.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        size="small"
        disabledFocusable={busy || excelAvailable === undefined}
        onClick={makeReview}
      >
        {excelAvailable ? "Create strategy review" : "Download strategy review"}
      </Button>
      {busy && <Spinner size="tiny" label="Working…" />}
      <OutcomeMessage outcome={outcome} style={{ flexBasis: "100%", minWidth: 0 }} />
    </div>
  );
}
