#!/usr/bin/env node
// `npm start`: serves the add-in on https://localhost:3000 (this machine only) until Ctrl+C or `npm stop`.
// 1. The development certificate: made once in ~/.office-addin-dev-certs and reused. If its CA is not
//    trusted, this prints the command that trusts it; with a terminal (and not under CI) it asks first
//    and runs it only on "y". Never a silent sudo. The server starts either way.
// 2. The dev server (`webpack serve --mode development`), recorded in .tmp/dev-server.json for `npm stop`.
// 3. Windows / macOS: sideloads into desktop Excel with `office-addin-debugging start manifest.xml`, which
//    finds the server already running and so neither starts another nor touches the certificate.
//    Elsewhere (Linux, CI): prints how to sideload into Excel on the web, or use the pane on its own.
// Usage data: OFFICE_ADDIN_USAGE_DATA_OPT_OUT is passed through to the Office tools unchanged.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { fileURLToPath } from "node:url";
import { isCI, prepareCertificate } from "./dev-certs.cjs";
import { clearState, recordServer, stateFile } from "./dev-server.cjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const pkg = require("./package.json");
const port = Number(
  process.env.npm_package_config_dev_server_port || pkg.config?.dev_server_port || 3000
);
const base = `https://localhost:${port}`;
const manifest = "manifest.xml";
const sideloads = process.platform === "win32" || process.platform === "darwin";

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

const env = {
  ...process.env,
  // Let the Office tools read the debug settings from package.json "config" even when started with plain `node`.
  npm_package_config_app_to_debug:
    process.env.npm_package_config_app_to_debug || pkg.config?.app_to_debug || "excel",
  npm_package_config_app_type_to_debug:
    process.env.npm_package_config_app_type_to_debug || pkg.config?.app_type_to_debug || "desktop",
  npm_package_config_dev_server_port: String(port),
};

async function ask(question) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** Whether something accepts connections on localhost:port. */
function listening() {
  return new Promise((done) => {
    const socket = net.connect({ host: "localhost", port });
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

function printWebInstructions() {
  console.log(
    [
      "",
      "NHS Data Partnership Pricing: development server",
      "================================================",
      `Desktop Excel sideloading is only automated on Windows and macOS; on ${process.platform} the add-in is served`,
      `at ${base}/ (this machine only) for Excel on the web.`,
      "",
      "To sideload into Excel on the web:",
      "  1. If the certificate is not trusted (see above), open",
      `     ${base}/taskpane.html in this machine's browser and accept it.`,
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
      "Press Ctrl+C, or run `npm stop` in another terminal, to stop the server.",
      optedOut() ? "Office add-in usage data: opted out (OFFICE_ADDIN_USAGE_DATA_OPT_OUT)." : "",
      "",
    ].join("\n")
  );
}

/** Sideloads into desktop Excel once the server answers; the server keeps running whatever happens. */
async function sideload() {
  while (!(await listening())) await new Promise((r) => setTimeout(r, 500));
  const office = spawn(process.execPath, [binPath("office-addin-debugging"), "start", manifest], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  office.on("exit", (code) =>
    console.log(
      code === 0
        ? `Sideloaded into Excel. The server keeps running at ${base}/: Ctrl+C or \`npm stop\` stops it.`
        : `Sideloading into Excel did not succeed (exit ${code}); the server keeps running at ${base}/.`
    )
  );
}

await prepareCertificate({
  interactive: Boolean(process.stdin.isTTY) && !isCI(),
  ask,
  pageUrl: `${base}/taskpane.html`,
});

if (await listening()) {
  console.error(
    `Something is already listening on port ${port}. If it is an earlier \`npm start\`, run \`npm stop\` first.`
  );
  process.exit(1);
}

const command = [process.execPath, binPath("webpack-cli"), "serve", "--mode", "development"];
const server = spawn(command[0], command.slice(1), { cwd: root, stdio: "inherit", env });
const record = stateFile(root);
recordServer(record, { pid: server.pid, port });
process.on("exit", () => clearState(record, server.pid));

const forward = (signal) => {
  if (server.exitCode === null && server.signalCode === null) server.kill(signal);
};
process.on("SIGINT", () => forward("SIGINT"));
process.on("SIGTERM", () => forward("SIGTERM"));

server.on("error", (error) => {
  console.error(`Could not start the dev server: ${error.message}`);
  process.exit(1);
});
server.on("exit", (code, signal) => {
  console.log("The dev server has stopped.");
  if (signal) process.exit(signal === "SIGINT" ? 130 : signal === "SIGTERM" ? 0 : 1);
  process.exit(code ?? 0);
});

if (sideloads) void sideload();
else printWebInstructions();
