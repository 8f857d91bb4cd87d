/*
 * The development server's rules and the record that lets `npm stop` end what `npm start` began.
 *
 * Who may read its files from another origin (CORS). Office loads the add-in's pages (taskpane.html,
 * which also hosts the custom functions and the ribbon commands: a shared runtime) from the add-in's
 * own origin, https://localhost:3000, and those pages fetch their scripts and data from it: same-origin,
 * no CORS header needed. The one cross-origin read Office makes is Excel on the web fetching the custom
 * functions' metadata (functions.json, the manifest's Functions.Metadata.Url) by XMLHttpRequest from its
 * own frame, https://excel.officeapps.live.com or a regional https://<name>-excel.officeapps.live.com,
 * which fails without Access-Control-Allow-Origin. So that header names the requesting origin only when
 * it is Office on the web's, never `*`: any other site a developer visits cannot read what the server
 * holds. `Vary: Origin` keeps caches from handing one origin's answer to another.
 *
 * The record: `npm start` writes .tmp/dev-server.json (the server's process id, port and start time);
 * `npm stop` stops that process, and only that one, and removes the record.
 */
const fs = require("node:fs");
const path = require("node:path");

const OFFICE_ON_THE_WEB = /^https:\/\/([a-z0-9-]+\.)*officeapps\.live\.com$/;

/** The response headers for a request from `origin` (the request's Origin header, if any). */
function corsHeaders(origin) {
  return typeof origin === "string" && OFFICE_ON_THE_WEB.test(origin)
    ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" }
    : { Vary: "Origin" };
}

/** Where `npm start` records the server it started. */
function stateFile(root) {
  return path.join(root, ".tmp", "dev-server.json");
}

function writeState(file, state) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

function readState(file) {
  try {
    const state = JSON.parse(fs.readFileSync(file, "utf8"));
    return Number.isInteger(state.pid) && state.pid > 0 ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the record if it is still the one for `pid` (a later start may have replaced it). */
function clearState(file, pid) {
  if (readState(file)?.pid === pid) fs.rmSync(file, { force: true });
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/**
 * When the process started, in clock ticks since boot (Linux's /proc/PID/stat, field 22), or undefined
 * where there is no /proc. The command line is no use: webpack renames its process "webpack".
 */
function processStartTime(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the name, which is in parentheses and may hold spaces: the 3rd field onwards.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/** Records the server `npm start` started: its process id, port and (where known) start time. */
function recordServer(file, { pid, port }) {
  writeState(file, { pid, port, startTime: processStartTime(pid) });
}

/**
 * Whether the process `pid` is still the one recorded (a process id is reused once its process ends):
 * the same start time where Linux tells it; elsewhere a running process of that id is taken as it.
 */
function isRecordedProcess(state) {
  if (!isRunning(state.pid)) return false;
  const startTime = processStartTime(state.pid);
  return startTime === undefined || state.startTime === undefined || startTime === state.startTime;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops the server recorded in `file` and removes the record. Returns what it did, in a sentence:
 * { stopped: boolean, message }.
 */
async function stopRecordedServer(file, { waitMs = 10_000 } = {}) {
  const state = readState(file);
  if (!state)
    return { stopped: false, message: "No dev server started by `npm start` is running here." };
  const where = state.port ? ` on https://localhost:${state.port}` : "";
  if (!isRecordedProcess(state)) {
    fs.rmSync(file, { force: true });
    return {
      stopped: false,
      message: `The dev server started by \`npm start\`${where} (process ${state.pid}) had already stopped.`,
    };
  }
  process.kill(state.pid, "SIGTERM");
  const until = Date.now() + waitMs;
  while (isRunning(state.pid) && Date.now() < until) await sleep(100);
  if (isRunning(state.pid)) process.kill(state.pid, "SIGKILL");
  fs.rmSync(file, { force: true });
  return { stopped: true, message: `Stopped the dev server${where} (process ${state.pid}).` };
}

/**
 * `npm stop`: stops the server `npm start` recorded under `root` and, on Windows and macOS, removes the
 * sideloaded add-in (`runOfficeStop`: office-addin-debugging stop). On other platforms nothing was
 * sideloaded, and it says so. Returns false when the Office step failed (for the exit code).
 */
async function stop({ root, platform = process.platform, runOfficeStop, log = console.log }) {
  const server = await stopRecordedServer(stateFile(root));
  log(server.message);
  if (platform === "win32" || platform === "darwin") {
    log("Removing the sideloaded add-in from Excel (office-addin-debugging stop)...");
    return runOfficeStop();
  }
  log(
    `Nothing to remove from Excel: on ${platform} \`npm start\` does not sideload the add-in, because desktop ` +
      "Excel is not available here; it is added by hand in Excel on the web (Upload My Add-in). To remove " +
      "an add-in uploaded there, clear that browser's cache."
  );
  return true;
}

module.exports = { corsHeaders, stateFile, recordServer, clearState, stop };
