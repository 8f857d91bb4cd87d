/** `nhsdp review` run through nhsdp's main(), as a user runs it, on a fixed day. */
import { main } from "../../src/cli/nhsdp";

export async function runReview(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["review", ...argv], {
    stdout: (text: string) => (stdout += text),
    stderr: (text: string) => (stderr += text),
    now: () => new Date("2026-12-02T09:30:00Z"),
  });
  return { code, stdout, stderr };
}
