/*
 * The font the print and layout tests depend on, found and checked rather than assumed.
 *
 * The sheets are set in Calibri. Carlito (Debian's fonts-crosextra-carlito) has Calibri's metrics, so
 * LibreOffice, which prints Calibri with Carlito when it is installed, lays out the pages Excel prints,
 * and opentype.js measures text as Excel does. Without Carlito, LibreOffice falls back to another font
 * (DejaVu Sans on Debian), wider, and every print test would still pass on pages Excel never prints.
 * So:
 *  - fontFile finds a font's file through fontconfig (fc-match), wherever the system keeps it, and
 *    refuses fontconfig's substitute for a font that is not installed;
 *  - assertPrintedWithCarlito reads the fonts a printed PDF uses (poppler's pdffonts) and fails, with a
 *    sentence, when LibreOffice printed with anything but Carlito.
 * fontconfig and poppler-utils come with .ci/run's packages, as does Carlito.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const CARLITO_PACKAGE = "fonts-crosextra-carlito";
const install = (pkg: string) => `apt-get install --no-install-recommends ${pkg}`;

/** Runs a command, or says which Debian package brings it. */
function run(command: string, args: readonly string[], debianPackage: string, why: string): string {
  try {
    return execFileSync(command, args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      // This test file's environment (Jest gives each its own copy): FONTCONFIG_FILE, for one.
      env: process.env,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(
        `${command} is not installed, and ${why}: install Debian's ${debianPackage} (${install(debianPackage)}).`
      );
    throw error;
  }
}

/**
 * The file of the font `family` in `style` (fontconfig's names: "Regular", "Bold"...), found by
 * fontconfig. Throws a sentence naming `debianPackage` when the font is not installed (fontconfig then
 * offers another family, which is refused) or fontconfig is missing. `fcMatch` is the command to run.
 */
export function fontFile(
  family: string,
  style: string,
  debianPackage: string,
  fcMatch = "fc-match"
): string {
  const [families = "", styles = "", file = ""] = run(
    fcMatch,
    ["-f", "%{family}\\n%{style}\\n%{file}", `${family}:style=${style}`],
    "fontconfig",
    `the tests find the font ${family} with it`
  ).split("\n");
  const names = (list: string) => list.split(",").map((name) => name.trim().toLowerCase());
  if (
    !names(families).includes(family.toLowerCase()) ||
    !names(styles).includes(style.toLowerCase())
  )
    throw new Error(
      `The font ${family} ${style} is not installed (fontconfig offers ${families.split(",")[0]} ${styles.split(",")[0]} in its place): ` +
        `install Debian's ${debianPackage} (${install(debianPackage)}).`
    );
  return file;
}

/** Carlito's file in `style`. */
export function carlitoFile(style: "Regular" | "Bold"): string {
  return fontFile("Carlito", style, CARLITO_PACKAGE);
}

/**
 * The fonts a PDF uses, as it names them, without the subset prefix ("BAAAAA+Carlito-Bold" is
 * "Carlito-Bold"), sorted and each once; only those of page `page` when it is given.
 */
export function pdfFonts(pdf: string, page?: number): string[] {
  const pages = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  const listing = run(
    "pdffonts",
    [...pages, pdf],
    "poppler-utils",
    "the tests read PDFs' fonts with it"
  );
  const names = listing
    .split("\n")
    .slice(2)
    .map((line) => line.trim().split(/\s+/)[0] ?? "")
    .filter((name) => name !== "")
    .map((name) => name.replace(/^[A-Z]{6}\+/, ""));
  return [...new Set(names)].sort();
}

/** A font's family as a reader knows it ("DejaVu Sans" for DejaVuSans-Bold), where fontconfig knows. */
function familyOf(postscriptName: string): string {
  try {
    const family = execFileSync("fc-list", [`:postscriptname=${postscriptName}`, "family"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      env: process.env,
    })
      .split("\n")[0]
      ?.split(",")[0]
      ?.trim();
    if (family) return family;
  } catch {
    // fontconfig missing: the name in the PDF will do.
  }
  return postscriptName;
}

/**
 * Fails, with a sentence, unless every font of the printed `pdf` is Carlito: the font LibreOffice
 * prints the sheets' Calibri with when it is installed. A PDF with no text passes (nothing to judge).
 */
export function assertPrintedWithCarlito(pdf: string): void {
  const others = pdfFonts(pdf).filter((font) => !/^Carlito(-|$)/.test(font));
  if (others.length === 0) return;
  const families = [...new Set(others.map(familyOf))].join(", ");
  throw new Error(
    `LibreOffice printed ${path.basename(pdf)} with ${families}, not Carlito: install ${CARLITO_PACKAGE} ` +
      `(${install(CARLITO_PACKAGE)}), the font with Calibri's metrics, or the printed pages are not the ones Excel prints.`
  );
}

/**
 * A fontconfig configuration that is the system's with Carlito taken away, as on a machine without
 * fonts-crosextra-carlito: set FONTCONFIG_FILE to it and fontconfig, and LibreOffice, no longer find
 * Carlito. Written to a new temporary folder, which `remove` deletes.
 */
export function fontconfigWithoutCarlito(): { file: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-fontconfig-"));
  const file = path.join(dir, "fonts.conf");
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern><patelt name="family"><string>Carlito</string></patelt></pattern></rejectfont></selectfont>
</fontconfig>
`
  );
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
