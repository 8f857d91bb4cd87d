/*
 * The development server's HTTPS certificate: made once, kept in ~/.office-addin-dev-certs (where
 * office-addin-dev-certs keeps it, so Microsoft's tools find the same files), and reused at every
 * start while it is valid. Trusting its CA is a separate step that is never taken silently.
 *
 * Why not office-addin-dev-certs' getHttpsServerOptions: it calls ensureCertificatesAreInstalled, which
 * treats "the CA is not trusted" as "the certificates are bad", deletes them, makes new ones and runs
 * the platform's install command (on Linux `sudo sh install_linux.sh`). Where trusting fails or is
 * declined (Linux without sudo, a container, a declined prompt) that happened at every start: a new
 * certificate to accept each time, and a sudo password prompt in the middle of a build. Here the files
 * are judged on their own (readable, the key fits, issued by the CA, names localhost, not expiring) and
 * made only when they are not usable; office-addin-dev-certs still makes them (generateCertificates).
 *
 * Used by webpack.config.js (the dev server's `server.options`, which never installs anything) and by
 * scripts/start.mjs (which also says how to trust the CA, and asks first where there is a terminal).
 */
const { spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

/** Days a new certificate is valid: a year, so it is accepted or trusted once a year at most. */
const VALIDITY_DAYS = 365;
/** A certificate this close to expiring is replaced rather than served. */
const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;
const DOMAINS = ["127.0.0.1", "localhost"];
const NONE_YET = "there is none yet";

/** The home folder: HOME where it is the home (os.homedir() reads it too, outside Windows). */
function homeFolder() {
  return (process.platform !== "win32" && process.env.HOME) || os.homedir();
}

/** Where the files are: office-addin-dev-certs' folder and names, under the given home folder. */
function certificatePaths(home = homeFolder()) {
  const dir = path.join(home, ".office-addin-dev-certs");
  return {
    dir,
    ca: path.join(dir, "ca.crt"),
    cert: path.join(dir, "localhost.crt"),
    key: path.join(dir, "localhost.key"),
  };
}

/** Why the files at `paths` cannot be served (undefined when they can), judged at `now`. */
function unusableBecause(paths, now = Date.now()) {
  let ca;
  let cert;
  let key;
  try {
    ca = new crypto.X509Certificate(fs.readFileSync(paths.ca));
    cert = new crypto.X509Certificate(fs.readFileSync(paths.cert));
    key = crypto.createPrivateKey(fs.readFileSync(paths.key));
  } catch (error) {
    return error.code === "ENOENT" ? NONE_YET : `it cannot be read (${error.message})`;
  }
  if (!cert.checkPrivateKey(key)) return "its key does not fit it";
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return "its CA did not issue it";
  if (!cert.checkHost("localhost")) return "it does not name localhost";
  for (const [what, c] of [
    ["it", cert],
    ["its CA", ca],
  ])
    if (Date.parse(c.validTo) - now < RENEW_BEFORE_MS) return `${what} expires on ${c.validTo}`;
  return undefined;
}

/**
 * The certificate to serve: the one in `paths` when it is usable, else a new one made there (replacing
 * the old files). `created` says which, `reason` why a new one was made.
 */
async function ensureDevCertificate(paths = certificatePaths()) {
  const reason = unusableBecause(paths);
  if (reason !== undefined) {
    for (const file of [paths.ca, paths.cert, paths.key]) fs.rmSync(file, { force: true });
    // Loaded only when a certificate is made: it brings in the usage-data package.
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    await generateCertificates(paths.ca, paths.cert, paths.key, VALIDITY_DAYS, DOMAINS);
    // office-addin-dev-certs leaves the private key readable by every user of the machine.
    if (process.platform !== "win32") fs.chmodSync(paths.key, 0o600);
  }
  const read = (file) => fs.readFileSync(file);
  return {
    ca: read(paths.ca),
    cert: read(paths.cert),
    key: read(paths.key),
    created: reason !== undefined,
    reason,
    validTo: new crypto.X509Certificate(read(paths.cert)).validTo,
  };
}

/** Where Linux's install_linux.sh copies the CA, on systems with each of the two tools it uses. */
const LINUX_TRUST_STORES = [
  {
    tool: "/usr/sbin/update-ca-certificates",
    file: "/usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt",
  },
  {
    tool: "/usr/sbin/update-ca-trust",
    file: "/etc/ca-certificates/trust-source/anchors/office-addin-dev-certs-ca.crt",
  },
];

const devCertsScript = (name) =>
  path.join(path.dirname(require.resolve("office-addin-dev-certs/package.json")), "scripts", name);

/**
 * Whether this machine trusts the CA at `caPath`, and the command that would make it trust it (the one
 * office-addin-dev-certs runs for the current user; only Linux's needs sudo). On Linux the store is
 * the first of `linuxStores` whose tool exists.
 *   { trusted: boolean, command?: string[], note?: string }
 */
function caTrust(caPath, platform = process.platform, linuxStores = LINUX_TRUST_STORES) {
  const ca = fs.readFileSync(caPath);
  if (platform === "linux") {
    const store = linuxStores.find(({ tool }) => fs.existsSync(tool));
    if (!store)
      return {
        trusted: false,
        note: "This system has neither update-ca-certificates nor update-ca-trust, so office-addin-dev-certs cannot trust the CA here.",
      };
    let installed;
    try {
      installed = fs.readFileSync(store.file);
    } catch {
      installed = undefined;
    }
    return {
      // The same CA, not only one of the same name: an older one left installed does not count.
      trusted: installed !== undefined && installed.equals(ca),
      command: ["sudo", "sh", devCertsScript("install_linux.sh"), caPath],
    };
  }
  const keychain = path.join(os.homedir(), "Library", "Keychains", "login.keychain-db");
  const command =
    platform === "darwin"
      ? ["security", "add-trusted-cert", "-d", "-r", "trustRoot", "-k", keychain, caPath]
      : [
          "powershell",
          "-ExecutionPolicy",
          "Bypass",
          "-File",
          devCertsScript("install.ps1"),
          "CurrentUser",
          caPath,
        ];
  let trusted = false;
  try {
    const {
      getCaCertificateStatus,
      CertificateStatus,
    } = require("office-addin-dev-certs/lib/verify");
    trusted = getCaCertificateStatus().status === CertificateStatus.Installed;
  } catch {
    trusted = false;
  }
  return { trusted, command };
}

/** A command as it would be typed: each argument quoted where it needs to be (Windows: "..."). */
function commandLine(command, platform = process.platform) {
  const quote =
    platform === "win32"
      ? (arg) => (/^[\w@%+=:,./\\-]+$/.test(arg) ? arg : `"${arg}"`)
      : (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`);
  return command.map(quote).join(" ");
}

/** Whether this is a CI run (CI set to anything but "", "0" or "false"). */
function isCI(env = process.env) {
  const value = (env.CI || "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
}

/**
 * Makes or reuses the certificate and, when its CA is not trusted, says how to trust it. Runs the trust
 * command only when `interactive` (a terminal, not CI) and `ask` answers yes; otherwise prints it.
 * The server starts either way: a browser asked to accept the untrusted certificate once can use it.
 * Returns what was done, for the caller and the tests:
 *   { certificate, trust, asked: boolean, ran: boolean }
 */
async function prepareCertificate({
  paths = certificatePaths(),
  platform = process.platform,
  interactive = false,
  ask = async () => false,
  run = (command) => spawnSync(command[0], command.slice(1), { stdio: "inherit" }).status === 0,
  log = console.log,
  pageUrl = "https://localhost:3000/taskpane.html",
  linuxStores = LINUX_TRUST_STORES,
} = {}) {
  const certificate = await ensureDevCertificate(paths);
  const until = `valid until ${certificate.validTo}`;
  log(
    !certificate.created
      ? `Reusing the development certificate in ${paths.dir}, ${until}.`
      : certificate.reason === NONE_YET
        ? `Made a development certificate in ${paths.dir}, ${until}. It is reused at every start.`
        : `Made a new development certificate in ${paths.dir}, ${until}: the old one could not be used (${certificate.reason}).`
  );
  const trust = caTrust(paths.ca, platform, linuxStores);
  const result = { certificate, trust, asked: false, ran: false };
  if (trust.trusted) return result;

  const accept = `Or open ${pageUrl} once in your browser and accept the certificate.`;
  if (!trust.command) {
    log(`The development certificate's CA is not trusted on this machine. ${trust.note} ${accept}`);
    return result;
  }
  const typed = commandLine(trust.command, platform);
  if (interactive) {
    result.asked = true;
    if (
      await ask(
        `The development certificate's CA is not trusted on this machine. Trust it now? This runs:\n  ${typed}\n[y/N] `
      )
    ) {
      result.ran = true;
      if (run(trust.command)) {
        log(
          "The CA is now trusted (browsers with a certificate store of their own may still ask once)."
        );
        return result;
      }
      log("Trusting the CA did not succeed; the server starts with the untrusted certificate.");
    }
  }
  log(
    [
      "The development certificate's CA is not trusted on this machine. To trust it, run:",
      `  ${typed}`,
      accept,
      ...(platform === "linux"
        ? [
            "(Browsers on Linux often keep a certificate store of their own; accepting the page covers them.)",
          ]
        : []),
    ].join("\n")
  );
  return result;
}

module.exports = {
  certificatePaths,
  unusableBecause,
  ensureDevCertificate,
  isCI,
  prepareCertificate,
};
