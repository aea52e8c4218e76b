/**
 * The build of Account Desk. `dist/` is exactly what clasp pushes: the Apps Script bundle
 * `Code.js`, the manifest and one self-contained HTML file per UI page. The CLI bundle goes to
 * `.build/`, which is never pushed.
 *
 * The Apps Script bundle is an IIFE assigned to the global `AccountDesk`; Apps Script only sees
 * top-level function declarations (menus, triggers, google.script.run), so the build generates
 * one wrapper per export of src/gas/main.ts, and refuses to write anything unless the result is
 * a classic script with no module syntax, no `require`, every export a function, and every
 * handler named by src/gas/registry.ts (menu items, triggers) a top-level function.
 *
 *   node build.mjs          build dist/ (Apps Script)
 *   node build.mjs --cli    build .build/cli.mjs (the Node command line)
 *   node build.mjs --analyze  what each part of dist/Code.js costs (bytes in the minified output)
 */
import { existsSync, realpathSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import * as acorn from "acorn";
import * as esbuild from "esbuild";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const GLOBAL_NAME = "AccountDesk";
const SCRIPT_PLACEHOLDER = "<!-- inline:script -->";
const STYLE_PLACEHOLDER = "<!-- inline:style -->";

/** A build failure whose message is meant for the person running the build. */
export class BuildError extends Error {
  constructor(message) {
    super(message);
    this.name = "BuildError";
  }
}

/**
 * Options shared by the Apps Script bundles. zod resolves through its `import` condition to
 * its ESM build (esbuild adds `import` and `default` by itself); its `@zod/source` condition,
 * which points at TypeScript sources, must stay off, hence no custom conditions.
 * Code.js is minified (452 KB → 268 KB) with function and class names kept, so that a stack
 * trace in the Apps Script log still names the functions; the generated top-level wrappers
 * are a footer and stay as written.
 */
const GAS_OPTIONS = {
  bundle: true,
  platform: "neutral",
  target: "es2020",
  mainFields: ["module", "main"],
  conditions: [],
  minify: true,
  keepNames: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "silent",
};

/** Runs esbuild, turning its failure into a BuildError with formatted messages. */
async function runEsbuild(options, what) {
  try {
    return await esbuild.build(options);
  } catch (error) {
    if (error && Array.isArray(error.errors) && error.errors.length > 0) {
      const text = await esbuild.formatMessages(error.errors, { kind: "error", color: false });
      throw new BuildError(`esbuild could not bundle ${what}:\n${text.join("").trimEnd()}`);
    }
    throw error;
  }
}

async function printWarnings(result, quiet) {
  if (quiet || result.warnings.length === 0) return;
  const text = await esbuild.formatMessages(result.warnings, { kind: "warning", color: false });
  process.stderr.write(text.join(""));
}

function relative(root, file) {
  return path.relative(root, file).split(path.sep).join("/");
}

function requireFile(root, file, why) {
  if (!existsSync(file)) throw new BuildError(`${relative(root, file)} is missing: ${why}`);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false " +
    "finally for function if import in instanceof new null return super switch this throw true try " +
    "typeof var void while with yield let static implements interface package private protected public " +
    "await arguments eval undefined NaN Infinity"
  )
    .split(" ")
    .concat([GLOBAL_NAME]),
);

/** The export names of the Apps Script entry, read from an in-memory ESM bundle's metafile. */
export async function entryExportNames(root, entry) {
  const result = await runEsbuild(
    {
      ...GAS_OPTIONS,
      absWorkingDir: root,
      entryPoints: [entry],
      format: "esm",
      write: false,
      metafile: true,
      outfile: path.join(root, ".build", "gas-exports.mjs"),
    },
    relative(root, entry),
  );
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  if (!output) throw new BuildError("esbuild reported no output for the Apps Script entry");
  const names = [...output.exports].sort();
  const bad = names.filter((n) => !IDENTIFIER.test(n) || RESERVED.has(n));
  if (bad.length > 0) {
    throw new BuildError(
      `${relative(root, entry)} exports names that cannot be Apps Script global functions: ${bad.join(", ")}`,
    );
  }
  if (names.length === 0) throw new BuildError(`${relative(root, entry)} exports nothing`);
  return names;
}

/** The footer of top-level functions that Apps Script can call (menus, triggers, google.script.run). */
export function globalWrappers(names) {
  return names
    .map((name) => `function ${name}() { return ${GLOBAL_NAME}.${name}.apply(this, arguments); }`)
    .join("\n");
}

/** Depth-first walk over an ESTree without recursion (bundles are deep). */
function* walk(root) {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    yield node;
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i];
          if (child && typeof child.type === "string") stack.push(child);
        }
      } else if (value && typeof value === "object" && typeof value.type === "string") {
        stack.push(value);
      }
    }
  }
}

/**
 * Checks that `code` is a classic script Apps Script can load: it parses as ES2020 with
 * sourceType "script" and contains no import/export, no dynamic import(), no import.meta and no
 * call to require(). Returns the names of its top-level function declarations.
 */
export function verifyClassicScript(code, fileName = "Code.js") {
  let program;
  try {
    program = acorn.parse(code, { ecmaVersion: 2020, sourceType: "script" });
  } catch (error) {
    throw new BuildError(`${fileName} does not parse as an ES2020 classic script: ${error.message}`);
  }
  const problems = [];
  const at = (node) => {
    const { line, column } = acorn.getLineInfo(code, node.start);
    return `${fileName}:${line}:${column + 1}`;
  };
  for (const node of walk(program)) {
    switch (node.type) {
      case "ImportDeclaration":
      case "ExportNamedDeclaration":
      case "ExportDefaultDeclaration":
      case "ExportAllDeclaration":
        problems.push(`${at(node)} module syntax (${node.type})`);
        break;
      case "ImportExpression":
        problems.push(`${at(node)} dynamic import()`);
        break;
      case "MetaProperty":
        if (node.meta.name === "import") problems.push(`${at(node)} import.meta`);
        break;
      case "CallExpression":
        if (
          node.callee.type === "Identifier" &&
          (node.callee.name === "require" || node.callee.name === "__require")
        ) {
          problems.push(`${at(node)} call to ${node.callee.name}()`);
        }
        break;
    }
  }
  if (problems.length > 0) {
    throw new BuildError(
      `${fileName} is not a plain Apps Script file:\n  ${problems.slice(0, 20).join("\n  ")}` +
        (problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ""),
    );
  }
  return program.body
    .filter((node) => node.type === "FunctionDeclaration")
    .map((node) => node.id.name)
    .sort();
}

/**
 * Loads the bundle in an empty V8 context, as Apps Script does before every call, and checks
 * that each export is a function. Loading must not touch any Apps Script service.
 */
function verifyExportsAreFunctions(code, names) {
  const context = vm.createContext({ console: { log() {}, info() {}, warn() {}, error() {} } });
  try {
    vm.runInContext(code, context, { filename: "Code.js", timeout: 10_000 });
  } catch (error) {
    throw new BuildError(
      `the Apps Script bundle throws while loading (top-level code must not call Apps Script services): ${error.message}`,
    );
  }
  const exportsObject = context[GLOBAL_NAME];
  const notFunctions = names.filter((n) => !exportsObject || typeof exportsObject[n] !== "function");
  if (notFunctions.length > 0) {
    throw new BuildError(`src/gas/main.ts exports values that are not functions: ${notFunctions.join(", ")}`);
  }
}

/**
 * Bundles src/gas/registry.ts for Node, imports it and returns referencedHandlerNames(): every
 * function name a menu item or a trigger refers to.
 */
export async function referencedHandlerNames(root) {
  const registry = path.join(root, "src", "gas", "registry.ts");
  requireFile(
    root,
    registry,
    "it must export referencedHandlerNames(): string[] (menu and trigger handlers)",
  );
  const result = await runEsbuild(
    {
      ...GAS_OPTIONS,
      absWorkingDir: root,
      entryPoints: [registry],
      format: "esm",
      write: false,
      outfile: path.join(root, ".build", "registry.mjs"),
    },
    "src/gas/registry.ts",
  );
  const code = result.outputFiles.find((f) => f.path.endsWith(".mjs")).text;
  const url = `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`;
  const mod = await import(url);
  if (typeof mod.referencedHandlerNames !== "function") {
    throw new BuildError("src/gas/registry.ts must export a function referencedHandlerNames(): string[]");
  }
  const names = await mod.referencedHandlerNames();
  if (!Array.isArray(names) || names.some((n) => typeof n !== "string")) {
    throw new BuildError("referencedHandlerNames() in src/gas/registry.ts must return an array of strings");
  }
  return [...new Set(names)].sort();
}

/**
 * Builds each UI page src/ui/pages/NAME/{index.ts,index.html[,style.css]} into one
 * self-contained HTML text. The placeholder comments are replaced by a whole <script> and
 * <style> element.
 */
export async function buildPages(root) {
  const pagesDir = path.join(root, "src", "ui", "pages");
  if (!existsSync(pagesDir)) return [];
  const entries = await readdir(pagesDir, { withFileTypes: true });
  const pages = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const name = entry.name;
    const dir = path.join(pagesDir, name);
    const script = path.join(dir, "index.ts");
    const htmlFile = path.join(dir, "index.html");
    if (!existsSync(script) && !existsSync(htmlFile)) continue;
    requireFile(root, script, `page ${name} needs an index.ts next to its index.html`);
    requireFile(root, htmlFile, `page ${name} needs an index.html next to its index.ts`);
    if (!/^[A-Za-z0-9_-]+$/.test(name) || name === "Code" || name === "appsscript") {
      throw new BuildError(`page folder name "${name}" cannot be an Apps Script HTML file name`);
    }
    const result = await runEsbuild(
      {
        absWorkingDir: root,
        entryPoints: [script],
        bundle: true,
        format: "iife",
        platform: "browser",
        target: "es2020",
        minify: false,
        legalComments: "none",
        charset: "utf8",
        logLevel: "silent",
        write: false,
        outdir: path.join(root, ".build", "pages", name),
      },
      `page ${name}`,
    );
    const js = result.outputFiles
      .filter((f) => f.path.endsWith(".js"))
      .map((f) => f.text)
      .join("\n");
    const cssParts = result.outputFiles.filter((f) => f.path.endsWith(".css")).map((f) => f.text);
    const styleFile = path.join(dir, "style.css");
    if (existsSync(styleFile)) cssParts.unshift(await readFile(styleFile, "utf8"));
    const css = cssParts.join("\n");
    let html = await readFile(htmlFile, "utf8");
    if (!html.includes(SCRIPT_PLACEHOLDER)) {
      throw new BuildError(`${relative(root, htmlFile)} has no ${SCRIPT_PLACEHOLDER} placeholder`);
    }
    if (css.trim() !== "" && !html.includes(STYLE_PLACEHOLDER)) {
      throw new BuildError(`${relative(root, htmlFile)} has styles but no ${STYLE_PLACEHOLDER} placeholder`);
    }
    const safeJs = js.replace(/<\/script/gi, "<\\/script");
    const safeCss = css.replace(/<\/style/gi, "<\\/style");
    // split/join rather than replace(): a `$&` in the bundle must stay literal.
    html = html.split(STYLE_PLACEHOLDER).join(css.trim() === "" ? "" : `<style>\n${safeCss}</style>`);
    html = html.split(SCRIPT_PLACEHOLDER).join(`<script>\n${safeJs}</script>`);
    pages.push({ name, html });
  }
  return pages;
}

/** The esbuild options of dist/Code.js, shared by the build and its analysis. */
function gasBundleOptions(root, entry) {
  return {
    ...GAS_OPTIONS,
    absWorkingDir: root,
    entryPoints: [entry],
    format: "iife",
    globalName: GLOBAL_NAME,
    write: false,
    outfile: path.join(root, "dist", "Code.js"),
  };
}

/**
 * Builds dist/: Code.js, appsscript.json and one NAME.html per UI page. Nothing is written
 * unless every check passes. Returns what was built.
 */
export async function buildGas({ root = ROOT, quiet = false } = {}) {
  const entry = path.join(root, "src", "gas", "main.ts");
  const manifest = path.join(root, "appsscript.json");
  requireFile(root, entry, "it is the Apps Script entry");
  requireFile(root, manifest, "it is the Apps Script manifest");
  const names = await entryExportNames(root, entry);

  const result = await runEsbuild(
    {
      ...gasBundleOptions(root, entry),
      footer: {
        js: `\n// Apps Script globals, generated from the exports of src/gas/main.ts.\n${globalWrappers(names)}`,
      },
    },
    "src/gas/main.ts",
  );
  await printWarnings(result, quiet);
  const code = result.outputFiles[0].text;

  const functions = verifyClassicScript(code, "dist/Code.js");
  const unexposed = names.filter((n) => !functions.includes(n));
  if (unexposed.length > 0) throw new BuildError(`exports without a global wrapper: ${unexposed.join(", ")}`);
  verifyExportsAreFunctions(code, names);

  const handlers = await referencedHandlerNames(root);
  const missing = handlers.filter((n) => !functions.includes(n));
  if (missing.length > 0) {
    throw new BuildError(
      `menu items or triggers name functions that dist/Code.js does not define at top level: ${missing.join(", ")}` +
        " (export them from src/gas/main.ts)",
    );
  }

  const manifestText = await readFile(manifest, "utf8");
  try {
    JSON.parse(manifestText);
  } catch (error) {
    throw new BuildError(`appsscript.json is not valid JSON: ${error.message}`);
  }
  const pages = await buildPages(root);

  const dist = path.join(root, "dist");
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await writeFile(path.join(dist, "Code.js"), code);
  await writeFile(path.join(dist, "appsscript.json"), manifestText);
  for (const page of pages) await writeFile(path.join(dist, `${page.name}.html`), page.html);

  const bytes = Buffer.byteLength(code);
  if (!quiet) {
    const pageNote = pages.length === 0 ? "" : `, ${pages.length} page${pages.length === 1 ? "" : "s"}`;
    console.log(
      `dist/Code.js ${(bytes / 1024).toFixed(1)} KB, ${functions.length} top-level functions${pageNote}`,
    );
  }
  return { bytes, functions, handlers, pages: pages.map((p) => p.name) };
}

/**
 * Builds .build/cli.mjs from src/node/cli.ts. Packages stay imports (resolved from
 * node_modules at run time). Written through a temporary file so that concurrent runs never
 * import a half-written bundle.
 */
export async function buildCli({ root = ROOT, quiet = false } = {}) {
  const entry = path.join(root, "src", "node", "cli.ts");
  requireFile(root, entry, "it is the command-line entry");
  const outDir = path.join(root, ".build");
  const outfile = path.join(outDir, "cli.mjs");
  const result = await runEsbuild(
    {
      absWorkingDir: root,
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      sourcemap: "linked",
      logLevel: "silent",
      write: false,
      outfile,
      banner: {
        js:
          'import { createRequire as __accountDeskCreateRequire } from "node:module";\n' +
          "const require = __accountDeskCreateRequire(import.meta.url);",
      },
    },
    "src/node/cli.ts",
  );
  await printWarnings(result, quiet);
  await mkdir(outDir, { recursive: true });
  const suffix = `.${process.pid}.${Date.now()}.tmp`;
  // The map first: once cli.mjs is in place, it is complete.
  const rank = (file) => (file.path.endsWith(".map") ? 0 : 1);
  const ordered = [...result.outputFiles].sort((a, b) => rank(a) - rank(b));
  for (const file of ordered) {
    await writeFile(file.path + suffix, file.contents);
    await rename(file.path + suffix, file.path);
  }
  const bytes = result.outputFiles.find((f) => f.path === outfile).contents.byteLength;
  if (!quiet) console.log(`.build/cli.mjs ${(bytes / 1024).toFixed(1)} KB`);
  return { outfile, bytes };
}

/** The part of the bundle an input file belongs to: a source folder, or a package's folder. */
function partOf(file) {
  const parts = file.split("/");
  if (parts[0] === "node_modules") return parts.slice(0, parts[1].startsWith("@") ? 3 : 2).join("/");
  return parts.slice(0, Math.min(2, parts.length - 1)).join("/") || file;
}

/**
 * Prints what each part of dist/Code.js costs: the bytes each source folder and each package
 * contributes to the minified bundle (esbuild's metafile), largest first, then the largest files.
 */
export async function analyzeGas({ root = ROOT } = {}) {
  const entry = path.join(root, "src", "gas", "main.ts");
  const result = await runEsbuild({ ...gasBundleOptions(root, entry), metafile: true }, "src/gas/main.ts");
  const output = Object.values(result.metafile.outputs)[0];
  const parts = new Map();
  for (const [file, input] of Object.entries(output.inputs)) {
    parts.set(partOf(file), (parts.get(partOf(file)) ?? 0) + input.bytesInOutput);
  }
  const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;
  const lines = [`dist/Code.js ${kb(output.bytes).trim()} (before the generated wrappers)`];
  for (const [part, bytes] of [...parts].sort((a, b) => b[1] - a[1])) lines.push(`${kb(bytes)}  ${part}`);
  lines.push("largest files:");
  const files = Object.entries(output.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
  for (const [file, input] of files.slice(0, 15)) lines.push(`${kb(input.bytesInOutput)}  ${file}`);
  console.log(lines.join("\n"));
  return { bytes: output.bytes, parts: Object.fromEntries(parts) };
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const args = process.argv.slice(2);
  const known = new Set(["--cli", "--analyze"]);
  const unknown = args.filter((a) => !known.has(a));
  if (unknown.length > 0) {
    console.error(
      `build.mjs: unknown argument ${unknown.join(" ")}\nusage: node build.mjs [--cli | --analyze]`,
    );
    process.exit(2);
  }
  try {
    if (args.includes("--cli")) await buildCli();
    else if (args.includes("--analyze")) await analyzeGas();
    else await buildGas();
  } catch (error) {
    const message = error instanceof BuildError ? error.message : (error?.stack ?? String(error));
    console.error(`build failed: ${message}`);
    process.exit(1);
  }
}
