/**
 * The Excel add-in: task pane and function file, bundled for the browser.
 *
 *   npm run build        webpack --mode production   → dist/
 *   npm run build:dev    webpack --mode development  → dist/
 *   npm run dev-server   https://localhost:3000 with the Office dev certificates (http if they fail)
 *   npm run demo:pane    http://localhost:3001/taskpane.html: the pane on an in-memory sample workbook
 *
 * Every build meant for Excel (the first three) loads office.js from Microsoft's CDN, as Microsoft
 * requires: inside Excel, office.js loads the host's own files (excel-web-16.00.js,
 * excel-win32-16.01.js, …) from beside itself, and only the CDN has the current ones. Only the offline
 * demo (`--env demo`) serves a local copy of office.js, which outside Office needs just a few files.
 *
 * Options: `--env outDir=<folder>` writes elsewhere than dist/ (the browser tests use a temp folder);
 * `--env demo` serves plain http on DEMO_PORT (default 3001) with the local office.js; `--env paneBench`
 * adds the bench's minimal Fluent UI page (`minimal.html`, bench/pane/) beside the pane, built the same
 * way (`npm run bench:pane`). In production, ADDIN_URL replaces https://localhost:3000 in the copied manifest.
 *
 * The command line (`--env cli`, `npm run build:cli`) → dist/cli/: see cliConfig below.
 *
 * The root tsconfig targets the command line (CommonJS), so ts-loader overrides module and jsx here.
 * dist/node/ (tsc's build: benches, examples), dist/cli/ and dist/test-cli/ are never cleaned away.
 */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000';
const DEV_PORT = 3000;
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_DIR = path.join(__dirname, 'node_modules', '@microsoft', 'office-js', 'dist');

/** The manifest with the dev URL replaced by ADDIN_URL (production builds only). */
function manifestTransform(production) {
  const target = (process.env.ADDIN_URL || '').replace(/\/+$/, '');
  return (content) => {
    const text = content.toString();
    return production && target ? text.split(DEV_URL).join(target) : text;
  };
}

/**
 * office.js locally (the offline demo only: no network needed), with what it loads outside Office: the
 * O15 init helper (which also stands in for MicrosoftAjax.js) and the string tables for en-US and sv-SE.
 */
function localOfficeJs() {
  const files = ['office.js', 'office.debug.js', 'o15apptofilemappingtable.js', 'o15apptofilemappingtable.debug.js', 'en-us/office_strings.js', 'sv-se/office_strings.js', 'en-us/office_strings.debug.js', 'sv-se/office_strings.debug.js'];
  return files.map((f) => ({ from: path.join(OFFICE_JS_DIR, f), to: `office/${f}`, noErrorOnMissing: true }));
}

/** The certificate files office-addin-dev-certs generated, when they exist (its CA may still be untrusted). */
function generatedCertificates() {
  try {
    const files = require('office-addin-dev-certs/lib/defaults');
    const read = (p) => require('node:fs').readFileSync(p);
    return { ca: read(files.caCertificatePath), cert: read(files.localhostCertificatePath), key: read(files.localhostKeyPath) };
  } catch {
    return null;
  }
}

/**
 * Dev-server transport: https with the Office dev certificates; when installing their CA fails (it needs
 * admin rights) the generated files are still used; without any, plain http. The demo is plain http.
 */
async function serverOptions(demo) {
  if (demo) return { type: 'http' };
  const reason = (err) => String(err && err.message ? err.message : err).trim();
  try {
    const options = await require('office-addin-dev-certs').getHttpsServerOptions();
    return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (err) {
    const files = generatedCertificates();
    if (files) {
      console.warn(
        `\n[avvikelse] Utvecklingscertifikatet skapades men dess CA kunde inte installeras (${reason(err)}).` +
          `\n[avvikelse] Dev-servern kör HTTPS ändå; lita på ~/.office-addin-dev-certs/ca.crt för hand, annars vägrar Office sidan.\n`,
      );
      return { type: 'https', options: files };
    }
    console.warn(
      `\n[avvikelse] Kunde inte skapa utvecklingscertifikat (${reason(err)}).` +
        `\n[avvikelse] Dev-servern kör därför vanlig HTTP på http://localhost:${DEV_PORT}/ — Office kräver HTTPS för sidoinläsning.` +
        `\n[avvikelse] Kör "npx office-addin-dev-certs install" och lita på certifikatet, eller använd "npm run demo:pane".\n`,
    );
    return { type: 'http' };
  }
}

/**
 * The command line as `bin` runs it: one bundle (`main.js`: every module `report` needs, the other
 * commands in chunks of their own, `docx` required from node_modules by `export` alone) and a small
 * launcher (`avvikelse.js`, src/cli/launch.ts) that runs it through V8's code cache. Why: Node spends
 * ~40 ms of a `report` on the example resolving and compiling ~100 modules one by one (issue 12).
 * The last step runs `report` on the shipped example once to write the code cache (`main.js.cache`).
 */
function cliConfig(outDir) {
  return {
    mode: 'production',
    target: 'node20',
    devtool: false,
    entry: { avvikelse: './src/cli/launch.ts', main: './src/cli/bin.ts' },
    output: { path: outDir, filename: '[name].js', chunkFilename: 'chunk-[name].js', clean: true },
    externals: { docx: 'commonjs docx' },
    node: { __dirname: false, __filename: false },
    resolve: { extensions: ['.ts', '.js'] },
    // readable stack traces; one file per command, nothing shared split out
    optimization: { minimize: false, splitChunks: false },
    module: {
      // a createRequire call is Node's, at run time, never webpack's to resolve
      parser: { javascript: { createRequire: false } },
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', target: 'es2022' } } } }],
    },
    plugins: [new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, include: 'avvikelse.js' }), launcherBundle(), { apply: (compiler) => compiler.hooks.afterEmit.tap('code-cache', () => writeCodeCache(outDir)) }],
    performance: { hints: false },
    infrastructureLogging: { level: 'warn' },
  };
}

/** How the launcher (src/cli/launch.ts) compiles the bundle: as Node wraps a CommonJS module. */
const BUNDLE_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const BUNDLE_TAIL = '\n})';

/** The first place in `text` where escaping a non-ASCII character as \\uXXXX could change the program, or undefined. */
function unsafeToEscape(text) {
  const afterBackslash = /\\[^\x00-\x7f]/.exec(text); // `\å`: the escape would become `\\u00e5`
  if (afterBackslash) return afterBackslash.index;
  const ts = require('typescript'); // a tagged template sees the raw text, escapes and all
  const file = ts.createSourceFile('main.js', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  let found;
  const visit = (node) => {
    if (found === undefined && ts.isTaggedTemplateExpression(node) && /[^\x00-\x7f]/.test(node.template.getText(file))) found = node.getStart(file);
    if (found === undefined) ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * main.js as the launcher reads it: pure ASCII (every other character written \\uXXXX, which means the
 * same in strings, templates, regular expressions, identifiers and comments) and already wrapped. Why:
 * Node decodes an ASCII file into a one-byte string by copying, where a UTF-8 one (Swedish messages)
 * is decoded character by character into a string twice the size, and the launcher's wrapping then
 * copied it once more (~3.5 MB of heap at every start, issue 12).
 */
function launcherBundle() {
  return {
    apply(compiler) {
      compiler.hooks.thisCompilation.tap('launcher-bundle', (compilation) => {
        const stage = webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE;
        compilation.hooks.processAssets.tap({ name: 'launcher-bundle', stage }, () => {
          const text = compilation.getAsset('main.js').source.source().toString();
          const unsafe = /[^\x00-\x7f]/.test(text) ? unsafeToEscape(text) : undefined;
          if (unsafe !== undefined) throw new Error(`main.js: tecken utanför ASCII kan inte skrivas som \\u-escape vid position ${unsafe}: ${text.slice(unsafe, unsafe + 60)}`);
          const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
          compilation.updateAsset('main.js', new webpack.sources.RawSource(BUNDLE_HEAD + ascii + BUNDLE_TAIL));
        });
      });
    },
  };
}

/** Runs `report` on the shipped example through the new launcher, which then writes the code cache. */
function writeCodeCache(outDir) {
  const fs = require('node:fs');
  const launcher = path.join(outDir, 'avvikelse.js');
  fs.chmodSync(launcher, 0o755);
  fs.rmSync(path.join(outDir, 'main.js.cache'), { force: true });
  const tmp = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'avvikelse-cache-'));
  try {
    const example = (name) => path.join(__dirname, 'examples', name);
    const args = [launcher, 'report', example('prognos-exempel.xlsx'), '--out', path.join(tmp, 'r.xlsx'), '--json', path.join(tmp, 'r.json'), '--config', example('avvikelse.json'), '--quiet'];
    const run = require('node:child_process').spawnSync(process.execPath, args, { env: { ...process.env, AVVIKELSE_WRITE_CODE_CACHE: '1' }, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`avvikelse report på exemplet misslyckades (kod ${run.status}): ${run.stderr}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = async (env = {}, argv = {}) => {
  if (env.cli) return cliConfig(path.resolve(__dirname, env.outDir || path.join('dist', 'cli')));
  const production = argv.mode === 'production';
  const serving = !!env.WEBPACK_SERVE;
  const demo = !!env.demo;
  const paneBench = !!env.paneBench;
  const outDir = path.resolve(__dirname, env.outDir || 'dist');
  const officeJs = demo ? 'office/office.js' : OFFICE_JS_CDN;
  const port = demo ? Number(process.env.DEMO_PORT || 3001) : DEV_PORT;

  const config = {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      download: './src/taskpane/download.ts',
      ...(paneBench ? { minimal: './bench/pane/minimal.tsx' } : {}),
    },
    output: {
      path: outDir,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: { keep: /^(node|cli|test-cli)([\\/]|$)/ },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { module: 'esnext', moduleResolution: 'node', jsx: 'react-jsx', target: 'es2020', sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        // the template preloads the entry and starts it once its static shell is painted
        inject: false,
        templateParameters: { officeJs },
      }),
      // Excel for Mac opens this in the user's browser to save the Word file (see src/taskpane/model/delivery.ts)
      new HtmlWebpackPlugin({
        filename: 'download.html',
        template: './src/taskpane/download.html',
        chunks: ['download'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        templateParameters: { officeJs },
      }),
      // the bench's yardstick, bare and with office.js loaded as the pane loads it
      ...(paneBench
        ? [
            new HtmlWebpackPlugin({ filename: 'minimal.html', template: './bench/pane/minimal.html', chunks: ['minimal'], templateParameters: { officeJs: '' } }),
            new HtmlWebpackPlugin({ filename: 'minimal-office.html', template: './bench/pane/minimal.html', chunks: ['minimal'], templateParameters: { officeJs } }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]', noErrorOnMissing: true },
          { from: 'manifest.xml', to: 'manifest.xml', transform: manifestTransform(production), noErrorOnMissing: true },
          ...(demo ? localOfficeJs() : []),
        ],
      }),
    ],
    performance: { hints: false },
    cache: production ? false : { type: 'filesystem', buildDependencies: { config: [__filename] } },
    infrastructureLogging: { level: 'warn' },
  };

  if (serving) {
    config.devServer = {
      port,
      host: 'localhost',
      server: await serverOptions(demo),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      client: { overlay: { errors: true, warnings: false } },
      devMiddleware: { writeToDisk: true },
      onListening(devServer) {
        const scheme = devServer.options.server.type === 'https' ? 'https' : 'http';
        const url = `${scheme}://localhost:${port}/taskpane.html`;
        console.log(demo ? `\n[avvikelse] Demoläge (exempelarbetsbok i minnet): ${url}\n` : `\n[avvikelse] Aktivitetsfönstret: ${url}\n`);
      },
    };
  }
  return config;
};
