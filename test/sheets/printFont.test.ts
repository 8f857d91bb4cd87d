/**
 * Finding the sheets' font for the layout tests (test/support/fonts.ts): Carlito's files are found
 * through fontconfig, wherever the system keeps them, and a font that is not installed is refused, with
 * a sentence that says what to install, in place of fontconfig's substitute or a bare ENOENT.
 */
import fs from "fs";
import { carlitoFile, fontFile, fontconfigWithoutCarlito } from "../support/fonts";

describe("the sheets' font, found through fontconfig", () => {
  it("finds Carlito's regular and bold files", () => {
    for (const style of ["Regular", "Bold"] as const) {
      const file = carlitoFile(style);
      expect(file).toMatch(new RegExp(`Carlito-${style}\\.(ttf|otf)$`));
      expect(fs.existsSync(file)).toBe(true);
    }
  });

  it("refuses the substitute fontconfig offers for a font that is not installed, and says what to install", () => {
    expect(() => fontFile("No Such Font", "Regular", "fonts-no-such")).toThrow(
      /^The font No Such Font Regular is not installed \(fontconfig offers .+ in its place\): install Debian's fonts-no-such \(apt-get install --no-install-recommends fonts-no-such\)\.$/
    );
  });

  it("without Carlito, says to install fonts-crosextra-carlito", () => {
    const hidden = fontconfigWithoutCarlito();
    const before = process.env["FONTCONFIG_FILE"];
    process.env["FONTCONFIG_FILE"] = hidden.file;
    try {
      expect(() => carlitoFile("Regular")).toThrow(
        /^The font Carlito Regular is not installed \(fontconfig offers .+ in its place\): install Debian's fonts-crosextra-carlito \(apt-get install --no-install-recommends fonts-crosextra-carlito\)\.$/
      );
    } finally {
      if (before === undefined) delete process.env["FONTCONFIG_FILE"];
      else process.env["FONTCONFIG_FILE"] = before;
      hidden.remove();
    }
  });

  it("without fontconfig, says to install it", () => {
    expect(() =>
      fontFile("Carlito", "Regular", "fonts-crosextra-carlito", "fc-match-absent")
    ).toThrow(
      /^fc-match-absent is not installed, and the tests find the font Carlito with it: install Debian's fontconfig/
    );
  });
});
