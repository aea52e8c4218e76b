/**
 * The workbook the sidebar tests share (as of Friday 2026-11-27, Chinese headers): 杭州云启科技
 * (C001) is a tier A client two days overdue for its weekly visit, with won deals in seven of the
 * last twelve months, two open deals, a framework contract due for renewal and an overdue
 * instalment; C002 is named like an HTML injection; C003 is inactive. Dates are ISO text in
 * `{ date }` cells so that the same data seeds the in-memory workbook and the Apps Script fakes.
 */
import { parseIsoDate } from "../../src/core/dates";
import type { Cell } from "../../src/ports";

export type IsoCell = string | number | boolean | null | { readonly date: string };
export type IsoSheets = Record<string, IsoCell[][]>;

const d = (iso: string) => ({ date: iso });

export const XSS_NAME = "<img src=x onerror=alert(1)>";

export function sidebarWorkbook(): IsoSheets {
  return {
    设置: [
      ["键", "值", "说明"],
      ["language", "zh-CN", "界面与报表语言"],
      ["timeZone", "Asia/Shanghai", "时区"],
      ["tier.highThreshold", 1000000, "A级门槛"],
      ["contact.A.channel", "面访", "A级渠道"],
      ["report.recipients", "boss@example.com", "月报收件人"],
    ],
    客户: [
      [
        "客户编号",
        "客户名称",
        "行业",
        "区域",
        "负责人",
        "状态",
        "合作起始日期",
        "手工分级",
        "偏好渠道",
        "客户等级",
        "分级依据",
        "近12个月采购额",
        "定级日期",
        "我的备注",
      ],
      [
        "C001",
        "杭州云启科技有限公司",
        "制造业",
        "华东",
        "li.ming@example.com",
        "活跃",
        d("2021-03-01"),
        "",
        "",
        "A",
        "近12个月采购额 ¥1,240,000 ≥ ¥1,000,000 → A",
        1240000,
        d("2026-10-01"),
        "重点客户",
      ],
      [
        "C002",
        XSS_NAME,
        "零售",
        "华南",
        "wang.fang@example.com",
        "",
        "",
        "",
        "电话",
        "B",
        "近12个月采购额 ¥320,000 ≥ ¥200,000 → B",
        320000,
        d("2026-07-01"),
        "",
      ],
      ["C003", "宁波远航贸易", "物流", "华东", "li.ming@example.com", "停用", "", "", "", "C", "", 0, "", ""],
    ],
    商机: [
      ["商机编号", "客户编号", "商机名称", "阶段", "金额", "赢率", "预计成交日期", "成交日期"],
      ["D001", "C001", "一期产线改造", "赢单", 180000, "", "", d("2026-01-20")],
      ["D002", "C001", "质检系统", "赢单", 260000, "", "", d("2026-03-15")],
      ["D003", "C001", "备件框架采购", "赢单", 150000, "", "", d("2026-05-28")],
      ["D004", "C001", "仓储自动化", "赢单", 320000, "", "", d("2026-07-10")],
      ["D005", "C001", "培训服务", "赢单", 210000, "", "", d("2026-09-05")],
      ["D006", "C001", "数据看板", "赢单", 120000, "", "", d("2026-11-12")],
      ["D007", "C001", "试点项目", "赢单", 50000, "", "", d("2025-12-10")],
      ["D008", "C001", "早期采购", "赢单", 90000, "", "", d("2025-11-20")],
      ["D010", "C001", "二期产线数字化改造", "商务谈判", 680000, "", d("2026-12-20"), ""],
      ["D011", "C001", "年度运维服务", "方案报价", 240000, "50%", d("2027-01-15"), ""],
      ["D012", "C001", "海外工厂项目", "输单", 400000, "", "", d("2026-08-01")],
      ["D020", "C002", "门店系统", "赢单", 320000, "", "", d("2026-06-18")],
    ],
    合同: [
      ["合同编号", "客户编号", "合同名称", "合同金额", "状态", "签订日期", "开始日期", "结束日期"],
      [
        "K001",
        "C001",
        "2024年度框架协议",
        1500000,
        "履行中",
        d("2023-12-20"),
        d("2024-01-01"),
        d("2026-12-31"),
      ],
      [
        "K002",
        "C001",
        "MES系统实施合同",
        800000,
        "已签订",
        d("2026-02-20"),
        d("2026-03-01"),
        d("2027-02-28"),
      ],
      [
        "K003",
        "C001",
        "2022年度框架协议",
        900000,
        "已到期",
        d("2021-12-15"),
        d("2022-01-01"),
        d("2023-12-31"),
      ],
    ],
    回款: [
      ["合同编号", "应收日期", "应收金额", "实收日期", "实收金额"],
      ["K001", d("2026-10-15"), 300000, d("2026-10-20"), 100000],
      ["K002", d("2026-06-30"), 400000, d("2026-06-28"), 400000],
      ["K002", d("2026-12-15"), 400000, "", ""],
    ],
    沟通记录: [
      ["日期", "客户编号", "负责人", "渠道", "是否回应", "满意度", "纪要"],
      [d("2026-10-20"), "C001", "li.ming@example.com", "面访", "是", 4, "季度业务回顾"],
      [d("2026-10-28"), "C001", "li.ming@example.com", "邮件", "否", "", "发送二期方案初稿"],
      [d("2026-11-05"), "C001", "li.ming@example.com", "电话", "是", 4, "电话沟通报价细节"],
      [d("2026-11-18"), "C001", "li.ming@example.com", "面访", "是", 5, "拜访生产总监，确认二期需求范围"],
      [d("2026-11-02"), "C003", "li.ming@example.com", "邮件", "", "", ""],
    ],
    分级记录: [
      ["日期", "客户编号", "原等级", "新等级", "原因", "执行人"],
      [d("2025-04-01"), "C001", "", "C", "近12个月采购额 ¥150,000 < ¥200,000 → C", "trigger"],
      [d("2025-07-01"), "C001", "C", "B", "近12个月采购额 ¥420,000 ≥ ¥200,000 → B", "trigger"],
      [d("2026-07-01"), "C002", "", "B", "近12个月采购额 ¥320,000 ≥ ¥200,000 → B", "trigger"],
      [d("2026-10-01"), "C001", "B", "A", "近12个月采购额 ¥1,240,000 ≥ ¥1,000,000 → A", "trigger"],
    ],
  };
}

/** The same sheets as the in-memory workbook's cells (ISO dates become CalDates). */
export function memoryCells(sheets: IsoSheets): Record<string, Cell[][]> {
  const out: Record<string, Cell[][]> = {};
  for (const [name, rows] of Object.entries(sheets)) {
    out[name] = rows.map((row) =>
      row.map((cell): Cell => {
        if (cell === null || typeof cell !== "object") return cell;
        const date = parseIsoDate(cell.date);
        if (date === null) throw new Error(`not a date: ${cell.date}`);
        return { date };
      }),
    );
  }
  return out;
}
