/**
 * Lint rules for Account Desk: typescript-eslint's recommended rules (syntax only, not
 * type-aware, to stay fast) plus the architecture of docs style.md, enforced per folder:
 * dependencies point inward (core ← workbook ← actions ← gas/node), gas/ and node/ never import
 * each other, and the pure layers touch no Apps Script service, no Node API and no clock.
 */
import { builtinModules } from "node:module";
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

/** A relative import into one of the project's top-level folders, e.g. "../gas/main". */
function into(...folders) {
  return `(^|/)(${folders.join("|")})(\\.ts)?(/|$)`;
}

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith("_"));
const INWARD = "style.md: dependencies point inward";

/**
 * no-restricted-imports options. `folders`: project folders this one must not import.
 * `onlyPackages`: the only bare specifiers allowed (no Node built-in either); otherwise
 * `forbidPackages` are refused and, with `noBuiltins`, every Node built-in too.
 */
function imports({ folders, onlyPackages, forbidPackages = [], noBuiltins = false, why }) {
  const patterns = [{ regex: into(...folders), message: `${why} (${INWARD}).` }];
  const paths = forbidPackages.map((name) => ({ name, message: `${why}.` }));
  if (onlyPackages) {
    const allowed = onlyPackages.map((name) => `|${name}(/|$)`).join("");
    patterns.push({ regex: `^(?!\\.${allowed})`, message: `${why}.` });
  }
  if (noBuiltins) {
    patterns.push({ regex: "^node:", message: `${why}.` });
    for (const name of NODE_BUILTINS) paths.push({ name, message: `${why}.` });
  }
  return ["error", { paths, patterns }];
}

const APPS_SCRIPT_GLOBALS = [
  "SpreadsheetApp",
  "MailApp",
  "ScriptApp",
  "PropertiesService",
  "LockService",
  "Session",
  "Utilities",
  "HtmlService",
  "Logger",
  "CacheService",
  "UrlFetchApp",
  "DriveApp",
  "GmailApp",
];
const NODE_GLOBALS = ["process", "require", "Buffer", "__dirname", "__filename", "setTimeout", "setInterval"];
const restrictedGlobals = [
  "error",
  ...APPS_SCRIPT_GLOBALS.map((name) => ({
    name,
    message: `${name} is an Apps Script service: only src/gas/ may use it; go through a port (src/ports.ts).`,
  })),
  ...NODE_GLOBALS.map((name) => ({
    name,
    message: `${name} is Node-only (or timing): only src/node/ may use it; go through a port (src/ports.ts).`,
  })),
];

/** Globals for the build and tool scripts (.js/.mjs run by Node). */
const nodeScriptGlobals = Object.fromEntries(
  [
    "process",
    "console",
    "Buffer",
    "URL",
    "URLSearchParams",
    "TextEncoder",
    "TextDecoder",
    "AbortController",
    "setTimeout",
    "clearTimeout",
    "setInterval",
    "clearInterval",
    "setImmediate",
    "clearImmediate",
    "queueMicrotask",
    "structuredClone",
    "performance",
    "fetch",
    "globalThis",
  ].map((name) => [name, "readonly"]),
);

export default defineConfig(
  globalIgnores(["dist/", ".build/", "out/", "node_modules/", "test-artifacts/", "coverage/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: nodeScriptGlobals },
  },

  // ---- The architecture, folder by folder. ----
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": imports({
        folders: ["workbook", "actions", "gas", "node", "ui", "i18n", "ports"],
        onlyPackages: [],
        why: "core/ imports only core/: no other folder, no package, no Node built-in",
      }),
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "No clock in core/: take today's date as a parameter (style.md).",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "No clock in core/: take the time as a parameter (style.md).",
        },
        {
          selector: "CallExpression[callee.type='Identifier'][callee.name='Date']",
          message: "No clock in core/: Date() reads the clock.",
        },
      ],
    },
  },
  {
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": imports({
        folders: ["actions", "gas", "node", "ui"],
        onlyPackages: ["zod"],
        why: "workbook/ imports only core/, i18n/, ports.ts and the zod package",
      }),
    },
  },
  {
    files: ["src/actions/**/*.ts"],
    rules: {
      "no-restricted-imports": imports({
        folders: ["gas", "node", "ui"],
        onlyPackages: ["zod"],
        why: "actions/ imports only workbook/, core/, i18n/, ports.ts and the zod package",
      }),
    },
  },
  {
    files: ["src/i18n/**/*.ts"],
    rules: {
      "no-restricted-imports": imports({
        folders: ["workbook", "actions", "gas", "node", "ui", "ports"],
        onlyPackages: [],
        why: "i18n/ imports only i18n/ and core/, no package",
      }),
    },
  },
  {
    files: ["src/ports.ts"],
    rules: {
      "no-restricted-imports": imports({
        folders: ["actions", "gas", "node", "ui"],
        onlyPackages: [],
        why: "ports.ts imports no action, adapter or page, and no package",
      }),
    },
  },
  {
    files: ["src/gas/**/*.ts"],
    rules: {
      "no-restricted-imports": imports({
        folders: ["node"],
        forbidPackages: ["exceljs", "playwright-core"],
        noBuiltins: true,
        why: "gas/ runs in Apps Script: no src/node/, no Node built-in, no exceljs or playwright-core",
      }),
    },
  },
  {
    files: ["src/node/**/*.ts"],
    rules: {
      "no-restricted-imports": imports({
        folders: ["gas"],
        why: "node/ never imports src/gas/",
      }),
    },
  },
  {
    files: ["src/ui/**/*.ts"],
    rules: {
      "no-restricted-imports": imports({
        folders: ["gas", "node"],
        forbidPackages: ["exceljs", "playwright-core"],
        noBuiltins: true,
        why: "ui/ runs in the browser: no src/gas/ or src/node/, no Node built-in, no exceljs or playwright-core",
      }),
    },
  },
  {
    files: [
      "src/core/**/*.ts",
      "src/workbook/**/*.ts",
      "src/actions/**/*.ts",
      "src/i18n/**/*.ts",
      "src/ports.ts",
    ],
    rules: { "no-restricted-globals": restrictedGlobals },
  },
);
