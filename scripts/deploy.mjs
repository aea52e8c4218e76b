/**
 * `npm run deploy`: lint, typecheck, test, build, then `clasp push -f`, stopping at the first
 * failure, so nothing reaches Apps Script without passing every check. Refuses to start while
 * .clasp.json still holds the placeholder script ID.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PLACEHOLDER = "REPLACE_WITH_YOUR_SCRIPT_ID";

function scriptId() {
  try {
    return JSON.parse(readFileSync(path.join(root, ".clasp.json"), "utf8")).scriptId;
  } catch (error) {
    console.error(`deploy: cannot read .clasp.json: ${error.message}`);
    process.exit(2);
  }
}

const id = scriptId();
if (typeof id !== "string" || id.trim() === "" || id === PLACEHOLDER) {
  console.error(
    "deploy: .clasp.json has no script ID yet. Either delete .clasp.json and run\n" +
      '  npx clasp create --type sheets --title "Account Desk" --rootDir dist\n' +
      'or paste the ID of an existing Apps Script project into .clasp.json ("scriptId"), then deploy again.\n' +
      "(clasp create refuses to run while .clasp.json exists; see docs/deploy.md.)",
  );
  process.exit(2);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const steps = [
  [npm, ["run", "lint"]],
  [npm, ["run", "typecheck"]],
  [npm, ["test"]],
  [npm, ["run", "build"]],
  [npx, ["clasp", "push", "-f"]],
];

for (const [command, args] of steps) {
  const shown = `${command} ${args.join(" ")}`;
  console.log(`\n> ${shown}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.error) {
    console.error(`deploy: could not run ${shown}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    const pushed = command === npx ? "" : "; nothing was pushed";
    console.error(`deploy: stopped, ${shown} failed (exit ${result.status ?? result.signal})${pushed}.`);
    process.exit(result.status || 1);
  }
}
console.log(`\ndeploy: pushed dist/ to script ${id}`);
