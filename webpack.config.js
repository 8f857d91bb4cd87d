const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const { ensureDevCertificate } = require("./scripts/dev-certs.cjs");
const { corsHeaders } = require("./scripts/dev-server.cjs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const zlib = require("zlib");

const urlDev = "https://localhost:3000/";

/**
 * The JavaScript taskpane.html loads before its first render (every initial chunk of its three entries)
 * may be no larger than Microsoft's React task-pane template's hello world: 541 KB raw, 169 KB gzip.
 * A build over it fails, so the pane cannot grow past it unnoticed; heavy parts load on demand.
 */
const FIRST_LOAD_BUDGET = { raw: 541 * 1024, gzip: 169 * 1024 };
const FIRST_LOAD_ENTRIES = ["taskpane", "commands", "functions"];

class FirstLoadBudgetPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FirstLoadBudget", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FirstLoadBudget", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const files = new Set();
          for (const name of FIRST_LOAD_ENTRIES)
            for (const file of compilation.entrypoints.get(name)?.getFiles() ?? [])
              if (file.endsWith(".js")) files.add(file);
          let raw = 0;
          let gzip = 0;
          for (const file of files) {
            const source = assets[file].buffer();
            raw += source.length;
            gzip += zlib.gzipSync(source, { level: 9 }).length;
          }
          const report = `first load of taskpane.html: ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip (budget ${FIRST_LOAD_BUDGET.raw / 1024} KB, ${FIRST_LOAD_BUDGET.gzip / 1024} KB) in ${[...files].join(", ")}`;
          if (raw > FIRST_LOAD_BUDGET.raw || gzip > FIRST_LOAD_BUDGET.gzip)
            compilation.errors.push(new webpack.WebpackError(`Over budget: ${report}`));
          else if (process.env.SHOW_FIRST_LOAD) console.error(report);
        }
      );
    });
  }
}
// Where the production build is hosted; override with ADDIN_PUBLIC_URL at build time.
const urlProd = process.env.ADDIN_PUBLIC_URL || "https://localhost:3000/";

/**
 * The dev server's certificate, made once in ~/.office-addin-dev-certs and reused while it is valid
 * (scripts/dev-certs.cjs). Nothing is installed here: `npm start` says how to trust its CA, and asks
 * first where there is a terminal; an untrusted certificate is accepted once in the browser.
 */
async function getHttpsOptions() {
  const { ca, key, cert } = await ensureDevCertificate();
  return { ca, key, cert };
}

/** The loader through which custom-functions-metadata-plugin appends CustomFunctions.associate calls. */
const APPENDED_ASSOCIATIONS_LOADER =
  require.resolve("custom-functions-metadata-plugin/lib/loader.js");

/**
 * Two changes to what custom-functions-metadata-plugin does, which it has no options for:
 *
 * - It appends `CustomFunctions.associate(id, fn)` for each function to functions.ts, unguarded, so
 *   the page threw `ReferenceError: CustomFunctions is not defined` wherever Excel's runtime is absent
 *   (taskpane.html opened in a plain browser). functions.ts registers the functions itself, only where
 *   the runtime exists; this drops the plugin's loader so its unguarded calls are not added.
 *
 * - It writes `"allowCustomDataForDataTypeAny": true` into functions.json, which lets Excel pass data
 *   types (entity values, formatted numbers...) to `any` parameters as objects. Every NHSDP parameter
 *   is `any` (declared `unknown`, coerced in src/functions/arguments.ts), and the functions compute on
 *   numbers, text and TRUE/FALSE only, so the coercion refuses such an object with #VALUE! ("got an
 *   unsupported value"), a formatted number's too. Set to false, Excel does not give
 *   the functions data types (Microsoft's metadata reference: `true` is what "allows a custom function
 *   to accept data types as parameters and return values"); it calculates with a data type's
 *   `basicValue`, "the value that would be returned by the values property", the fallback "when
 *   calculations encounter incompatible scenarios" (Excel data types core concepts). So a formatted
 *   number arrives as its number and works; an entity arrives as its basic value: #VALUE! for an
 *   entity an add-in made, which Excel returns without calling the function (allowErrorForDataTypeAny
 *   is not set), as it does for =A1+1; or text, which the functions refuse with #VALUE! naming it. test/bundle/functionsBundle.test.ts checks it.
 */
class FunctionsMetadataAdjustments {
  apply(compiler) {
    const name = "FunctionsMetadataAdjustments";
    // Runs after the metadata plugin's own tap (this plugin is applied after it), in every compilation
    // it runs in: html-webpack-plugin's child compilation gets functions.json too, and the two copies
    // must be the same.
    compiler.hooks.compilation.tap(name, (compilation) => {
      const metadataJson = compilation.assets["functions.json"];
      // Without it, the metadata plugin has reported its errors.
      if (metadataJson) {
        const metadata = JSON.parse(metadataJson.source().toString());
        compilation.assets["functions.json"] = new webpack.sources.RawSource(
          JSON.stringify({ ...metadata, allowCustomDataForDataTypeAny: false }, null, 4)
        );
      }
      webpack.NormalModule.getCompilationHooks(compilation).beforeLoaders.tap(name, (loaders) => {
        for (let i = loaders.length - 1; i >= 0; i--)
          if (loaders[i].loader === APPENDED_ASSOCIATIONS_LOADER) loaders.splice(i, 1);
      });
    });
  }
}

/** Writes functions.json, the custom functions' metadata Excel reads, from the functions' JSDoc. */
const functionsMetadata = () => [
  new CustomFunctionsMetadataPlugin({
    output: "functions.json",
    input: "./src/functions/functions.ts",
  }),
  new FunctionsMetadataAdjustments(),
];

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.build.json" } },
};

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const addin = {
    name: "addin",
    devtool: "source-map",
    target: ["web", "es2020"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/addin/commands/commands.ts",
      functions: "./src/functions/functions.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), clean: { keep: /^cli\// } },
    resolve: { extensions: [".ts", ".tsx", ".html", ".js"] },
    module: {
      rules: [
        tsRule,
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      ...functionsMetadata(),
      // Shared runtime: the task pane page also hosts the custom functions and the ribbon commands.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "commands", "functions"],
      }),
      ...(dev ? [] : [new FirstLoadBudgetPlugin()]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
        ],
      }),
    ],
    // The page's first load is held to its budget by FirstLoadBudgetPlugin (all three entries
    // together); webpack's own hints, per entry, would pass a page that is over it.
    performance: { hints: false },
    devServer: {
      static: { directory: path.join(__dirname, "dist"), publicPath: "/" },
      // This machine only: Office and the browser reach the add-in at https://localhost:3000.
      host: "localhost",
      // Cross-origin reads only for Excel on the web, which fetches functions.json (see dev-server.cjs).
      headers: (req) => corsHeaders(req.headers.origin),
      server: {
        type: "https",
        options:
          env.WEBPACK_BUILD || options.https !== undefined
            ? options.https
            : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
  // The nhsdp command: one self-contained file, its dependencies bundled in, so that installing it
  // (npm install -g) needs nothing else: not node_modules, nor the network.
  const cli = {
    name: "cli",
    devtool: "source-map",
    target: "node20",
    entry: { nhsdp: "./src/cli/index.ts" },
    output: { path: path.resolve(__dirname, "dist", "cli"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [tsRule] },
    plugins: [
      new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true }),
      // npm links the nhsdp command before `prepare` builds it, so it cannot mark the file executable.
      {
        apply: (compiler) =>
          compiler.hooks.afterEmit.tap("ExecutableCommand", () =>
            fs.chmodSync(path.join(compiler.outputPath, "nhsdp.js"), 0o755)
          ),
      },
    ],
    optimization: { minimize: false },
  };
  // The custom functions alone (dist/functions.js and functions.json): the add-in's own settings with
  // only that entry, so the files are the ones the add-in build writes (byte for byte). They go beside
  // the add-in's files in dist/, removing none. `webpack --env tests` (npm run build:test) builds them
  // and the command: all that the fast and engine tests load from dist/, without the task pane.
  const functions = {
    ...addin,
    devServer: undefined,
    name: "functions",
    entry: { functions: addin.entry.functions },
    output: { path: addin.output.path, clean: false },
    plugins: functionsMetadata(),
  };
  // The dev server serves the add-in only.
  if (env.WEBPACK_SERVE) return addin;
  if (!env.tests) return [addin, cli];
  // The tests' builds keep webpack's cache in .tmp/ (a rebuild after a small change takes seconds);
  // the release build (npm run build) is always built afresh.
  const cachedForTests = (config) => ({
    ...config,
    cache: {
      type: "filesystem",
      cacheDirectory: path.resolve(__dirname, ".tmp", "webpack-cache"),
      buildDependencies: { config: [__filename] },
    },
  });
  return [cachedForTests(functions), cachedForTests(cli)];
};
