#!/usr/bin/env node
// `npm start`.
// - Windows / macOS: sideloads into desktop Excel with `office-addin-debugging start manifest.xml`
//   (which also starts the dev server, see package.json "config").
// - Elsewhere (Linux, CI): desktop Excel is not available, so this serves the add-in with
//   `webpack serve --mode development` and explains how to sideload it into Excel on the web.
// Usage data: OFFICE_ADDIN_USAGE_DATA_OPT_OUT is passed through to the Office tools unchanged.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const pkg = require("./package.json");
const port = process.env.npm_package_config_dev_server_port || pkg.config?.dev_server_port || 3000;
const manifest = "manifest.xml";

/** Absolute path of a package's CLI script, so it runs under this Node without a shell or .cmd shim. */
function binPath(packageName, binName = packageName) {
  const packageJsonPath = require.resolve(`${packageName}/package.json`);
  const { bin } = require(packageJsonPath);
  const rel = typeof bin === "string" ? bin : bin?.[binName];
  if (!rel) throw new Error(`${packageName} has no "${binName}" executable`);
  return join(dirname(packageJsonPath), rel);
}

function optedOut() {
  const value = (process.env.OFFICE_ADDIN_USAGE_DATA_OPT_OUT || "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false" && value !== "no";
}

function run(script, args) {
  const env = {
    ...process.env,
    // Let the Office tools read the debug settings from package.json "config" even when started with plain `node`.
    npm_package_config_app_to_debug:
      process.env.npm_package_config_app_to_debug || pkg.config?.app_to_debug || "excel",
    npm_package_config_app_type_to_debug:
      process.env.npm_package_config_app_type_to_debug ||
      pkg.config?.app_type_to_debug ||
      "desktop",
    npm_package_config_dev_server_port: String(port),
  };
  const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: "inherit", env });

  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on("SIGINT", () => forward("SIGINT"));
  process.on("SIGTERM", () => forward("SIGTERM"));

  child.on("error", (error) => {
    console.error(`Could not start ${script}: ${error.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    if (signal) process.exit(signal === "SIGINT" ? 130 : 1);
    process.exit(code ?? 0);
  });
  return child;
}

function printWebInstructions() {
  const base = `https://localhost:${port}`;
  console.log(
    [
      "",
      "NHS Data Partnership Pricing: development server",
      "================================================",
      `Desktop Excel sideloading is only automated on Windows and macOS; on ${process.platform} the add-in is served`,
      `at ${base}/ for Excel on the web.`,
      "",
      "To sideload into Excel on the web:",
      `  1. Trust the development certificate: open ${base}/taskpane.html in this machine's browser and`,
      "     accept the certificate (or run `npx office-addin-dev-certs install` once to install a trusted one).",
      "  2. Open a workbook at https://www.office.com (Excel on the web).",
      "  3. Choose Insert > Add-ins > Upload My Add-in (on newer ribbons: Home > Add-ins > More Add-ins >",
      "     My Add-ins > Upload My Add-in).",
      `  4. Browse to ${join(root, manifest)} and choose Upload.`,
      "  5. The Pricing button appears on the Home tab; functions are available as =NHSDP.<name>(...).",
      "",
      "Or use the pane on its own, in this machine's browser, without Excel:",
      `  ${base}/taskpane.html`,
      "  (partnerships are kept in the browser; the quote workbook and the partner copy download as .xlsx).",
      "",
      "Press Ctrl+C to stop the server.",
      optedOut() ? "Office add-in usage data: opted out (OFFICE_ADDIN_USAGE_DATA_OPT_OUT)." : "",
      "",
    ].join("\n")
  );
}

if (process.platform === "win32" || process.platform === "darwin") {
  run(binPath("office-addin-debugging"), ["start", manifest]);
} else {
  printWebInstructions();
  run(binPath("webpack-cli"), ["serve", "--mode", "development"]);
}
