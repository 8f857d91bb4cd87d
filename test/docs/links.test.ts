/**
 * The README is the front door and docs/ holds the rest: the README stays under 250 lines, links every
 * page in docs/, and every relative link in the README and in docs/ leads to a file that exists and,
 * where it names a heading (`page.md#heading`), to a heading of that page, as GitHub makes its anchors.
 */
import fs from "fs";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");
const DOCS = path.join(ROOT, "docs");
const README = path.join(ROOT, "README.md");
const pages = fs
  .readdirSync(DOCS)
  .filter((name) => name.endsWith(".md"))
  .map((name) => path.join(DOCS, name));

/** The text outside fenced code blocks, where links and headings are read. */
function prose(file: string): string[] {
  let fenced = false;
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return false;
      }
      return !fenced;
    });
}

/** A heading's anchor as GitHub makes it: the text, lower-cased, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** Every anchor a page's headings give, with GitHub's -1, -2 for repeats. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of prose(file)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

interface Link {
  from: string;
  target: string;
}

/** The relative links and images of a page, outside code. */
function links(file: string): Link[] {
  return prose(file).flatMap((line) =>
    [...line.replace(/`[^`]*`/g, "").matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)]
      .map((match) => match[1]!)
      .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
      .map((target) => ({ from: path.relative(ROOT, file), target }))
  );
}

const everyLink = [README, ...pages].flatMap(links);

it("the README is under 250 lines", () => {
  const lines = fs.readFileSync(README, "utf8").replace(/\n$/, "").split("\n").length;
  expect(lines).toBeLessThan(250);
});

it("the README links every page in docs/, and every docs page it links exists", () => {
  const linked = links(README)
    .map(({ target }) => target.split("#")[0]!)
    .filter((target) => target.startsWith("docs/") && target.endsWith(".md"));
  for (const target of linked)
    expect({ target, exists: fs.existsSync(path.join(ROOT, target)) }).toEqual({
      target,
      exists: true,
    });
  const unlinked = pages
    .map((page) => path.relative(ROOT, page).split(path.sep).join("/"))
    .filter((page) => !linked.includes(page));
  expect(unlinked).toEqual([]);
  expect(pages.length).toBeGreaterThan(5);
});

it("finds the links it checks", () => {
  expect(everyLink.length).toBeGreaterThan(40);
  expect(everyLink.filter(({ target }) => target.includes("#")).length).toBeGreaterThan(10);
});

it.each(everyLink)("$from: $target leads somewhere", ({ from, target }) => {
  const [file, anchor] = target.split("#") as [string, string | undefined];
  const resolved =
    file === "" ? path.join(ROOT, from) : path.resolve(ROOT, path.dirname(from), file);
  expect({ target, exists: fs.existsSync(resolved) }).toEqual({ target, exists: true });
  if (anchor !== undefined && resolved.endsWith(".md"))
    expect([...anchors(resolved)]).toContain(anchor);
});

it("makes anchors as GitHub does", () => {
  expect(slug("Royalty versus milestones: `nhsdp scenario`")).toBe(
    "royalty-versus-milestones-nhsdp-scenario"
  );
  expect(slug("Building a strategy from the trust's accounts")).toBe(
    "building-a-strategy-from-the-trusts-accounts"
  );
  expect(slug("The scenario sheet: `nhsdp scenario -o`")).toBe(
    "the-scenario-sheet-nhsdp-scenario--o"
  );
});
