import { test } from "vitest";
import { ACTIONS } from "../../src/node/cli";
import { createNodeEnv } from "../../src/node/env";
import { createWorkbook } from "../../src/node/init";
import { calDate } from "../../src/core/dates";
test("check the sample", () => {
  for (const language of ["zh-CN", "en"] as const) {
    const asOf = calDate(2026, 11, 27);
    const { memory } = createWorkbook(language, { clients: 150, seed: 1, asOf });
    for (const name of ["check", "tiers", "contracts"]) {
      const action = ACTIONS.find((a) => a.name === name)!;
      const env = createNodeEnv(memory, { asOf });
      const result = action.run(env, { asOf, options: {} });
      console.log(language, name, result.issues.length, JSON.stringify(result.issues.slice(0, 8)));
      const data = (result as unknown as { data?: unknown }).data;
      if (data) console.log(JSON.stringify(data).slice(0, 600));
    }
  }
});
