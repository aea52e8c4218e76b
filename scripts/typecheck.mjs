/**
 * `npm run typecheck`: runs tsc on every tsconfig*.json at the project root, in parallel.
 * Each config checks one runtime: tsconfig.json Apps Script (no DOM, no Node), tsconfig.node.json
 * Node and the tests, tsconfig.ui.json the browser pages, tsconfig.test-ui.json the browser tests
 * (Node plus DOM, for page.evaluate callbacks). A config that matches no input file (TS18003)
 * fails like any other error: it checks nothing, so a wrong `include` would hide every file it
 * was meant to check. `node scripts/typecheck.mjs DIR` checks the configs of another directory.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const configs = readdirSync(root)
  .filter((name) => /^tsconfig(\..+)?\.json$/.test(name))
  .sort();

function check(config) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, "-p", config, "--noEmit"], { cwd: root });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ config, code, output }));
  });
}

const results = await Promise.all(configs.map(check));
let failed = configs.length === 0;
if (failed) console.log(`typecheck: no tsconfig*.json in ${root}`);
for (const { config, code, output } of results) {
  if (code === 0) {
    console.log(`typecheck ${config}: ok`);
    continue;
  }
  failed = true;
  const why = /TS18003/.test(output) ? " (no input files: its include matches nothing)" : "";
  console.log(`typecheck ${config}: failed${why}\n${output.trimEnd()}`);
}
process.exit(failed ? 1 : 0);
