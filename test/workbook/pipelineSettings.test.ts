import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUNNEL_STAGES } from "../../src/core/funnel";
import {
  defaultSettings,
  findSetting,
  staleLimits,
  validateSettingText,
  type Settings,
} from "../../src/workbook/settings";

const read = (key: string, cell: string | number | boolean | null) => {
  const def = findSetting(key);
  if (!def) throw new Error(key);
  return def.read(cell, { dateOrder: "YMD" });
};

describe("the stale-deal settings", () => {
  it("default to 30 days for every open stage", () => {
    const settings = defaultSettings();
    expect(settings["pipeline.staleDays"]).toBe(30);
    expect(settings["pipeline.staleDaysByStage"]).toEqual({});
    expect(staleLimits(settings)).toEqual({ lead: 30, qualified: 30, proposal: 30, negotiation: 30 });
  });

  it("read limits by stage code or label, the other stages keeping the general limit", () => {
    const byStage = read("pipeline.staleDaysByStage", "方案报价：45，negotiation=20");
    expect(byStage).toEqual({ ok: true, value: { proposal: 45, negotiation: 20 } });
    const settings = {
      ...defaultSettings(),
      "pipeline.staleDays": 14,
      "pipeline.staleDaysByStage": { proposal: 45 },
    };
    expect(staleLimits(settings as Settings)).toEqual({
      lead: 14,
      qualified: 14,
      proposal: 45,
      negotiation: 14,
    });
  });

  it("reject a closed stage, an unknown stage, zero days and text, naming the entry", () => {
    for (const [cell, value] of [
      ["won:10", "won:10"],
      ["proposal:45, fax:3", "fax:3"],
      ["proposal:0", "proposal:0"],
      ["proposal", "proposal"],
    ] as const)
      expect(read("pipeline.staleDaysByStage", cell)).toMatchObject({
        ok: false,
        problem: { key: "issue.expectedStageDays", params: { value } },
      });
    expect(validateSettingText("pipeline.staleDaysByStage", "赢单:10", "zh-CN")).toEqual({
      ok: false,
      message:
        "阶段停滞天数无法识别：赢单:10；应写成 方案报价:45, 商务谈判:20 这样的列表（进行中的阶段，1–3660 天）",
    });
    expect(validateSettingText("pipeline.staleDays", "0", "en")).toMatchObject({ ok: false });
  });

  it("give every open stage a limit, its own when listed, else the general one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3660 }),
        fc.dictionary(fc.constantFrom(...FUNNEL_STAGES), fc.integer({ min: 1, max: 3660 })),
        (general, own) => {
          const text = Object.entries(own)
            .map(([stage, days]) => `${stage}:${days}`)
            .join(", ");
          const parsed = read("pipeline.staleDaysByStage", text);
          expect(parsed.ok).toBe(true);
          const settings = {
            ...defaultSettings(),
            "pipeline.staleDays": general,
            "pipeline.staleDaysByStage": parsed.ok ? parsed.value : {},
          } as Settings;
          const limits = staleLimits(settings);
          for (const stage of FUNNEL_STAGES) expect(limits[stage]).toBe(own[stage] ?? general);
        },
      ),
    );
  });
});
