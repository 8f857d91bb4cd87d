/**
 * `npm start`'s dev server as webpack.config.js configures it, started here on a free port with a
 * temporary HOME (its certificate is made there): it listens on loopback only, and it tells no site but
 * Office on the web that it may read its files (no `Access-Control-Allow-Origin: *`). And `npm stop`
 * (scripts/dev-server.cjs): it stops the server `npm start` recorded, only that process, and on Linux
 * says that nothing was sideloaded rather than "Platform not supported".
 */
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as https from "https";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import webpack, { type Configuration } from "webpack";
import WebpackDevServer from "webpack-dev-server";

interface DevServer {
  corsHeaders(origin: string | undefined): Record<string, string>;
  stateFile(root: string): string;
  recordServer(file: string, server: { pid: number; port: number }): void;
  stop(options: {
    root: string;
    platform: string;
    runOfficeStop: () => boolean;
    log: (message: string) => void;
  }): Promise<boolean>;
}
type WebpackConfig = (
  env: Record<string, unknown>,
  options: { mode: string }
) => Promise<Configuration>;

const devServer = require("../../scripts/dev-server.cjs") as DevServer;

const temporary: string[] = [];
const tmpdir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function get(
  port: number,
  urlPath: string,
  headers: Record<string, string> = {}
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const request = https.get(
      { host: "localhost", port, path: urlPath, headers, rejectUnauthorized: false },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers })
        );
      }
    );
    request.on("error", reject);
  });
}

describe("the dev server webpack.config.js sets up", () => {
  let server: WebpackDevServer;
  let port: number;
  const originalHome = process.env["HOME"];

  beforeAll(async () => {
    const home = tmpdir("nhsdp-home-");
    process.env["HOME"] = home;
    const { certificatePaths } = require("../../scripts/dev-certs.cjs") as {
      certificatePaths(): { dir: string };
    };
    // Never the real home's certificate.
    if (!certificatePaths().dir.startsWith(home)) throw new Error("HOME was not taken");
    const config = require("../../webpack.config.js") as WebpackConfig;
    const addin = await config({ WEBPACK_SERVE: true }, { mode: "development" });
    port = await freePort();
    // A one-line bundle in place of the add-in's (which takes minutes to build): the server's own
    // settings (host, headers, certificate) are the add-in's.
    const work = tmpdir("nhsdp-devserver-");
    fs.writeFileSync(path.join(work, "index.js"), "console.log('page');\n");
    const compiler = webpack({
      mode: "development",
      context: work,
      entry: "./index.js",
      output: { path: path.join(work, "out"), filename: "page.js" },
      infrastructureLogging: { level: "none" },
      stats: "none",
    });
    server = new WebpackDevServer({ ...addin.devServer, port, setupExitSignals: false }, compiler);
    await server.start();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    if (originalHome === undefined) delete process.env["HOME"];
    else process.env["HOME"] = originalHome;
  });

  it("listens on loopback only", () => {
    const address = server.server!.address() as net.AddressInfo;
    expect(["127.0.0.1", "::1"]).toContain(address.address);
  });

  it("serves its certificate, made in the temporary HOME", async () => {
    expect(
      fs.existsSync(path.join(process.env["HOME"]!, ".office-addin-dev-certs", "localhost.crt"))
    ).toBe(true);
    expect((await get(port, "/page.js")).status).toBe(200);
  });

  it("tells another site nothing: no Access-Control-Allow-Origin, let alone *", async () => {
    const response = await get(port, "/page.js", { Origin: "https://evil.example" });
    expect(response.status).toBe(200);
    expect(response.headers["access-control-allow-origin"]).toBeUndefined();
    expect(response.headers["vary"]).toMatch(/\bOrigin\b/);
  });

  it("lets Excel on the web read it (functions.json), naming its origin", async () => {
    for (const origin of [
      "https://excel.officeapps.live.com",
      "https://usc-excel.officeapps.live.com",
    ]) {
      const response = await get(port, "/page.js", { Origin: origin });
      expect(response.headers["access-control-allow-origin"]).toBe(origin);
    }
  });
});

describe("which origins may read the server's files", () => {
  it.each([
    ["https://evil.example", undefined],
    ["https://officeapps.live.com.evil.example", undefined],
    ["https://evilofficeapps.live.com", undefined],
    ["http://excel.officeapps.live.com", undefined],
    ["null", undefined],
    [undefined, undefined],
    ["https://excel.officeapps.live.com", "https://excel.officeapps.live.com"],
  ])("%s: %s", (origin, allowed) => {
    const headers = devServer.corsHeaders(origin);
    expect(headers["Access-Control-Allow-Origin"]).toBe(allowed);
    expect(headers["Vary"]).toBe("Origin");
  });
});

describe("npm stop", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill();
  });

  /** A process standing in for the dev server, and a folder whose .tmp/ records it. */
  async function recorded() {
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], {
      stdio: "ignore",
    });
    children.push(child);
    await new Promise((resolve) => child.once("spawn", resolve));
    const root = tmpdir("nhsdp-root-");
    devServer.recordServer(devServer.stateFile(root), { pid: child.pid!, port: 3000 });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    return { child, root, exited };
  }

  async function stop(root: string, platform: string) {
    const lines: string[] = [];
    const runOfficeStop = jest.fn(() => true);
    const ok = await devServer.stop({ root, platform, runOfficeStop, log: (m) => lines.push(m) });
    return { ok, log: lines.join("\n"), runOfficeStop };
  }

  it("on Linux: stops the recorded server, removes the record and says nothing was sideloaded", async () => {
    const { child, root, exited } = await recorded();
    const { ok, log, runOfficeStop } = await stop(root, "linux");
    await exited;
    expect(ok).toBe(true);
    expect(child.signalCode).toBe("SIGTERM");
    expect(fs.existsSync(devServer.stateFile(root))).toBe(false);
    expect(log).toContain(
      `Stopped the dev server on https://localhost:3000 (process ${child.pid}).`
    );
    expect(log).toContain("Nothing to remove from Excel: on linux `npm start` does not sideload");
    expect(log).not.toMatch(/not supported/i);
    expect(runOfficeStop).not.toHaveBeenCalled();
  });

  it("on Windows and macOS: also removes the sideloaded add-in with office-addin-debugging", async () => {
    for (const platform of ["win32", "darwin"]) {
      const { root, exited } = await recorded();
      const { log, runOfficeStop } = await stop(root, platform);
      await exited;
      expect(runOfficeStop).toHaveBeenCalledTimes(1);
      expect(log).toContain("office-addin-debugging stop");
    }
  });

  it("says so when no server was started, and stops nothing", async () => {
    const { ok, log } = await stop(tmpdir("nhsdp-root-"), "linux");
    expect(ok).toBe(true);
    expect(log).toContain("No dev server started by `npm start` is running here.");
  });

  if (process.platform === "linux")
    it("leaves alone a process that took the recorded id later (another start time)", async () => {
      const { child, root } = await recorded();
      const file = devServer.stateFile(root);
      const state = JSON.parse(fs.readFileSync(file, "utf8"));
      fs.writeFileSync(file, JSON.stringify({ ...state, startTime: "1" }));
      const { log } = await stop(root, "linux");
      expect(log).toContain("had already stopped");
      await new Promise((resolve) => setTimeout(resolve, 300)); // time for a signal to arrive
      expect(child.exitCode).toBeNull();
      expect(child.signalCode).toBeNull();
      expect(() => process.kill(child.pid!, 0)).not.toThrow();
    });
});
