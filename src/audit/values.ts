/*
 * Money as the audit's findings write it: pounds and pence as the reader typed or reads it on the
 * sheet, never the raw number in the cell ("112.5").
 */
import { Decimal } from "../model/decimal";
import { formatPounds } from "../model/format";

/**
 * Pounds as typed: to the penny ("£112.50"), or to as many places as were typed beyond it, as a unit
 * cost may be ("£0.0125").
 */
export function poundsAsTyped(value: number): string {
  const exact = new Decimal(value);
  if (exact.decimalPlaces() <= 2) return formatPounds(exact);
  const [whole, fraction] = exact.abs().toFixed(exact.decimalPlaces()).split(".") as [
    string,
    string,
  ];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${exact.isNegative() ? "-" : ""}£${grouped}.${fraction}`;
}
