/**
 * `npm run demo`: builds out/demo.xlsx from the sample (zh-CN, 150 clients, seed 1, as of
 * 2026-11-27, so every run gives the same workbook), runs every action the command line knows on
 * it, in place, and prints a short summary: rows per table, the data issues, then what each
 * action said. Each action's figures go to out/demo-ACTION.json.
 *
 * A feature adds its action with one line in STEPS; steps the command line does not know yet are
 * skipped. Runs from a fresh clone after `npm ci`: the CLI bundle is built when missing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "out");
const file = path.join(outDir, "demo.xlsx");
const AS_OF = "2026-11-27";
/** The sample's last complete month (the monthly report's): the month before AS_OF. */
const REPORT_MONTH = new Date(Date.UTC(Number(AS_OF.slice(0, 4)), Number(AS_OF.slice(5, 7)) - 2, 1))
  .toISOString()
  .slice(0, 7);
/** Lines of each action's summary shown (the rest are in the workbook and the JSON). */
const LINES_SHOWN = 12;

/** The actions of the demo, in order, with their own options. */
const STEPS = [
  { action: "check", args: [] },
  { action: "tiers", args: [] },
  { action: "schedule", args: ["--ics", path.join(outDir, "ics")], dirs: [path.join(outDir, "ics")] },
  { action: "contracts", args: [] },
  { action: "approvals", args: [] },
  {
    action: "emails",
    args: ["--eml", path.join(outDir, "emails")],
    files: [path.join(outDir, "emails")],
  },
  {
    action: "report",
    json: `report-${REPORT_MONTH}.json`,
    args: ["--month", REPORT_MONTH, "--html", path.join(outDir, `report-${REPORT_MONTH}.html`)],
    files: [path.join(outDir, `report-${REPORT_MONTH}.html`)],
  },
];

const cli = path.join(root, ".build", "cli.mjs");
if (!existsSync(cli)) {
  const { buildCli } = await import(pathToFileURL(path.join(root, "build.mjs")).href);
  await buildCli({ quiet: true });
}
const { main, commandNames } = await import(pathToFileURL(cli).href);

/** Runs one command, keeping what it prints. */
async function run(argv) {
  const out = [];
  const err = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  const lines = (chunks) =>
    chunks
      .join("")
      .split("\n")
      .filter((line) => line !== "");
  return { code, out: lines(out), err: lines(err) };
}

const relative = (p) => path.relative(process.cwd(), p) || p;
mkdirSync(outDir, { recursive: true });
let failed = false;

/** Creates the demo's sample workbook (the same one each time) at `target`. */
const initSample = (target) =>
  run([
    "init",
    target,
    "--sample",
    "--lang",
    "zh-CN",
    "--clients",
    "150",
    "--seed",
    "1",
    "--as-of",
    AS_OF,
    "--force",
  ]);

const init = await initSample(file);
if (init.code !== 0) {
  console.error(init.err.join("\n"));
  process.exit(1);
}
console.log(`Account Desk demo: ${relative(file)} (sample: zh-CN, 150 clients, seed 1, as of ${AS_OF})\n`);
const counts = init.out.find((line) => line.startsWith("Sample"));
if (counts) console.log(`Tables: ${counts.slice(counts.indexOf(": ") + 2)}`);

const known = new Set(commandNames());
const skipped = [];
const files = [relative(file)];
for (const step of STEPS) {
  if (!known.has(step.action)) {
    skipped.push(step.action);
    continue;
  }
  const json = path.join(outDir, step.json ?? `demo-${step.action}.json`);
  const result = await run([step.action, file, "--as-of", AS_OF, "--in-place", "--json", json, ...step.args]);
  files.push(relative(json), ...(step.files ?? []).filter((f) => existsSync(f)).map(relative));
  for (const dir of step.dirs ?? [])
    if (existsSync(dir)) files.push(...readdirSync(dir).map((f) => relative(path.join(dir, f))));
  const said = result.out.filter((line) => !line.startsWith("Wrote "));
  console.log(`\n▶ account-desk ${step.action}${result.code === 2 ? "  (could not run)" : ""}`);
  for (const line of said.slice(0, LINES_SHOWN)) console.log(`  ${line}`);
  if (said.length > LINES_SHOWN) console.log(`  … ${said.length - LINES_SHOWN} more lines`);
  if (step.action === "check") {
    const data = existsSync(json) ? JSON.parse(readFileSync(json, "utf8")) : null;
    if (data)
      console.log(
        `  Rows read: ${Object.entries(data.rows)
          .map(([table, n]) => `${table} ${n}`)
          .join(", ")}`,
      );
  }
  if (step.action === "tiers") {
    const data = existsSync(json) ? JSON.parse(readFileSync(json, "utf8")) : null;
    if (data) {
      const changed = data.clients.filter((c) => c.changed);
      const moves = changed.filter((c) => c.previousTier !== null);
      console.log(
        `  Tier changes: ${changed.length} (${changed.length - moves.length} first tiers, ${moves.length} moves):`,
      );
      for (const c of moves) console.log(`    ${c.clientId} ${c.previousTier} → ${c.tier}  ${c.reason}`);
    }
  }
  if (step.action === "report") {
    const data = existsSync(json) ? JSON.parse(readFileSync(json, "utf8")) : null;
    if (data) {
      const t = data.team;
      const money = (n) =>
        n === null
          ? "—"
          : `¥${n.toLocaleString("en-US", { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;
      const pct = (n) => (n === null ? "—" : `${(Math.round(n * 1000) / 10).toFixed(1)}%`);
      console.log(
        `  ${data.month}: won ${money(t.won)} of ${money(t.target)} (${pct(t.attainment)}), win rate ${pct(t.winRate)}, MoM ${pct(t.momChange)}, YoY ${pct(t.yoyChange)}`,
      );
      console.log(
        `  QTD ${money(t.qtdWon)} / ${money(t.qtdTarget)}, YTD ${money(t.ytdWon)} / ${money(t.ytdTarget)}, coverage ${pct(t.coverage)}`,
      );
      console.log(
        `  collected ${money(data.collected)}, overdue ${money(data.receivablesOverdue.total)} (${data.receivablesOverdue.count}), renewals due ${data.renewalsDue.length}, contact compliance ${pct(data.contactCompliance)}`,
      );
      const under = data.owners
        .filter((o) => o.underperforming)
        .map((o) => `${o.owner} ${pct(o.attainment)}`);
      console.log(`  under-performing owners: ${under.length === 0 ? "none" : under.join(", ")}`);
    }
  }
  const shown = result.err.slice(0, 8);
  for (const line of shown) console.log(`  ${line}`);
  if (result.err.length > shown.length) console.log(`  … ${result.err.length - shown.length} more lines`);
  if (result.code === 2) failed = true;
}
if (known.has("apply-tiers")) await tierReviewDemo();
if (skipped.length > 0) console.log(`\n(not in this build yet: ${skipped.join(", ")})`);
console.log(`\nFiles: ${files.join(", ")}`);
process.exit(failed ? 1 : 0);

/**
 * Tier changes reviewed before they apply (`tier.review` = on): a second copy of the sample,
 * where Recalculate tiers writes Tier proposals, a reviewer approves three and rejects one in the
 * Status column (done here with exceljs, as a person would type it), and apply-tiers applies the
 * approved ones.
 */
async function tierReviewDemo() {
  const reviewFile = path.join(outDir, "demo-review.xlsx");
  const made = await initSample(reviewFile);
  if (made.code !== 0) return;
  const { default: ExcelJS } = await import("exceljs");
  const edit = async (change) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(reviewFile);
    change(book);
    await book.xlsx.writeFile(reviewFile);
  };
  await edit((book) => {
    book.getWorksheet("设置").eachRow((row) => {
      if (row.getCell(1).value === "tier.review") row.getCell(2).value = "on";
    });
  });
  console.log(
    `\n▶ tier.review = on, in ${relative(reviewFile)}: account-desk tiers, a reviewer decides, account-desk apply-tiers`,
  );
  const steps = [["tiers"], ["apply-tiers"]];
  for (const [action] of steps) {
    if (action === "apply-tiers") {
      const decided = [];
      await edit((book) => {
        const sheet = book.getWorksheet("分级提议");
        const headers = sheet.getRow(1).values;
        const status = headers.indexOf("审核状态");
        const client = headers.indexOf("客户编号");
        let n = 0;
        sheet.eachRow((row, number) => {
          if (number === 1 || n >= 4) return;
          const decision = n < 3 ? "批准" : "驳回";
          row.getCell(status).value = decision;
          decided.push(`${row.getCell(client).value} ${decision}`);
          n += 1;
        });
      });
      console.log(`  decided in 分级提议: ${decided.join(", ")}`);
    }
    const json = path.join(outDir, `demo-review-${action}.json`);
    const result = await run([action, reviewFile, "--as-of", AS_OF, "--in-place", "--json", json]);
    files.push(relative(json));
    console.log(`  account-desk ${action}${result.code === 2 ? "  (could not run)" : ""}`);
    const said = result.out.filter((line) => !line.startsWith("Wrote "));
    for (const line of said.slice(0, 6)) console.log(`    ${line}`);
    if (said.length > 6) console.log(`    … ${said.length - 6} more lines`);
    if (result.code === 2) failed = true;
  }
  files.push(relative(reviewFile));
}
