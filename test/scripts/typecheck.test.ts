/** `npm run typecheck` (scripts/typecheck.mjs): a config that checks nothing is a failure. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../scripts/typecheck.mjs");
const dirs: string[] = [];

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "typecheck-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function typecheck(dir: string) {
  const run = spawnSync(process.execPath, [script, dir], { encoding: "utf8" });
  return { code: run.status, out: run.stdout + run.stderr };
}

const config = (include: string) =>
  JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: [include] });

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("typecheck script", () => {
  it("fails a tsconfig whose include matches no file (TS18003), naming it", () => {
    const dir = project({
      "tsconfig.json": config("src/**/*.ts"),
      "src/a.ts": "export const a: number = 1;\n",
      "tsconfig.ui.json": config("ui/**/*.ts"),
    });
    const result = typecheck(dir);
    expect(result.code).toBe(1);
    expect(result.out).toContain("typecheck tsconfig.json: ok");
    expect(result.out).toContain("typecheck tsconfig.ui.json: failed (no input files");
  });
});
