/*
 * The command's exit codes, one set for every command. The README's table of exit codes is checked
 * against these (test/cli/exitCodes.test.ts).
 */

/** quote, check, upgrade, init, schema, scenario and review. */
export const EXIT = { ok: 0, findings: 1, invalid: 2, internal: 3 } as const;

/** audit: a workbook that cannot be read, or holds no quote, is not audited (2). */
export const AUDIT_EXIT = { clean: 0, errors: 1, notAudited: 2 } as const;
