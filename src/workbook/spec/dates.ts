/** ISO dates as Excel serial numbers (the 1900 date system), as both writers store them. */

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z)?)?$/;

export function isoHasTime(iso: string): boolean {
  const m = ISO_RE.exec(iso);
  return !!m && m[4] !== undefined;
}

/**
 * Excel's serial number for an ISO date or wall-clock date-time (1900 date system): days since
 * 1899-12-30. Dates before 1900-03-01 are rejected (Excel's fictitious 1900-02-29 makes them differ
 * between Excel and other spreadsheets).
 */
export function isoToSerial(iso: string): number {
  const m = ISO_RE.exec(iso);
  if (!m)
    throw new RangeError(`"${iso}" is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z])`);
  const part = (i: number): number => (m[i] === undefined ? 0 : Number(m[i]));
  const [y, mo, d, h, mi, s] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const millis = m[7] === undefined ? 0 : Number((m[7] + "00").slice(0, 3));
  const t = Date.UTC(y, mo - 1, d, h, mi, s, millis);
  const back = new Date(t);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    throw new RangeError(`"${iso}" is not a real date/time`);
  }
  const serial = t / 86_400_000 + 25_569;
  if (serial < 61) throw new RangeError(`"${iso}" is before 1900-03-01`);
  if (serial >= 2_958_466) throw new RangeError(`"${iso}" is after 9999-12-31`);
  return serial;
}
