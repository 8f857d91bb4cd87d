#!/usr/bin/env node
// `npm stop`: stops the dev server that `npm start` started (recorded in .tmp/dev-server.json) and, on
// Windows and macOS, removes the add-in sideloaded into desktop Excel (`office-addin-debugging stop`).
// On Linux and elsewhere nothing was sideloaded (the add-in is uploaded by hand to Excel on the web),
// and it says so, where office-addin-debugging would answer "Platform not supported".
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stop } from "./dev-server.cjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));

function runOfficeStop() {
  const packageJsonPath = require.resolve("office-addin-debugging/package.json");
  const { bin } = require(packageJsonPath);
  const script = join(
    dirname(packageJsonPath),
    typeof bin === "string" ? bin : bin["office-addin-debugging"]
  );
  return (
    spawnSync(process.execPath, [script, "stop", "manifest.xml"], { cwd: root, stdio: "inherit" })
      .status === 0
  );
}

process.exitCode = (await stop({ root, runOfficeStop })) ? 0 : 1;
