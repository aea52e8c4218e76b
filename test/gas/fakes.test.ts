/**
 * The fakes of test/gas/fakes/services.js, driven through a tiny hand-written bundle: they must
 * behave like the real services where it matters (conversions Sheets applies to written text,
 * exact-size setValues, dates in the spreadsheet's zone across DST, quotas, triggers) and count
 * what the bundle calls.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBundle, type GasHandle, type ResetOptions } from "./harness";

/** A classic script like dist/Code.js: top-level functions using the Apps Script globals. */
const BUNDLE = String.raw`
var counter = 0;
function bump() { counter += 1; return counter; }
function onOpen() {
  var ui = SpreadsheetApp.getUi();
  ui.createMenu("Tools")
    .addItem("Run", "run")
    .addSeparator()
    .addSubMenu(ui.createMenu("More").addItem("Deep", "deep"))
    .addToUi();
}
function sheet(name) { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name || "Data"); }
function write(row, col, values) { sheet().getRange(row, col, values.length, values[0].length).setValues(values); }
function writeRange(a1, values) { sheet().getRange(a1).setValues(values); }
function read(a1) { return sheet().getRange(a1).getValues(); }
function readAll() { return sheet().getDataRange().getValues(); }
function readAndCopy() {
  var values = sheet().getDataRange().getValues();
  sheet().appendRow(["copied", values.length]);
  return values.length;
}
function dateChecks(zone) {
  var cell = sheet().getRange("A1").getValue();
  return {
    isDate: cell instanceof Date,
    iso: cell.toISOString(),
    local: Utilities.formatDate(cell, zone, "yyyy-MM-dd"),
  };
}
function writeDate(text, zone) {
  sheet().getRange("B1").setValue(Utilities.parseDate(text, zone, "yyyy-MM-dd"));
  return sheet().getRange("B1").getValue().toISOString();
}
function format(iso, zone, pattern) { return Utilities.formatDate(new Date(iso), zone, pattern); }
function parse(text, zone, pattern) { return Utilities.parseDate(text, zone, pattern).toISOString(); }
function mail(to) { MailApp.sendEmail({ to: to, subject: "Hello", body: "Plain", htmlBody: "<b>Hi</b>" }); return MailApp.getRemainingDailyQuota(); }
function mailPdf() {
  var pdf = HtmlService.createHtmlOutput("<h1>Report 报告</h1>").getAs(MimeType.PDF).setName("report.pdf");
  MailApp.sendEmail({ to: "boss@example.com", subject: "Report", body: "See attached", attachments: [pdf] });
  return pdf.getDataAsString();
}
function installDaily(handler, hour) {
  return ScriptApp.newTrigger(handler).timeBased().inTimezone("Asia/Shanghai").everyDays(1).atHour(hour).create().getUniqueId();
}
function installMonthly(handler) {
  return ScriptApp.newTrigger(handler).timeBased().onMonthDay(1).atHour(8).create().getUniqueId();
}
function removeAll(handler) {
  var removed = 0;
  ScriptApp.getProjectTriggers().forEach(function (t) {
    if (t.getHandlerFunction() === handler) { ScriptApp.deleteTrigger(t); removed++; }
  });
  return removed;
}
function daily(e) {
  var ui;
  try { SpreadsheetApp.getUi(); ui = "available"; } catch (err) { ui = err.message; }
  return { uid: e.triggerUid, ui: ui, user: Session.getActiveUser().getEmail() };
}
function withLock() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(30000)) return "busy";
  try { return "ran"; } finally { lock.releaseLock(); }
}
function waitForLock() { LockService.getDocumentLock().waitLock(1000); return "ran"; }
function now() { return [new Date().toISOString(), Date.now(), new Date(0).toISOString(), new Date(2026, 0, 2).getDate()]; }
function validate() {
  var rule = SpreadsheetApp.newDataValidation().requireValueInList(["A", "B", "C"], true).setAllowInvalid(false).build();
  sheet().getRange(2, 1, 3, 1).setDataValidation(rule);
  return [rule.getCriteriaType(), rule.getCriteriaValues()];
}
function ask() {
  var ui = SpreadsheetApp.getUi();
  var answer = ui.prompt("Name?", "Who are you?", ui.ButtonSet.OK_CANCEL);
  return [answer.getSelectedButton(), answer.getResponseText(), ui.alert("Sure?", ui.ButtonSet.YES_NO)];
}
function log() {
  console.log("hello", 1);
  Logger.log("n=%s", 2);
  return Logger.getLog();
}
function insert(name) { return SpreadsheetApp.getActiveSpreadsheet().insertSheet(name).getName(); }
function grid(name) { var s = sheet(name); return [s.getMaxRows(), s.getMaxColumns()]; }
function insertRows(after, n) { sheet().insertRowsAfter(after, n); return grid(); }
function insertColumns(after, n) { sheet().insertColumnsAfter(after, n); return grid(); }
function deleteRows(at, n) { sheet().deleteRows(at, n); return grid(); }
function formatAt(row, col, rows, cols, pattern) { sheet().getRange(row, col, rows, cols).setNumberFormat(pattern); }
function paintAt(row, col) { sheet().getRange(row, col, 1, 1).setBackgrounds([["#ff0000"]]); }
function validateAt(a1) {
  var rule = SpreadsheetApp.newDataValidation().requireValueInList(["A"], true).build();
  sheet().getRange(a1).setDataValidation(rule);
}
function append(values) { sheet().appendRow(values); return grid(); }
`;

function load(seed: ResetOptions = { sheets: { Data: [] } }): GasHandle {
  return loadBundle({ bundleCode: BUNDLE, seed });
}

describe("the sandbox", () => {
  it("has only ECMAScript built-ins, Intl, console and the services", () => {
    const h = load();
    const types = h.evaluate(
      `[typeof require, typeof process, typeof setTimeout, typeof setInterval, typeof setImmediate, typeof Buffer,
        typeof URL, typeof URLSearchParams, typeof TextEncoder, typeof TextDecoder, typeof fetch, typeof structuredClone,
        typeof queueMicrotask]`,
    );
    expect(types).toEqual(new Array(13).fill("undefined"));
    expect(
      h.evaluate("[typeof Intl.DateTimeFormat, typeof console.log, typeof SpreadsheetApp, typeof __fake]"),
    ).toEqual(["function", "function", "object", "object"]);
  });

  it("lists the bundle's top-level functions and refuses others like Apps Script", () => {
    const h = load();
    expect(h.functions()).toContain("onOpen");
    expect(h.functions()).not.toContain("SpreadsheetApp");
    expect(() => h.call("nope")).toThrow("Script function not found: nope");
  });

  it("loads the bundle afresh for every call, as Apps Script does", () => {
    const h = load();
    expect(h.call("bump")).toBe(1);
    expect(h.call("bump")).toBe(1);
    const kept = loadBundle({ bundleCode: BUNDLE, freshPerCall: false });
    kept.call("bump");
    expect(kept.call("bump")).toBe(2);
  });

  it("records console and Logger output for the execution log", () => {
    const h = load();
    expect(h.call("log")).toBe("n=2");
    expect(h.fake.logs).toEqual([
      { level: "log", message: "hello 1" },
      { level: "Logger", message: "n=2" },
    ]);
  });

  it("says how to get the bundle when it is missing", () => {
    expect(() => loadBundle({ bundlePath: path.join("/nonexistent", "Code.js") })).toThrow(
      /run npm run build first/,
    );
  });

  it("gives sandbox Dates: instanceof Date holds inside, a host Date is not one", () => {
    const h = load({ sheets: { Data: [[{ date: "2026-10-05" }]] } });
    expect((h.call("dateChecks", "Asia/Shanghai") as { isDate: boolean }).isDate).toBe(true);
    const sandboxDate = h.evaluate("Date") as DateConstructor;
    expect(new Date() instanceof sandboxDate).toBe(false);
    expect(
      h.evaluate("new Date() instanceof Date && Object.getPrototypeOf(new Date(0)) === Date.prototype"),
    ).toBe(true);
  });
});

describe("menus and dialogs", () => {
  it("records the menu as plain nested data", () => {
    const h = load();
    h.call("onOpen");
    expect(h.fake.menus).toEqual([
      {
        title: "Tools",
        items: [
          { caption: "Run", functionName: "run" },
          { separator: true },
          { title: "More", items: [{ caption: "Deep", functionName: "deep" }] },
        ],
      },
    ]);
    expect(h.fake.calls["Ui.createMenu"]).toBe(2);
    expect(h.fake.calls["Menu.addItem"]).toBe(2);
  });

  it("answers prompts and alerts from the scripted queue, else with the first button", () => {
    const h = load();
    h.fake.answers.push({ button: "OK", text: "Ann" });
    expect(h.call("ask")).toEqual(["OK", "Ann", "YES"]);
    expect(h.fake.prompts[0]).toMatchObject({
      title: "Name?",
      message: "Who are you?",
      buttons: "OK_CANCEL",
    });
    expect(h.fake.alerts).toEqual([{ title: "", message: "Sure?", buttons: "YES_NO", answer: "YES" }]);
  });
});

describe("writing cells", () => {
  it("refuses data whose size differs from the range, with Apps Script's messages", () => {
    const h = load();
    expect(() => h.call("writeRange", "A1:B2", [[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => h.call("writeRange", "A1:B2", [[1, 2], [3]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
    expect(h.fake.sheetValues("Data")).toEqual([]);
  });

  it('stores "=1+1" as a formula but "\'=1+1" as text', () => {
    const h = load();
    h.call("write", 1, 1, [["=1+1", "'=1+1"]]);
    expect(h.fake.sheetValues("Data")).toEqual([[{ formula: "=1+1" }, "=1+1"]]);
    expect(h.fake.cell("Data", "A1").type).toBe("formula");
    expect(h.call("read", "A1:B1")).toEqual([["#ERROR!", "=1+1"]]);
  });

  it("converts text the way typing does unless it has an apostrophe or the cell is plain text", () => {
    const h = load();
    h.call("write", 1, 1, [
      ["00123", "'00123", "2026-10-05", "TRUE", "12%", "1,234.5", "#N/A", "-x", " keep "],
    ]);
    expect(h.fake.sheetValues("Data")).toEqual([
      [123, "00123", { date: "2026-10-05" }, true, 0.12, 1234.5, "#N/A", { formula: "=-x" }, " keep "],
    ]);
    expect(h.fake.cell("Data", "G1").type).toBe("error");
    h.evaluate(`SpreadsheetApp.getActive().getSheetByName("Data").getRange("A2").setNumberFormat("@")`);
    h.call("write", 2, 1, [["00123"]]);
    expect(h.fake.cell("Data", "A2")).toMatchObject({ type: "text", value: "00123" });
  });

  it("reads month-day, month-year and locale date forms as dates outside plain-text cells", () => {
    const h = load({ sheets: { Data: [] }, locale: "zh_CN", now: "2026-11-27T00:00:00Z" });
    const awkward = ["May 5", "Jan 2026", "5月5日", "2026年10月", "2026-10-05", "true", "+5", "=A1"];
    h.call("write", 1, 1, [awkward]);
    expect(h.fake.sheetValues("Data")).toEqual([
      [
        { date: "2026-05-05" },
        { date: "2026-01-01" },
        { date: "2026-05-05" },
        { date: "2026-10-01" },
        { date: "2026-10-05" },
        true,
        5,
        { formula: "=A1" },
      ],
    ]);
    h.call("formatAt", 2, 1, 1, awkward.length, "@");
    h.call("write", 2, 1, [awkward]);
    expect(h.fake.sheetValues("Data")[1]).toEqual([...awkward.slice(0, -1), { formula: "=A1" }]);
  });

  it("takes the harmful reading of what plain-text cells leave undocumented: a formula, a kept apostrophe", () => {
    const h = load({ sheets: { Data: [] }, now: "2026-11-27T00:00:00Z" });
    h.call("formatAt", 1, 1, 1, 2, "@");
    h.call("write", 1, 1, [["=1+1", "'May 5"]]);
    expect(h.fake.sheetValues("Data")).toEqual([[{ formula: "=1+1" }, "'May 5"]]);
    h.call("write", 2, 1, [["'=1+1", "'May 5"]]);
    expect(h.fake.sheetValues("Data")[1]).toEqual(["=1+1", "May 5"]);
    h.call("write", 3, 1, [["plain", "May 5"]]);
    expect(h.fake.coercions).toEqual([
      { cell: "Data!A1", written: "=1+1", stored: { formula: "=1+1" } },
      { cell: "Data!B1", written: "'May 5", stored: "'May 5" },
      { cell: "Data!B3", written: "May 5", stored: { date: "2026-05-05" } },
    ]);
  });

  it("reads empty cells as empty strings and error cells as their text", () => {
    const h = load({
      sheets: {
        Data: [
          ["a", null, { formula: "=VLOOKUP(1,X,2)", value: "#N/A" }],
          [1, "#REF!"],
        ],
      },
    });
    expect(h.call("readAll")).toEqual([
      ["a", "", "#N/A"],
      [1, "#REF!", ""],
    ]);
  });

  it("finds sheets ignoring case and refuses a second sheet of the same name", () => {
    const h = load();
    expect(h.call("read", "A1")).toEqual([[""]]);
    expect(h.evaluate(`SpreadsheetApp.getActive().getSheetByName("DATA").getName()`)).toBe("Data");
    expect(() => h.call("insert", "data")).toThrow(
      'A sheet with the name "data" already exists. Please enter another name.',
    );
    expect(h.call("insert", "Other")).toBe("Other");
    expect(h.fake.sheetNames()).toEqual(["Data", "Other"]);
  });

  it("refuses ranges outside the grid as Sheets does; inserted rows and columns make room", () => {
    const h = load();
    const outside = "The coordinates of the range are outside the dimensions of the sheet.";
    expect(h.call("grid")).toEqual([1000, 26]);
    expect(h.call("insert", "New")).toBe("New");
    expect(h.call("grid", "New")).toEqual([1000, 26]);
    expect(() => h.call("write", 1500, 30, [["far"]])).toThrow(outside);
    expect(() => h.call("write", 1000, 1, [["a"], ["b"]])).toThrow(outside);
    expect(() => h.call("write", 1, 26, [["a", "b"]])).toThrow(outside);
    expect(() => h.call("writeRange", "A1000:A1001", [["a"], ["b"]])).toThrow(outside);
    expect(() => h.call("formatAt", 1, 1, 1001, 1, "@")).toThrow(outside);
    expect(() => h.call("paintAt", 1, 27)).toThrow(outside);
    expect(() => h.call("validateAt", "A2:A1001")).toThrow(outside);
    expect(h.fake.sheetValues("Data")).toEqual([]);
    expect(h.call("insertRows", 1000, 500)).toEqual([1500, 26]);
    expect(h.call("insertColumns", 26, 4)).toEqual([1500, 30]);
    h.call("write", 1500, 30, [["far"]]);
    expect(h.fake.cell("Data", "AD1500").value).toBe("far");
    expect(h.call("deleteRows", 1200, 301)).toEqual([1199, 30]);
    expect(() => h.call("deleteRows", 1199, 2)).toThrow("Those rows are out of bounds.");
    expect(h.fake.calls).toMatchObject({
      "Sheet.insertRowsAfter": 1,
      "Sheet.insertColumnsAfter": 1,
      "Sheet.deleteRows": 2,
    });
  });

  it("appendRow adds a row past the last one when the grid is full", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`r${i + 1}`]);
    const h = load({ sheets: { Data: rows } });
    expect(h.call("append", ["next", 2])).toEqual([1001, 26]);
    expect(h.fake.cell("Data", "A1001").value).toBe("next");
  });

  it("enforces list validation that rejects input", () => {
    const h = load();
    expect(h.call("validate")).toEqual(["VALUE_IN_LIST", [["A", "B", "C"], true]]);
    expect(h.fake.sheetState("Data").validations).toEqual([
      {
        a1: "A2:A4",
        type: "VALUE_IN_LIST",
        values: ["A", "B", "C"],
        allowInvalid: false,
        showDropdown: true,
      },
    ]);
    expect(() => h.call("write", 2, 1, [["Z"]])).toThrow("violates the data validation rules");
    h.call("write", 2, 1, [["B"]]);
    expect(h.fake.cell("Data", "A2").value).toBe("B");
  });
});

describe("call counting", () => {
  it("counts each call of the bundle per Class.method, not the fakes' own calls", () => {
    const h = load({ sheets: { Data: [["a"], ["b"]] } });
    expect(h.call("readAndCopy")).toBe(2);
    expect(h.fake.calls).toMatchObject({
      "SpreadsheetApp.getActiveSpreadsheet": 2,
      "Spreadsheet.getSheetByName": 2,
      "Sheet.getDataRange": 1,
      "Range.getValues": 1,
      "Sheet.appendRow": 1,
    });
    expect(h.fake.calls["Range.setValues"]).toBeUndefined();
    expect(h.fake.spreadsheetCalls()).toBe(5);
    h.fake.resetCalls();
    expect(h.fake.spreadsheetCalls()).toBe(0);
    expect(h.fake.sheetValues("Data")).toEqual([
      ["a", null],
      ["b", null],
      ["copied", 2],
    ]);
  });
});

describe("dates and time zones", () => {
  it("stores dates at midnight in the spreadsheet zone and reads them back, Asia/Shanghai", () => {
    const h = load({ timeZone: "Asia/Shanghai", sheets: { Data: [[{ date: "2026-10-05" }]] } });
    expect(h.call("dateChecks", "Asia/Shanghai")).toEqual({
      isDate: true,
      iso: "2026-10-04T16:00:00.000Z",
      local: "2026-10-05",
    });
    expect(h.call("writeDate", "2026-03-08", "Asia/Shanghai")).toBe("2026-03-07T16:00:00.000Z");
    expect(h.fake.sheetValues("Data")).toEqual([[{ date: "2026-10-05" }, { date: "2026-03-08" }]]);
  });

  it.each([
    ["2026-03-07", "2026-03-07T05:00:00.000Z"],
    ["2026-03-08", "2026-03-08T05:00:00.000Z"],
    ["2026-03-09", "2026-03-09T04:00:00.000Z"],
    ["2026-10-31", "2026-10-31T04:00:00.000Z"],
    ["2026-11-01", "2026-11-01T04:00:00.000Z"],
    ["2026-11-02", "2026-11-02T05:00:00.000Z"],
  ])("round-trips %s in America/New_York across DST", (date, instant) => {
    const h = load({ timeZone: "America/New_York", sheets: { Data: [[{ date }]] } });
    expect(h.call("dateChecks", "America/New_York")).toEqual({ isDate: true, iso: instant, local: date });
    expect(h.call("writeDate", date, "America/New_York")).toBe(instant);
    expect(h.fake.sheetValues("Data")).toEqual([[{ date }, { date }]]);
  });

  it("keeps the wall date when a Date is written in another zone's midnight", () => {
    const h = load({ timeZone: "America/New_York", sheets: { Data: [[]] } });
    h.call("writeDate", "2026-11-01", "Asia/Shanghai");
    expect(h.fake.sheetValues("Data")).toEqual([[null, { date: "2026-10-31T12:00:00" }]]);
  });

  it("formats and parses Java patterns correctly in IANA zones", () => {
    const h = load();
    expect(h.call("format", "2026-03-08T07:30:00Z", "America/New_York", "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      "2026-03-08T03:30:00-04:00",
    );
    expect(h.call("format", "2026-11-01T05:30:00Z", "America/New_York", "yyyy-MM-dd HH:mm Z")).toBe(
      "2026-11-01 01:30 -0400",
    );
    expect(h.call("format", "2026-11-01T06:30:00Z", "America/New_York", "yyyy-MM-dd HH:mm Z")).toBe(
      "2026-11-01 01:30 -0500",
    );
    expect(
      h.call("format", "2026-10-04T16:00:00Z", "Asia/Shanghai", "yyyy-MM-dd'T'HH:mm:ss'Z' EEE MMM"),
    ).toBe("2026-10-05T00:00:00Z Mon Oct");
    expect(h.call("parse", "2026-03-08 02:30:00", "America/New_York", "yyyy-MM-dd HH:mm:ss")).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    expect(h.call("parse", "2026-11-01 01:30:00", "America/New_York", "yyyy-MM-dd HH:mm:ss")).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    expect(h.call("parse", "2026-02-30", "Asia/Shanghai", "yyyy-MM-dd")).toBe("2026-03-01T16:00:00.000Z");
    expect(() => h.call("parse", "5 Oct", "Asia/Shanghai", "yyyy-MM-dd")).toThrow(
      'Unparseable date: "5 Oct"',
    );
  });

  it("fixes the clock for new Date() and Date.now() only", () => {
    const h = load();
    h.fake.setNow("2026-11-27T01:00:00Z");
    expect(h.call("now")).toEqual([
      "2026-11-27T01:00:00.000Z",
      Date.parse("2026-11-27T01:00:00Z"),
      "1970-01-01T00:00:00.000Z",
      2,
    ]);
  });
});

describe("mail", () => {
  it("decrements the quota per recipient and refuses mail once it is exhausted", () => {
    const h = load({ mailQuota: 3 });
    expect(h.call("mail", "a@example.com,b@example.com")).toBe(1);
    expect(h.call("mail", "c@example.com")).toBe(0);
    expect(() => h.call("mail", "d@example.com")).toThrow(
      "Service invoked too many times for one day: email.",
    );
    expect(h.fake.outbox.map((m) => m.to)).toEqual(["a@example.com,b@example.com", "c@example.com"]);
    expect(h.fake.outbox[0]).toMatchObject({
      subject: "Hello",
      body: "Plain",
      htmlBody: "<b>Hi</b>",
      attachments: [],
    });
  });

  it("attaches HTML converted to a PDF whose bytes start with %PDF- and embed the HTML", () => {
    const h = load();
    const text = h.call("mailPdf") as string;
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(h.fake.outbox[0].attachments).toEqual([
      { name: "report.pdf", contentType: "application/pdf", size: expect.any(Number), text },
    ]);
    expect(h.fake.outbox[0].attachments[0].text).toContain("<h1>Report 报告</h1>");
  });
});

describe("triggers and locks", () => {
  it("creates, lists and deletes triggers", () => {
    const h = load();
    const uid = h.call("installDaily", "daily", 8) as string;
    h.call("installMonthly", "monthly");
    expect(h.fake.triggers).toEqual([
      {
        uid,
        handler: "daily",
        eventType: "CLOCK",
        source: "CLOCK",
        sourceId: null,
        schedule: { timezone: "Asia/Shanghai", everyDays: 1, atHour: 8 },
      },
      expect.objectContaining({ handler: "monthly", schedule: { onMonthDay: 1, atHour: 8 } }),
    ]);
    expect(h.call("removeAll", "daily")).toBe(1);
    expect(h.fake.triggers.map((t) => t.handler)).toEqual(["monthly"]);
    expect(() => h.call("installDaily", "daily", 24)).toThrow("The hour must be between 0 and 23.");
  });

  it("refuses a 21st trigger", () => {
    const h = load();
    for (let i = 0; i < 20; i++) h.call("installDaily", `h${i}`, 8);
    expect(() => h.call("installDaily", "h20", 8)).toThrow("This script has too many triggers.");
  });

  it("fires a clock trigger with its event and without UI", () => {
    const h = load();
    const uid = h.call("installDaily", "daily", 8);
    expect(h.fireTrigger("daily")).toEqual({
      uid,
      ui: "Cannot call SpreadsheetApp.getUi() from this context.",
      user: "",
    });
    expect(() => h.fireTrigger("monthly")).toThrow("No installed trigger runs monthly");
  });

  it("refuses the lock while another execution holds it", () => {
    const h = load();
    expect(h.call("withLock")).toBe("ran");
    expect(h.fake.locks).toEqual({ acquired: 1, released: 1, refused: 0 });
    h.fake.lockBusy = true;
    expect(h.call("withLock")).toBe("busy");
    expect(() => h.call("waitForLock")).toThrow("Lock timeout");
    expect(h.fake.calls["Lock.tryLock"]).toBe(2);
    expect(h.fake.calls["Lock.waitLock"]).toBe(1);
    expect(h.fake.locks.refused).toBe(2);
    expect(h.fake.lockHeld()).toBe(false);
  });
});
