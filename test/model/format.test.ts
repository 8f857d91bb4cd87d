import { Decimal } from "../../src/model/decimal";
import {
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

describe("workbookFileName", () => {
  test("characters Windows refuses become hyphens", () => {
    expect(workbookFileName("Quote", 'DP/2025:011 "a"')).toBe("Quote DP-2025-011 -a-.xlsx");
  });

  test("an empty reference still names the file", () => {
    expect(workbookFileName("Scenarios", "  ")).toBe("Scenarios partnership.xlsx");
  });
});
