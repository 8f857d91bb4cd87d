const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
// Where the production build is hosted; override with ADDIN_PUBLIC_URL at build time.
const urlProd = process.env.ADDIN_PUBLIC_URL || "https://localhost:3000/";

/**
 * The dev server's certificate. office-addin-dev-certs generates one and installs its CA as trusted;
 * where installing is impossible (Linux without sudo, containers) the server still starts with the
 * generated, untrusted certificate, and the browser asks once to accept it.
 */
async function getHttpsOptions() {
  try {
    const httpsOptions = await devCerts.getHttpsServerOptions();
    return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
  } catch (error) {
    const defaults = require("office-addin-dev-certs/lib/defaults");
    if (!fs.existsSync(defaults.localhostKeyPath)) await devCerts.generateCertificates();
    console.warn(
      `Could not install the development CA certificate (${String(error.message).split("\n")[0]}).\n` +
        "Serving with an untrusted certificate: open https://localhost:3000/taskpane.html once and accept it."
    );
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
    };
  }
}

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
      commands: "./src/commands/commands.ts",
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
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // Shared runtime: the task pane page also hosts the custom functions and the ribbon commands.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "commands", "functions"],
      }),
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
    performance: { hints: false },
    devServer: {
      static: { directory: path.join(__dirname, "dist"), publicPath: "/" },
      headers: { "Access-Control-Allow-Origin": "*" },
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
  // The nhsdp command: a Node program whose dependencies stay in node_modules.
  const cli = {
    name: "cli",
    devtool: "source-map",
    target: "node20",
    entry: { nhsdp: "./src/cli/index.ts" },
    output: { path: path.resolve(__dirname, "dist", "cli"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    externals: [
      ({ request }, callback) =>
        /^[a-z@]/i.test(request) ? callback(null, `commonjs ${request}`) : callback(),
    ],
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
  // The dev server serves the add-in only.
  return env.WEBPACK_SERVE ? addin : [addin, cli];
};
