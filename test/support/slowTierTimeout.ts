/*
 * The engines and browser tiers' limit per test and hook: generous, because LibreOffice and Chromium
 * runs take many times longer on a loaded machine. A test states no shorter limit of its own;
 * LibreOffice's own runs time out sooner (test/support/libreoffice.ts), with a clearer error.
 */
export const SLOW_TIER_TIMEOUT_MS = 10 * 60_000;

jest.setTimeout(SLOW_TIER_TIMEOUT_MS);
