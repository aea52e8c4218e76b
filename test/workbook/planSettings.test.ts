import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultSettings, findSetting, validateSettingText } from "../../src/workbook/settings";

const read = (key: string, cell: string | number | boolean | null) => {
  const def = findSetting(key);
  if (!def) throw new Error(key);
  return def.read(cell, { dateOrder: "YMD" });
};

describe("the schedule, collection and tier review settings", () => {
  it("leave everything as before by default: no capacity, no gap, no review, nobody to tell", () => {
    const settings = defaultSettings();
    expect(settings["contact.capacityPerDay"]).toBeNull();
    expect(settings["contact.minGapDays"]).toBe(0);
    expect(settings["contact.planDays"]).toBe(10);
    expect(settings["contact.channelWeights"]).toEqual({ visit: 3, phone: 1, video: 2, email: 1, online: 1 });
    expect(settings["tier.review"]).toBe(false);
    expect(settings["collection.escalateTo"]).toEqual([]);
    expect(settings["digest.finance"]).toEqual([]);
  });

  it("read channel weights by code or Chinese label, the others keeping 1", () => {
    expect(read("contact.channelWeights", "面访：4，视频=2")).toEqual({
      ok: true,
      value: { visit: 4, phone: 1, video: 2, email: 1, online: 1 },
    });
    expect(read("contact.channelWeights", "visit:3, fax:1")).toMatchObject({
      ok: false,
      problem: { key: "issue.expectedChannelWeights", params: { value: "fax:1" } },
    });
    expect(read("contact.channelWeights", "visit:0")).toMatchObject({ ok: false });
  });

  it("read the review switch in English or Chinese and reject anything else, with a message", () => {
    expect(["on", "ON", "yes", "开", "是", true].map((v) => read("tier.review", v))).toEqual(
      new Array(6).fill({ ok: true, value: true }),
    );
    expect(["off", "否", "关", "", false].map((v) => read("tier.review", v))).toEqual(
      new Array(5).fill({ ok: true, value: false }),
    );
    expect(validateSettingText("tier.review", "maybe", "en")).toEqual({
      ok: false,
      message: "expected on or off",
    });
  });

  it("read a capacity as a whole number of points from 1 to 1000, blank for no limit", () => {
    expect(read("contact.capacityPerDay", "")).toEqual({ ok: true, value: null });
    expect(read("contact.capacityPerDay", 12)).toEqual({ ok: true, value: 12 });
    expect(read("contact.capacityPerDay", "0")).toMatchObject({ ok: false });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
        expect(read("contact.capacityPerDay", String(n))).toEqual({ ok: true, value: n });
      }),
    );
  });
});
