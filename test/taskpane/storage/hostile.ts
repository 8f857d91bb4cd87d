/** Text that breaks naive XML or JSON handling, for round-trip tests of the stores. */
export const HOSTILE_STRINGS: readonly string[] = [
  "]]>",
  "a]]>b]]]]>c",
  "<![CDATA[inside]]>",
  "</workspace>",
  '<workspace xmlns="urn:nhsdp:workspace">',
  "<",
  ">",
  "&",
  "&amp;",
  "&lt;not an entity&gt;",
  "&#x0;",
  '"quoted" and \\backslash\\',
  "emoji 😀 and flags 🏴󠁧󠁢󠁥󠁮󠁧󠁿",
  "lone high \uD800 surrogate",
  "lone low \uDFFF surrogate",
  "reversed pair \uDC00\uD800",
  "non-characters \uFFFE \uFFFF",
  "controls \u0000 \u0001 \u0008 \u000B \u000C \u001F \u007F \u0085",
  "line ends \r\n \r \n and \t tab",
  "separators \u2028 \u2029",
  "  leading and trailing spaces  ",
  "",
];

/** A partnership document as a user might leave it mid-edit, every text field hostile. */
export function hostileDocument(): Record<string, unknown> {
  return {
    format: "nhsdp.partnership",
    version: 3,
    reference: HOSTILE_STRINGS[0],
    purpose: HOSTILE_STRINGS.join(" | "),
    notes: Object.fromEntries(HOSTILE_STRINGS.map((s, i) => [s === "" ? `empty-${i}` : s, s])),
    costs: {
      lines: HOSTILE_STRINGS.map((description, i) => ({
        id: `line-${i}`,
        description,
        quantity: i % 3 === 0 ? "12." : i,
        unitCost: i % 4 === 0 ? null : 0.1 + i,
      })),
    },
  };
}
