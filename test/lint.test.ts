/**
 * The linter holds the architecture of style.md: these cases prove the per-folder rules fire
 * (and stay quiet on allowed imports), so a config change cannot silently drop them.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe("the inward dependency rule", () => {
  it("reports an import of gas/ from core/", async () => {
    expect(await ruleIds("src/core/x.ts", 'import { a } from "../gas/main";\nexport const b = a;\n')).toEqual(
      ["no-restricted-imports"],
    );
  });

  it("allows core/ to import core/", async () => {
    expect(await ruleIds("src/core/x.ts", 'import { a } from "./dates";\nexport const b = a;\n')).toEqual([]);
  });

  it("reports packages and Node built-ins in core/", async () => {
    const code = 'import { z } from "zod";\nimport fs from "node:fs";\nexport const b = [z, fs];\n';
    expect(await ruleIds("src/core/x.ts", code)).toEqual(["no-restricted-imports", "no-restricted-imports"]);
  });

  it("reports node/ from gas/ and gas/ from node/", async () => {
    expect(await ruleIds("src/gas/x.ts", 'import { a } from "../node/cli";\nexport const b = a;\n')).toEqual([
      "no-restricted-imports",
    ]);
    expect(await ruleIds("src/node/x.ts", 'import { a } from "../gas/main";\nexport const b = a;\n')).toEqual(
      ["no-restricted-imports"],
    );
  });
});

describe("services and the clock stay outside the pure layers", () => {
  it("reports SpreadsheetApp.getActive() in actions/", async () => {
    const code = "export function f() {\n  return SpreadsheetApp.getActive();\n}\n";
    expect(await ruleIds("src/actions/x.ts", code)).toEqual(["no-restricted-globals"]);
  });

  it("reports new Date() and Date.now() in core/ but not a date built from parts", async () => {
    const code =
      "export const a = new Date();\nexport const b = Date.now();\nexport const c = new Date(2026, 0, 1);\n";
    expect(await ruleIds("src/core/x.ts", code)).toEqual(["no-restricted-syntax", "no-restricted-syntax"]);
  });
});
