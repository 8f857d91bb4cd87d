/** The pane's theme from Office's theme, the system's colour scheme and forced colours. */
import { chooseTheme } from "../../src/taskpane/theme";

describe("chooseTheme", () => {
  it("follows Office's theme in Excel: dark grey and black backgrounds give the dark theme", () => {
    expect(chooseTheme({ officeBackground: "#ffffff" })).toBe("light");
    expect(chooseTheme({ officeBackground: "#e6e6e6" })).toBe("light"); // Office "Colorful"
    expect(chooseTheme({ officeBackground: "#262626" })).toBe("dark"); // Office "Dark Gray"
    expect(chooseTheme({ officeBackground: "#000000", prefersDark: false })).toBe("dark"); // "Black"
  });

  it("follows the system in a browser, and high contrast whenever colours are forced", () => {
    expect(chooseTheme({ prefersDark: true })).toBe("dark");
    expect(chooseTheme({})).toBe("light");
    expect(chooseTheme({ forcedColors: true, officeBackground: "#ffffff" })).toBe("high-contrast");
  });

  it("lets the address choose, for checking each theme", () => {
    expect(chooseTheme({ requested: "dark", officeBackground: "#ffffff" })).toBe("dark");
    expect(chooseTheme({ requested: "High-Contrast" })).toBe("high-contrast");
    expect(chooseTheme({ requested: "purple", prefersDark: true })).toBe("dark");
  });
});
