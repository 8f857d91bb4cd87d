import { Decimal } from "../../src/model/decimal";
import {
  perUnit,
  formatLongDate,
  formatLongDateTime,
  formatPercent,
  formatPounds,
  formatWholePounds,
  isoDay,
  workbookFileName,
} from "../../src/model/format";

describe("formatPounds", () => {
  test("pounds and pence with thousands separators, rounded half away from zero to the penny", () => {
    expect(formatPounds(new Decimal("88430.655"))).toBe("£88,430.66");
    expect(formatPounds(new Decimal("1234567.8"))).toBe("£1,234,567.80");
    expect(formatPounds(new Decimal("-5"))).toBe("-£5.00");
    expect(formatPounds(new Decimal("-0.004"))).toBe("£0.00");
  });
});

describe("formatWholePounds", () => {
  test("whole pounds, halves away from zero", () => {
    expect(formatWholePounds("1480420.5")).toBe("£1,480,421");
    expect(formatWholePounds(-2.5)).toBe("-£3");
    expect(formatWholePounds(999.49)).toBe("£999");
    expect(formatWholePounds(-0.4)).toBe("£0");
  });
});

describe("formatPercent", () => {
  test("a rate the user set is shown exactly", () => {
    expect(formatPercent(new Decimal("0.185"))).toBe("18.5%");
    expect(formatPercent("0.035")).toBe("3.5%");
    expect(formatPercent(0.2)).toBe("20%");
  });

  test("a computed rate is rounded half away from zero to the places asked for", () => {
    expect(formatPercent(0.0557125, 2)).toBe("5.57%");
    expect(formatPercent("0.000125", 2)).toBe("0.01%"); // 0.0125% rounds up
    expect(formatPercent(0.5, 2)).toBe("50.00%");
  });
});

test("isoDay is the date in the user's own calendar", () => {
  expect(isoDay(new Date(2025, 0, 9, 23, 59))).toBe("2025-01-09");
});

describe("formatLongDate", () => {
  test("day without a leading zero, the English month name, the year", () => {
    expect(formatLongDate("2025-06-02")).toBe("2 June 2025");
    expect(formatLongDate("2025-08-29")).toBe("29 August 2025");
    expect(formatLongDate("2026-01-01")).toBe("1 January 2026");
    expect(formatLongDate("2025-12-31")).toBe("31 December 2025");
    expect(formatLongDate("2025-09-09")).toBe("9 September 2025");
  });

  test("a leap day in a leap year", () => {
    expect(formatLongDate("2024-02-29")).toBe("29 February 2024");
    expect(formatLongDate("2000-02-29")).toBe("29 February 2000");
  });

  test("the date part of a longer ISO string", () => {
    expect(formatLongDate("2026-11-22T14:05")).toBe("22 November 2026");
  });

  test("anything that is not a real date is refused, saying what it got", () => {
    expect(() => formatLongDate("2025-02-29")).toThrow(
      '"2025-02-29" is not a date written YYYY-MM-DD'
    );
    expect(() => formatLongDate("1900-02-29")).toThrow('"1900-02-29" is not a date');
    expect(() => formatLongDate("2025-13-01")).toThrow('"2025-13-01" is not a date');
    expect(() => formatLongDate("2025-04-31")).toThrow('"2025-04-31" is not a date');
    expect(() => formatLongDate("2025-06-00")).toThrow('"2025-06-00" is not a date');
    expect(() => formatLongDate("2/6/2025")).toThrow('"2/6/2025" is not a date');
    expect(() => formatLongDate("")).toThrow('"" is not a date');
    expect(() => formatLongDate("not a date")).toThrow('"not a date" is not a date');
  });

  test("does not depend on the machine's locale or time zone", () => {
    // The same text whatever TZ and LANG are: it is built from the digits, never through a Date.
    expect(formatLongDate("2025-03-30")).toBe("30 March 2025");
    expect(formatLongDate("2025-10-26")).toBe("26 October 2025");
  });
});

describe("formatLongDateTime", () => {
  test("a generation time: the long date, then the time", () => {
    expect(formatLongDateTime("2026-11-22T14:05")).toBe("22 November 2026 at 14:05");
    expect(formatLongDateTime("2026-01-01T00:00")).toBe("1 January 2026 at 00:00");
  });

  test("a date without a time is refused", () => {
    expect(() => formatLongDateTime("2026-11-22")).toThrow('"2026-11-22" is not a time');
  });
});

describe("workbookFileName", () => {
  test("characters Windows refuses become hyphens", () => {
    expect(workbookFileName("Quote", 'DP/2025:011 "a"')).toBe("Quote DP-2025-011 -a-.xlsx");
  });

  test("an empty reference still names the file", () => {
    expect(workbookFileName("Scenarios", "  ")).toBe("Scenarios partnership.xlsx");
  });
});

describe("perUnit: the article a unit's sound takes", () => {
  it.each([
    ["hour", "an hour"],
    ["day", "a day"],
    ["application", "an application"],
    ["item", "an item"],
    ["extract", "an extract"],
    ["user-month", "a user-month"],
    ["user", "a user"],
    ["unit", "a unit"],
    ["upload", "an upload"],
    ["one-off fee", "a one-off fee"],
    ["meeting", "a meeting"],
    ["GB-month", "a GB-month"],
    [" project ", "a project"],
  ])("%s -> %s", (unit, expected) => {
    expect(perUnit(unit)).toBe(expected);
  });
});
