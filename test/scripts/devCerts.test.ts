/**
 * `npm start`'s development certificate (scripts/dev-certs.cjs), against a temporary HOME: made once and
 * reused, byte for byte, at the next start; replaced only when it cannot be served; and its CA trusted
 * only by a command that is printed, or run after a yes where there is a terminal, never silently.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

interface Paths {
  dir: string;
  ca: string;
  cert: string;
  key: string;
}
interface Certificate {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  created: boolean;
  reason?: string;
}
interface Prepared {
  certificate: Certificate;
  trust: { trusted: boolean; command?: string[] };
  asked: boolean;
  ran: boolean;
}
interface DevCerts {
  certificatePaths(home?: string): Paths;
  unusableBecause(paths: Paths, now?: number): string | undefined;
  ensureDevCertificate(paths?: Paths): Promise<Certificate>;
  prepareCertificate(options: {
    paths?: Paths;
    platform?: string;
    interactive?: boolean;
    ask?: (question: string) => Promise<boolean>;
    run?: (command: string[]) => boolean;
    log?: (message: string) => void;
    linuxStores?: { tool: string; file: string }[];
  }): Promise<Prepared>;
  isCI(env: Record<string, string | undefined>): boolean;
}

const devCerts = require("../../scripts/dev-certs.cjs") as DevCerts;

const homes: string[] = [];
const originalHome = process.env["HOME"];
function temporaryHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "nhsdp-home-"));
  homes.push(home);
  process.env["HOME"] = home;
  // Never the real home's certificate.
  if (!devCerts.certificatePaths().dir.startsWith(home)) throw new Error("HOME was not taken");
  return home;
}
afterEach(() => {
  if (originalHome === undefined) delete process.env["HOME"];
  else process.env["HOME"] = originalHome;
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

/** Each certificate file's bytes and modification time. */
function snapshot(paths: Paths): Record<string, { bytes: string; mtimeMs: number }> {
  return Object.fromEntries(
    [paths.ca, paths.cert, paths.key].map((file) => [
      path.basename(file),
      { bytes: fs.readFileSync(file, "base64"), mtimeMs: fs.statSync(file).mtimeMs },
    ])
  );
}

describe("the development certificate", () => {
  it("is made once in ~/.office-addin-dev-certs and reused unchanged at the next start", async () => {
    const home = temporaryHome();
    const paths = devCerts.certificatePaths();
    expect(paths.dir).toBe(path.join(home, ".office-addin-dev-certs"));

    const first = await devCerts.ensureDevCertificate();
    expect(first.created).toBe(true);
    const made = snapshot(paths);
    expect(Object.keys(made).sort()).toEqual(["ca.crt", "localhost.crt", "localhost.key"]);
    if (process.platform !== "win32") expect(fs.statSync(paths.key).mode & 0o077).toBe(0);

    const second = await devCerts.ensureDevCertificate();
    expect(second.created).toBe(false);
    expect(snapshot(paths)).toEqual(made);
    expect(second.cert.equals(first.cert)).toBe(true);
    expect(second.key.equals(first.key)).toBe(true);
  });

  it("is replaced when it cannot be served: a key that does not fit, or about to expire", async () => {
    temporaryHome();
    const paths = devCerts.certificatePaths();
    await devCerts.ensureDevCertificate();
    expect(devCerts.unusableBecause(paths)).toBeUndefined();
    // A year and a day on, it (and its CA) have expired.
    expect(devCerts.unusableBecause(paths, Date.now() + 366 * 24 * 3600 * 1000)).toMatch(
      /^it expires on /
    );

    const before = snapshot(paths);
    fs.writeFileSync(paths.key, fs.readFileSync(paths.ca)); // not a key at all
    expect(devCerts.unusableBecause(paths)).toMatch(/^it cannot be read/);
    const replaced = await devCerts.ensureDevCertificate();
    expect(replaced.created).toBe(true);
    expect(replaced.reason).toMatch(/^it cannot be read/);
    expect(snapshot(paths)["localhost.crt"]!.bytes).not.toBe(before["localhost.crt"]!.bytes);
    expect(devCerts.unusableBecause(paths)).toBeUndefined();
  });
});

describe("trusting its CA (Linux)", () => {
  /** A trust store in the temporary home: the tool exists, the CA is not there yet. */
  function store(home: string) {
    const tool = path.join(home, "update-ca-certificates");
    fs.writeFileSync(tool, "");
    return { tool, file: path.join(home, "store", "office-addin-dev-certs", "ca.crt") };
  }

  async function prepare(options: Partial<Parameters<DevCerts["prepareCertificate"]>[0]>) {
    const home = temporaryHome();
    const linuxStores = [store(home)];
    const log: string[] = [];
    const run = jest.fn(() => true);
    const prepared = await devCerts.prepareCertificate({
      platform: "linux",
      linuxStores,
      run,
      log: (message) => log.push(message),
      ...options,
    });
    return { prepared, log: log.join("\n"), run, store: linuxStores[0]! };
  }

  it("without a terminal: prints the sudo command and runs nothing", async () => {
    const ask = jest.fn(async () => true);
    const { prepared, log, run } = await prepare({ interactive: false, ask });
    expect(prepared.trust.trusted).toBe(false);
    expect(ask).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
    expect(log).toContain("To trust it, run:");
    expect(log).toMatch(/sudo sh \S*install_linux\.sh \S*\.office-addin-dev-certs\/ca\.crt/);
    expect(log).toContain("accept the certificate");
  });

  it("with a terminal: asks first, and a no runs nothing", async () => {
    const ask = jest.fn(async () => false);
    const { prepared, log, run } = await prepare({ interactive: true, ask });
    expect(ask).toHaveBeenCalledTimes(1);
    expect(String(ask.mock.calls[0])).toMatch(/Trust it now\? This runs:\n {2}sudo sh /);
    expect(prepared).toMatchObject({ asked: true, ran: false });
    expect(run).not.toHaveBeenCalled();
    expect(log).toContain("To trust it, run:");
  });

  it("with a terminal: a yes runs the command it named", async () => {
    const { prepared, run } = await prepare({ interactive: true, ask: async () => true });
    expect(prepared).toMatchObject({ asked: true, ran: true });
    expect(run).toHaveBeenCalledWith(prepared.trust.command);
    expect(prepared.trust.command!.slice(0, 2)).toEqual(["sudo", "sh"]);
  });

  it("asks nothing and prints nothing more once this CA is in the store; an older CA does not count", async () => {
    const home = temporaryHome();
    const linuxStores = [store(home)];
    const paths = devCerts.certificatePaths();
    const ask = jest.fn(async () => true);
    const log: string[] = [];
    const options = {
      platform: "linux",
      interactive: true,
      ask,
      linuxStores,
      log: (m: string) => log.push(m),
    };
    await devCerts.ensureDevCertificate(paths);

    fs.mkdirSync(path.dirname(linuxStores[0]!.file), { recursive: true });
    fs.writeFileSync(
      linuxStores[0]!.file,
      "-----BEGIN CERTIFICATE-----\nolder\n-----END CERTIFICATE-----\n"
    );
    const stale = await devCerts.prepareCertificate({ ...options, run: () => false });
    expect(stale.trust.trusted).toBe(false);

    ask.mockClear();
    log.length = 0;
    fs.copyFileSync(paths.ca, linuxStores[0]!.file);
    const trusted = await devCerts.prepareCertificate({ ...options, run: () => false });
    expect(trusted).toMatchObject({ trust: { trusted: true }, asked: false, ran: false });
    expect(ask).not.toHaveBeenCalled();
    expect(log.join("\n")).toMatch(/^Reusing the development certificate in /);
    expect(log).toHaveLength(1);
  });

  it("takes CI=true or CI=1 as CI, where npm start never asks", () => {
    expect(devCerts.isCI({ CI: "true" })).toBe(true);
    expect(devCerts.isCI({ CI: "1" })).toBe(true);
    expect(devCerts.isCI({ CI: "false" })).toBe(false);
    expect(devCerts.isCI({})).toBe(false);
  });
});
