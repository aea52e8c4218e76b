/**
 * `npm run bench`: times every action on generated sample workbooks of 1,000 and 20,000 clients
 * (zh-CN, seed 1, as of 2026-11-27) and prints one table:
 *   (a) in Node on a MemoryWorkbook, through the command line's action table: compute ms, input
 *       rows per second, heap growth during the run (no GC forced) and port calls;
 *   (b) through the built dist/Code.js in node:vm with the counting Apps Script fakes of
 *       test/gas: ms and calls on Spreadsheet, Sheet and Range objects.
 * Each size runs in its own child process (node --expose-gc), one after the other, so sizes do
 * not share a heap. scripts/bench-entry.ts is bundled with esbuild to .build/bench.mjs first.
 * The Apps Script runs take the longest (a fake spreadsheet of millions of cells), so by default
 * they run on the smaller workbook only; their call counts do not grow with rows.
 *
 * A feature adds its action with one line in BENCH.
 * Usage: node scripts/bench.mjs [--sizes 1000,20000] [--vm-sizes 1000]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entryOut = path.join(root, ".build", "bench.mjs");

/** One line per action: the command-line action (with its options) and the menu handler of dist/Code.js. */
const BENCH = [
  { action: "check", menu: "menuCheck" },
  { action: "setup", menu: "menuSetup" },
  { action: "tiers", menu: "menuTiers" },
  { action: "contracts", menu: "menuContracts" },
  { action: "schedule", menu: "menuContactPlan" },
  { action: "report", menu: "menuReport", options: { month: "2026-10" } },
];

const SEED = 1;
const AS_OF = "2026-11-27";
/** 09:00 in Shanghai on the as-of date: the fake clock of the Apps Script runs. */
const NOW = "2026-11-27T01:00:00Z";

function sizesFromArgs(args, option, defaults) {
  const at = args.indexOf(option);
  if (at < 0) return defaults;
  const text = String(args[at + 1] ?? "");
  const sizes = text === "" || text === "none" ? [] : text.split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 20000)) {
    console.error(`bench: ${option} takes client counts from 1 to 20000, e.g. ${option} 1000,20000`);
    process.exit(2);
  }
  return sizes;
}

async function buildEntry() {
  mkdirSync(path.dirname(entryOut), { recursive: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [path.join(root, "scripts", "bench-entry.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    outfile: entryOut,
    // The harness finds the fakes and dist/ next to its own file.
    define: {
      "import.meta.url": JSON.stringify(pathToFileURL(path.join(root, "test", "gas", "harness.ts")).href),
    },
  });
}

// ---------------------------------------------------------------------------------------
// Child: one size

async function child(clients, withVm) {
  const bench = await import(pathToFileURL(entryOut).href);
  const known = new Set(bench.actionNames());
  const haveBundle = existsSync(path.join(root, "dist", "Code.js"));
  const handlers = haveBundle ? new Set(functionsOfBundle()) : new Set();
  const t0 = performance.now();
  const sample = bench.makeSample(clients, SEED, AS_OF);
  const generateMs = performance.now() - t0;
  emit({ kind: "sample", clients, rows: sample.rows, generateMs });
  for (const row of BENCH) {
    if (!known.has(row.action)) continue;
    // One failing action is reported in its row; the others are still measured.
    let node;
    try {
      const memory = bench.copyWorkbook(sample.memory);
      globalThis.gc();
      const heapBefore = process.memoryUsage().heapUsed;
      const run = bench.runInMemory(memory, row.action, AS_OF, row.options ?? {});
      const heapAfter = process.memoryUsage().heapUsed;
      node = { ms: run.ms, portCalls: run.totalCalls, heapGrowthMb: (heapAfter - heapBefore) / 2 ** 20 };
    } catch (error) {
      node = { error: String(error?.message ?? error) };
    }
    let vm = null;
    if (withVm && row.menu && handlers.has(row.menu)) {
      try {
        globalThis.gc();
        const result = bench.runInVm(sample.memory, row.menu, NOW);
        vm = { ms: result.ms, spreadsheetCalls: result.spreadsheetCalls };
      } catch (error) {
        vm = { error: String(error?.message ?? error) };
      }
    }
    emit({ kind: "action", clients, action: row.action, rows: sample.rows, node, vm });
  }
  emit({ kind: "done", clients, maxRssMb: process.resourceUsage().maxRSS / 1024 });
}

/** Top-level function names of dist/Code.js (the menu handlers the build generated). */
function functionsOfBundle() {
  const code = readFileSync(path.join(root, "dist", "Code.js"), "utf8");
  return [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]);
}

function emit(record) {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

// ---------------------------------------------------------------------------------------
// Parent: every size, one table

function fmt(n, digits = 0) {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

async function parent(sizes, vmSizes) {
  const started = performance.now();
  await buildEntry();
  if (!existsSync(path.join(root, "dist", "Code.js"))) {
    console.log("dist/Code.js is missing (run npm run build): the Apps Script columns stay empty.");
  }
  const rows = [];
  const notes = [];
  const failures = [];
  for (const clients of sizes) {
    const result = spawnSync(
      process.execPath,
      [
        "--expose-gc",
        "--max-old-space-size=4096",
        fileURLToPath(import.meta.url),
        "--child",
        String(clients),
        vmSizes.includes(clients) ? "vm" : "no-vm",
      ],
      { cwd: root, encoding: "utf8", maxBuffer: 16 * 2 ** 20 },
    );
    if (result.status !== 0) {
      process.stderr.write(result.stderr);
      console.error(`bench: the run with ${clients} clients failed (exit ${result.status ?? result.signal})`);
      process.exit(1);
    }
    for (const record of result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))) {
      if (record.kind === "sample") {
        notes.push(
          `${fmt(clients)} clients: ${fmt(record.rows)} input rows, sample generated in ${fmt(record.generateMs)} ms`,
        );
      } else if (record.kind === "done") {
        notes.push(`${fmt(clients)} clients: peak RSS ${fmt(record.maxRssMb)} MB (generation included)`);
      } else {
        const { node, vm } = record;
        for (const [where, part] of [
          ["node", node],
          ["vm", vm],
        ]) {
          if (part?.error)
            failures.push(`${fmt(clients)} clients, ${record.action} (${where}): ${part.error}`);
        }
        const nodeOk = node && !node.error;
        const vmOk = vm && !vm.error;
        rows.push([
          fmt(record.clients),
          record.action,
          fmt(record.rows),
          nodeOk ? fmt(node.ms) : "failed",
          nodeOk ? fmt(record.rows / (node.ms / 1000)) : "-",
          nodeOk ? fmt(node.heapGrowthMb, 1) : "-",
          nodeOk ? String(node.portCalls) : "-",
          vmOk ? fmt(vm.ms) : vm ? "failed" : "-",
          vmOk ? String(vm.spreadsheetCalls) : "-",
        ]);
      }
    }
  }
  console.log(
    table(
      ["clients", "action", "rows", "node ms", "rows/s", "heap +MB", "port calls", "vm ms", "sheet calls"],
      rows,
    ),
  );
  console.log(notes.map((n) => `  ${n}`).join("\n"));
  console.log(
    "  node: MemoryWorkbook through the CLI's action table; heap +MB: heap growth during the action (no GC forced);\n" +
      `  vm (${vmSizes.length === 0 ? "not run" : `${vmSizes.map((n) => fmt(n)).join(", ")} clients; --vm-sizes for more`}): ` +
      "dist/Code.js menu handler in node:vm with the fakes of test/gas; sheet calls: Spreadsheet/Sheet/Range calls.",
  );
  console.log(`  total ${fmt((performance.now() - started) / 1000, 1)} s`);
  if (failures.length > 0) {
    console.error(
      `\nbench: ${failures.length} run${failures.length === 1 ? "" : "s"} failed:\n  ${failures.join("\n  ")}`,
    );
    process.exitCode = 1;
  }
}

const args = process.argv.slice(2);
if (args[0] === "--child") await child(Number(args[1]), args[2] === "vm");
else await parent(sizesFromArgs(args, "--sizes", [1000, 20000]), sizesFromArgs(args, "--vm-sizes", [1000]));
