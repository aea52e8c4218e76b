/** Types of build.mjs, for tests and scripts written in TypeScript. */

export class BuildError extends Error {}

export interface BuildOptions {
  /** Project root; defaults to the folder of build.mjs. */
  root?: string;
  /** No output on success (warnings included). */
  quiet?: boolean;
}

export interface GasBuild {
  /** Size of dist/Code.js in bytes. */
  bytes: number;
  /** Top-level function declarations of dist/Code.js, sorted. */
  functions: string[];
  /** Names returned by referencedHandlerNames() of src/gas/registry.ts, sorted. */
  handlers: string[];
  /** UI pages built into dist/NAME.html. */
  pages: string[];
}

export function buildGas(options?: BuildOptions): Promise<GasBuild>;
export function buildCli(options?: BuildOptions): Promise<{ outfile: string; bytes: number }>;
export function entryExportNames(root: string, entry: string): Promise<string[]>;
export function globalWrappers(names: readonly string[]): string;
export function verifyClassicScript(code: string, fileName?: string): string[];
export function referencedHandlerNames(root: string): Promise<string[]>;
export function buildPages(root: string): Promise<{ name: string; html: string }[]>;
