import { test } from "vitest";
import { generateSample } from "/work/main/src/workbook/sample";
import { calDate, addMonths } from "/work/main/src/core/dates";
test("final stats", () => {
  const asOf = calDate(2026, 11, 27);
  const wb = generateSample({ language: "zh-CN", asOf });
  console.log(wb.sheets.map((s) => `${s.table}:${s.rows.length - 1}`).join(" "));
  const get = (k: string) => wb.sheets.find((s) => s.table === k)!.rows.slice(1);
  const from = addMonths(asOf, -12);
  const p12 = new Map<string, number>();
  const stage: Record<string, number> = {};
  for (const d of get("deals")) { stage[d[4] as string] = (stage[d[4] as string] ?? 0) + 1; if ((d[4] === "won" || d[4] === "赢单") && (d[9] as {date:number}).date > from) p12.set(d[1] as string, (p12.get(d[1] as string) ?? 0) + (d[5] as number)); }
  console.log(JSON.stringify(stage));
  const tiers = { A: 0, B: 0, C: 0 };
  const cl = get("clients");
  let changing = 0;
  for (const c of cl) { const p = p12.get(c[0] as string) ?? 0; const t = p >= 1e6 ? "A" : p >= 2e5 ? "B" : "C"; tiers[t]++; if (c[12] && !c[9] && c[12] !== t) changing++; }
  const pays = get("payments");
  const overdue = pays.filter((p) => (p[1] as {date:number}).date < asOf && ((p[4] as number | null) ?? 0) < (p[2] as number));
  const ct = get("contracts");
  const ren = ct.filter((c) => ["active", "signed", "履行中", "已签订"].includes(c[6] as string) && c[9] && (c[9] as {date:number}).date > asOf && (c[9] as {date:number}).date <= asOf + 90);
  console.log(tiers, "overdue", overdue.length, "partial", overdue.filter(p => p[4] !== null).length, "outstanding", overdue.reduce((s,p)=>s+(p[2] as number)-((p[4] as number|null)??0),0), "renewals", ren.length, "tiered", cl.filter(c => c[12]).length, "changing", changing, "inactive", cl.filter(c => c[6] === "inactive" || c[6] === "停用").length);
});
