/**
 * Faithful fakes of the Apps Script services Account Desk uses, evaluated INSIDE a node:vm context
 * by test/gas/harness.ts (plain ES2020, no imports, no require): every Date, Array and Object the
 * bundle sees is the sandbox's own. Defines the globals SpreadsheetApp, Charts, PropertiesService,
 * LockService, MailApp, ScriptApp, Session, Utilities, HtmlService, MimeType, Logger, CacheService,
 * console (recording into __fake.logs) and `__fake`, the control object for tests.
 *
 * What it models (each a behaviour of the real services that tests should be able to catch):
 * - Sheets converts strings written with setValues/setValue/appendRow the way typing does: "=…" is a
 *   formula (value "#ERROR!"), "'…" is text without the apostrophe, "00123" becomes 123, "2026-10-05"
 *   a date at midnight in the spreadsheet zone, "TRUE" a boolean, "#N/A" an error; cells formatted "@"
 *   keep text. Dates are stored as wall time in the spreadsheet zone, as Sheets stores serial numbers.
 * - getValues returns fresh arrays, "" for empty cells, sandbox Dates, formula results, error text.
 * - setValues must match the range exactly (the real messages); rows/columns grow with writes.
 * - Sheet names are unique ignoring case, getSheetByName ignores case; every call on a Spreadsheet,
 *   Sheet or Range object is counted per "Class.method" (calls made by the fakes themselves are not).
 * - The clock: __fake.setNow(iso) makes `new Date()` and `Date.now()` return that instant.
 * - Quotas and limits: mail recipients per day, 20 triggers per script, 10 million cells.
 */
(function (global) {
  "use strict";

  // ------------------------------------------------------------------------------------------------
  // The control object and call counting
  // ------------------------------------------------------------------------------------------------

  const fake = {
    /** Calls per "Class.method". */
    calls: {},
    /** Menus added to the UI, as plain data. */
    menus: [],
    alerts: [],
    prompts: [],
    toasts: [],
    sidebars: [],
    dialogs: [],
    outbox: [],
    /** Logger.log and console.* lines: {level, message}. */
    logs: [],
    /** Things real Apps Script would do silently but a test probably did not mean (host Dates, objects written to cells). */
    warnings: [],
    /**
     * Strings the script wrote that did not land as that text: Sheets read them as a number, a
     * date, a boolean, a formula or an error, or an apostrophe went into a plain-text cell
     * (where Sheets may keep it). {cell: "Sheet!A1", written, stored}.
     */
    coercions: [],
    /** Scripted answers for Ui.alert / Ui.prompt, first in first out: {button, text}. */
    answers: [],
    /** HTML files of the project, by name without ".html" (createHtmlOutputFromFile). */
    htmlFiles: {},
    /** While true, tryLock returns false and waitLock throws. */
    lockBusy: false,
    /** Recipients MailApp may still send to today. */
    mailQuota: 100,
    /** Gmail drafts created through the advanced service: {id, mailbox, to, replyTo, subject, text, html}. */
    drafts: [],
    /** False: the Gmail advanced service is not enabled (the global Gmail is undefined). */
    gmailEnabled: true,
    /** Messages in the effective user's mailbox: {from, at (ISO instant)}; Messages.list searches them. */
    incoming: [],
    /** False: the gmail.readonly scope is not granted (Messages.list and get throw). */
    gmailReadonly: true,
    /** The active user's e-mail (Session.getActiveUser). */
    user: "manager@example.com",
    /** The effective user's e-mail; null: same as user. */
    effectiveUser: null,
    /** Editor add-on rules for triggers (one per type per document, at most hourly). */
    addon: false,
    /** "FULL", "LIMITED" (simple triggers) or "NONE" (add-on not enabled in this document). */
    authMode: "FULL",
    /** False while a time-driven trigger runs: SpreadsheetApp.getUi() then throws. */
    uiAvailable: true,
    /** Lock acquisitions and releases. */
    locks: { acquired: 0, released: 0, refused: 0 },
    /** Total milliseconds passed to Utilities.sleep. */
    slept: 0,
    /**
     * With a fixed clock, milliseconds it moves forward on every service call (0: it stands
     * still), so a test can see how long a run would take and whether it stops in time.
     */
    msPerCall: 0,
    /** Calendars (owner addresses) the user may not read or write: the API answers Not Found. */
    calendarDenied: [],
    /** Calendar.Events insert / patch / remove calls with their calendar, event id and options. */
    calendarLog: [],
  };

  const SPREADSHEET_CLASSES = { Spreadsheet: true, Sheet: true, Range: true, RangeList: true };
  let depth = 0;

  function count(key) {
    fake.calls[key] = (fake.calls[key] || 0) + 1;
  }

  /** Wraps every public method of a class so that calls from outside the fakes are counted. */
  function instrument(cls, className) {
    const proto = cls.prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === "constructor" || name.charAt(0) === "_") continue;
      const desc = Object.getOwnPropertyDescriptor(proto, name);
      if (!desc || typeof desc.value !== "function") continue;
      Object.defineProperty(proto, name, {
        value: counted(className + "." + name, desc.value),
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
  }

  /** The same for a service object (SpreadsheetApp, MailApp, …). */
  function instrumentObject(obj, name) {
    for (const key of Object.keys(obj)) {
      if (typeof obj[key] === "function") obj[key] = counted(name + "." + key, obj[key]);
    }
    return obj;
  }

  function counted(key, impl) {
    return function () {
      if (depth === 0) {
        count(key);
        if (fake.msPerCall > 0 && fakeNow !== null) fakeNow += fake.msPerCall;
      }
      depth++;
      try {
        return impl.apply(this, arguments);
      } finally {
        depth--;
      }
    };
  }

  function warn(message) {
    fake.warnings.push(message);
  }

  function signatureError(method, args) {
    const types = Array.prototype.map.call(args, (a) =>
      a === null || a === undefined
        ? "null"
        : a instanceof RealDate
          ? "Date"
          : Array.isArray(a)
            ? "number[]"
            : typeof a === "object"
              ? "Object"
              : typeof a,
    );
    return new Error(
      "The parameters (" + types.join(",") + ") don't match the method signature for " + method + ".",
    );
  }

  function isInt(n) {
    return typeof n === "number" && Number.isInteger(n);
  }

  const SCOPES = {
    spreadsheet: "https://www.googleapis.com/auth/spreadsheets.currentonly",
    mail: "https://www.googleapis.com/auth/script.send_mail",
    triggers: "https://www.googleapis.com/auth/script.scriptapp",
    email: "https://www.googleapis.com/auth/userinfo.email",
    calendar: "https://www.googleapis.com/auth/calendar.events",
    compose: "https://www.googleapis.com/auth/gmail.compose",
    readonly: "https://www.googleapis.com/auth/gmail.readonly",
  };

  /** Authorisation: NONE allows almost nothing, LIMITED (simple triggers) no service needing consent. */
  function requireAuth(method, scope, limitedOk) {
    if (fake.authMode === "FULL") return;
    if (fake.authMode === "LIMITED" && limitedOk) return;
    throw new Error("You do not have permission to call " + method + ". Required permissions: " + scope);
  }

  // ------------------------------------------------------------------------------------------------
  // The clock: the sandbox's Date, with a settable now
  // ------------------------------------------------------------------------------------------------

  const RealDate = global.Date;
  let fakeNow = null;

  function nowMs() {
    return fakeNow === null ? RealDate.now() : fakeNow;
  }

  function FakeDate() {
    if (!new.target) return new RealDate(nowMs()).toString();
    return Reflect.construct(
      RealDate,
      arguments.length === 0 ? [nowMs()] : Array.prototype.slice.call(arguments),
      new.target,
    );
  }
  FakeDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, "constructor", {
    value: FakeDate,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  Object.defineProperty(FakeDate, "name", { value: "Date" });
  Object.defineProperty(FakeDate, "length", { value: 7 });
  FakeDate.now = function now() {
    return nowMs();
  };
  FakeDate.UTC = RealDate.UTC;
  FakeDate.parse = RealDate.parse;
  global.Date = FakeDate;

  function isDate(value) {
    return value instanceof RealDate;
  }

  // ------------------------------------------------------------------------------------------------
  // Time zones (IANA through the sandbox's Intl; GMT+hh:mm as Java reads it)
  // ------------------------------------------------------------------------------------------------

  const FIXED_ZONE = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i;
  const zoneCache = new Map();

  /** The zone for an id, or null when neither Intl nor Java would know it. */
  function findZone(id) {
    const key = String(id);
    if (zoneCache.has(key)) return zoneCache.get(key);
    let zone = null;
    const m = FIXED_ZONE.exec(key);
    if (m) {
      const minutes = Number(m[2]) * 60 + Number(m[3] || 0);
      zone = { id: key, fixed: (m[1] === "-" ? -1 : 1) * minutes * 60000 };
    } else if (key === "GMT" || key === "UTC" || key === "Etc/UTC" || key === "Etc/GMT") {
      zone = { id: key, fixed: 0 };
    } else if (key !== "") {
      try {
        const fmt = new Intl.DateTimeFormat("en-US", {
          timeZone: key,
          hourCycle: "h23",
          era: "short",
          year: "numeric",
          month: "numeric",
          day: "numeric",
          hour: "numeric",
          minute: "numeric",
          second: "numeric",
        });
        zone = { id: key, fmt: fmt, offsets: new Map(), instants: new Map() };
      } catch (e) {
        zone = null;
      }
    }
    zoneCache.set(key, zone);
    return zone;
  }

  /** Java falls back to GMT for an id it does not know; so do the fakes, with a warning. */
  function zoneOrGmt(id, where) {
    const zone = findZone(id);
    if (zone) return zone;
    warn(where + ": unknown time zone " + JSON.stringify(id) + " read as GMT");
    return findZone("GMT");
  }

  function utcFromParts(year, month, day, hour, minute, second, ms) {
    const d = new RealDate(0);
    d.setUTCFullYear(year, month - 1, day);
    d.setUTCHours(hour || 0, minute || 0, second || 0, ms || 0);
    return d.getTime();
  }

  /** Offset of the zone from UTC at an instant, in ms. */
  function offsetAt(zone, ms) {
    if (zone.fixed !== undefined) return zone.fixed;
    const seconds = Math.floor(ms / 1000) * 1000;
    const cached = zone.offsets.get(seconds);
    if (cached !== undefined) return cached;
    const p = {};
    for (const part of zone.fmt.formatToParts(new RealDate(seconds))) p[part.type] = part.value;
    let year = Number(p.year);
    if (p.era === "BC" || p.era === "B") year = 1 - year;
    const wall = utcFromParts(
      year,
      Number(p.month),
      Number(p.day),
      Number(p.hour) % 24,
      Number(p.minute),
      Number(p.second),
      0,
    );
    const offset = wall - seconds;
    if (zone.offsets.size > 20000) zone.offsets.clear();
    zone.offsets.set(seconds, offset);
    return offset;
  }

  /** Wall time (ms as if UTC) of an instant in a zone. */
  function wallOf(zone, ms) {
    return ms + offsetAt(zone, ms);
  }

  /**
   * The instant of a wall time in a zone. In a gap (spring forward) the wall time is read with the
   * offset before the change (02:30 → 03:30 daylight time), as Java's lenient calendar does; in an
   * overlap the earlier instant wins.
   */
  function instantOf(zone, wall) {
    if (zone.fixed !== undefined) return wall - zone.fixed;
    const cached = zone.instants.get(wall);
    if (cached !== undefined) return cached;
    const before = wall - offsetAt(zone, wall - 86400000);
    const after = wall - offsetAt(zone, wall + 86400000);
    const valid = [before, after].filter((t) => wallOf(zone, t) === wall);
    let result;
    if (valid.length > 0) result = Math.min.apply(null, valid);
    else result = Math.max(before, after);
    if (zone.instants.size > 20000) zone.instants.clear();
    zone.instants.set(wall, result);
    return result;
  }

  function wallParts(wall) {
    const d = new RealDate(wall);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      ms: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
    };
  }

  function pad(n, width) {
    const s = String(Math.abs(n));
    return (n < 0 ? "-" : "") + (s.length >= width ? s : "0".repeat(width - s.length) + s);
  }

  function isoDate(wall) {
    const p = wallParts(wall);
    return pad(p.year, 4) + "-" + pad(p.month, 2) + "-" + pad(p.day, 2);
  }

  function isoDateTime(wall) {
    const p = wallParts(wall);
    const date = isoDate(wall);
    if (p.hour === 0 && p.minute === 0 && p.second === 0 && p.ms === 0) return date;
    return (
      date +
      "T" +
      pad(p.hour, 2) +
      ":" +
      pad(p.minute, 2) +
      ":" +
      pad(p.second, 2) +
      (p.ms ? "." + pad(p.ms, 3) : "")
    );
  }

  /** "2026-10-05" or "2026-10-05T10:30:00" → wall ms; null when not such a text or no such date. */
  function parseIsoWall(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(
      String(text),
    );
    if (!m) return null;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const wall = utcFromParts(
      y,
      mo,
      d,
      Number(m[4] || 0),
      Number(m[5] || 0),
      Number(m[6] || 0),
      Number((m[7] || "0").padEnd(3, "0")),
    );
    const p = wallParts(wall);
    return p.year === y && p.month === mo && p.day === d ? wall : null;
  }

  // ------------------------------------------------------------------------------------------------
  // Java date patterns (Utilities.formatDate / parseDate)
  // ------------------------------------------------------------------------------------------------

  const MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const PATTERN_LETTERS = "GyYMLwWDdFEuaHkKhmsSzZX";
  const SHORT_ZONE_NAMES = {
    "Asia/Shanghai": "CST",
    "Asia/Chongqing": "CST",
    "Asia/Harbin": "CST",
    "Asia/Taipei": "CST",
    "Asia/Hong_Kong": "HKT",
    "Asia/Tokyo": "JST",
    "Asia/Singapore": "SGT",
  };

  function tokenizePattern(pattern) {
    const out = [];
    let i = 0;
    while (i < pattern.length) {
      const ch = pattern.charAt(i);
      if (ch === "'") {
        if (pattern.charAt(i + 1) === "'") {
          out.push({ lit: "'" });
          i += 2;
          continue;
        }
        let j = i + 1;
        let text = "";
        for (;;) {
          if (j >= pattern.length) throw new Error("Unterminated quote in date pattern: " + pattern);
          if (pattern.charAt(j) === "'") {
            if (pattern.charAt(j + 1) === "'") {
              text += "'";
              j += 2;
              continue;
            }
            break;
          }
          text += pattern.charAt(j);
          j++;
        }
        out.push({ lit: text });
        i = j + 1;
        continue;
      }
      if (/[A-Za-z]/.test(ch)) {
        if (PATTERN_LETTERS.indexOf(ch) < 0) throw new Error("Illegal pattern character '" + ch + "'");
        let j = i;
        while (pattern.charAt(j) === ch) j++;
        out.push({ field: ch, n: j - i });
        i = j;
        continue;
      }
      out.push({ lit: ch });
      i++;
    }
    return out;
  }

  function offsetText(offset, style) {
    const sign = offset < 0 ? "-" : "+";
    const minutes = Math.abs(Math.round(offset / 60000));
    const hh = pad(Math.floor(minutes / 60), 2);
    const mm = pad(minutes % 60, 2);
    if (style === "Z") return sign + hh + mm;
    if (style === "X1") return offset === 0 ? "Z" : sign + hh + (minutes % 60 ? mm : "");
    if (style === "X2") return offset === 0 ? "Z" : sign + hh + mm;
    if (style === "X3") return offset === 0 ? "Z" : sign + hh + ":" + mm;
    return "GMT" + sign + hh + ":" + mm;
  }

  function zoneName(zone, ms, long) {
    if (zone.fixed !== undefined) return offsetText(zone.fixed, "GMT");
    if (!long && SHORT_ZONE_NAMES[zone.id]) return SHORT_ZONE_NAMES[zone.id];
    const f = new Intl.DateTimeFormat("en-US", { timeZone: zone.id, timeZoneName: long ? "long" : "short" });
    const part = f.formatToParts(new RealDate(ms)).find((p) => p.type === "timeZoneName");
    const name = part ? part.value : "GMT";
    return /^GMT[+-]/.test(name) || name === "GMT" ? offsetText(offsetAt(zone, ms), "GMT") : name;
  }

  function formatPattern(ms, zone, pattern) {
    const offset = offsetAt(zone, ms);
    const wall = ms + offset;
    const p = wallParts(wall);
    const yearStart = utcFromParts(p.year, 1, 1);
    const dayOfYear = Math.floor((utcFromParts(p.year, p.month, p.day) - yearStart) / 86400000) + 1;
    const jan1 = new RealDate(yearStart).getUTCDay();
    let out = "";
    for (const t of tokenizePattern(pattern)) {
      if (t.lit !== undefined) {
        out += t.lit;
        continue;
      }
      const n = t.n;
      switch (t.field) {
        case "G":
          out += p.year > 0 ? "AD" : "BC";
          break;
        case "y":
        case "Y":
          out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
          break;
        case "M":
        case "L":
          out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
          break;
        case "w":
          out += pad(Math.floor((dayOfYear - 1 + jan1) / 7) + 1, n);
          break;
        case "W":
          out += pad(
            Math.floor((p.day - 1 + new RealDate(utcFromParts(p.year, p.month, 1)).getUTCDay()) / 7) + 1,
            n,
          );
          break;
        case "D":
          out += pad(dayOfYear, n);
          break;
        case "d":
          out += pad(p.day, n);
          break;
        case "F":
          out += pad(Math.floor((p.day - 1) / 7) + 1, n);
          break;
        case "E":
          out += n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
          break;
        case "u":
          out += pad(p.weekday === 0 ? 7 : p.weekday, n);
          break;
        case "a":
          out += p.hour < 12 ? "AM" : "PM";
          break;
        case "H":
          out += pad(p.hour, n);
          break;
        case "k":
          out += pad(p.hour === 0 ? 24 : p.hour, n);
          break;
        case "K":
          out += pad(p.hour % 12, n);
          break;
        case "h":
          out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
          break;
        case "m":
          out += pad(p.minute, n);
          break;
        case "s":
          out += pad(p.second, n);
          break;
        case "S":
          out += pad(p.ms, n);
          break;
        case "z":
          out += zoneName(zone, ms, n >= 4);
          break;
        case "Z":
          out += offsetText(offset, "Z");
          break;
        case "X":
          out += offsetText(offset, n === 1 ? "X1" : n === 2 ? "X2" : "X3");
          break;
      }
    }
    return out;
  }

  /**
   * Java's lenient SimpleDateFormat.parse: numeric fields take as many digits as they find (their
   * width when the next token is numeric too), out-of-range fields roll over (2026-02-30 → March 2),
   * text after the pattern is ignored, and missing fields default to 1970-01-01 00:00:00.
   */
  function parsePattern(text, zone, pattern) {
    const tokens = tokenizePattern(pattern);
    const f = {
      year: 1970,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      ms: 0,
      pm: null,
      h12: false,
      offset: null,
    };
    let pos = 0;
    const fail = () => new Error('Unparseable date: "' + text + '"');
    const numericField = (t) =>
      t &&
      t.field !== undefined &&
      !(("ME".indexOf(t.field) >= 0 && t.n >= 3) || "aGzZX".indexOf(t.field) >= 0);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.lit !== undefined) {
        if (text.substr(pos, t.lit.length) !== t.lit) throw fail();
        pos += t.lit.length;
        continue;
      }
      if (t.field === "M" && t.n >= 3) {
        const rest = text.slice(pos).toLowerCase();
        const index = MONTHS.findIndex((m) => rest.startsWith(m.toLowerCase()));
        const short = index >= 0 ? -1 : MONTHS.findIndex((m) => rest.startsWith(m.slice(0, 3).toLowerCase()));
        if (index < 0 && short < 0) throw fail();
        f.month = (index >= 0 ? index : short) + 1;
        pos += index >= 0 ? MONTHS[index].length : 3;
        continue;
      }
      if (t.field === "E") {
        const rest = text.slice(pos).toLowerCase();
        const index = DAYS.findIndex((d) => rest.startsWith(d.toLowerCase()));
        const short = index >= 0 ? -1 : DAYS.findIndex((d) => rest.startsWith(d.slice(0, 3).toLowerCase()));
        if (index < 0 && short < 0) throw fail();
        pos += index >= 0 ? DAYS[index].length : 3;
        continue;
      }
      if (t.field === "a") {
        const rest = text.slice(pos).toUpperCase();
        if (rest.startsWith("AM")) f.pm = false;
        else if (rest.startsWith("PM")) f.pm = true;
        else throw fail();
        pos += 2;
        continue;
      }
      if (t.field === "Z" || t.field === "X" || t.field === "z") {
        const rest = text.slice(pos);
        const m = /^(?:Z|(?:GMT)?([+-])(\d{2}):?(\d{2})?)/.exec(rest);
        if (!m) throw fail();
        f.offset =
          m[0] === "Z" ? 0 : (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] || 0)) * 60000;
        pos += m[0].length;
        continue;
      }
      if (t.field === "G") {
        const rest = text.slice(pos);
        if (!/^(AD|BC)/.test(rest)) throw fail();
        pos += 2;
        continue;
      }
      const fixedWidth = numericField(tokens[i + 1]);
      let m;
      if (fixedWidth) m = new RegExp("^-?\\d{1," + t.n + "}").exec(text.slice(pos));
      else m = /^-?\d+/.exec(text.slice(pos));
      if (!m) throw fail();
      let value = Number(m[0]);
      pos += m[0].length;
      switch (t.field) {
        case "y":
        case "Y":
          if (t.n <= 2 && m[0].length <= 2) {
            const pivot = new RealDate(nowMs()).getUTCFullYear() - 80;
            value += Math.floor(pivot / 100) * 100;
            if (value < pivot) value += 100;
          }
          f.year = value;
          break;
        case "M":
        case "L":
          f.month = value;
          break;
        case "d":
          f.day = value;
          break;
        case "D":
          f.month = 1;
          f.day = value;
          break;
        case "H":
          f.hour = value;
          break;
        case "k":
          f.hour = value === 24 ? 0 : value;
          break;
        case "h":
          f.hour = value === 12 ? 0 : value;
          f.h12 = true;
          break;
        case "K":
          f.hour = value;
          f.h12 = true;
          break;
        case "m":
          f.minute = value;
          break;
        case "s":
          f.second = value;
          break;
        case "S":
          f.ms = value;
          break;
        default:
          break;
      }
    }
    if (f.pm) f.hour += 12;
    const wall = utcFromParts(f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms);
    return f.offset !== null ? wall - f.offset : instantOf(zone, wall);
  }

  // ------------------------------------------------------------------------------------------------
  // Bytes: UTF-8, base64 (Apps Script byte arrays hold signed values -128..127)
  // ------------------------------------------------------------------------------------------------

  function utf8Encode(text) {
    const out = [];
    for (const ch of String(text)) {
      const cp = ch.codePointAt(0);
      if (cp < 0x80) out.push(cp);
      else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
      else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
      else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    }
    return out;
  }

  function utf8Decode(bytes) {
    let out = "";
    for (let i = 0; i < bytes.length;) {
      const b = bytes[i] & 0xff;
      let cp;
      let extra;
      if (b < 0x80) {
        cp = b;
        extra = 0;
      } else if (b >= 0xc0 && b < 0xe0) {
        cp = b & 31;
        extra = 1;
      } else if (b >= 0xe0 && b < 0xf0) {
        cp = b & 15;
        extra = 2;
      } else if (b >= 0xf0 && b < 0xf8) {
        cp = b & 7;
        extra = 3;
      } else {
        out += "\ufffd";
        i++;
        continue;
      }
      let ok = i + extra < bytes.length;
      for (let k = 1; ok && k <= extra; k++) {
        const c = bytes[i + k] & 0xff;
        if ((c & 0xc0) !== 0x80) ok = false;
        else cp = (cp << 6) | (c & 63);
      }
      if (!ok) {
        out += "\ufffd";
        i++;
        continue;
      }
      out += String.fromCodePoint(cp);
      i += extra + 1;
    }
    return out;
  }

  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  function base64Encode(bytes, webSafe) {
    let out = "";
    for (let i = 0; i < bytes.length; i += 3) {
      const a = bytes[i] & 0xff;
      const b = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
      const c = i + 2 < bytes.length ? bytes[i + 2] & 0xff : 0;
      const n = (a << 16) | (b << 8) | c;
      out += B64.charAt((n >> 18) & 63) + B64.charAt((n >> 12) & 63);
      out += i + 1 < bytes.length ? B64.charAt((n >> 6) & 63) : "=";
      out += i + 2 < bytes.length ? B64.charAt(n & 63) : "=";
    }
    return webSafe ? out.replace(/\+/g, "-").replace(/\//g, "_") : out;
  }

  function base64Decode(text) {
    const clean = String(text).replace(/-/g, "+").replace(/_/g, "/").replace(/[\s=]/g, "");
    if (/[^A-Za-z0-9+/]/.test(clean)) throw new Error("Invalid argument: base64 string");
    const out = [];
    let bits = 0;
    let acc = 0;
    for (const ch of clean) {
      acc = (acc << 6) | B64.indexOf(ch);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.push((acc >> bits) & 0xff);
      }
    }
    return out;
  }

  function signed(bytes) {
    return bytes.map((b) => ((b & 0xff) << 24) >> 24);
  }

  function bytesOf(data, where) {
    if (typeof data === "string") return utf8Encode(data);
    if (Array.isArray(data)) return data.map((b) => b & 0xff);
    if (data && typeof data.getBytes === "function") return data.getBytes().map((b) => b & 0xff);
    throw signatureError(where, [data]);
  }

  // ------------------------------------------------------------------------------------------------
  // The spreadsheet model: sheets of cells; a cell holds content {t, v, f} and formatting
  // t: "s" text, "n" number, "b" boolean, "d" date (v = wall ms in the spreadsheet zone), "e" error text
  // f: the formula, when the content is a formula's result
  // ------------------------------------------------------------------------------------------------

  const DEFAULTS = {
    background: "#ffffff",
    fontColor: "#000000",
    fontWeight: "normal",
    fontStyle: "normal",
    fontSize: 10,
    fontFamily: "Arial",
    numberFormat: "0.###############",
    horizontalAlignment: "general",
    verticalAlignment: "bottom",
    wrap: true,
    columnWidth: 100,
    rowHeight: 21,
  };
  const MAX_CELLS = 10000000;
  const ERROR_LITERAL = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/i;
  const NAMED_COLORS = {
    white: "#ffffff",
    black: "#000000",
    red: "#ff0000",
    green: "#008000",
    blue: "#0000ff",
    yellow: "#ffff00",
    gray: "#808080",
    grey: "#808080",
    orange: "#ffa500",
    purple: "#800080",
  };

  let book = null;

  function bookZone() {
    return zoneOrGmt(book.timeZone, "spreadsheet time zone");
  }

  function newSheetData(name) {
    return {
      name: name,
      id: book.nextSheetId++,
      rows: [],
      maxRows: 1000,
      maxCols: 26,
      frozenRows: 0,
      frozenCols: 0,
      charts: [],
      columnWidths: {},
      rowHeights: {},
      hiddenColumns: {},
      tabColor: null,
      hidden: false,
      merges: [],
      deleted: false,
    };
  }

  function cellAt(sd, r, c) {
    const row = sd.rows[r - 1];
    return row ? row[c - 1] : undefined;
  }

  function cellFor(sd, r, c) {
    let row = sd.rows[r - 1];
    if (!row) {
      row = [];
      sd.rows[r - 1] = row;
    }
    let cell = row[c - 1];
    if (!cell) {
      cell = newCell();
      row[c - 1] = cell;
    }
    return cell;
  }

  /** Every cell has the same shape (fast property access for grids of thousands of cells). */
  function newCell() {
    return {
      t: undefined,
      v: undefined,
      f: undefined,
      note: undefined,
      bg: undefined,
      fw: undefined,
      fc: undefined,
      fs: undefined,
      fz: undefined,
      ff: undefined,
      nf: undefined,
      dv: undefined,
      wrap: undefined,
      ha: undefined,
      va: undefined,
    };
  }

  function hasContent(cell) {
    return cell !== undefined && cell.t !== undefined;
  }

  function totalCells() {
    return book.sheets.reduce((sum, s) => sum + s.maxRows * s.maxCols, 0);
  }

  const OUTSIDE_GRID = "The coordinates of the range are outside the dimensions of the sheet.";

  /**
   * A range of the sheet's grid. Like Sheets, a range past the grid (a new sheet is 1,000 rows ×
   * 26 columns) throws: only insertRows…/insertColumns… (and appendRow) make the grid larger.
   */
  function gridRange(sd, r, c, nr, nc) {
    if (r + nr - 1 > sd.maxRows || c + nc - 1 > sd.maxCols) throw new Error(OUTSIDE_GRID);
    return new Range(sd, r, c, nr, nc);
  }

  /** Makes the grid at least lastRow × lastCol (inserting rows/columns, appendRow), within the cell limit. */
  function grow(sd, lastRow, lastCol) {
    const rows = Math.max(sd.maxRows, lastRow);
    const cols = Math.max(sd.maxCols, lastCol);
    if (rows === sd.maxRows && cols === sd.maxCols) return;
    const added = rows * cols - sd.maxRows * sd.maxCols;
    if (totalCells() + added > MAX_CELLS) {
      throw new Error(
        "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
      );
    }
    sd.maxRows = rows;
    sd.maxCols = cols;
  }

  function lastRowOf(sd) {
    for (let r = sd.rows.length; r >= 1; r--) {
      const row = sd.rows[r - 1];
      if (row && row.some(hasContent)) return r;
    }
    return 0;
  }

  function lastColOf(sd) {
    let last = 0;
    for (const row of sd.rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) {
        if (hasContent(row[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  function setContent(cell, content) {
    if (content === null) {
      cell.t = undefined;
      cell.v = undefined;
      cell.f = undefined;
      return;
    }
    cell.t = content.t;
    cell.v = content.v;
    cell.f = content.f;
  }

  function jsValue(cell) {
    if (!hasContent(cell)) return "";
    if (cell.t === "d") return new RealDate(instantOf(bookZone(), cell.v));
    return cell.v;
  }

  // ---- A1 notation ----

  function colLetters(n) {
    let s = "";
    while (n > 0) {
      const m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }

  function colNumber(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  }

  function a1Of(r, c, nr, nc) {
    const first = colLetters(c) + r;
    return nr === 1 && nc === 1 ? first : first + ":" + colLetters(c + nc - 1) + (r + nr - 1);
  }

  /** Parses "A1", "A1:C3", "A:A", "2:5", "$A$1", "Sheet!A1"; returns {sheet, r, c, nr, nc}. */
  function parseA1(text, sd) {
    let a1 = String(text).trim();
    let sheetName = null;
    const bang = a1.lastIndexOf("!");
    if (bang >= 0) {
      sheetName = a1
        .slice(0, bang)
        .replace(/^'(.*)'$/, "$1")
        .replace(/''/g, "'");
      a1 = a1.slice(bang + 1);
    }
    a1 = a1.replace(/\$/g, "");
    const part = /^([A-Za-z]*)(\d*)$/;
    const [from, to] = a1.split(":");
    const p1 = part.exec(from || "");
    const p2 = to === undefined ? p1 : part.exec(to);
    if (!p1 || !p2 || (!p1[1] && !p1[2]) || (!p2[1] && !p2[2])) throw new Error("Range not found");
    const maxRows = sd ? sd.maxRows : 1000;
    const maxCols = sd ? sd.maxCols : 26;
    const c1 = p1[1] ? colNumber(p1[1]) : 1;
    const c2 = p2[1] ? colNumber(p2[1]) : maxCols;
    const r1 = p1[2] ? Number(p1[2]) : 1;
    const r2 = p2[2] ? Number(p2[2]) : maxRows;
    if (r1 < 1 || r2 < 1 || c1 < 1 || c2 < 1) throw new Error("Range not found");
    return {
      sheet: sheetName,
      r: Math.min(r1, r2),
      c: Math.min(c1, c2),
      nr: Math.abs(r2 - r1) + 1,
      nc: Math.abs(c2 - c1) + 1,
    };
  }

  // ---- What typing (or setValues) turns a value into ----

  const MONTH_PREFIX = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

  function dateContent(y, mo, d, h, mi, s) {
    const wall = utcFromParts(y, mo, d, h || 0, mi || 0, s || 0, 0);
    const p = wallParts(wall);
    if (p.year !== y || p.month !== mo || p.day !== d || (h || 0) > 23 || (mi || 0) > 59 || (s || 0) > 59)
      return null;
    return { t: "d", v: wall };
  }

  function numberText(text) {
    let t = text.trim();
    let sign = 1;
    const accounting = /^\((.*)\)$/.exec(t);
    if (accounting) {
      t = accounting[1].trim();
      sign = -1;
    }
    const m =
      /^([+-])?\s*([$¥￥€£])?\s*([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\s*(%)?$/.exec(
        t,
      );
    if (!m) return null;
    if (m[1] && m[3]) return null;
    if (m[2] && m[6]) return null;
    if ((m[2] === "€" || m[2] === "£") && !/^(?:de|fr|es|it|nl|pt|en_GB)/.test(book.locale)) return null;
    let n = Number(m[4].replace(/,/g, "") + (m[5] !== undefined ? "e" + m[5] : ""));
    if (!Number.isFinite(n)) return null;
    if (m[1] === "-" || m[3] === "-") n = -n;
    if (m[6]) n = n / 100;
    return sign * n;
  }

  function currentYear() {
    return new RealDate(wallOf(bookZone(), nowMs())).getUTCFullYear();
  }

  /** Content of a string as Sheets parses typed input in the spreadsheet's locale; text otherwise. */
  function parseTyped(text) {
    const trimmed = text.trim();
    if (trimmed === "") return text === "" ? null : { t: "s", v: text };
    if (ERROR_LITERAL.test(trimmed)) return { t: "e", v: trimmed.toUpperCase() };
    if (/^(true|false)$/i.test(trimmed)) return { t: "b", v: trimmed.toLowerCase() === "true" };
    const n = numberText(trimmed);
    if (n !== null) return { t: "n", v: n };
    if (/^[+-]/.test(trimmed)) return { t: "e", v: "#ERROR!", f: "=" + trimmed };
    let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
    if (m)
      return (
        dateContent(
          Number(m[1]),
          Number(m[2]),
          Number(m[3]),
          Number(m[4] || 0),
          Number(m[5] || 0),
          Number(m[6] || 0),
        ) || { t: "s", v: text }
      );
    m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(trimmed);
    if (m && /^(zh|ja)/.test(book.locale))
      return dateContent(Number(m[1]), Number(m[2]), Number(m[3])) || { t: "s", v: text };
    m = /^(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(trimmed);
    if (m && /^(zh|ja)/.test(book.locale))
      return dateContent(currentYear(), Number(m[1]), Number(m[2])) || { t: "s", v: text };
    m = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(trimmed);
    if (m && /^(zh|ja)/.test(book.locale))
      return dateContent(Number(m[1]), Number(m[2]), 1) || { t: "s", v: text };
    m = /^(\d{4})[-/](\d{1,2})$/.exec(trimmed);
    if (m) return dateContent(Number(m[1]), Number(m[2]), 1) || { t: "s", v: text };
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(trimmed);
    if (m && !/^(zh|ja|ko)/.test(book.locale)) {
      let year = Number(m[3]);
      if (m[3].length === 2) year += year < 30 ? 2000 : 1900;
      const monthFirst = book.locale === "en_US" || book.locale === "en";
      const month = Number(monthFirst ? m[1] : m[2]);
      const day = Number(monthFirst ? m[2] : m[1]);
      return dateContent(year, month, day) || { t: "s", v: text };
    }
    m = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(trimmed);
    if (m) {
      const name = m[1].toLowerCase();
      const month = MONTH_PREFIX.indexOf(name.slice(0, 3)) + 1;
      if (month > 0 && MONTHS[month - 1].toLowerCase().startsWith(name)) {
        const date = dateContent(Number(m[2]), month, 1);
        if (date) return date;
      }
    }
    m =
      /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/.exec(trimmed) ||
      /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(trimmed);
    if (m) {
      const dayFirst = /^\d/.test(m[1]);
      const name = (dayFirst ? m[2] : m[1]).toLowerCase();
      const month = MONTH_PREFIX.indexOf(name.slice(0, 3)) + 1;
      const full = MONTHS[month - 1];
      if (month > 0 && full.toLowerCase().startsWith(name)) {
        const day = Number(dayFirst ? m[1] : m[2]);
        const year = m[3] ? Number(m[3]) : currentYear();
        const date = dateContent(year, month, day);
        if (date) return date;
      }
    }
    m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(trimmed);
    if (m) {
      let hour = Number(m[1]);
      if (m[4]) {
        if (hour < 1 || hour > 12) return { t: "s", v: text };
        hour = (hour % 12) + (m[4].toLowerCase() === "pm" ? 12 : 0);
      }
      return dateContent(1899, 12, 30, hour, Number(m[2]), Number(m[3] || 0)) || { t: "s", v: text };
    }
    return { t: "s", v: text };
  }

  /** What a value written by the script becomes in a cell (content, or null for an empty cell). */
  function inputContent(value, cell, where) {
    if (value === null || value === undefined) return null;
    if (typeof value === "boolean") return { t: "b", v: value };
    if (typeof value === "number") {
      if (Number.isFinite(value)) return { t: "n", v: value };
      warn(where + ": wrote " + value + " (stored as #NUM!)");
      return { t: "e", v: "#NUM!" };
    }
    if (isDate(value)) {
      const ms = value.getTime();
      if (Number.isNaN(ms)) {
        warn(where + ": wrote an invalid Date");
        return { t: "s", v: "Invalid Date" };
      }
      return { t: "d", v: wallOf(bookZone(), ms) };
    }
    if (typeof value === "string") {
      if (value.length > 50000)
        throw new Error("Your input contains more than the maximum of 50000 characters in a single cell.");
      const formula = value.length > 1 && value.charAt(0) === "=";
      // A plain-text cell keeps typed text as it is. What it does with a leading "=" or "'" is not
      // documented; the fakes take the harmful reading (a formula; the apostrophe kept in the
      // value), so a script that relies on either fails here.
      if (cell && cell.nf === "@") {
        if (formula) return { t: "e", v: "#ERROR!", f: value };
        return value === "" ? null : { t: "s", v: value };
      }
      if (value.charAt(0) === "'") return value.length === 1 ? null : { t: "s", v: value.slice(1) };
      if (formula) return { t: "e", v: "#ERROR!", f: value };
      return parseTyped(value);
    }
    if (Object.prototype.toString.call(value) === "[object Date]") {
      warn(where + ": wrote a Date from another realm (a host Date leaked into the sandbox); stored as text");
      return { t: "s", v: String(value) };
    }
    warn(where + ": wrote " + Object.prototype.toString.call(value) + " (stored as its text)");
    return { t: "s", v: String(value) };
  }

  /** Records a written string that did not land as that text (see fake.coercions). */
  function noteCoercion(where, written, cell, content) {
    const plain = Boolean(cell && cell.nf === "@");
    const apostrophe = written.charAt(0) === "'";
    const intended = apostrophe && !plain ? written.slice(1) : written;
    const stored = content === null ? "" : content.t === "s" ? content.v : null;
    if (stored === intended && !(plain && apostrophe)) return;
    fake.coercions.push({
      cell: where,
      written: written,
      stored: content === null ? null : storedValue(content),
    });
  }

  /** A seeded value: stored as it is (no parsing); {date}, {formula, value} and error text recognised. */
  function seedContent(value) {
    if (value === null || value === undefined || value === "") return null;
    if (typeof value === "string")
      return ERROR_LITERAL.test(value.trim())
        ? { t: "e", v: value.trim().toUpperCase() }
        : { t: "s", v: value };
    if (typeof value === "number" || typeof value === "boolean")
      return { t: typeof value === "number" ? "n" : "b", v: value };
    if (typeof value === "object" && typeof value.date === "string") {
      const wall = parseIsoWall(value.date);
      if (wall === null) throw new Error("__fake seed: bad date " + JSON.stringify(value.date));
      return { t: "d", v: wall };
    }
    if (typeof value === "object" && typeof value.formula === "string") {
      const result =
        value.value === undefined ? { t: "e", v: "#ERROR!" } : seedContent(value.value) || { t: "s", v: "" };
      return { t: result.t, v: result.v, f: value.formula };
    }
    if (typeof value === "object" && typeof value.error === "string") return { t: "e", v: value.error };
    throw new Error("__fake seed: unsupported cell " + JSON.stringify(value));
  }

  /** The stored grid as seeds describe it: dates {date}, formulas {formula}, empty null. */
  function storedValue(cell) {
    if (!hasContent(cell)) return null;
    if (cell.f !== undefined) return { formula: cell.f };
    if (cell.t === "d") return { date: isoDateTime(cell.v) };
    return cell.v;
  }

  // ---- Display values (simple number formats) ----

  function formatNumber(n, format) {
    if (!format || format === DEFAULTS.numberFormat || format === "General") {
      return String(Number(n.toPrecision(15)));
    }
    if (format === "@") return String(n);
    const literal = (format.match(/"([^"]*)"/) || [])[1] || "";
    const body = format.replace(/"[^"]*"/g, "");
    const percent = body.indexOf("%") >= 0;
    const decimals = ((/\.([0#]+)/.exec(body) || [])[1] || "").length;
    const grouped = body.indexOf(",") >= 0;
    let value = percent ? n * 100 : n;
    let text = Math.abs(value).toFixed(decimals);
    if (grouped) {
      const [whole, frac] = text.split(".");
      text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? "." + frac : "");
    }
    return (value < 0 ? "-" : "") + literal + text + (percent ? "%" : "");
  }

  function formatWallDate(wall, format) {
    const p = wallParts(wall);
    if (!format || format === DEFAULTS.numberFormat) {
      const hasTime = p.hour || p.minute || p.second;
      const date = book.locale === "en_US" ? p.month + "/" + p.day + "/" + p.year : isoDate(wall);
      if (p.year === 1899 && p.month === 12 && p.day === 30)
        return p.hour + ":" + pad(p.minute, 2) + ":" + pad(p.second, 2);
      return hasTime ? date + " " + p.hour + ":" + pad(p.minute, 2) + ":" + pad(p.second, 2) : date;
    }
    let afterHour = false;
    return format.replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|"[^"]*"/gi, (token) => {
      const t = token.toLowerCase();
      if (t.charAt(0) === '"') return token.slice(1, -1);
      if (t === "yyyy") return pad(p.year, 4);
      if (t === "yy") return pad(p.year % 100, 2);
      if (t === "mmmm") return MONTHS[p.month - 1];
      if (t === "mmm") return MONTHS[p.month - 1].slice(0, 3);
      if (t === "mm" || t === "m") {
        const v = afterHour ? p.minute : p.month;
        afterHour = false;
        return t === "mm" ? pad(v, 2) : String(v);
      }
      if (t === "dd") return pad(p.day, 2);
      if (t === "d") return String(p.day);
      if (t === "hh" || t === "h") {
        afterHour = true;
        return t === "hh" ? pad(p.hour, 2) : String(p.hour);
      }
      return t === "ss" ? pad(p.second, 2) : String(p.second);
    });
  }

  function displayOf(cell) {
    if (!hasContent(cell)) return "";
    if (cell.t === "s" || cell.t === "e") return cell.v;
    if (cell.t === "b") return cell.v ? "TRUE" : "FALSE";
    if (cell.t === "d") return formatWallDate(cell.v, cell.nf);
    return formatNumber(cell.v, cell.nf);
  }

  function normalizeColor(color) {
    if (color === null || color === undefined || color === "") return undefined;
    const text = String(color).trim().toLowerCase();
    if (NAMED_COLORS[text]) return NAMED_COLORS[text];
    const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
    if (short) return "#" + short[1] + short[1] + short[2] + short[2] + short[3] + short[3];
    if (/^#[0-9a-f]{6}$/.test(text)) return text;
    throw new Error("Invalid color: " + color);
  }

  // ------------------------------------------------------------------------------------------------
  // Range
  // ------------------------------------------------------------------------------------------------

  function checkDims(values, nr, nc, method) {
    if (!Array.isArray(values)) throw signatureError(method, [values]);
    if (values.length !== nr) {
      throw new Error(
        "The number of rows in the data does not match the number of rows in the range. The data has " +
          values.length +
          " but the range has " +
          nr +
          ".",
      );
    }
    for (const row of values) {
      if (!Array.isArray(row)) throw signatureError(method, [values]);
      if (row.length !== nc) {
        throw new Error(
          "The number of columns in the data does not match the number of columns in the range. The data has " +
            row.length +
            " but the range has " +
            nc +
            ".",
        );
      }
    }
  }

  function checkAlive(sd) {
    if (sd.deleted) throw new Error("The sheet " + sd.name + " has been deleted.");
  }

  function ruleAccepts(rule, content) {
    if (!rule || rule.allowInvalid || content === null) return true;
    if (rule.type !== "VALUE_IN_LIST") return true;
    const shown =
      content.t === "b"
        ? content.v
          ? "TRUE"
          : "FALSE"
        : content.t === "d"
          ? isoDate(content.v)
          : String(content.v);
    return rule.values.some((v) => String(v) === shown);
  }

  /** Sheet.getRangeList: the same formatting on several ranges in one call. */
  class RangeList {
    constructor(ranges) {
      this._ranges = ranges;
    }
    getRanges() {
      return this._ranges.slice();
    }
    _each(name, args) {
      for (const range of this._ranges) range[name].apply(range, args);
      return this;
    }
    setHorizontalAlignment() {
      return this._each("setHorizontalAlignment", arguments);
    }
    setWrap() {
      return this._each("setWrap", arguments);
    }
    setFontSize() {
      return this._each("setFontSize", arguments);
    }
    setFontColor() {
      return this._each("setFontColor", arguments);
    }
    setFontWeight() {
      return this._each("setFontWeight", arguments);
    }
    setNumberFormat() {
      return this._each("setNumberFormat", arguments);
    }
    setBackground() {
      return this._each("setBackground", arguments);
    }
  }

  class Range {
    constructor(sd, r, c, nr, nc) {
      this._s = sd;
      this._r = r;
      this._c = c;
      this._nr = nr;
      this._nc = nc;
    }

    _grid(fn) {
      checkAlive(this._s);
      const out = [];
      for (let i = 0; i < this._nr; i++) {
        const line = [];
        for (let j = 0; j < this._nc; j++)
          line.push(fn(cellAt(this._s, this._r + i, this._c + j), this._r + i, this._c + j));
        out.push(line);
      }
      return out;
    }

    _first(fn) {
      checkAlive(this._s);
      return fn(cellAt(this._s, this._r, this._c));
    }

    protect() {
      checkAlive(this._s);
      return protectRange(this._s, this._r, this._c, this._nr, this._nc);
    }

    /** Applies fn(cell, value) to every cell; values: a 2D array of the range's size, or one value for all. */
    _apply(method, values, fn, isGrid) {
      checkAlive(this._s);
      if (isGrid) checkDims(values, this._nr, this._nc, "SpreadsheetApp.Range." + method);
      for (let i = 0; i < this._nr; i++) {
        for (let j = 0; j < this._nc; j++)
          fn(cellFor(this._s, this._r + i, this._c + j), isGrid ? values[i][j] : values);
      }
      return this;
    }

    /** Applies fn(cell) to the cells of the range that exist (clearing never creates cells). */
    _clear(fn) {
      checkAlive(this._s);
      const lastRow = Math.min(this._r + this._nr - 1, this._s.rows.length);
      for (let r = this._r; r <= lastRow; r++) {
        const row = this._s.rows[r - 1];
        if (!row) continue;
        const lastCol = Math.min(this._c + this._nc - 1, row.length);
        for (let c = this._c; c <= lastCol; c++) if (row[c - 1]) fn(row[c - 1]);
      }
      return this;
    }

    _write(method, values, isGrid) {
      checkAlive(this._s);
      if (isGrid) checkDims(values, this._nr, this._nc, "SpreadsheetApp.Range." + method);
      const contents = [];
      for (let i = 0; i < this._nr; i++) {
        const line = [];
        for (let j = 0; j < this._nc; j++) {
          const r = this._r + i;
          const c = this._c + j;
          const cell = cellAt(this._s, r, c);
          const content = inputContent(
            isGrid ? values[i][j] : values,
            cell,
            this._s.name + "!" + a1Of(r, c, 1, 1),
          );
          const written = isGrid ? values[i][j] : values;
          if (typeof written === "string" && method !== "setFormula" && method !== "setFormulas")
            noteCoercion(this._s.name + "!" + a1Of(r, c, 1, 1), written, cell, content);
          if (cell && !ruleAccepts(cell.dv, content)) {
            throw new Error(
              "The data you entered in cell " +
                a1Of(r, c, 1, 1) +
                " violates the data validation rules set on this cell.",
            );
          }
          line.push(content);
        }
        contents.push(line);
      }
      for (let i = 0; i < this._nr; i++) {
        for (let j = 0; j < this._nc; j++)
          setContent(cellFor(this._s, this._r + i, this._c + j), contents[i][j]);
      }
      return this;
    }

    // ---- values ----
    getValues() {
      return this._grid(jsValue);
    }
    getValue() {
      return this._first(jsValue);
    }
    getDisplayValues() {
      return this._grid(displayOf);
    }
    getDisplayValue() {
      return this._first(displayOf);
    }
    getFormulas() {
      return this._grid((cell) => (cell && cell.f !== undefined ? cell.f : ""));
    }
    getFormula() {
      return this._first((cell) => (cell && cell.f !== undefined ? cell.f : ""));
    }
    setValues(values) {
      return this._write("setValues", values, true);
    }
    setValue(value) {
      return this._write("setValue", value, false);
    }
    setFormula(formula) {
      return this._write("setFormula", String(formula), false);
    }
    setFormulas(formulas) {
      return this._write("setFormulas", formulas, true);
    }
    isBlank() {
      return this._grid((cell) => hasContent(cell)).every((line) => line.every((v) => !v));
    }

    // ---- clearing ----
    clear(options) {
      const o = options || {};
      const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
      return this._clear((cell) => {
        if (!any || o.contentsOnly) setContent(cell, null);
        if (!any || o.formatOnly) clearFormat(cell);
        if (!any || o.validationsOnly) cell.dv = undefined;
        if (!any || o.commentsOnly) cell.note = undefined;
      });
    }
    clearContent() {
      return this._clear((cell) => setContent(cell, null));
    }
    clearFormat() {
      return this._clear(clearFormat);
    }
    clearNote() {
      return this._clear((cell) => (cell.note = undefined));
    }
    clearDataValidations() {
      return this._clear((cell) => (cell.dv = undefined));
    }

    // ---- notes ----
    setNote(note) {
      return this._apply("setNote", note, setNote);
    }
    setNotes(notes) {
      return this._apply("setNotes", notes, setNote, true);
    }
    getNote() {
      return this._first((cell) => (cell && cell.note) || "");
    }
    getNotes() {
      return this._grid((cell) => (cell && cell.note) || "");
    }

    // ---- formats ----
    setBackground(color) {
      return this._apply("setBackground", color, (cell, v) => setFormat(cell, "bg", normalizeColor(v)));
    }
    setBackgrounds(colors) {
      return this._apply(
        "setBackgrounds",
        colors,
        (cell, v) => setFormat(cell, "bg", normalizeColor(v)),
        true,
      );
    }
    setBackgroundRGB(red, green, blue) {
      const hex = "#" + [red, green, blue].map((n) => Number(n).toString(16).padStart(2, "0")).join("");
      return this._apply("setBackgroundRGB", hex, (cell, v) => setFormat(cell, "bg", v));
    }
    getBackground() {
      return this._first((cell) => (cell && cell.bg) || DEFAULTS.background);
    }
    getBackgrounds() {
      return this._grid((cell) => (cell && cell.bg) || DEFAULTS.background);
    }
    setFontWeight(weight) {
      return this._apply("setFontWeight", weight, (cell, v) =>
        setFormat(cell, "fw", v === null || v === "normal" ? undefined : String(v)),
      );
    }
    setFontWeights(weights) {
      return this._apply(
        "setFontWeights",
        weights,
        (cell, v) => setFormat(cell, "fw", v === null || v === "normal" ? undefined : String(v)),
        true,
      );
    }
    getFontWeight() {
      return this._first((cell) => (cell && cell.fw) || DEFAULTS.fontWeight);
    }
    getFontWeights() {
      return this._grid((cell) => (cell && cell.fw) || DEFAULTS.fontWeight);
    }
    setFontColor(color) {
      return this._apply("setFontColor", color, (cell, v) => setFormat(cell, "fc", normalizeColor(v)));
    }
    setFontColors(colors) {
      return this._apply(
        "setFontColors",
        colors,
        (cell, v) => setFormat(cell, "fc", normalizeColor(v)),
        true,
      );
    }
    getFontColor() {
      return this._first((cell) => (cell && cell.fc) || DEFAULTS.fontColor);
    }
    getFontColors() {
      return this._grid((cell) => (cell && cell.fc) || DEFAULTS.fontColor);
    }
    setFontStyle(style) {
      return this._apply("setFontStyle", style, (cell, v) =>
        setFormat(cell, "fs", v === null || v === "normal" ? undefined : String(v)),
      );
    }
    getFontStyle() {
      return this._first((cell) => (cell && cell.fs) || DEFAULTS.fontStyle);
    }
    setFontSize(size) {
      return this._apply("setFontSize", size, (cell, v) =>
        setFormat(cell, "fz", v === null ? undefined : Number(v)),
      );
    }
    setFontSizes(sizes) {
      return this._apply(
        "setFontSizes",
        sizes,
        (cell, v) => setFormat(cell, "fz", v === null ? undefined : Number(v)),
        true,
      );
    }
    getFontSize() {
      return this._first((cell) => (cell && cell.fz) || DEFAULTS.fontSize);
    }
    setFontFamily(family) {
      return this._apply("setFontFamily", family, (cell, v) =>
        setFormat(cell, "ff", v === null ? undefined : String(v)),
      );
    }
    getFontFamily() {
      return this._first((cell) => (cell && cell.ff) || DEFAULTS.fontFamily);
    }
    setNumberFormat(format) {
      return this._apply("setNumberFormat", format, (cell, v) =>
        setFormat(cell, "nf", v === null ? undefined : String(v)),
      );
    }
    setNumberFormats(formats) {
      return this._apply(
        "setNumberFormats",
        formats,
        (cell, v) => setFormat(cell, "nf", v === null ? undefined : String(v)),
        true,
      );
    }
    getNumberFormat() {
      return this._first((cell) => (cell && cell.nf) || DEFAULTS.numberFormat);
    }
    getNumberFormats() {
      return this._grid((cell) => (cell && cell.nf) || DEFAULTS.numberFormat);
    }
    setWrap(wrap) {
      return this._apply("setWrap", wrap, (cell, v) =>
        setFormat(cell, "wrap", v === null ? undefined : Boolean(v)),
      );
    }
    setWraps(wraps) {
      return this._apply(
        "setWraps",
        wraps,
        (cell, v) => setFormat(cell, "wrap", v === null ? undefined : Boolean(v)),
        true,
      );
    }
    setWrapStrategy(strategy) {
      return this._apply("setWrapStrategy", strategy, (cell, v) =>
        setFormat(cell, "wrap", String(v) === "WRAP"),
      );
    }
    getWrap() {
      return this._first((cell) => (cell && cell.wrap !== undefined ? cell.wrap : DEFAULTS.wrap));
    }
    getWraps() {
      return this._grid((cell) => (cell && cell.wrap !== undefined ? cell.wrap : DEFAULTS.wrap));
    }
    setHorizontalAlignment(alignment) {
      return this._apply("setHorizontalAlignment", alignment, (cell, v) =>
        setFormat(cell, "ha", v === null ? undefined : String(v)),
      );
    }
    setHorizontalAlignments(alignments) {
      return this._apply(
        "setHorizontalAlignments",
        alignments,
        (cell, v) => setFormat(cell, "ha", v === null ? undefined : String(v)),
        true,
      );
    }
    getHorizontalAlignment() {
      return this._first((cell) => (cell && cell.ha) || DEFAULTS.horizontalAlignment);
    }
    setVerticalAlignment(alignment) {
      return this._apply("setVerticalAlignment", alignment, (cell, v) =>
        setFormat(cell, "va", v === null ? undefined : String(v)),
      );
    }
    getVerticalAlignment() {
      return this._first((cell) => (cell && cell.va) || DEFAULTS.verticalAlignment);
    }
    setBorder() {
      return this._apply("setBorder", null, () => undefined);
    }

    // ---- data validation ----
    setDataValidation(rule) {
      if (rule !== null && !(rule instanceof DataValidation))
        throw signatureError("SpreadsheetApp.Range.setDataValidation", [rule]);
      return this._apply("setDataValidation", rule, setValidation);
    }
    setDataValidations(rules) {
      return this._apply("setDataValidations", rules, setValidation, true);
    }
    getDataValidation() {
      return this._first((cell) => (cell && cell.dv ? new DataValidation(cell.dv) : null));
    }
    getDataValidations() {
      return this._grid((cell) => (cell && cell.dv ? new DataValidation(cell.dv) : null));
    }

    // ---- merges ----
    merge() {
      checkAlive(this._s);
      this._s.merges.push(a1Of(this._r, this._c, this._nr, this._nc));
      return this;
    }
    mergeAcross() {
      return this.merge();
    }
    mergeVertically() {
      return this.merge();
    }
    breakApart() {
      checkAlive(this._s);
      const r1 = this._r,
        c1 = this._c,
        r2 = this._r + this._nr - 1,
        c2 = this._c + this._nc - 1;
      this._s.merges = this._s.merges.filter((m) => {
        const p = parseA1(m, this._s);
        return p.r > r2 || p.r + p.nr - 1 < r1 || p.c > c2 || p.c + p.nc - 1 < c1;
      });
      return this;
    }

    // ---- geometry ----
    getRow() {
      return this._r;
    }
    getRowIndex() {
      return this._r;
    }
    getColumn() {
      return this._c;
    }
    getNumRows() {
      return this._nr;
    }
    getNumColumns() {
      return this._nc;
    }
    getHeight() {
      return this._nr;
    }
    getWidth() {
      return this._nc;
    }
    getLastRow() {
      return this._r + this._nr - 1;
    }
    getLastColumn() {
      return this._c + this._nc - 1;
    }
    getA1Notation() {
      return a1Of(this._r, this._c, this._nr, this._nc);
    }
    getGridId() {
      return this._s.id;
    }
    getSheet() {
      checkAlive(this._s);
      return new Sheet(this._s);
    }
    getCell(row, column) {
      if (!isInt(row) || !isInt(column)) throw signatureError("SpreadsheetApp.Range.getCell", arguments);
      if (row < 1 || column < 1 || row > this._nr || column > this._nc)
        throw new Error("Cell reference out of range");
      return new Range(this._s, this._r + row - 1, this._c + column - 1, 1, 1);
    }
    offset(rowOffset, columnOffset, numRows, numColumns) {
      const r = this._r + rowOffset;
      const c = this._c + columnOffset;
      if (r < 1 || c < 1) throw new Error("The starting row of the range is too small.");
      return gridRange(
        this._s,
        r,
        c,
        numRows === undefined ? this._nr : numRows,
        numColumns === undefined ? this._nc : numColumns,
      );
    }
    activate() {
      checkAlive(this._s);
      book.active = this._s;
      book.selection = { sheet: this._s, r: this._r, c: this._c, nr: this._nr, nc: this._nc };
      return this;
    }
  }

  function clearFormat(cell) {
    cell.bg =
      cell.fw =
      cell.fc =
      cell.fs =
      cell.fz =
      cell.ff =
      cell.nf =
      cell.wrap =
      cell.ha =
      cell.va =
        undefined;
  }

  function setFormat(cell, key, value) {
    cell[key] = value;
  }

  function setNote(cell, note) {
    cell.note = note === null || note === undefined || note === "" ? undefined : String(note);
  }

  function setValidation(cell, rule) {
    if (rule === null || rule === undefined) cell.dv = undefined;
    else if (rule instanceof DataValidation) cell.dv = rule._d;
    else throw signatureError("SpreadsheetApp.Range.setDataValidations", [rule]);
  }

  // ------------------------------------------------------------------------------------------------
  // Data validation
  // ------------------------------------------------------------------------------------------------

  const DataValidationCriteria = {};
  for (const name of [
    "CHECKBOX",
    "CUSTOM_FORMULA",
    "DATE_AFTER",
    "DATE_BEFORE",
    "DATE_BETWEEN",
    "DATE_EQUAL_TO",
    "DATE_IS_VALID_DATE",
    "DATE_NOT_BETWEEN",
    "DATE_ON_OR_AFTER",
    "DATE_ON_OR_BEFORE",
    "NUMBER_BETWEEN",
    "NUMBER_EQUAL_TO",
    "NUMBER_GREATER_THAN",
    "NUMBER_GREATER_THAN_OR_EQUAL_TO",
    "NUMBER_LESS_THAN",
    "NUMBER_LESS_THAN_OR_EQUAL_TO",
    "NUMBER_NOT_BETWEEN",
    "NUMBER_NOT_EQUAL_TO",
    "TEXT_CONTAINS",
    "TEXT_DOES_NOT_CONTAIN",
    "TEXT_EQUAL_TO",
    "TEXT_IS_VALID_EMAIL",
    "TEXT_IS_VALID_URL",
    "VALUE_IN_LIST",
    "VALUE_IN_RANGE",
  ]) {
    DataValidationCriteria[name] = name;
  }

  class DataValidation {
    constructor(data) {
      this._d = data;
    }
    getCriteriaType() {
      return this._d.type;
    }
    getCriteriaValues() {
      if (this._d.type === "VALUE_IN_LIST") return [this._d.values.slice(), this._d.showDropdown];
      return this._d.args.slice();
    }
    getAllowInvalid() {
      return this._d.allowInvalid;
    }
    getHelpText() {
      return this._d.helpText;
    }
    copy() {
      return new DataValidationBuilder(Object.assign({}, this._d));
    }
  }

  class DataValidationBuilder {
    constructor(data) {
      this._d = data || {
        type: null,
        values: [],
        args: [],
        showDropdown: true,
        allowInvalid: true,
        helpText: null,
      };
    }
    requireValueInList(values, showDropdown) {
      if (!Array.isArray(values))
        throw signatureError("SpreadsheetApp.DataValidationBuilder.requireValueInList", arguments);
      if (values.length === 0)
        throw new Error("The list of values for a data validation rule must not be empty.");
      this._d.type = "VALUE_IN_LIST";
      this._d.values = values.map(String);
      this._d.showDropdown = showDropdown === undefined ? true : Boolean(showDropdown);
      return this;
    }
    requireValueInRange(range, showDropdown) {
      this._d.type = "VALUE_IN_RANGE";
      this._d.args = [range, showDropdown === undefined ? true : Boolean(showDropdown)];
      return this;
    }
    requireCheckbox() {
      this._d.type = "CHECKBOX";
      this._d.args = Array.prototype.slice.call(arguments);
      return this;
    }
    requireNumberBetween(start, end) {
      this._d.type = "NUMBER_BETWEEN";
      this._d.args = [start, end];
      return this;
    }
    requireDate() {
      this._d.type = "DATE_IS_VALID_DATE";
      this._d.args = [];
      return this;
    }
    requireTextIsEmail() {
      this._d.type = "TEXT_IS_VALID_EMAIL";
      this._d.args = [];
      return this;
    }
    requireFormulaSatisfied(formula) {
      this._d.type = "CUSTOM_FORMULA";
      this._d.args = [formula];
      return this;
    }
    setAllowInvalid(allowInvalid) {
      this._d.allowInvalid = Boolean(allowInvalid);
      return this;
    }
    setHelpText(helpText) {
      this._d.helpText = helpText === null ? null : String(helpText);
      return this;
    }
    build() {
      if (!this._d.type)
        throw new Error("You must set a criteria type before building a data validation rule.");
      return new DataValidation(
        Object.assign({}, this._d, { values: this._d.values.slice(), args: this._d.args.slice() }),
      );
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Charts
  // ------------------------------------------------------------------------------------------------

  const ChartType = {};
  for (const name of [
    "AREA",
    "BAR",
    "BUBBLE",
    "CANDLESTICK",
    "COLUMN",
    "COMBO",
    "GAUGE",
    "GEO",
    "HISTOGRAM",
    "LINE",
    "ORG",
    "PIE",
    "RADAR",
    "SCATTER",
    "SPARKLINE",
    "STEPPED_AREA",
    "TABLE",
    "TIMELINE",
    "TREE_MAP",
    "WATERFALL",
  ]) {
    ChartType[name] = name;
  }

  function newChartData() {
    return {
      id: null,
      type: null,
      ranges: [],
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      options: {},
      numHeaders: -1,
    };
  }

  function copyChart(data) {
    return {
      id: data.id,
      type: data.type,
      ranges: data.ranges.slice(),
      position: Object.assign({}, data.position),
      options: Object.assign({}, data.options),
      numHeaders: data.numHeaders,
    };
  }

  class ContainerInfo {
    constructor(position) {
      this._p = position;
    }
    getAnchorRow() {
      return this._p.row;
    }
    getAnchorColumn() {
      return this._p.column;
    }
    getOffsetX() {
      return this._p.offsetX;
    }
    getOffsetY() {
      return this._p.offsetY;
    }
  }

  class ChartOptions {
    constructor(options) {
      this._o = options;
    }
    get(option) {
      return Object.prototype.hasOwnProperty.call(this._o, option) ? this._o[option] : null;
    }
    getOrDefault(option) {
      return this.get(option);
    }
  }

  class EmbeddedChart {
    constructor(data) {
      this._d = data;
    }
    getChartId() {
      return this._d.id;
    }
    getId() {
      return this._d.id === null ? null : "chart-" + this._d.id;
    }
    getType() {
      return this._d.type;
    }
    getOptions() {
      return new ChartOptions(this._d.options);
    }
    getRanges() {
      return this._d.ranges.map((r) => new Range(r.sheet, r.r, r.c, r.nr, r.nc));
    }
    getContainerInfo() {
      return new ContainerInfo(this._d.position);
    }
    getNumHeaders() {
      return this._d.numHeaders;
    }
    modify() {
      return new EmbeddedChartBuilder(null, copyChart(this._d));
    }
  }

  class EmbeddedChartBuilder {
    constructor(sd, data) {
      this._s = sd;
      this._d = data || newChartData();
    }
    setChartType(type) {
      if (!ChartType[String(type)])
        throw signatureError("Charts.EmbeddedChartBuilder.setChartType", arguments);
      this._d.type = String(type);
      return this;
    }
    addRange(range) {
      if (!(range instanceof Range)) throw signatureError("Charts.EmbeddedChartBuilder.addRange", arguments);
      this._d.ranges.push({ sheet: range._s, r: range._r, c: range._c, nr: range._nr, nc: range._nc });
      return this;
    }
    removeRange(range) {
      this._d.ranges = this._d.ranges.filter(
        (r) =>
          !(
            r.sheet === range._s &&
            r.r === range._r &&
            r.c === range._c &&
            r.nr === range._nr &&
            r.nc === range._nc
          ),
      );
      return this;
    }
    clearRanges() {
      this._d.ranges = [];
      return this;
    }
    setPosition(anchorRowPos, anchorColPos, offsetX, offsetY) {
      for (const n of [anchorRowPos, anchorColPos, offsetX, offsetY])
        if (!isInt(n)) throw signatureError("Charts.EmbeddedChartBuilder.setPosition", arguments);
      this._d.position = { row: anchorRowPos, column: anchorColPos, offsetX: offsetX, offsetY: offsetY };
      return this;
    }
    setOption(option, value) {
      this._d.options[String(option)] = value;
      return this;
    }
    setNumHeaders(headers) {
      this._d.numHeaders = headers;
      return this;
    }
    setTitle(title) {
      return this.setOption("title", title);
    }
    asColumnChart() {
      return this.setChartType("COLUMN");
    }
    asBarChart() {
      return this.setChartType("BAR");
    }
    asLineChart() {
      return this.setChartType("LINE");
    }
    asPieChart() {
      return this.setChartType("PIE");
    }
    asAreaChart() {
      return this.setChartType("AREA");
    }
    asScatterChart() {
      return this.setChartType("SCATTER");
    }
    asTableChart() {
      return this.setChartType("TABLE");
    }
    getChartType() {
      return this._d.type;
    }
    getRanges() {
      return this._d.ranges.map((r) => new Range(r.sheet, r.r, r.c, r.nr, r.nc));
    }
    build() {
      if (!this._d.type) throw new Error("A chart type must be set before the chart is built.");
      return new EmbeddedChart(copyChart(this._d));
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Sheet
  // ------------------------------------------------------------------------------------------------

  function shiftRows(sd, at, count) {
    const empty = [];
    for (let i = 0; i < count; i++) empty.push(undefined);
    while (sd.rows.length < at) sd.rows.push(undefined);
    sd.rows.splice.apply(sd.rows, [at, 0].concat(empty));
  }

  function shiftColumns(sd, at, count) {
    for (const row of sd.rows) {
      if (!row || row.length <= at) continue;
      const empty = [];
      for (let i = 0; i < count; i++) empty.push(undefined);
      row.splice.apply(row, [at, 0].concat(empty));
    }
  }

  function checkPosition(method, args, n, max) {
    if (!isInt(n)) throw signatureError(method, args);
    if (n < 1 || (max !== undefined && n > max)) throw new Error("Those rows are out of bounds.");
  }

  function validateSheetName(name, except) {
    const text = String(name);
    if (text.trim() === "") throw new Error("Sheet names cannot be empty.");
    if (text.length > 100) throw new Error("Sheet names cannot be longer than 100 characters.");
    const clash = book.sheets.find((s) => s !== except && s.name.toLowerCase() === text.toLowerCase());
    if (clash)
      throw new Error('A sheet with the name "' + text + '" already exists. Please enter another name.');
    return text;
  }

  // ------------------------------------------------------------------------------------------------
  // Protection (protected ranges): who may edit a range besides the spreadsheet's owner
  // ------------------------------------------------------------------------------------------------

  const ProtectionType = { RANGE: "RANGE", SHEET: "SHEET" };

  function emailOf(userOrEmail, method) {
    if (typeof userOrEmail === "string") return userOrEmail.toLowerCase();
    if (userOrEmail instanceof User) return String(userOrEmail.getEmail()).toLowerCase();
    throw signatureError("SpreadsheetApp.Protection." + method, [userOrEmail]);
  }

  /** The spreadsheet's owner and the person running the script, who cannot be removed as editors. */
  function fixedEditors() {
    const out = [String(fake.effectiveUser === null ? fake.user : fake.effectiveUser).toLowerCase()];
    const me = String(fake.user).toLowerCase();
    if (out.indexOf(me) < 0) out.push(me);
    return out;
  }

  class Protection {
    constructor(pd) {
      this._p = pd;
    }
    _alive() {
      if (this._p.removed) throw new Error("The protection has been removed.");
    }
    getProtectionType() {
      return this._p.type;
    }
    getRange() {
      this._alive();
      return new Range(this._p.sheet, this._p.r, this._p.c, this._p.nr, this._p.nc);
    }
    getDescription() {
      return this._p.description;
    }
    setDescription(text) {
      this._alive();
      if (typeof text !== "string")
        throw signatureError("SpreadsheetApp.Protection.setDescription", arguments);
      this._p.description = text;
      return this;
    }
    getEditors() {
      this._alive();
      return this._p.editors.map((e) => new User(e));
    }
    addEditor(user) {
      this._alive();
      const email = emailOf(user, "addEditor");
      if (this._p.editors.indexOf(email) < 0) this._p.editors.push(email);
      return this;
    }
    addEditors(list) {
      if (!Array.isArray(list)) throw signatureError("SpreadsheetApp.Protection.addEditors", arguments);
      for (const user of list) this.addEditor(user);
      return this;
    }
    removeEditor(user) {
      return this.removeEditors([user]);
    }
    removeEditors(list) {
      this._alive();
      if (!Array.isArray(list)) throw signatureError("SpreadsheetApp.Protection.removeEditors", arguments);
      const fixed = fixedEditors();
      const gone = list.map((u) => emailOf(u, "removeEditors")).filter((e) => fixed.indexOf(e) < 0);
      this._p.editors = this._p.editors.filter((e) => gone.indexOf(e) < 0);
      return this;
    }
    canDomainEdit() {
      return this._p.domainEdit;
    }
    setDomainEdit(editable) {
      this._alive();
      this._p.domainEdit = Boolean(editable);
      return this;
    }
    canEdit() {
      return protectionAllows(this._p, String(fake.user).toLowerCase());
    }
    isWarningOnly() {
      return false;
    }
    remove() {
      this._alive();
      this._p.removed = true;
      const list = this._p.sheet.protections || [];
      list.splice(list.indexOf(this._p), 1);
    }
  }

  function protectionAllows(pd, email) {
    return pd.domainEdit || pd.editors.indexOf(email) >= 0 || fixedEditors()[0] === email;
  }

  function protectRange(sd, r, c, nr, nc) {
    if (!sd.protections) sd.protections = [];
    // A new protection starts with everyone who can edit the spreadsheet: the owner, the user, the domain.
    const pd = {
      type: "RANGE",
      sheet: sd,
      r: r,
      c: c,
      nr: nr,
      nc: nc,
      description: "",
      editors: fixedEditors(),
      domainEdit: true,
    };
    sd.protections.push(pd);
    return new Protection(pd);
  }

  class Sheet {
    constructor(sd) {
      this._s = sd;
    }
    getName() {
      checkAlive(this._s);
      return this._s.name;
    }
    setName(name) {
      checkAlive(this._s);
      this._s.name = validateSheetName(name, this._s);
      return this;
    }
    getSheetId() {
      return this._s.id;
    }
    getSheetName() {
      return this._s.name;
    }
    getIndex() {
      checkAlive(this._s);
      return book.sheets.indexOf(this._s) + 1;
    }
    getParent() {
      return new Spreadsheet();
    }
    activate() {
      checkAlive(this._s);
      book.active = this._s;
      book.selection = { sheet: this._s, r: 1, c: 1, nr: 1, nc: 1 };
      return this;
    }
    getRangeList(a1Notations) {
      checkAlive(this._s);
      if (!Array.isArray(a1Notations)) throw signatureError("SpreadsheetApp.Sheet.getRangeList", arguments);
      return new RangeList(a1Notations.map((a1) => this.getRange(a1)));
    }
    getRange(a, b, c, d) {
      checkAlive(this._s);
      if (typeof a === "string" && arguments.length === 1) {
        const p = parseA1(a, this._s);
        if (p.sheet !== null && p.sheet.toLowerCase() !== this._s.name.toLowerCase())
          throw new Error("Range not found");
        return gridRange(this._s, p.r, p.c, p.nr, p.nc);
      }
      const n = arguments.length;
      if (n < 2 || n > 4) throw signatureError("SpreadsheetApp.Sheet.getRange", arguments);
      const numRows = n >= 3 ? c : 1;
      const numCols = n >= 4 ? d : 1;
      for (const v of [a, b, numRows, numCols])
        if (typeof v !== "number" || Number.isNaN(v))
          throw signatureError("SpreadsheetApp.Sheet.getRange", arguments);
      if (a < 1) throw new Error("The starting row of the range is too small.");
      if (b < 1) throw new Error("The starting column of the range is too small.");
      if (numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
      if (numCols < 1) throw new Error("The number of columns in the range must be at least 1.");
      return gridRange(this._s, Math.floor(a), Math.floor(b), Math.floor(numRows), Math.floor(numCols));
    }
    getDataRange() {
      checkAlive(this._s);
      return new Range(this._s, 1, 1, Math.max(1, lastRowOf(this._s)), Math.max(1, lastColOf(this._s)));
    }
    getLastRow() {
      checkAlive(this._s);
      return lastRowOf(this._s);
    }
    getLastColumn() {
      checkAlive(this._s);
      return lastColOf(this._s);
    }
    getMaxRows() {
      return this._s.maxRows;
    }
    getMaxColumns() {
      return this._s.maxCols;
    }
    insertRowsAfter(afterPosition, howMany) {
      checkPosition("SpreadsheetApp.Sheet.insertRowsAfter", arguments, afterPosition, this._s.maxRows);
      if (!isInt(howMany) || howMany < 1)
        throw signatureError("SpreadsheetApp.Sheet.insertRowsAfter", arguments);
      grow(this._s, this._s.maxRows + howMany, this._s.maxCols);
      shiftRows(this._s, afterPosition, howMany);
      return this;
    }
    insertRowsBefore(beforePosition, howMany) {
      checkPosition("SpreadsheetApp.Sheet.insertRowsBefore", arguments, beforePosition, this._s.maxRows);
      if (!isInt(howMany) || howMany < 1)
        throw signatureError("SpreadsheetApp.Sheet.insertRowsBefore", arguments);
      grow(this._s, this._s.maxRows + howMany, this._s.maxCols);
      shiftRows(this._s, beforePosition - 1, howMany);
      return this;
    }
    insertRowAfter(afterPosition) {
      return this.insertRowsAfter(afterPosition, 1);
    }
    insertRowBefore(beforePosition) {
      return this.insertRowsBefore(beforePosition, 1);
    }
    insertColumnsAfter(afterPosition, howMany) {
      checkPosition("SpreadsheetApp.Sheet.insertColumnsAfter", arguments, afterPosition, this._s.maxCols);
      if (!isInt(howMany) || howMany < 1)
        throw signatureError("SpreadsheetApp.Sheet.insertColumnsAfter", arguments);
      grow(this._s, this._s.maxRows, this._s.maxCols + howMany);
      shiftColumns(this._s, afterPosition, howMany);
      return this;
    }
    insertColumnsBefore(beforePosition, howMany) {
      checkPosition("SpreadsheetApp.Sheet.insertColumnsBefore", arguments, beforePosition, this._s.maxCols);
      if (!isInt(howMany) || howMany < 1)
        throw signatureError("SpreadsheetApp.Sheet.insertColumnsBefore", arguments);
      grow(this._s, this._s.maxRows, this._s.maxCols + howMany);
      shiftColumns(this._s, beforePosition - 1, howMany);
      return this;
    }
    insertColumnAfter(afterPosition) {
      return this.insertColumnsAfter(afterPosition, 1);
    }
    insertColumnBefore(beforePosition) {
      return this.insertColumnsBefore(beforePosition, 1);
    }
    deleteRows(rowPosition, howMany) {
      checkPosition("SpreadsheetApp.Sheet.deleteRows", arguments, rowPosition, this._s.maxRows);
      const n = howMany === undefined ? 1 : howMany;
      if (!isInt(n) || n < 1) throw signatureError("SpreadsheetApp.Sheet.deleteRows", arguments);
      if (rowPosition + n - 1 > this._s.maxRows) throw new Error("Those rows are out of bounds.");
      if (n >= this._s.maxRows) throw new Error("You can't delete all the rows on the sheet.");
      this._s.rows.splice(rowPosition - 1, n);
      this._s.maxRows -= n;
      return this;
    }
    deleteRow(rowPosition) {
      return this.deleteRows(rowPosition, 1);
    }
    deleteColumns(columnPosition, howMany) {
      checkPosition("SpreadsheetApp.Sheet.deleteColumns", arguments, columnPosition, this._s.maxCols);
      const n = howMany === undefined ? 1 : howMany;
      if (!isInt(n) || n < 1) throw signatureError("SpreadsheetApp.Sheet.deleteColumns", arguments);
      if (columnPosition + n - 1 > this._s.maxCols) throw new Error("Those columns are out of bounds.");
      if (n >= this._s.maxCols) throw new Error("You can't delete all the columns on the sheet.");
      for (const row of this._s.rows) if (row) row.splice(columnPosition - 1, n);
      this._s.maxCols -= n;
      return this;
    }
    deleteColumn(columnPosition) {
      return this.deleteColumns(columnPosition, 1);
    }
    appendRow(rowContents) {
      checkAlive(this._s);
      if (!Array.isArray(rowContents)) throw signatureError("SpreadsheetApp.Sheet.appendRow", arguments);
      if (rowContents.length === 0) return this;
      const row = lastRowOf(this._s) + 1;
      grow(this._s, row, rowContents.length);
      new Range(this._s, row, 1, 1, rowContents.length)._write("appendRow", [rowContents], true);
      return this;
    }
    /** Clears content and formats (Sheet.clear keeps notes and data validation unless options say otherwise). */
    clear(options) {
      checkAlive(this._s);
      const o = options || { contentsOnly: true, formatOnly: true };
      new Range(this._s, 1, 1, this._s.maxRows, this._s.maxCols)._clear((cell) => {
        if (o.contentsOnly) setContent(cell, null);
        if (o.formatOnly) clearFormat(cell);
        if (o.validationsOnly) cell.dv = undefined;
        if (o.commentsOnly) cell.note = undefined;
      });
      return this;
    }
    clearContents() {
      return this.clear({ contentsOnly: true });
    }
    clearFormats() {
      return this.clear({ formatOnly: true });
    }
    clearNotes() {
      return this.clear({ commentsOnly: true });
    }
    setFrozenRows(rows) {
      if (!isInt(rows) || rows < 0) throw signatureError("SpreadsheetApp.Sheet.setFrozenRows", arguments);
      if (rows >= this._s.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
      this._s.frozenRows = rows;
      return this;
    }
    getFrozenRows() {
      return this._s.frozenRows;
    }
    setFrozenColumns(columns) {
      if (!isInt(columns) || columns < 0)
        throw signatureError("SpreadsheetApp.Sheet.setFrozenColumns", arguments);
      if (columns >= this._s.maxCols) throw new Error("You can't freeze all visible columns on the sheet.");
      this._s.frozenCols = columns;
      return this;
    }
    getFrozenColumns() {
      return this._s.frozenCols;
    }
    setColumnWidth(columnPosition, width) {
      if (!isInt(columnPosition) || typeof width !== "number")
        throw signatureError("SpreadsheetApp.Sheet.setColumnWidth", arguments);
      this._s.columnWidths[columnPosition] = width;
      return this;
    }
    setColumnWidths(startColumn, numColumns, width) {
      for (let i = 0; i < numColumns; i++) this._s.columnWidths[startColumn + i] = width;
      return this;
    }
    getColumnWidth(columnPosition) {
      return this._s.columnWidths[columnPosition] || DEFAULTS.columnWidth;
    }
    autoResizeColumn(columnPosition) {
      this._s.columnWidths[columnPosition] = "auto";
      return this;
    }
    autoResizeColumns(startColumn, numColumns) {
      for (let i = 0; i < numColumns; i++) this._s.columnWidths[startColumn + i] = "auto";
      return this;
    }
    setRowHeight(rowPosition, height) {
      this._s.rowHeights[rowPosition] = height;
      return this;
    }
    setRowHeights(startRow, numRows, height) {
      for (let i = 0; i < numRows; i++) this._s.rowHeights[startRow + i] = height;
      return this;
    }
    getRowHeight(rowPosition) {
      return this._s.rowHeights[rowPosition] || DEFAULTS.rowHeight;
    }
    hideColumns(columnIndex, numColumns) {
      for (let i = 0; i < (numColumns || 1); i++) this._s.hiddenColumns[columnIndex + i] = true;
    }
    showColumns(columnIndex, numColumns) {
      for (let i = 0; i < (numColumns || 1); i++) delete this._s.hiddenColumns[columnIndex + i];
    }
    isColumnHiddenByUser(columnPosition) {
      return Boolean(this._s.hiddenColumns[columnPosition]);
    }
    hideSheet() {
      if (book.sheets.filter((s) => !s.hidden).length <= 1)
        throw new Error("You can't hide all the sheets in a document.");
      this._s.hidden = true;
      return this;
    }
    showSheet() {
      this._s.hidden = false;
      return this;
    }
    isSheetHidden() {
      return this._s.hidden;
    }
    setTabColor(color) {
      this._s.tabColor = color === null ? null : normalizeColor(color);
      return this;
    }
    getTabColor() {
      return this._s.tabColor;
    }
    newChart() {
      checkAlive(this._s);
      return new EmbeddedChartBuilder(this._s);
    }
    insertChart(chart) {
      checkAlive(this._s);
      if (!(chart instanceof EmbeddedChart))
        throw signatureError("SpreadsheetApp.Sheet.insertChart", arguments);
      const data = copyChart(chart._d);
      data.id = book.nextChartId++;
      chart._d.id = data.id;
      this._s.charts.push(data);
    }
    updateChart(chart) {
      const at = this._s.charts.findIndex((c) => c.id === chart._d.id);
      if (at < 0) throw new Error("The chart does not exist on this sheet.");
      this._s.charts[at] = copyChart(chart._d);
    }
    removeChart(chart) {
      if (!(chart instanceof EmbeddedChart))
        throw signatureError("SpreadsheetApp.Sheet.removeChart", arguments);
      const at = this._s.charts.findIndex((c) => c.id === chart._d.id);
      if (at < 0) throw new Error("The chart does not exist on this sheet.");
      this._s.charts.splice(at, 1);
    }
    getCharts() {
      checkAlive(this._s);
      return this._s.charts.map((data) => new EmbeddedChart(copyChart(data)));
    }
    getProtections(type) {
      checkAlive(this._s);
      if (!ProtectionType[String(type)])
        throw signatureError("SpreadsheetApp.Sheet.getProtections", arguments);
      return (this._s.protections || []).filter((p) => p.type === String(type)).map((p) => new Protection(p));
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Spreadsheet and SpreadsheetApp
  // ------------------------------------------------------------------------------------------------

  function defaultSheetName(n) {
    return (/^zh/.test(book.locale) ? "工作表" : "Sheet") + n;
  }

  function sheetByName(name) {
    const text = String(name).toLowerCase();
    return book.sheets.find((s) => s.name.toLowerCase() === text) || null;
  }

  class Selection {
    constructor(sel) {
      this._sel = sel;
    }
    getActiveRange() {
      const s = this._sel;
      return new Range(s.sheet, s.r, s.c, s.nr, s.nc);
    }
    getCurrentCell() {
      const s = this._sel;
      return new Range(s.sheet, s.r, s.c, 1, 1);
    }
    getActiveSheet() {
      return new Sheet(this._sel.sheet);
    }
  }

  function currentSelection() {
    if (!book.selection || book.selection.sheet.deleted)
      book.selection = { sheet: book.active, r: 1, c: 1, nr: 1, nc: 1 };
    return book.selection;
  }

  class Spreadsheet {
    getId() {
      return book.id;
    }
    getName() {
      return book.name;
    }
    rename(name) {
      book.name = String(name);
    }
    getUrl() {
      return "https://docs.google.com/spreadsheets/d/" + book.id + "/edit";
    }
    getSpreadsheetTimeZone() {
      return book.timeZone;
    }
    setSpreadsheetTimeZone(timeZone) {
      if (!findZone(timeZone)) throw new Error("Invalid argument: timeZone");
      book.timeZone = String(timeZone);
    }
    getSpreadsheetLocale() {
      return book.locale;
    }
    setSpreadsheetLocale(locale) {
      book.locale = String(locale);
    }
    getSheets() {
      return book.sheets.map((sd) => new Sheet(sd));
    }
    getNumSheets() {
      return book.sheets.length;
    }
    getSheetByName(name) {
      const sd = sheetByName(name);
      return sd ? new Sheet(sd) : null;
    }
    getSheetById(id) {
      const sd = book.sheets.find((s) => s.id === id);
      return sd ? new Sheet(sd) : null;
    }
    insertSheet(a, b) {
      let name = null;
      let index = book.sheets.length;
      if (typeof a === "string") {
        name = a;
        if (b !== undefined) index = b;
      } else if (typeof a === "number") {
        index = a;
      } else if (a !== undefined && a !== null && typeof a !== "object") {
        throw signatureError("SpreadsheetApp.Spreadsheet.insertSheet", arguments);
      }
      if (!isInt(index) || index < 0)
        throw signatureError("SpreadsheetApp.Spreadsheet.insertSheet", arguments);
      if (name === null) {
        let n = book.sheets.length + 1;
        while (sheetByName(defaultSheetName(n))) n++;
        name = defaultSheetName(n);
      }
      validateSheetName(name, null);
      const sd = newSheetData(String(name));
      if (totalCells() + sd.maxRows * sd.maxCols > MAX_CELLS) {
        throw new Error(
          "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
        );
      }
      book.sheets.splice(Math.min(index, book.sheets.length), 0, sd);
      book.active = sd;
      book.selection = { sheet: sd, r: 1, c: 1, nr: 1, nc: 1 };
      return new Sheet(sd);
    }
    deleteSheet(sheet) {
      if (!(sheet instanceof Sheet))
        throw signatureError("SpreadsheetApp.Spreadsheet.deleteSheet", arguments);
      const at = book.sheets.indexOf(sheet._s);
      if (at < 0) throw new Error("The sheet has already been deleted.");
      if (book.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
      book.sheets.splice(at, 1);
      sheet._s.deleted = true;
      if (book.active === sheet._s) book.active = book.sheets[Math.max(0, at - 1)];
    }
    getActiveSheet() {
      return new Sheet(book.active);
    }
    setActiveSheet(sheet) {
      if (!(sheet instanceof Sheet))
        throw signatureError("SpreadsheetApp.Spreadsheet.setActiveSheet", arguments);
      checkAlive(sheet._s);
      book.active = sheet._s;
      book.selection = { sheet: sheet._s, r: 1, c: 1, nr: 1, nc: 1 };
      return sheet;
    }
    getActiveRange() {
      const s = currentSelection();
      return new Range(s.sheet, s.r, s.c, s.nr, s.nc);
    }
    getActiveCell() {
      const s = currentSelection();
      return new Range(s.sheet, s.r, s.c, 1, 1);
    }
    getCurrentCell() {
      return this.getActiveCell();
    }
    getSelection() {
      return new Selection(currentSelection());
    }
    setActiveRange(range) {
      return range.activate();
    }
    setActiveSelection(range) {
      return typeof range === "string" ? this.getRange(range).activate() : range.activate();
    }
    getRange(a1Notation) {
      const p = parseA1(a1Notation, null);
      const sd = p.sheet === null ? book.active : sheetByName(p.sheet);
      if (!sd) throw new Error("Range not found");
      const q = parseA1(a1Notation, sd);
      return gridRange(sd, q.r, q.c, q.nr, q.nc);
    }
    toast(msg, title, timeoutSeconds) {
      fake.toasts.push({
        message: msg === undefined ? "" : String(msg),
        title: title === undefined ? "" : String(title),
        timeoutSeconds: timeoutSeconds === undefined ? null : timeoutSeconds,
      });
    }
    addMenu(name, subMenus) {
      const items = (subMenus || []).map((entry) =>
        entry === null
          ? { separator: true }
          : { caption: String(entry.name), functionName: String(entry.functionName) },
      );
      addMenuRecord({ title: String(name), items: items });
    }
    removeMenu(name) {
      fake.menus = fake.menus.filter((m) => m.title !== name);
    }
  }

  const SpreadsheetApp = {
    DataValidationCriteria: DataValidationCriteria,
    ProtectionType: ProtectionType,
    WrapStrategy: { WRAP: "WRAP", OVERFLOW: "OVERFLOW", CLIP: "CLIP" },
    BorderStyle: {
      DOTTED: "DOTTED",
      DASHED: "DASHED",
      SOLID: "SOLID",
      SOLID_MEDIUM: "SOLID_MEDIUM",
      SOLID_THICK: "SOLID_THICK",
      DOUBLE: "DOUBLE",
    },
    getActiveSpreadsheet() {
      requireAuth("SpreadsheetApp.getActiveSpreadsheet", SCOPES.spreadsheet, true);
      return new Spreadsheet();
    },
    getActive() {
      requireAuth("SpreadsheetApp.getActive", SCOPES.spreadsheet, true);
      return new Spreadsheet();
    },
    getActiveSheet() {
      requireAuth("SpreadsheetApp.getActiveSheet", SCOPES.spreadsheet, true);
      return new Sheet(book.active);
    },
    getActiveRange() {
      requireAuth("SpreadsheetApp.getActiveRange", SCOPES.spreadsheet, true);
      return new Spreadsheet().getActiveRange();
    },
    setActiveSheet(sheet) {
      return new Spreadsheet().setActiveSheet(sheet);
    },
    setActiveRange(range) {
      return range.activate();
    },
    openById(id) {
      if (id !== book.id)
        throw new Error(
          "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
        );
      return new Spreadsheet();
    },
    openByUrl(url) {
      if (String(url).indexOf(book.id) < 0)
        throw new Error(
          "Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.",
        );
      return new Spreadsheet();
    },
    getUi() {
      if (!fake.uiAvailable) throw new Error("Cannot call SpreadsheetApp.getUi() from this context.");
      return new Ui();
    },
    flush() {},
    newDataValidation() {
      return new DataValidationBuilder();
    },
  };

  // ------------------------------------------------------------------------------------------------
  // Ui: menus, alerts, prompts, sidebars and dialogs (all recorded in __fake)
  // ------------------------------------------------------------------------------------------------

  const ButtonSet = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO", YES_NO_CANCEL: "YES_NO_CANCEL" };
  const Button = { CLOSE: "CLOSE", OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO" };
  const SET_BUTTONS = {
    OK: ["OK"],
    OK_CANCEL: ["OK", "CANCEL"],
    YES_NO: ["YES", "NO"],
    YES_NO_CANCEL: ["YES", "NO", "CANCEL"],
  };

  function nextAnswer(kind, buttons) {
    const answer = fake.answers.length > 0 ? fake.answers.shift() : null;
    const allowed = SET_BUTTONS[buttons].concat(["CLOSE"]);
    const button = answer && answer.button !== undefined ? String(answer.button) : SET_BUTTONS[buttons][0];
    if (allowed.indexOf(button) < 0) {
      throw new Error(
        "__fake.answers: a " + kind + " with buttons " + buttons + " cannot be answered " + button,
      );
    }
    return { button: button, text: answer && answer.text !== undefined ? String(answer.text) : "" };
  }

  /** (prompt) | (prompt, buttons) | (title, prompt, buttons) */
  function dialogArgs(method, args) {
    const a = Array.prototype.slice.call(args);
    let title = "";
    let message;
    let buttons = null;
    if (a.length === 1) message = a[0];
    else if (a.length === 2 && SET_BUTTONS[a[1]]) {
      message = a[0];
      buttons = a[1];
    } else if (a.length === 3 && SET_BUTTONS[a[2]]) {
      title = a[0];
      message = a[1];
      buttons = a[2];
    } else throw signatureError("Ui." + method, args);
    if (typeof message !== "string" || typeof title !== "string") throw signatureError("Ui." + method, args);
    return { title: title, message: message, buttons: buttons };
  }

  class Menu {
    constructor(title, addon) {
      this._title = String(title);
      this._items = [];
      this._addon = addon;
    }
    addItem(caption, functionName) {
      if (typeof caption !== "string" || typeof functionName !== "string")
        throw signatureError("Menu.addItem", arguments);
      this._items.push({ caption: caption, functionName: functionName });
      return this;
    }
    addSeparator() {
      this._items.push({ separator: true });
      return this;
    }
    addSubMenu(menu) {
      if (!(menu instanceof Menu)) throw signatureError("Menu.addSubMenu", arguments);
      this._items.push({ menu: menu });
      return this;
    }
    addToUi() {
      addMenuRecord(menuRecord(this));
    }
  }

  function menuRecord(menu) {
    const record = {
      title: menu._title,
      items: menu._items.map((item) => (item.menu ? menuRecord(item.menu) : Object.assign({}, item))),
    };
    if (menu._addon) record.addon = true;
    return record;
  }

  /** A menu added again under the same title replaces the earlier one, as in the Sheets menu bar. */
  function addMenuRecord(record) {
    const at = fake.menus.findIndex((m) => m.title === record.title);
    if (at >= 0) fake.menus[at] = record;
    else fake.menus.push(record);
  }

  function htmlRecord(method, output, title, args) {
    if (!(output instanceof HtmlOutput)) throw signatureError("Ui." + method, args);
    return {
      title: title !== undefined ? String(title) : output._title,
      content: output._content,
      width: output._width,
      height: output._height,
    };
  }

  class PromptResponse {
    constructor(answer) {
      this._a = answer;
    }
    getResponseText() {
      return this._a.text;
    }
    getSelectedButton() {
      return this._a.button;
    }
  }

  class Ui {
    constructor() {
      this.ButtonSet = ButtonSet;
      this.Button = Button;
    }
    createMenu(caption) {
      if (typeof caption !== "string") throw signatureError("Ui.createMenu", arguments);
      return new Menu(caption, false);
    }
    createAddonMenu() {
      return new Menu(fake.addonName, true);
    }
    alert() {
      const a = dialogArgs("alert", arguments);
      const buttons = a.buttons || "OK";
      const answer = nextAnswer("alert", buttons);
      fake.alerts.push({ title: a.title, message: a.message, buttons: buttons, answer: answer.button });
      return answer.button;
    }
    prompt() {
      const a = dialogArgs("prompt", arguments);
      const buttons = a.buttons || "OK";
      const answer = nextAnswer("prompt", buttons);
      fake.prompts.push({
        title: a.title,
        message: a.message,
        buttons: buttons,
        answer: answer.button,
        text: answer.text,
      });
      return new PromptResponse(answer);
    }
    showSidebar(userInterface) {
      fake.sidebars.push(htmlRecord("showSidebar", userInterface, undefined, arguments));
    }
    showModalDialog(userInterface, title) {
      const record = htmlRecord("showModalDialog", userInterface, title, arguments);
      record.modal = true;
      fake.dialogs.push(record);
    }
    showModelessDialog(userInterface, title) {
      const record = htmlRecord("showModelessDialog", userInterface, title, arguments);
      record.modal = false;
      fake.dialogs.push(record);
    }
  }

  // ------------------------------------------------------------------------------------------------
  // PropertiesService
  // ------------------------------------------------------------------------------------------------

  const propertyStores = { document: new Map(), script: new Map(), user: new Map() };
  const MAX_PROPERTY_VALUE = 9 * 1024;
  const MAX_PROPERTY_STORE = 500 * 1024;

  function storeSize(store) {
    let n = 0;
    for (const [k, v] of store) n += k.length + v.length;
    return n;
  }

  class Properties {
    constructor(kind) {
      this._k = kind;
    }
    _store() {
      return propertyStores[this._k];
    }
    _set(key, value) {
      if (value === null || value === undefined) throw new Error("Invalid argument: value");
      const text = String(value);
      if (utf8Encode(text).length > MAX_PROPERTY_VALUE) throw new Error("Argument too large: value");
      this._store().set(String(key), text);
      if (storeSize(this._store()) > MAX_PROPERTY_STORE) {
        this._store().delete(String(key));
        throw new Error(
          "You have exceeded the property storage quota. Please remove some properties and try again.",
        );
      }
    }
    getProperty(key) {
      const v = this._store().get(String(key));
      return v === undefined ? null : v;
    }
    setProperty(key, value) {
      this._set(key, value);
      return this;
    }
    setProperties(properties, deleteAllOthers) {
      if (deleteAllOthers) this._store().clear();
      for (const key of Object.keys(properties)) this._set(key, properties[key]);
      return this;
    }
    getProperties() {
      const out = {};
      for (const [k, v] of this._store()) out[k] = v;
      return out;
    }
    getKeys() {
      return Array.from(this._store().keys());
    }
    deleteProperty(key) {
      this._store().delete(String(key));
      return this;
    }
    deleteAllProperties() {
      this._store().clear();
      return this;
    }
  }

  const PropertiesService = {
    getDocumentProperties() {
      requireAuth("PropertiesService.getDocumentProperties", SCOPES.spreadsheet, true);
      return new Properties("document");
    },
    getScriptProperties() {
      requireAuth("PropertiesService.getScriptProperties", SCOPES.spreadsheet, true);
      return new Properties("script");
    },
    getUserProperties() {
      requireAuth("PropertiesService.getUserProperties", SCOPES.spreadsheet, true);
      return new Properties("user");
    },
  };

  // ------------------------------------------------------------------------------------------------
  // LockService
  // ------------------------------------------------------------------------------------------------

  const lockHeld = { document: 0, script: 0, user: 0 };

  class Lock {
    constructor(kind) {
      this._k = kind;
      this._mine = false;
    }
    tryLock(timeoutInMillis) {
      if (typeof timeoutInMillis !== "number") throw signatureError("Lock.tryLock", arguments);
      if (fake.lockBusy) {
        fake.locks.refused++;
        return false;
      }
      if (!this._mine) {
        this._mine = true;
        lockHeld[this._k]++;
        fake.locks.acquired++;
      }
      return true;
    }
    waitLock(timeoutInMillis) {
      if (typeof timeoutInMillis !== "number") throw signatureError("Lock.waitLock", arguments);
      if (!this.tryLock(timeoutInMillis))
        throw new Error("Lock timeout: another process was holding the lock for too long.");
    }
    releaseLock() {
      if (!this._mine) return;
      this._mine = false;
      lockHeld[this._k]--;
      fake.locks.released++;
    }
    hasLock() {
      return this._mine;
    }
  }

  const LockService = {
    getDocumentLock() {
      requireAuth("LockService.getDocumentLock", SCOPES.spreadsheet, true);
      return new Lock("document");
    },
    getScriptLock() {
      return new Lock("script");
    },
    getUserLock() {
      return new Lock("user");
    },
  };

  // ------------------------------------------------------------------------------------------------
  // MailApp
  // ------------------------------------------------------------------------------------------------

  const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

  function recipients(list, field) {
    if (list === undefined || list === null || list === "") return [];
    const out = String(list)
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    for (const address of out) {
      const bare = (/<([^>]+)>$/.exec(address) || [])[1] || address;
      if (!EMAIL.test(bare))
        throw new Error("Invalid email: " + address + (field === "to" ? "" : " (" + field + ")"));
    }
    return out;
  }

  function attachmentRecord(source) {
    const blob = source && typeof source.getBlob === "function" ? source.getBlob() : source;
    if (!(blob instanceof Blob)) throw new Error("Invalid argument: attachments");
    return {
      name: blob._name,
      contentType: blob._type,
      size: blob._bytes.length,
      text: utf8Decode(blob._bytes),
    };
  }

  const MailApp = {
    getRemainingDailyQuota() {
      requireAuth("MailApp.getRemainingDailyQuota", SCOPES.mail, false);
      return fake.mailQuota;
    },
    sendEmail(a, b, c, d) {
      requireAuth("MailApp.sendEmail", SCOPES.mail, false);
      let message;
      if (arguments.length === 1 && a && typeof a === "object") message = a;
      else if (arguments.length === 3) message = { to: a, subject: b, body: c };
      else if (arguments.length === 4 && typeof d === "string")
        message = { to: a, replyTo: b, subject: c, body: d };
      else if (arguments.length === 4 && d && typeof d === "object")
        message = Object.assign({}, d, { to: a, subject: b, body: c });
      else throw signatureError("MailApp.sendEmail", arguments);
      const to = recipients(message.to, "to");
      const cc = recipients(message.cc, "cc");
      const bcc = recipients(message.bcc, "bcc");
      const count = to.length + cc.length + bcc.length;
      if (count === 0) throw new Error("Failed to send email: no recipient");
      if (message.subject === undefined || message.subject === null)
        throw new Error("Invalid argument: subject");
      const subject = String(message.subject);
      if (subject.length > 250) throw new Error("Argument too large: subject");
      if (message.body === undefined && message.htmlBody === undefined)
        throw new Error("Invalid argument: body");
      if (fake.mailQuota < count) throw new Error("Service invoked too many times for one day: email.");
      const attachments = (message.attachments || []).map(attachmentRecord);
      const size = attachments.reduce((n, x) => n + x.size, 0);
      if (size > 25 * 1024 * 1024) throw new Error("Limit Exceeded: Email Total Attachments Size.");
      fake.mailQuota -= count;
      fake.outbox.push({
        to: to.join(","),
        cc: cc.join(","),
        bcc: bcc.join(","),
        replyTo: message.replyTo === undefined ? "" : String(message.replyTo),
        name: message.name === undefined ? "" : String(message.name),
        noReply: Boolean(message.noReply),
        subject: subject,
        body: message.body === undefined ? "" : String(message.body),
        htmlBody: message.htmlBody === undefined ? "" : String(message.htmlBody),
        attachments: attachments,
      });
    },
  };

  // ------------------------------------------------------------------------------------------------
  // Gmail (the advanced service): drafts only, in the mailbox of the effective user
  // ------------------------------------------------------------------------------------------------

  /** Decodes RFC 2047 encoded words (=?UTF-8?B?…?=) of a header; space between two words is dropped. */
  function decodeHeader(value) {
    return value
      .replace(/\?=\s+=\?/g, "?==?")
      .replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/gi, (_, b64) => utf8Decode(base64Decode(b64)));
  }

  /** The parts of a MIME message as Gmail would store a draft: headers, text and HTML bodies. */
  function parseMime(text) {
    const [head, ...rest] = text.split("\r\n\r\n");
    const headers = {};
    // Folded header lines (a line break followed by white space) continue the line before.
    for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
      const at = line.indexOf(":");
      if (at > 0) headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
    }
    const body = rest.join("\r\n\r\n");
    const parts = {};
    const boundary = (/boundary="([^"]+)"/.exec(headers["content-type"] || "") || [])[1];
    if (!boundary) throw new Error("Invalid MIME message: no multipart boundary");
    for (const chunk of body.split("--" + boundary)) {
      const split = chunk.indexOf("\r\n\r\n");
      if (split < 0) continue;
      const type = (/Content-Type:\s*([^;\r\n]+)/i.exec(chunk.slice(0, split)) || [])[1];
      if (type) parts[type.trim()] = utf8Decode(base64Decode(chunk.slice(split + 4)));
    }
    return { headers, parts };
  }

  const Gmail = {
    Users: {
      Drafts: {
        create(resource, userId) {
          count("Gmail.Users.Drafts.create");
          requireAuth("Gmail.Users.Drafts.create", SCOPES.compose, false);
          if (userId !== "me")
            throw new Error("API call to gmail.users.drafts.create failed: Delegation denied");
          const raw = resource && resource.message && resource.message.raw;
          if (typeof raw !== "string" || raw === "")
            throw new Error("API call to gmail.users.drafts.create failed with error: Invalid raw message");
          if (/[+/]/.test(raw))
            throw new Error("API call to gmail.users.drafts.create failed: raw must be base64url");
          const mime = parseMime(utf8Decode(base64Decode(raw)));
          const draft = {
            id: "r" + (fake.drafts.length + 1),
            mailbox: fake.effectiveUser === null ? fake.user : fake.effectiveUser,
            to: mime.headers.to || "",
            replyTo: mime.headers["reply-to"] || "",
            subject: decodeHeader(mime.headers.subject || ""),
            text: mime.parts["text/plain"] || "",
            html: mime.parts["text/html"] || "",
          };
          fake.drafts.push(draft);
          return { id: draft.id, message: { id: "m" + draft.id } };
        },
      },
      Messages: {
        /** Searches fake.incoming: only `from:(a OR b)` / `from:a` and `after:YYYY/MM/DD` (UTC day) are understood. */
        list(userId, options) {
          count("Gmail.Users.Messages.list");
          requireAuth("Gmail.Users.Messages.list", SCOPES.readonly, false);
          readonlyGranted("Gmail.Users.Messages.list");
          if (userId !== "me")
            throw new Error("API call to gmail.users.messages.list failed: Delegation denied");
          const q = (options && options.q) || "";
          const fromMatch = /from:\(([^)]*)\)|from:(\S+)/.exec(q);
          const senders = fromMatch
            ? (fromMatch[1] || fromMatch[2]).split(/\s+OR\s+/).map((a) => a.trim().toLowerCase())
            : null;
          const afterMatch = /after:(\d{4})\/(\d{2})\/(\d{2})/.exec(q);
          const after = afterMatch
            ? RealDate.UTC(+afterMatch[1], +afterMatch[2] - 1, +afterMatch[3] + 1)
            : null;
          const max = (options && options.maxResults) || 100;
          const found = [];
          fake.incoming.forEach((m, i) => {
            const address = (/<([^>]*)>/.exec(m.from) || [null, m.from])[1].trim().toLowerCase();
            if (senders !== null && !senders.includes(address)) return;
            if (after !== null && new RealDate(m.at).getTime() < after) return;
            found.push({ id: "in" + i, threadId: "t" + i });
          });
          const messages = found.slice(0, max);
          return messages.length > 0
            ? { messages, resultSizeEstimate: messages.length }
            : { resultSizeEstimate: 0 };
        },
        get(userId, id, options) {
          count("Gmail.Users.Messages.get");
          requireAuth("Gmail.Users.Messages.get", SCOPES.readonly, false);
          readonlyGranted("Gmail.Users.Messages.get");
          const m = fake.incoming[Number(String(id).slice(2))];
          if (userId !== "me" || !m)
            throw new Error("API call to gmail.users.messages.get failed: Not Found");
          const wanted = (options && options.metadataHeaders) || ["From"];
          return {
            id,
            internalDate: String(new RealDate(m.at).getTime()),
            payload: { headers: wanted.includes("From") ? [{ name: "From", value: m.from }] : [] },
          };
        },
      },
    },
  };

  function readonlyGranted(method) {
    if (!fake.gmailReadonly)
      throw new Error(
        "Request had insufficient authentication scopes. (" + method + ": " + SCOPES.readonly + ")",
      );
  }

  // ------------------------------------------------------------------------------------------------
  // ScriptApp: triggers
  // ------------------------------------------------------------------------------------------------

  const EventType = {
    CLOCK: "CLOCK",
    ON_OPEN: "ON_OPEN",
    ON_EDIT: "ON_EDIT",
    ON_FORM_SUBMIT: "ON_FORM_SUBMIT",
    ON_CHANGE: "ON_CHANGE",
    ON_EVENT_UPDATED: "ON_EVENT_UPDATED",
  };
  const TriggerSource = {
    SPREADSHEETS: "SPREADSHEETS",
    CLOCK: "CLOCK",
    FORMS: "FORMS",
    DOCUMENTS: "DOCUMENTS",
    CALENDAR: "CALENDAR",
  };
  const AuthMode = { NONE: "NONE", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", LIMITED: "LIMITED", FULL: "FULL" };
  const WeekDay = {
    SUNDAY: "SUNDAY",
    MONDAY: "MONDAY",
    TUESDAY: "TUESDAY",
    WEDNESDAY: "WEDNESDAY",
    THURSDAY: "THURSDAY",
    FRIDAY: "FRIDAY",
    SATURDAY: "SATURDAY",
  };
  const MAX_TRIGGERS = 20;
  let triggers = [];
  let nextTriggerId = 1;

  class Trigger {
    constructor(record) {
      this._t = record;
    }
    getHandlerFunction() {
      return this._t.handler;
    }
    getUniqueId() {
      return this._t.uid;
    }
    getEventType() {
      return this._t.eventType;
    }
    getTriggerSource() {
      return this._t.source;
    }
    getTriggerSourceId() {
      return this._t.sourceId;
    }
  }

  function addTrigger(record) {
    if (triggers.length >= MAX_TRIGGERS) {
      throw new Error(
        "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
      );
    }
    if (fake.addon && triggers.some((t) => t.eventType === record.eventType)) {
      throw new Error(
        "This add-on has created too many " +
          (record.eventType === "CLOCK" ? "time-based" : record.eventType) +
          " triggers in this document for this Google user account.",
      );
    }
    record.uid = String(nextTriggerId++);
    triggers.push(record);
    return new Trigger(record);
  }

  const RECURRENCES = [
    "after",
    "at",
    "atDate",
    "everyMinutes",
    "everyHours",
    "everyDays",
    "everyWeeks",
    "onMonthDay",
    "onWeekDay",
  ];

  class ClockTriggerBuilder {
    constructor(handler) {
      this._h = handler;
      this._s = {};
    }
    _recur(kind, value) {
      const other = RECURRENCES.find(
        (k) =>
          k !== kind &&
          this._s[k] !== undefined &&
          !(kind === "onWeekDay" && k === "everyWeeks") &&
          !(kind === "everyWeeks" && k === "onWeekDay"),
      );
      if (other)
        throw new Error(
          "The trigger already has a schedule (" + other + "); " + kind + " cannot be added to it.",
        );
      this._s[kind] = value;
      return this;
    }
    after(durationMilliseconds) {
      return this._recur("after", durationMilliseconds);
    }
    at(date) {
      if (!isDate(date)) throw signatureError("ClockTriggerBuilder.at", arguments);
      return this._recur("at", date.getTime());
    }
    atDate(year, month, day) {
      return this._recur("atDate", [year, month, day]);
    }
    everyMinutes(n) {
      if ([1, 5, 10, 15, 30].indexOf(n) < 0)
        throw new Error("The value passed to everyMinutes must be 1, 5, 10, 15 or 30.");
      return this._recur("everyMinutes", n);
    }
    everyHours(n) {
      if ([1, 2, 4, 6, 8, 12].indexOf(n) < 0)
        throw new Error("The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.");
      return this._recur("everyHours", n);
    }
    everyDays(n) {
      if (!isInt(n) || n < 1) throw signatureError("ClockTriggerBuilder.everyDays", arguments);
      return this._recur("everyDays", n);
    }
    everyWeeks(n) {
      if (!isInt(n) || n < 1) throw signatureError("ClockTriggerBuilder.everyWeeks", arguments);
      return this._recur("everyWeeks", n);
    }
    onMonthDay(day) {
      if (!isInt(day) || day < 1 || day > 31)
        throw new Error("The day of the month must be between 1 and 31.");
      return this._recur("onMonthDay", day);
    }
    onWeekDay(day) {
      if (!WeekDay[String(day)]) throw signatureError("ClockTriggerBuilder.onWeekDay", arguments);
      return this._recur("onWeekDay", String(day));
    }
    atHour(hour) {
      if (!isInt(hour) || hour < 0 || hour > 23) throw new Error("The hour must be between 0 and 23.");
      this._s.atHour = hour;
      return this;
    }
    nearMinute(minute) {
      if (!isInt(minute) || minute < 0 || minute > 59)
        throw new Error("The minute must be between 0 and 59.");
      this._s.nearMinute = minute;
      return this;
    }
    inTimezone(timezone) {
      if (typeof timezone !== "string" || !findZone(timezone)) throw new Error("Invalid argument: timezone");
      this._s.timezone = timezone;
      return this;
    }
    create() {
      requireAuth("ClockTriggerBuilder.create", SCOPES.triggers, false);
      const s = this._s;
      const kind = RECURRENCES.find((k) => s[k] !== undefined);
      if (!kind)
        throw new Error(
          "The time-based trigger needs a schedule: after, at, atDate, everyMinutes, everyHours, everyDays, everyWeeks, onMonthDay or onWeekDay.",
        );
      if (
        (s.atHour !== undefined || s.nearMinute !== undefined) &&
        ["everyDays", "everyWeeks", "onMonthDay", "onWeekDay", "atDate"].indexOf(kind) < 0
      ) {
        throw new Error(
          "atHour and nearMinute can only be used with everyDays, everyWeeks, onMonthDay, onWeekDay or atDate.",
        );
      }
      if (fake.addon && (kind === "everyMinutes" || kind === "after")) {
        throw new Error("Add-ons may not create time-based triggers that run more often than once an hour.");
      }
      return addTrigger({
        handler: this._h,
        eventType: "CLOCK",
        source: "CLOCK",
        sourceId: null,
        schedule: JSON.parse(JSON.stringify(s)),
      });
    }
  }

  class SpreadsheetTriggerBuilder {
    constructor(handler, id) {
      this._h = handler;
      this._id = id;
      this._type = null;
    }
    onOpen() {
      this._type = "ON_OPEN";
      return this;
    }
    onEdit() {
      this._type = "ON_EDIT";
      return this;
    }
    onChange() {
      this._type = "ON_CHANGE";
      return this;
    }
    onFormSubmit() {
      this._type = "ON_FORM_SUBMIT";
      return this;
    }
    create() {
      requireAuth("SpreadsheetTriggerBuilder.create", SCOPES.triggers, false);
      if (!this._type)
        throw new Error("The spreadsheet trigger needs an event: onOpen, onEdit, onChange or onFormSubmit.");
      return addTrigger({
        handler: this._h,
        eventType: this._type,
        source: "SPREADSHEETS",
        sourceId: this._id,
        schedule: {},
      });
    }
  }

  class TriggerBuilder {
    constructor(handler) {
      this._h = handler;
    }
    timeBased() {
      return new ClockTriggerBuilder(this._h);
    }
    forSpreadsheet(sheet) {
      const id = typeof sheet === "string" ? sheet : sheet instanceof Spreadsheet ? sheet.getId() : null;
      if (id === null) throw signatureError("TriggerBuilder.forSpreadsheet", arguments);
      if (id !== book.id) throw new Error("Invalid argument: key");
      return new SpreadsheetTriggerBuilder(this._h, id);
    }
  }

  const ScriptApp = {
    EventType: EventType,
    TriggerSource: TriggerSource,
    AuthMode: AuthMode,
    WeekDay: WeekDay,
    AuthorizationStatus: { REQUIRED: "REQUIRED", NOT_REQUIRED: "NOT_REQUIRED" },
    getProjectTriggers() {
      requireAuth("ScriptApp.getProjectTriggers", SCOPES.triggers, false);
      return triggers.map((t) => new Trigger(t));
    },
    getUserTriggers(document) {
      requireAuth("ScriptApp.getUserTriggers", SCOPES.triggers, false);
      const id = document && typeof document.getId === "function" ? document.getId() : null;
      return triggers.filter((t) => t.sourceId === id).map((t) => new Trigger(t));
    },
    deleteTrigger(trigger) {
      requireAuth("ScriptApp.deleteTrigger", SCOPES.triggers, false);
      if (!(trigger instanceof Trigger)) throw signatureError("ScriptApp.deleteTrigger", arguments);
      triggers = triggers.filter((t) => t.uid !== trigger._t.uid);
    },
    newTrigger(functionName) {
      if (typeof functionName !== "string") throw signatureError("ScriptApp.newTrigger", arguments);
      return new TriggerBuilder(functionName);
    },
    InstallationSource: {
      APPS_MARKETPLACE_DOMAIN_ADD_ON: "APPS_MARKETPLACE_DOMAIN_ADD_ON",
      NONE: "NONE",
      WEB_STORE_ADD_ON: "WEB_STORE_ADD_ON",
    },
    getInstallationSource() {
      return fake.addon ? "WEB_STORE_ADD_ON" : "NONE";
    },
    getOAuthToken() {
      return "fake-oauth-token";
    },
    getScriptId() {
      return "fake-script-id";
    },
    getService() {
      return {
        getUrl: () => "https://script.google.com/macros/s/fake-script-id/exec",
        isEnabled: () => false,
      };
    },
    getAuthorizationInfo() {
      return { getAuthorizationStatus: () => "NOT_REQUIRED", getAuthorizationUrl: () => null };
    },
    invalidateAuth() {},
  };

  // ------------------------------------------------------------------------------------------------
  // Session
  // ------------------------------------------------------------------------------------------------

  let inTrigger = false;

  class User {
    constructor(email) {
      this._e = email;
    }
    getEmail() {
      return this._e;
    }
    getUserLoginId() {
      return this._e;
    }
  }

  const Session = {
    getActiveUser() {
      requireAuth("Session.getActiveUser", SCOPES.email, true);
      return new User(inTrigger ? fake.triggerUser : fake.authMode === "LIMITED" ? "" : fake.user);
    },
    getEffectiveUser() {
      requireAuth("Session.getEffectiveUser", SCOPES.email, false);
      return new User(fake.effectiveUser === null ? fake.user : fake.effectiveUser);
    },
    getScriptTimeZone() {
      return fake.scriptTimeZone;
    },
    getActiveUserLocale() {
      return book.locale.split("_")[0];
    },
    getTemporaryActiveUserKey() {
      return "fake-temporary-user-key";
    },
  };

  // ------------------------------------------------------------------------------------------------
  // Blob, Utilities
  // ------------------------------------------------------------------------------------------------

  const MimeType = {
    PDF: "application/pdf",
    HTML: "text/html",
    PLAIN_TEXT: "text/plain",
    CSV: "text/csv",
    JSON: "application/json",
    JAVASCRIPT: "application/javascript",
    JPEG: "image/jpeg",
    PNG: "image/png",
    GIF: "image/gif",
    BMP: "image/bmp",
    SVG: "image/svg+xml",
    ZIP: "application/zip",
    MICROSOFT_EXCEL: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    MICROSOFT_EXCEL_LEGACY: "application/vnd.ms-excel",
    GOOGLE_SHEETS: "application/vnd.google-apps.spreadsheet",
  };
  const CONVERTIBLE_TO_PDF = [
    "text/html",
    "text/plain",
    "text/csv",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/bmp",
  ];

  function replaceExtension(name, extension) {
    if (name === null) return null;
    const dot = name.lastIndexOf(".");
    return (dot > 0 ? name.slice(0, dot) : name) + "." + extension;
  }

  class Blob {
    constructor(bytes, contentType, name) {
      this._bytes = bytes;
      this._type = contentType === undefined ? null : contentType;
      this._name = name === undefined ? null : name;
    }
    getBytes() {
      return signed(this._bytes);
    }
    setBytes(data) {
      this._bytes = bytesOf(data, "Blob.setBytes");
      return this;
    }
    getDataAsString(charset) {
      if (charset && /^(US[-_]ASCII)$/i.test(String(charset)))
        return this._bytes.map((b) => String.fromCharCode(b & 0x7f)).join("");
      return utf8Decode(this._bytes);
    }
    setDataFromString(string) {
      this._bytes = utf8Encode(string);
      return this;
    }
    getContentType() {
      return this._type;
    }
    setContentType(contentType) {
      this._type = contentType === null ? null : String(contentType);
      return this;
    }
    setContentTypeFromExtension() {
      const ext = (/\.([a-z0-9]+)$/i.exec(this._name || "") || [])[1];
      const map = {
        pdf: MimeType.PDF,
        html: MimeType.HTML,
        htm: MimeType.HTML,
        txt: MimeType.PLAIN_TEXT,
        csv: MimeType.CSV,
        json: MimeType.JSON,
        png: MimeType.PNG,
        jpg: MimeType.JPEG,
        jpeg: MimeType.JPEG,
        xlsx: MimeType.MICROSOFT_EXCEL,
      };
      if (!ext || !map[ext.toLowerCase()])
        throw new Error("Could not determine the content type of " + this._name);
      this._type = map[ext.toLowerCase()];
      return this;
    }
    getName() {
      return this._name;
    }
    setName(name) {
      this._name = name === null ? null : String(name);
      return this;
    }
    isGoogleType() {
      return false;
    }
    getBlob() {
      return this;
    }
    copyBlob() {
      return new Blob(this._bytes.slice(), this._type, this._name);
    }
    /** Conversion to PDF: a fake PDF whose bytes start with "%PDF-" and embed the source (HTML) as it was. */
    getAs(contentType) {
      if (this._type === null)
        throw new Error("Blob object must have non-null content type for this operation.");
      const to = String(contentType);
      if (to === this._type) return this.copyBlob();
      if (to !== MimeType.PDF || CONVERTIBLE_TO_PDF.indexOf(this._type) < 0) {
        throw new Error("Converting from " + this._type + " to " + to + " is not supported.");
      }
      const head = utf8Encode(
        "%PDF-1.4\n% Fake PDF converted from " + this._type + " by test/gas/fakes/services.js\n",
      );
      const tail = utf8Encode("\n%%EOF\n");
      return new Blob(head.concat(this._bytes, tail), MimeType.PDF, replaceExtension(this._name, "pdf"));
    }
  }

  let uuidState = 1;

  function nextRandom() {
    uuidState = (uuidState + 0x6d2b79f5) | 0;
    let t = uuidState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  function formatString(template) {
    const args = Array.prototype.slice.call(arguments, 1);
    let i = 0;
    return String(template).replace(/%(%|s|d|i|f|\.(\d+)f|j)/g, (whole, kind, digits) => {
      if (kind === "%") return "%";
      const v = args[i++];
      if (kind === "s") return String(v);
      if (kind === "d" || kind === "i") return String(Math.trunc(Number(v)));
      if (kind === "j") return JSON.stringify(v);
      if (digits !== undefined) return Number(v).toFixed(Number(digits));
      return String(Number(v));
    });
  }

  const Utilities = {
    Charset: { US_ASCII: "US_ASCII", UTF_8: "UTF_8" },
    formatDate(date, timeZone, format) {
      if (!isDate(date) || typeof timeZone !== "string" || typeof format !== "string") {
        if (date && Object.prototype.toString.call(date) === "[object Date]" && !isDate(date)) {
          warn("Utilities.formatDate: got a Date from another realm (a host Date leaked into the sandbox)");
        }
        throw signatureError("Utilities.formatDate", arguments);
      }
      const ms = date.getTime();
      if (Number.isNaN(ms)) throw new Error("Invalid argument: date");
      return formatPattern(ms, zoneOrGmt(timeZone, "Utilities.formatDate"), format);
    },
    parseDate(date, timeZone, format) {
      if (typeof date !== "string" || typeof timeZone !== "string" || typeof format !== "string")
        throw signatureError("Utilities.parseDate", arguments);
      return new RealDate(parsePattern(date, zoneOrGmt(timeZone, "Utilities.parseDate"), format));
    },
    formatString: formatString,
    newBlob(data, contentType, name) {
      if (data === undefined) throw signatureError("Utilities.newBlob", arguments);
      return new Blob(bytesOf(data, "Utilities.newBlob"), contentType, name);
    },
    sleep(milliseconds) {
      if (typeof milliseconds !== "number" || milliseconds < 0 || milliseconds > 300000)
        throw new Error("Invalid argument: milliseconds");
      fake.slept += milliseconds;
      if (fakeNow !== null) fakeNow += milliseconds;
    },
    getUuid() {
      const hex = [];
      for (let i = 0; i < 32; i++) hex.push(Math.floor(nextRandom() * 16).toString(16));
      hex[12] = "4";
      hex[16] = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
      const s = hex.join("");
      return (
        s.slice(0, 8) +
        "-" +
        s.slice(8, 12) +
        "-" +
        s.slice(12, 16) +
        "-" +
        s.slice(16, 20) +
        "-" +
        s.slice(20)
      );
    },
    base64Encode(data) {
      return base64Encode(bytesOf(data, "Utilities.base64Encode"), false);
    },
    base64EncodeWebSafe(data) {
      return base64Encode(bytesOf(data, "Utilities.base64EncodeWebSafe"), true);
    },
    base64Decode(encoded) {
      return signed(base64Decode(encoded));
    },
    base64DecodeWebSafe(encoded) {
      return signed(base64Decode(encoded));
    },
  };

  // ------------------------------------------------------------------------------------------------
  // HtmlService
  // ------------------------------------------------------------------------------------------------

  const SandboxMode = { EMULATED: "EMULATED", IFRAME: "IFRAME", NATIVE: "NATIVE" };
  const XFrameOptionsMode = { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" };

  function escapeHtml(text) {
    return String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
  }

  class HtmlOutput {
    constructor(html) {
      this._content = html;
      this._title = "";
      this._width = null;
      this._height = null;
      this._sandbox = SandboxMode.IFRAME;
      this._xframe = XFrameOptionsMode.DEFAULT;
      this._meta = [];
      this._favicon = null;
    }
    append(addedContent) {
      this._content += String(addedContent);
      return this;
    }
    appendUntrusted(addedContent) {
      this._content += escapeHtml(addedContent);
      return this;
    }
    setContent(content) {
      this._content = String(content);
      return this;
    }
    getContent() {
      return this._content;
    }
    clear() {
      this._content = "";
      return this;
    }
    setTitle(title) {
      this._title = String(title);
      return this;
    }
    getTitle() {
      return this._title;
    }
    setWidth(width) {
      if (!isInt(width)) throw signatureError("HtmlOutput.setWidth", arguments);
      this._width = width;
      return this;
    }
    getWidth() {
      return this._width;
    }
    setHeight(height) {
      if (!isInt(height)) throw signatureError("HtmlOutput.setHeight", arguments);
      this._height = height;
      return this;
    }
    getHeight() {
      return this._height;
    }
    setSandboxMode(mode) {
      if (!SandboxMode[String(mode)]) throw signatureError("HtmlOutput.setSandboxMode", arguments);
      this._sandbox = String(mode);
      return this;
    }
    setXFrameOptionsMode(mode) {
      if (!XFrameOptionsMode[String(mode)])
        throw signatureError("HtmlOutput.setXFrameOptionsMode", arguments);
      this._xframe = String(mode);
      return this;
    }
    addMetaTag(name, content) {
      this._meta.push({ name: String(name), content: String(content) });
      return this;
    }
    setFaviconUrl(iconUrl) {
      this._favicon = String(iconUrl);
      return this;
    }
    getFaviconUrl() {
      return this._favicon;
    }
    getBlob() {
      return new Blob(utf8Encode(this._content), MimeType.HTML, this._title ? this._title + ".html" : null);
    }
    getAs(contentType) {
      return this.getBlob().getAs(contentType);
    }
  }

  function htmlFile(filename) {
    const name = String(filename).replace(/\.html$/, "");
    if (!Object.prototype.hasOwnProperty.call(fake.htmlFiles, name))
      throw new Error("No HTML file named " + name + " was found.");
    return String(fake.htmlFiles[name]);
  }

  class HtmlTemplate {
    constructor(source) {
      this._source = source;
    }
    getRawContent() {
      return this._source;
    }
    getCode() {
      let code = "var __out = [];\n";
      const re = /<\?(!?=)?([\s\S]*?)\?>/g;
      let last = 0;
      let m;
      while ((m = re.exec(this._source)) !== null) {
        code += "__out.push(" + JSON.stringify(this._source.slice(last, m.index)) + ");\n";
        if (m[1] === "=") code += "__out.push(__escape(" + m[2] + "));\n";
        else if (m[1] === "!=") code += "__out.push(String(" + m[2] + "));\n";
        else code += m[2] + "\n";
        last = re.lastIndex;
      }
      code += "__out.push(" + JSON.stringify(this._source.slice(last)) + ");\nreturn __out.join('');";
      return code;
    }
    evaluate() {
      const props = {};
      for (const key of Object.keys(this)) if (key.charAt(0) !== "_") props[key] = this[key];
      const run = new Function("__props", "__escape", "with (__props) {\n" + this.getCode() + "\n}");
      return new HtmlOutput(run(props, escapeHtml));
    }
  }

  const HtmlService = {
    SandboxMode: SandboxMode,
    XFrameOptionsMode: XFrameOptionsMode,
    createHtmlOutput(html) {
      if (html === undefined) return new HtmlOutput("");
      if (html instanceof Blob) return new HtmlOutput(html.getDataAsString());
      if (typeof html !== "string") throw signatureError("HtmlService.createHtmlOutput", arguments);
      return new HtmlOutput(html);
    },
    createHtmlOutputFromFile(filename) {
      return new HtmlOutput(htmlFile(filename));
    },
    createTemplate(html) {
      return new HtmlTemplate(html instanceof Blob ? html.getDataAsString() : String(html));
    },
    createTemplateFromFile(filename) {
      return new HtmlTemplate(htmlFile(filename));
    },
    getUserAgent() {
      return "Mozilla/5.0 (fake)";
    },
  };

  // ------------------------------------------------------------------------------------------------
  // CacheService, Logger, console, Charts
  // ------------------------------------------------------------------------------------------------

  const caches = { document: new Map(), script: new Map(), user: new Map() };

  class Cache {
    constructor(kind) {
      this._k = kind;
    }
    _map() {
      return caches[this._k];
    }
    get(key) {
      const entry = this._map().get(String(key));
      if (!entry) return null;
      if (entry.expires <= nowMs()) {
        this._map().delete(String(key));
        return null;
      }
      return entry.value;
    }
    getAll(keys) {
      const out = {};
      for (const key of keys) {
        const v = this.get(key);
        if (v !== null) out[key] = v;
      }
      return out;
    }
    put(key, value, expirationInSeconds) {
      if (typeof value !== "string") throw signatureError("Cache.put", arguments);
      if (String(key).length > 250) throw new Error("Argument too large: key");
      if (utf8Encode(value).length > 100 * 1024) throw new Error("Argument too large: value");
      const seconds = Math.min(expirationInSeconds === undefined ? 600 : expirationInSeconds, 21600);
      this._map().set(String(key), { value: value, expires: nowMs() + seconds * 1000 });
    }
    putAll(values, expirationInSeconds) {
      for (const key of Object.keys(values)) this.put(key, values[key], expirationInSeconds);
    }
    remove(key) {
      this._map().delete(String(key));
    }
    removeAll(keys) {
      for (const key of keys) this.remove(key);
    }
  }

  const CacheService = {
    getDocumentCache() {
      return new Cache("document");
    },
    getScriptCache() {
      return new Cache("script");
    },
    getUserCache() {
      return new Cache("user");
    },
  };

  function logText(args) {
    return Array.prototype.map
      .call(args, (a) => {
        if (typeof a === "string") return a;
        if (isDate(a)) return a.toString();
        try {
          return JSON.stringify(a);
        } catch (e) {
          return String(a);
        }
      })
      .join(" ");
  }

  const Logger = {
    log(data) {
      const message =
        arguments.length > 1 && typeof data === "string"
          ? formatString.apply(null, arguments)
          : logText([data]);
      fake.logs.push({ level: "Logger", message: message });
      return Logger;
    },
    getLog() {
      return fake.logs
        .filter((l) => l.level === "Logger")
        .map((l) => l.message)
        .join("\n");
    },
    clear() {
      fake.logs = fake.logs.filter((l) => l.level !== "Logger");
    },
  };

  const Charts = { ChartType: ChartType };

  // ------------------------------------------------------------------------------------------------
  // Calendar advanced service (Calendar API v3): Calendar.Events insert / patch / remove / list / get
  // ------------------------------------------------------------------------------------------------

  /** Calendars by id (an owner's address): Map of event id → stored event (deep copies in and out). */
  const calendarStore = new Map();
  let nextEventId = 1;

  function calendarError(method, reason) {
    return new Error("API call to calendar.events." + method + " failed with error: " + reason);
  }

  function calendarOf(method, calendarId) {
    requireAuth("Calendar.Events." + method, SCOPES.calendar, false);
    if (typeof calendarId !== "string" || calendarId === "") throw calendarError(method, "Not Found");
    if (fake.calendarDenied.indexOf(calendarId) >= 0) throw calendarError(method, "Not Found");
    if (!calendarStore.has(calendarId)) calendarStore.set(calendarId, new Map());
    return calendarStore.get(calendarId);
  }

  function plainCopy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  /** Start and end must each be a date or a dateTime (with an offset or a timeZone), end after start. */
  function checkTimes(method, event) {
    for (const side of ["start", "end"]) {
      const t = event[side];
      const hasDate = t && t.date !== undefined && t.date !== null;
      const hasDateTime = t && t.dateTime !== undefined && t.dateTime !== null;
      if (!t || hasDate === hasDateTime) throw calendarError(method, "Invalid " + side + " time.");
      if (hasDate && !/^\d{4}-\d{2}-\d{2}$/.test(t.date))
        throw calendarError(method, "Invalid " + side + " date.");
      if (hasDateTime && !/Z$|[+-]\d{2}:\d{2}$/.test(t.dateTime) && !t.timeZone)
        throw calendarError(method, "Missing time zone definition for " + side + " time.");
    }
    const a = event.start.date || event.start.dateTime;
    const b = event.end.date || event.end.dateTime;
    if (!(b > a)) throw calendarError(method, "The specified time range is empty.");
  }

  /** Patch semantics: fields given replace, nested objects merge, null clears. */
  function mergePatch(target, patch) {
    for (const key of Object.keys(patch)) {
      const value = patch[key];
      if (value === null) delete target[key];
      else if (
        typeof value === "object" &&
        !Array.isArray(value) &&
        typeof target[key] === "object" &&
        target[key] !== null
      )
        mergePatch(target[key], value);
      else target[key] = plainCopy(value);
    }
    return target;
  }

  function withoutNulls(value) {
    return mergePatch({}, value);
  }

  function privateFilter(args) {
    const raw = args && args.privateExtendedProperty;
    const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    return list.map((entry) => {
      const at = String(entry).indexOf("=");
      if (at <= 0) throw calendarError("list", "Invalid privateExtendedProperty.");
      return [String(entry).slice(0, at), String(entry).slice(at + 1)];
    });
  }

  const CalendarEvents = {
    insert(resource, calendarId, optionalArgs) {
      const events = calendarOf("insert", calendarId);
      const event = withoutNulls(resource || {});
      checkTimes("insert", event);
      event.id = "ev" + nextEventId++;
      event.status = "confirmed";
      event.created = event.updated = new RealDate(nowMs()).toISOString();
      events.set(event.id, event);
      fake.calendarLog.push({
        method: "insert",
        calendarId: calendarId,
        id: event.id,
        args: plainCopy(optionalArgs || {}),
      });
      return plainCopy(event);
    },
    patch(resource, calendarId, eventId, optionalArgs) {
      const events = calendarOf("patch", calendarId);
      const event = events.get(eventId);
      if (!event) throw calendarError("patch", "Not Found");
      if (event.status === "cancelled") throw calendarError("patch", "Resource has been deleted");
      const next = mergePatch(plainCopy(event), resource || {});
      checkTimes("patch", next);
      next.updated = new RealDate(nowMs()).toISOString();
      events.set(eventId, next);
      fake.calendarLog.push({
        method: "patch",
        calendarId: calendarId,
        id: eventId,
        args: plainCopy(optionalArgs || {}),
      });
      return plainCopy(next);
    },
    remove(calendarId, eventId, optionalArgs) {
      const events = calendarOf("remove", calendarId);
      const event = events.get(eventId);
      if (!event) throw calendarError("remove", "Not Found");
      if (event.status === "cancelled") throw calendarError("remove", "Resource has been deleted");
      event.status = "cancelled";
      fake.calendarLog.push({
        method: "remove",
        calendarId: calendarId,
        id: eventId,
        args: plainCopy(optionalArgs || {}),
      });
    },
    get(calendarId, eventId) {
      const event = calendarOf("get", calendarId).get(eventId);
      if (!event) throw calendarError("get", "Not Found");
      return plainCopy(event);
    },
    list(calendarId, optionalArgs) {
      const events = calendarOf("list", calendarId);
      const args = optionalArgs || {};
      const filter = privateFilter(args);
      const max = Math.min(Number(args.maxResults) || 250, 2500);
      const all = [];
      for (const event of events.values()) {
        if (event.status === "cancelled" && !args.showDeleted) continue;
        const own = (event.extendedProperties && event.extendedProperties.private) || {};
        if (filter.every(([k, v]) => own[k] === v)) all.push(event);
      }
      const from = args.pageToken ? Number(args.pageToken) : 0;
      const page = all.slice(from, from + max);
      const out = { kind: "calendar#events", items: page.map(plainCopy) };
      if (from + max < all.length) out.nextPageToken = String(from + max);
      return out;
    },
  };
  const Calendar = { Events: CalendarEvents };

  // ------------------------------------------------------------------------------------------------
  // The __fake API
  // ------------------------------------------------------------------------------------------------

  const project = { htmlFiles: {}, timeZone: "Asia/Shanghai" };

  function toMs(when) {
    if (typeof when === "number") return when;
    if (isDate(when) || Object.prototype.toString.call(when) === "[object Date]") return when.getTime();
    const ms = RealDate.parse(String(when));
    if (Number.isNaN(ms)) throw new Error("__fake: not an instant: " + JSON.stringify(when));
    return ms;
  }

  function requireSheet(name, where) {
    const sd = sheetByName(name);
    if (!sd)
      throw new Error(
        "__fake." +
          where +
          ': no sheet named "' +
          name +
          '" (sheets: ' +
          book.sheets.map((s) => s.name).join(", ") +
          ")",
      );
    return sd;
  }

  function seedSheet(name, rows) {
    validateSheetName(name, null);
    const sd = newSheetData(String(name));
    book.sheets.push(sd);
    let width = 0;
    (rows || []).forEach((line, i) => {
      (line || []).forEach((value, j) => {
        const content = seedContent(value);
        if (content !== null) setContent(cellFor(sd, i + 1, j + 1), content);
      });
      width = Math.max(width, (line || []).length);
    });
    sd.maxRows = Math.max(sd.maxRows, (rows || []).length);
    sd.maxCols = Math.max(sd.maxCols, width);
    return sd;
  }

  /** Runs of equal values down each column: [{a1: "C2:C1000", value}] (pick returns a string or a rule's data). */
  function columnRuns(sd, pick) {
    const out = [];
    let width = 0;
    for (const line of sd.rows) if (line && line.length > width) width = line.length;
    const same = (a, b) =>
      a === b ||
      (a !== undefined &&
        b !== undefined &&
        typeof a === "object" &&
        JSON.stringify(a) === JSON.stringify(b));
    for (let c = 1; c <= width; c++) {
      let start = 0;
      let current;
      for (let r = 1; r <= sd.rows.length + 1; r++) {
        const line = sd.rows[r - 1];
        const cell = line ? line[c - 1] : undefined;
        const value = cell ? pick(cell) : undefined;
        if (!same(value, current)) {
          if (current !== undefined) out.push({ a1: a1Of(start, c, r - start, 1), value: current });
          start = r;
          current = value;
        }
      }
    }
    return out;
  }

  function cellMap(sd, pick) {
    const out = {};
    sd.rows.forEach((row, i) => {
      if (!row) return;
      row.forEach((cell, j) => {
        if (!cell) return;
        const v = pick(cell);
        if (v !== undefined) out[a1Of(i + 1, j + 1, 1, 1)] = v;
      });
    });
    return out;
  }

  function chartState(data) {
    return {
      id: data.id,
      type: data.type,
      ranges: data.ranges.map((r) => r.sheet.name + "!" + a1Of(r.r, r.c, r.nr, r.nc)),
      anchorRow: data.position.row,
      anchorColumn: data.position.column,
      offsetX: data.position.offsetX,
      offsetY: data.position.offsetY,
      options: Object.assign({}, data.options),
      numHeaders: data.numHeaders,
    };
  }

  function triggerData(t) {
    return {
      uid: t.uid,
      handler: t.handler,
      eventType: t.eventType,
      source: t.source,
      sourceId: t.sourceId,
      schedule: JSON.parse(JSON.stringify(t.schedule)),
    };
  }

  function importValue(value) {
    if (value === null || typeof value !== "object") return value;
    if (Object.prototype.toString.call(value) === "[object Date]") return new RealDate(value.getTime());
    if (Array.isArray(value)) return value.map(importValue);
    const out = {};
    for (const key of Object.keys(value)) out[key] = importValue(value[key]);
    return out;
  }

  function withContext(settings, invoke, event) {
    const saved = { ui: fake.uiAvailable, auth: fake.authMode, inTrigger: inTrigger };
    fake.uiAvailable = settings.ui;
    fake.authMode = settings.authMode;
    inTrigger = settings.inTrigger;
    try {
      return invoke(event);
    } finally {
      fake.uiAvailable = saved.ui;
      fake.authMode = saved.auth;
      inTrigger = saved.inTrigger;
    }
  }

  function reset(options) {
    const o = options || {};
    fakeNow = o.now === undefined || o.now === null ? null : toMs(o.now);
    zoneCache.clear();
    book = {
      id: o.id || "fake-spreadsheet-id",
      name: o.name || "Account Desk (fake)",
      timeZone: o.timeZone || "Asia/Shanghai",
      locale: o.locale || "zh_CN",
      sheets: [],
      active: null,
      selection: null,
      nextSheetId: 0,
      nextChartId: 1,
    };
    if (!findZone(book.timeZone)) throw new Error("__fake.reset: unknown time zone " + book.timeZone);
    const sheets = o.sheets || {};
    const names = Object.keys(sheets);
    if (names.length === 0) seedSheet(defaultSheetName(1), []);
    for (const name of names) seedSheet(name, sheets[name]);
    book.active = book.sheets[0];
    for (const key of Object.keys(fake.calls)) delete fake.calls[key];
    fake.menus = [];
    fake.alerts = [];
    fake.prompts = [];
    fake.toasts = [];
    fake.sidebars = [];
    fake.dialogs = [];
    fake.outbox = [];
    fake.logs = [];
    fake.warnings = [];
    fake.coercions = [];
    fake.answers = (o.answers || []).slice();
    fake.htmlFiles = Object.assign({}, project.htmlFiles, o.htmlFiles || {});
    fake.lockBusy = false;
    fake.mailQuota = o.mailQuota === undefined ? 100 : o.mailQuota;
    fake.drafts = [];
    fake.gmailEnabled = o.gmailEnabled === undefined ? true : Boolean(o.gmailEnabled);
    fake.incoming = (o.incoming || []).map((m) => Object.assign({}, m));
    fake.gmailReadonly = o.gmailReadonly === undefined ? true : Boolean(o.gmailReadonly);
    fake.user = o.user === undefined ? "manager@example.com" : o.user;
    fake.effectiveUser = o.effectiveUser === undefined ? null : o.effectiveUser;
    fake.triggerUser = o.triggerUser === undefined ? "" : o.triggerUser;
    fake.scriptTimeZone = o.scriptTimeZone || project.timeZone;
    fake.addon = Boolean(o.addon);
    fake.addonName = o.addonName || "Account Desk";
    fake.authMode = "FULL";
    fake.uiAvailable = true;
    fake.locks = { acquired: 0, released: 0, refused: 0 };
    fake.slept = 0;
    fake.msPerCall = o.msPerCall || 0;
    inTrigger = false;
    lockHeld.document = lockHeld.script = lockHeld.user = 0;
    for (const kind of Object.keys(propertyStores)) {
      propertyStores[kind].clear();
      const seed = (o.properties || {})[kind] || {};
      for (const key of Object.keys(seed)) propertyStores[kind].set(key, String(seed[key]));
    }
    for (const kind of Object.keys(caches)) caches[kind].clear();
    triggers = [];
    nextTriggerId = 1;
    for (const t of o.triggers || []) {
      const eventType = t.eventType || "CLOCK";
      addTrigger({
        handler: t.handler,
        eventType: eventType,
        source: eventType === "CLOCK" ? "CLOCK" : "SPREADSHEETS",
        sourceId: eventType === "CLOCK" ? null : book.id,
        schedule: importValue(t.schedule || {}),
      });
    }
    uuidState = 1;
    calendarStore.clear();
    nextEventId = 1;
    fake.calendarDenied = (o.calendarDenied || []).slice();
    fake.calendarLog = [];
  }

  Object.assign(fake, {
    reset: reset,
    /** Tells the fakes about the project: its HTML files and appsscript.json time zone (kept across resets). */
    setProject(settings) {
      project.htmlFiles = Object.assign({}, (settings && settings.htmlFiles) || {});
      if (settings && settings.timeZone) project.timeZone = settings.timeZone;
      fake.htmlFiles = Object.assign({}, project.htmlFiles, fake.htmlFiles);
      if (settings && settings.timeZone) fake.scriptTimeZone = settings.timeZone;
    },
    setNow(when) {
      fakeNow = when === null || when === undefined ? null : toMs(when);
    },
    now() {
      return nowMs();
    },
    resetCalls() {
      for (const key of Object.keys(fake.calls)) delete fake.calls[key];
    },
    spreadsheetCalls() {
      let n = 0;
      for (const key of Object.keys(fake.calls))
        if (SPREADSHEET_CLASSES[key.split(".")[0]]) n += fake.calls[key];
      return n;
    },
    gridCalls() {
      let n = 0;
      for (const key of Object.keys(fake.calls))
        if (/^Sheet\.(?:insert|delete)(?:Rows?|Columns?)(?:After|Before)?$/.test(key)) n += fake.calls[key];
      return n;
    },
    sheetNames() {
      return book.sheets.map((s) => s.name);
    },
    sheetValues(name) {
      const sd = requireSheet(name, "sheetValues");
      const rows = lastRowOf(sd);
      const cols = lastColOf(sd);
      const out = [];
      for (let r = 1; r <= rows; r++) {
        const line = [];
        for (let c = 1; c <= cols; c++) line.push(storedValue(cellAt(sd, r, c)));
        out.push(line);
      }
      return out;
    },
    sheetState(name) {
      const sd = requireSheet(name, "sheetState");
      return {
        notes: cellMap(sd, (cell) => cell.note),
        backgrounds: cellMap(sd, (cell) => cell.bg),
        fontWeights: cellMap(sd, (cell) => cell.fw),
        fontColors: cellMap(sd, (cell) => cell.fc),
        validations: columnRuns(sd, (cell) => cell.dv).map((run) => ({
          a1: run.a1,
          type: run.value.type,
          values: run.value.values.slice(),
          allowInvalid: run.value.allowInvalid,
          showDropdown: run.value.showDropdown,
        })),
        numberFormats: columnRuns(sd, (cell) => cell.nf).map((run) => ({ a1: run.a1, format: run.value })),
        frozenRows: sd.frozenRows,
        frozenColumns: sd.frozenCols,
        maxRows: sd.maxRows,
        maxColumns: sd.maxCols,
        columnWidths: Object.assign({}, sd.columnWidths),
        tabColor: sd.tabColor,
        merges: sd.merges.slice(),
        charts: sd.charts.map(chartState),
        protections: (sd.protections || []).map((p) => ({
          a1: a1Of(p.r, p.c, p.nr, p.nc),
          type: p.type,
          description: p.description,
          editors: p.editors.slice().sort(),
          domainEdit: p.domainEdit,
        })),
      };
    },
    /** Whether a user could type into a cell, given the sheet's protected ranges. */
    canEdit(sheetName, a1, email) {
      const sd = requireSheet(sheetName, "canEdit");
      const p = parseA1(a1, sd);
      const who = String(email).toLowerCase();
      return (sd.protections || []).every(
        (pd) =>
          p.r < pd.r || p.r >= pd.r + pd.nr || p.c < pd.c || p.c >= pd.c + pd.nc || protectionAllows(pd, who),
      );
    },
    /** One cell as stored: its kind, stored value, formula, display text and formats. */
    cell(sheetName, a1) {
      const sd = requireSheet(sheetName, "cell");
      const p = parseA1(a1, sd);
      const cell = cellAt(sd, p.r, p.c);
      const kinds = { s: "text", n: "number", b: "boolean", d: "date", e: "error" };
      return {
        type: !hasContent(cell) ? "empty" : cell.f !== undefined ? "formula" : kinds[cell.t],
        value: storedValue(cell),
        formula: cell && cell.f !== undefined ? cell.f : null,
        display: displayOf(cell),
        note: (cell && cell.note) || "",
        background: (cell && cell.bg) || DEFAULTS.background,
        fontWeight: (cell && cell.fw) || DEFAULTS.fontWeight,
        numberFormat: (cell && cell.nf) || DEFAULTS.numberFormat,
        horizontalAlignment: (cell && cell.ha) || DEFAULTS.horizontalAlignment,
        wrap: Boolean(cell && cell.wrap),
        fontSize: (cell && cell.fz) || DEFAULTS.fontSize,
        fontColor: (cell && cell.fc) || DEFAULTS.fontColor,
        validation:
          cell && cell.dv
            ? { type: cell.dv.type, values: cell.dv.values.slice(), allowInvalid: cell.dv.allowInvalid }
            : null,
      };
    },
    setSelection(sheetName, a1) {
      const sd = requireSheet(sheetName, "setSelection");
      const p = parseA1(a1, sd);
      book.active = sd;
      book.selection = { sheet: sd, r: p.r, c: p.c, nr: p.nr, nc: p.nc };
    },
    spreadsheetTimeZone() {
      return book.timeZone;
    },
    properties(kind) {
      const out = {};
      for (const [k, v] of propertyStores[kind || "document"]) out[k] = v;
      return out;
    },
    lockHeld() {
      return lockHeld.document + lockHeld.script + lockHeld.user > 0;
    },
    importValue: importValue,
    /** The events of a calendar as stored (deleted ones have status "cancelled"). */
    calendarEvents(calendarId) {
      return [...(calendarStore.get(calendarId) || new Map()).values()].map(plainCopy);
    },
    /** The owner deletes an event in Google Calendar. */
    deleteEventByHand(calendarId, eventId) {
      const event = (calendarStore.get(calendarId) || new Map()).get(eventId);
      if (!event) throw new Error("__fake.deleteEventByHand: no event " + eventId + " in " + calendarId);
      event.status = "cancelled";
    },
    /** The owner edits an event in Google Calendar (patch semantics). */
    editEventByHand(calendarId, eventId, patch) {
      const event = (calendarStore.get(calendarId) || new Map()).get(eventId);
      if (!event) throw new Error("__fake.editEventByHand: no event " + eventId + " in " + calendarId);
      mergePatch(event, importValue(patch));
    },
    /** Runs invoke(event) as the installed trigger of `handler` fires: no UI for clock triggers. */
    runTrigger(handler, invoke, extra) {
      const t = triggers.find((x) => x.handler === handler);
      if (!t) {
        throw new Error(
          "__fake.runTrigger: no installed trigger runs " +
            handler +
            " (installed: " +
            (triggers.map((x) => x.handler).join(", ") || "none") +
            ")",
        );
      }
      const d = new RealDate(nowMs());
      const event =
        t.eventType === "CLOCK"
          ? {
              authMode: AuthMode.FULL,
              triggerUid: t.uid,
              year: d.getUTCFullYear(),
              month: d.getUTCMonth() + 1,
              "day-of-month": d.getUTCDate(),
              "day-of-week": d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
              hour: d.getUTCHours(),
              minute: d.getUTCMinutes(),
              second: d.getUTCSeconds(),
              timezone: "UTC",
              "week-of-year": Number(formatPattern(nowMs(), findZone("UTC"), "w")),
            }
          : {
              authMode: AuthMode.FULL,
              triggerUid: t.uid,
              source: new Spreadsheet(),
              user: new User(fake.user),
            };
      // An edit event adds what was edited: range ({sheet, a1} or a Range), value, oldValue, and
      // user (an address; "" when Sheets cannot tell who edited).
      if (extra) {
        Object.assign(event, extra);
        if (extra.range && !(extra.range instanceof Range)) {
          const sd = requireSheet(extra.range.sheet, "runTrigger");
          const p = parseA1(extra.range.a1, sd);
          event.range = new Range(sd, p.r, p.c, p.nr, p.nc);
        }
        if (typeof extra.user === "string") event.user = new User(extra.user);
      }
      return withContext({ ui: t.eventType !== "CLOCK", authMode: "FULL", inTrigger: true }, invoke, event);
    },
    /** Runs invoke(event) as a simple trigger (onOpen, onInstall, onEdit) in an authorisation mode. */
    runSimpleTrigger(authMode, invoke) {
      const mode = authMode || "LIMITED";
      const event = { authMode: AuthMode[mode], user: new User(mode === "FULL" ? fake.user : "") };
      if (mode !== "NONE") event.source = new Spreadsheet();
      return withContext({ ui: true, authMode: mode, inTrigger: false }, invoke, event);
    },
  });

  Object.defineProperty(fake, "triggers", {
    get() {
      return triggers.map(triggerData);
    },
    enumerable: true,
  });

  // ------------------------------------------------------------------------------------------------
  // Counting, then the globals
  // ------------------------------------------------------------------------------------------------

  instrument(Spreadsheet, "Spreadsheet");
  instrument(Sheet, "Sheet");
  instrument(Range, "Range");
  instrument(RangeList, "RangeList");
  instrument(Selection, "Selection");
  instrument(Ui, "Ui");
  instrument(Menu, "Menu");
  instrument(PromptResponse, "PromptResponse");
  instrument(Properties, "Properties");
  instrument(Lock, "Lock");
  instrument(Trigger, "Trigger");
  instrument(Protection, "Protection");
  instrument(ClockTriggerBuilder, "ClockTriggerBuilder");
  instrument(SpreadsheetTriggerBuilder, "SpreadsheetTriggerBuilder");
  instrument(TriggerBuilder, "TriggerBuilder");
  instrument(User, "User");
  instrument(Blob, "Blob");
  instrument(HtmlOutput, "HtmlOutput");
  instrument(HtmlTemplate, "HtmlTemplate");
  instrument(DataValidation, "DataValidation");
  instrument(DataValidationBuilder, "DataValidationBuilder");
  instrument(EmbeddedChart, "EmbeddedChart");
  instrument(EmbeddedChartBuilder, "EmbeddedChartBuilder");
  instrument(Cache, "Cache");
  instrumentObject(SpreadsheetApp, "SpreadsheetApp");
  instrumentObject(PropertiesService, "PropertiesService");
  instrumentObject(LockService, "LockService");
  instrumentObject(MailApp, "MailApp");
  instrumentObject(ScriptApp, "ScriptApp");
  instrumentObject(Session, "Session");
  instrumentObject(Utilities, "Utilities");
  instrumentObject(HtmlService, "HtmlService");
  instrumentObject(CacheService, "CacheService");
  instrumentObject(Logger, "Logger");
  instrumentObject(CalendarEvents, "Calendar.Events");

  const globals = {
    SpreadsheetApp: SpreadsheetApp,
    Charts: Charts,
    PropertiesService: PropertiesService,
    LockService: LockService,
    MailApp: MailApp,
    ScriptApp: ScriptApp,
    Session: Session,
    Utilities: Utilities,
    HtmlService: HtmlService,
    MimeType: MimeType,
    Logger: Logger,
    CacheService: CacheService,
    Calendar: Calendar,
    __fake: fake,
  };
  for (const name of Object.keys(globals)) {
    Object.defineProperty(global, name, {
      value: globals[name],
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  // An advanced service exists only when the project enables it.
  Object.defineProperty(global, "Gmail", {
    get() {
      return fake.gmailEnabled ? Gmail : undefined;
    },
    configurable: true,
    enumerable: false,
  });
  // V8 gives every context a console that prints nowhere; Apps Script's goes to the execution log.
  const line = (level) =>
    function () {
      fake.logs.push({ level: level, message: logText(arguments) });
    };
  Object.defineProperty(global, "console", {
    value: {
      log: line("log"),
      info: line("info"),
      warn: line("warn"),
      error: line("error"),
      debug: line("debug"),
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });

  reset({});
})(globalThis);
