#!/usr/bin/env node
/**
 * The `account-desk` command. Runs the bundled CLI (.build/cli.mjs), rebuilding it first when
 * it is missing or older than any file under src/ or than build.mjs, so a fresh checkout or an
 * edit never runs stale code. The CLI's `main(argv)` resolves to the exit code.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, ".build", "cli.mjs");

/** Newest modification time (ms) of the files under dir, recursively. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!existsSync(cli)) return true;
  const built = statSync(cli).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(root, "src")),
    statSync(path.join(root, "build.mjs")).mtimeMs,
  );
  return sources > built;
}

/** Exits once stdout and stderr have flushed (they are asynchronous when piped on some systems). */
function exit(code) {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

/** A broken contract between this launcher and the CLI bundle: reported without a stack. */
class ContractError extends Error {}

try {
  if (isStale()) {
    const { buildCli } = await import(pathToFileURL(path.join(root, "build.mjs")).href);
    await buildCli({ quiet: true });
  }
  process.setSourceMapsEnabled(true);
  const { main } = await import(pathToFileURL(cli).href);
  if (typeof main !== "function") throw new ContractError(".build/cli.mjs does not export main(argv)");
  const code = await main(process.argv.slice(2));
  if (!Number.isInteger(code))
    throw new ContractError(`main(argv) resolved to ${String(code)}, not an exit code`);
  exit(code);
} catch (error) {
  const message =
    error instanceof ContractError
      ? error.message
      : error?.name === "BuildError"
        ? `build failed: ${error.message}`
        : (error?.stack ?? String(error));
  process.stderr.write(`account-desk: ${message}\n`);
  exit(1);
}
