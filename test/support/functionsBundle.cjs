/*
 * Loads the built custom-functions bundle (dist/functions.js) the way Excel's runtime does: as a script
 * in a global scope that provides `CustomFunctions`, whose `associate(id, fn)` calls are recorded so
 * that functions can be called by id. Shared by the bundle tests and the benchmarks, so both exercise
 * exactly the artifact Excel loads.
 *
 * The script is compiled as a function of `CustomFunctions` in Node's own realm, where it runs as fast
 * as on the add-in's page. A separate vm context would also work, but every global lookup there (Math,
 * Number...) goes through V8's interceptors and runs some twenty times slower, which would make the
 * benchmarks meaningless.
 */
const fs = require("fs");
const path = require("path");
const vm = require("vm");

/** Excel's error codes as documented for CustomFunctions.ErrorCode. */
const ERROR_CODES = Object.freeze({
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
});

class CustomFunctionsError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function createCustomFunctionsStandIn() {
  const registered = new Map();
  return {
    Error: CustomFunctionsError,
    ErrorCode: ERROR_CODES,
    registered,
    associate(id, fn) {
      if (typeof id === "string") {
        if (typeof fn !== "function") throw new TypeError(`associate(${id}) needs a function`);
        registered.set(id.toUpperCase(), fn);
      } else {
        for (const [key, value] of Object.entries(id)) registered.set(key.toUpperCase(), value);
      }
    },
  };
}

function loadFunctionsBundle(distDir = path.join(__dirname, "..", "..", "dist")) {
  const scriptPath = path.join(distDir, "functions.js");
  const metadataPath = path.join(distDir, "functions.json");
  if (!fs.existsSync(scriptPath) || !fs.existsSync(metadataPath)) {
    throw new Error(
      `${scriptPath} or functions.json is missing: run \`npm run build:test\` (or \`npm run build\`) first`
    );
  }
  const CustomFunctions = createCustomFunctionsStandIn();
  const script = vm.compileFunction(fs.readFileSync(scriptPath, "utf8"), ["CustomFunctions"], {
    filename: scriptPath,
  });
  script(CustomFunctions);
  const metadata = JSON.parse(fs.readFileSync(metadataPath, "utf8"));
  return { CustomFunctions, registered: CustomFunctions.registered, metadata };
}

/**
 * Runs dist/functions.js as a page with no custom functions runtime runs it (taskpane.html opened in a
 * plain browser): in a fresh global scope where `CustomFunctions` is not defined at all, so that reading
 * it throws a ReferenceError as it does there. Returns the names of the globals the script defined.
 */
function runFunctionsBundleWithoutRuntime(distDir = path.join(__dirname, "..", "..", "dist")) {
  const scriptPath = path.join(distDir, "functions.js");
  const context = vm.createContext({});
  const before = new Set(Object.getOwnPropertyNames(vm.runInContext("globalThis", context)));
  vm.runInContext(fs.readFileSync(scriptPath, "utf8"), context, { filename: scriptPath });
  return Object.getOwnPropertyNames(vm.runInContext("globalThis", context)).filter(
    (name) => !before.has(name)
  );
}

module.exports = {
  ERROR_CODES,
  CustomFunctionsError,
  createCustomFunctionsStandIn,
  loadFunctionsBundle,
  runFunctionsBundleWithoutRuntime,
};
