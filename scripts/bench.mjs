/**
 * `npm run bench`: the speed, memory, spreadsheet calls, e-mail and bundle sizes of Account Desk
 * on generated sample workbooks (zh-CN, seed 1, as of 2026-11-27), each figure beside its goal.
 *
 *   (a) compute from values in memory: each action in its own process, on the 20,000- and the
 *       1,000-client sample whose sheets were read before the clock starts; one warm-up run,
 *       then the median of several; the rows the action read and its rows/s; the process's
 *       peak RSS; the 20k/1k time ratio (linear: ≤ 25).
 *   (b) the command line end to end on the .xlsx (bin/account-desk.mjs): init --sample
 *       --clients 20000, then tiers, schedule, contracts and report with --out; wall time and
 *       peak RSS from /usr/bin/time, a timeout per command reported as such.
 *   (c) Apps Script: spreadsheet calls of each menu action through dist/Code.js in node:vm on
 *       100 and on 2,000 clients.
 *   (d) e-mail bytes of the monthly report's HTML (report --html) at 150, 3,000 and 20,000 clients.
 *   (e) bundle sizes of dist/Code.js and each dist/*.html.
 *
 * Usage: node scripts/bench.mjs [--sections abcde] [--readme]
 *   --readme writes the tables into README.md between the bench markers.
 * scripts/bench-entry.ts is bundled with esbuild to .build/bench.mjs first; samples and CLI
 * files go to .build/bench/.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entryOut = path.join(root, ".build", "bench.mjs");
const work = path.join(root, ".build", "bench");
const AS_OF = "2026-11-27";
const MONTH = "2026-10";

/** The actions of section (a), each with its goal at 20,000 clients (ms). */
const COMPUTE = [
  { action: "tiers", goalMs: 1000 },
  { action: "schedule", goalMs: 1000 },
  { action: "contracts", goalMs: 1000 },
  { action: "report", goalMs: 2000, options: { month: MONTH } },
  { action: "check", goalMs: 2000 },
];
const LARGE = 20000;
const SMALL = 1000;
const RUNS = { [SMALL]: 7, [LARGE]: 3 };
const RATIO_GOAL = 25;

/** Section (b): commands on the 20,000-client file, with their goals. */
const CLI_TIMEOUT_S = 300;
const CLI_GOALS = { initS: 60, actionS: 30, rssMb: 1024 };
const CLI_ACTIONS = [["tiers"], ["schedule"], ["contracts"], ["report", "--month", MONTH]];
const VM_SIZES = [100, 2000];
const MAIL_SIZES = [150, 3000, LARGE];

// ---------------------------------------------------------------------------------------
// Children

async function child(args) {
  const bench = await import(pathToFileURL(entryOut).href);
  const [kind, ...rest] = args;
  if (kind === "generate") {
    const clients = Number(rest[0]);
    const generator = bench.timeGenerator(clients);
    const saved = bench.saveSample(clients, rest[1]);
    emit({ generator, rows: saved.rows, maxRssMb: maxRssMb() });
  } else if (kind === "compute") {
    const [file, action, runs, optionsJson] = rest;
    const options = JSON.parse(optionsJson);
    bench.runAction(bench.prepare(bench.loadSample(file)), action, options); // warm-up
    const results = [];
    let loadedRssMb = 0;
    for (let i = 0; i < Number(runs); i++) {
      globalThis.gc();
      const workbook = bench.prepare(bench.loadSample(file));
      globalThis.gc();
      loadedRssMb = Math.max(loadedRssMb, process.memoryUsage().rss / 2 ** 20);
      results.push(bench.runAction(workbook, action, options));
    }
    emit({ results, loadedRssMb, maxRssMb: maxRssMb() });
  } else if (kind === "vm") {
    const clients = Number(rest[0]);
    const seed = bench.sampleSeed(clients);
    const out = [];
    for (const run of bench.MENU_RUNS) {
      try {
        out.push(bench.runMenu(seed.sheets, run));
      } catch (error) {
        out.push({ handler: run.handler, error: String(error?.message ?? error) });
      }
    }
    emit({ clients, rows: seed.rows, runs: out });
  }
}

function maxRssMb() {
  return process.resourceUsage().maxRSS / 1024;
}

function emit(record) {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

/** Runs this script as a child; returns its one JSON record, or throws with its stderr. */
function runChild(args, nodeArgs = []) {
  const result = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-old-space-size=4096",
      ...nodeArgs,
      fileURLToPath(import.meta.url),
      "--child",
      ...args,
    ],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 2 ** 20 },
  );
  if (result.status !== 0) {
    throw new Error(
      `${args.join(" ")} failed (exit ${result.status ?? result.signal}):\n${result.stderr.trim()}`,
    );
  }
  return JSON.parse(result.stdout.trim().split("\n").at(-1));
}

// ---------------------------------------------------------------------------------------
// Formatting

function fmt(n, digits = 0) {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function seconds(ms) {
  return ms >= 10_000 ? `${fmt(ms / 1000, 0)} s` : ms >= 1000 ? `${fmt(ms / 1000, 1)} s` : `${fmt(ms)} ms`;
}

function mark(ok) {
  return ok ? "✓" : "✗";
}

/** A Markdown table. */
function table(header, rows, align) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  const rule = header.map((_, i) => (align?.[i] === "r" ? "---:" : "---"));
  return [line(header), line(rule), ...rows.map(line)].join("\n");
}

// ---------------------------------------------------------------------------------------
// Sections

function sampleFile(clients) {
  return path.join(work, `sample-${clients}.v8`);
}

function sectionCompute(out) {
  const samples = {};
  for (const clients of [SMALL, LARGE]) {
    const record = runChild(["generate", String(clients), sampleFile(clients)]);
    samples[clients] = record;
  }
  const times = {};
  const rows = [];
  for (const clients of [LARGE, SMALL]) {
    for (const { action, goalMs, options } of COMPUTE) {
      let record;
      try {
        record = runChild([
          "compute",
          sampleFile(clients),
          action,
          String(RUNS[clients]),
          JSON.stringify(options ?? {}),
        ]);
      } catch (error) {
        out.failures.push(`(a) ${action} at ${fmt(clients)} clients: ${error.message}`);
        rows.push([fmt(clients), action, "failed", "", "", "", "", "", ""]);
        continue;
      }
      const ms = median(record.results.map((r) => r.ms));
      const cpuMs = median(record.results.map((r) => r.cpuMs));
      const rowsRead = record.results[0].rowsRead;
      times[`${action}@${clients}`] = ms;
      const large = clients === LARGE;
      const ratio = large ? null : times[`${action}@${LARGE}`] / ms;
      rows.push([
        fmt(clients),
        action,
        seconds(ms),
        seconds(cpuMs),
        large ? `≤ ${seconds(goalMs)} ${mark(ms <= goalMs)}` : "",
        fmt(rowsRead),
        fmt(rowsRead / (ms / 1000)),
        `${fmt(record.loadedRssMb)} → ${fmt(record.maxRssMb)}`,
        ratio === null || !Number.isFinite(ratio) ? "" : `${fmt(ratio, 1)} ${mark(ratio <= RATIO_GOAL)}`,
      ]);
    }
  }
  out.sections.push(
    "### (a) Compute from values in memory\n\n" +
      table(
        [
          "clients",
          "action",
          "median",
          "CPU",
          "goal",
          "rows read",
          "rows/s",
          "RSS MB (loaded → peak)",
          "20k/1k ≤ 25",
        ],
        rows,
        ["r", "l", "r", "r", "l", "r", "r", "r", "r"],
      ) +
      "\n\n" +
      [
        `Each action in its own process: the sample's sheets read before the clock starts (the port's readSheet`,
        `result) and written blocks kept as given, so the figure is the action's own work; one warm-up run, then`,
        `the median of ${RUNS[LARGE]} runs at ${fmt(LARGE)} clients and ${RUNS[SMALL]} at ${fmt(SMALL)}, each on the sample loaded afresh.`,
        `*rows read*: data rows of the sheets the action read; *CPU*: the`,
        `process's CPU time during the run (all threads, garbage collection included) — well below the`,
        `median when other work shares the machine. RSS: after loading the workbook → peak of the process.`,
        `Samples: ${[SMALL, LARGE]
          .map(
            (n) =>
              `${fmt(n)} clients = ${fmt(samples[n].rows)} data rows, generated in ${seconds(samples[n].generator.ms)}`,
          )
          .join("; ")}.`,
      ].join("\n"),
  );
}

/** Runs one command under /usr/bin/time -v with a timeout: wall seconds, peak RSS, exit. */
function timed(args, cwd) {
  const hasTime = existsSync("/usr/bin/time");
  const command = [path.join(root, "bin", "account-desk.mjs"), ...args];
  const started = performance.now();
  const result = hasTime
    ? spawnSync("/usr/bin/time", ["-v", process.execPath, ...command], {
        cwd,
        encoding: "utf8",
        timeout: CLI_TIMEOUT_S * 1000,
        killSignal: "SIGKILL",
        maxBuffer: 64 * 2 ** 20,
      })
    : spawnSync(process.execPath, command, { cwd, encoding: "utf8", timeout: CLI_TIMEOUT_S * 1000 });
  const ms = performance.now() - started;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? "");
  const timedOut =
    result.error?.code === "ETIMEDOUT" || (result.signal === "SIGKILL" && ms >= CLI_TIMEOUT_S * 1000);
  const exit = /Exit status: (\d+)/.exec(result.stderr ?? "");
  const status = exit ? Number(exit[1]) : result.status;
  return {
    ms,
    rssMb: rss ? Number(rss[1]) / 1024 : null,
    timedOut,
    status,
    stderr: (result.stderr ?? "")
      .split("\n")
      .filter((l) => !/^\s+[A-Z].*: /.test(l) && !/Command being timed/.test(l))
      .join("\n"),
  };
}

function cliRow(label, run, goalS, failures) {
  if (run.timedOut) {
    failures.push(`(b) ${label}: no result within ${CLI_TIMEOUT_S} s`);
    return [label, `timeout (> ${CLI_TIMEOUT_S} s)`, `≤ ${goalS} s ✗`, "—", `≤ ${fmt(CLI_GOALS.rssMb)} MB`];
  }
  const ok = run.status === 0 || run.status === 1; // 1: check found issues
  if (!ok)
    failures.push(`(b) ${label}: exit ${run.status}\n${run.stderr.trim().split("\n").slice(-5).join("\n")}`);
  const rssOk = run.rssMb !== null && run.rssMb <= CLI_GOALS.rssMb;
  return [
    label + (ok ? "" : ` (exit ${run.status})`),
    seconds(run.ms),
    `≤ ${goalS} s ${mark(ok && run.ms <= goalS * 1000)}`,
    run.rssMb === null ? "—" : fmt(run.rssMb),
    `≤ ${fmt(CLI_GOALS.rssMb)} MB ${mark(rssOk)}`,
  ];
}

function sectionCli(out, state) {
  const dir = path.join(work, "cli");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = `sample-${LARGE}.xlsx`;
  const rows = [];
  const init = timed(["init", file, "--sample", "--clients", String(LARGE), "--as-of", AS_OF], dir);
  rows.push(cliRow(`init --sample --clients ${LARGE}`, init, CLI_GOALS.initS, out.failures));
  const haveFile = existsSync(path.join(dir, file)) && !init.timedOut && init.status === 0;
  if (haveFile) state.largeXlsx = path.join(dir, file);
  else state.largeFailed = true;
  for (const [action, ...extra] of CLI_ACTIONS) {
    const label = `${action} --out`;
    if (!haveFile) {
      rows.push([label, "not run: no workbook", `≤ ${CLI_GOALS.actionS} s`, "—", ""]);
      continue;
    }
    const run = timed([action, file, "--as-of", AS_OF, ...extra, "--out", `${action}.xlsx`], dir);
    rows.push(cliRow(label, run, CLI_GOALS.actionS, out.failures));
  }
  out.sections.push(
    `### (b) Command line end to end on the .xlsx (${fmt(LARGE)} clients)\n\n` +
      table(["command", "wall", "goal", "peak RSS MB", "goal"], rows, ["l", "r", "l", "r", "l"]) +
      "\n\n" +
      `\`node bin/account-desk.mjs …\` in a fresh process each, \`--as-of ${AS_OF}\`; wall time and peak RSS ` +
      `from /usr/bin/time -v; a command still running after ${CLI_TIMEOUT_S} s is stopped and reported as a timeout.`,
  );
}

function sectionVm(out) {
  const records = VM_SIZES.map((clients) => {
    try {
      return runChild(["vm", String(clients)]);
    } catch (error) {
      out.failures.push(`(c) ${fmt(clients)} clients: ${error.message}`);
      return null;
    }
  });
  if (records.some((r) => r === null)) return;
  const [few, many] = records;
  const rows = few.runs.map((a, i) => {
    const b = many.runs[i];
    if (a.error || b.error) {
      out.failures.push(`(c) ${a.handler}: ${a.error ?? b.error}`);
      return [
        a.handler,
        a.error ? "failed" : String(a.spreadsheetCalls),
        b.error ? "failed" : String(b.spreadsheetCalls),
        "",
        "",
        "",
      ];
    }
    const same = a.spreadsheetCalls - a.gridCalls === b.spreadsheetCalls - b.gridCalls;
    return [
      a.handler,
      String(a.spreadsheetCalls),
      String(b.spreadsheetCalls),
      b.gridCalls > a.gridCalls ? `+${b.gridCalls - a.gridCalls} grid` : "",
      mark(same),
      `${seconds(a.ms)} / ${seconds(b.ms)}`,
    ];
  });
  out.sections.push(
    `### (c) Apps Script: spreadsheet calls per menu action (${fmt(few.rows)} and ${fmt(many.rows)} data rows)\n\n` +
      table(
        [
          "menu action",
          `${fmt(VM_SIZES[0])} clients`,
          `${fmt(VM_SIZES[1])} clients`,
          "difference",
          "same but grid",
          "vm time",
        ],
        rows,
        ["l", "r", "r", "l", "l", "r"],
      ) +
      "\n\n" +
      "dist/Code.js in node:vm with the fakes of test/gas (which refuse writes outside a sheet's grid, as " +
      "Sheets does); calls on Spreadsheet, Sheet and Range objects. *grid*: insertRowsAfter to make room " +
      "for a longer output block, at most one per output sheet. The vm time is the fakes' time, not Sheets'.",
  );
}

function sectionMail(out, state) {
  const dir = path.join(work, "mail");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rows = [];
  for (const clients of MAIL_SIZES) {
    let file = path.join(dir, `sample-${clients}.xlsx`);
    if (clients === LARGE && state.largeXlsx) file = state.largeXlsx;
    else if (clients === LARGE && state.largeFailed) {
      rows.push([fmt(clients), "not run: init failed in (b)", ""]);
      continue;
    } else {
      const init = timed(["init", file, "--sample", "--clients", String(clients), "--as-of", AS_OF], dir);
      if (init.timedOut || init.status !== 0) {
        out.failures.push(
          `(d) init ${fmt(clients)} clients: ${init.timedOut ? "timeout" : `exit ${init.status}`}`,
        );
        rows.push([fmt(clients), "not run: no workbook", ""]);
        continue;
      }
    }
    const html = path.join(dir, `report-${clients}.html`);
    const run = timed(["report", file, "--as-of", AS_OF, "--month", MONTH, "--html", html], dir);
    if (run.timedOut || !existsSync(html)) {
      out.failures.push(
        `(d) report --html ${fmt(clients)} clients: ${run.timedOut ? "timeout" : `exit ${run.status}`}`,
      );
      rows.push([fmt(clients), run.timedOut ? "timeout" : "failed", ""]);
      continue;
    }
    const bytes = statSync(html).size;
    rows.push([fmt(clients), `${fmt(bytes / 1024, 1)} KB`, `< 60 KB ${mark(bytes < 60 * 1024)}`]);
  }
  out.sections.push(
    "### (d) E-mail: the monthly report's HTML\n\n" +
      table(["clients", "bytes", "goal"], rows, ["r", "r", "l"]) +
      "\n\n" +
      `\`report FILE --month ${MONTH} --html FILE\` on the sample of each size; the same HTML as the e-mail body.`,
  );
}

function sectionBundle(out) {
  const dist = path.join(root, "dist");
  if (!existsSync(path.join(dist, "Code.js"))) {
    out.failures.push("(e) dist/Code.js is missing (npm run build)");
    return;
  }
  const files = [
    "Code.js",
    ...readdirSync(dist)
      .filter((f) => f.endsWith(".html"))
      .sort(),
  ];
  const rows = files.map((f) => [`dist/${f}`, `${fmt(statSync(path.join(dist, f)).size / 1024, 1)} KB`]);
  out.sections.push(
    "### (e) Bundle sizes\n\n" +
      table(["file", "size"], rows, ["l", "r"]) +
      "\n\nCode.js minified with function names kept (readable stack traces); each page self-contained.",
  );
}

// ---------------------------------------------------------------------------------------
// Parent

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

function machine() {
  const cpus = os.cpus();
  return (
    `${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown"}), ` +
    `${fmt(os.totalmem() / 2 ** 30, 1)} GB memory, Node ${process.version}, ${os.platform()} ${os.release()}`
  );
}

function load() {
  return os
    .loadavg()
    .map((n) => fmt(n, 1))
    .join(" / ");
}

const BEGIN = "<!-- bench:begin -->";
const END = "<!-- bench:end -->";

function writeReadme(text) {
  const file = path.join(root, "README.md");
  const readme = readFileSync(file, "utf8");
  const at = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (at < 0 || end < at) throw new Error(`README.md has no ${BEGIN} … ${END} markers`);
  writeFileSync(file, `${readme.slice(0, at + BEGIN.length)}\n${text}\n${readme.slice(end)}`);
}

async function parent(args) {
  const at = args.indexOf("--sections");
  const sections = at >= 0 ? String(args[at + 1] ?? "") : "abcde";
  const started = performance.now();
  const loadBefore = load();
  await buildEntry();
  mkdirSync(work, { recursive: true });
  const out = { sections: [], failures: [] };
  const state = {};
  const steps = { a: sectionCompute, b: sectionCli, c: sectionVm, d: sectionMail, e: sectionBundle };
  for (const key of "abcde") {
    if (!sections.includes(key)) continue;
    process.stderr.write(`bench: section (${key}) …\n`);
    steps[key](out, state);
  }
  const header =
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine()}; ` +
    `load average (1 / 5 / 15 min) ${loadBefore} at the start, ${load()} at the end; ` +
    `${fmt((performance.now() - started) / 1000)} s in all.`;
  const text = [header, ...out.sections].join("\n\n");
  console.log(text);
  if (out.failures.length > 0) {
    console.error(
      `\nbench: ${out.failures.length} problem${out.failures.length === 1 ? "" : "s"}:\n  ${out.failures.join("\n  ")}`,
    );
    process.exitCode = 1;
  }
  if (args.includes("--readme")) writeReadme(text);
}

const args = process.argv.slice(2);
if (args[0] === "--child") await child(args.slice(1));
else await parent(args);
