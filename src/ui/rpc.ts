/**
 * google.script.run as a typed promise: `call("sidebarClientCard")` resolves with what the
 * server function returns and rejects with the Error it threw (its message is already in the
 * workbook language). The names and types come from SidebarServer (src/ui/api.ts), the same
 * interface src/gas/ is checked against.
 */
import type { SidebarServer } from "./api";

type Method = keyof SidebarServer;

/** The part of google.script.run the pages use. */
interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRun } };
  }
}

export function call<M extends Method>(
  name: M,
  ...args: Parameters<SidebarServer[M]>
): Promise<ReturnType<SidebarServer[M]>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new Error("google.script.run is not available outside Google Sheets"));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarServer[M]>))
      .withFailureHandler((error) =>
        reject(
          error instanceof Error
            ? error
            : new Error(String((error as { message?: unknown })?.message ?? error)),
        ),
      ) as unknown as Record<M, (...a: Parameters<SidebarServer[M]>) => void>;
    runner[name](...args);
  });
}
