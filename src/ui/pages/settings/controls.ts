/**
 * The Settings sidebar's controls, one per kind of setting: a drop-down, a text field, an
 * amount, a number with its unit beside it (`%`, `天`), a row of check boxes (weekdays by name,
 * months) and the holiday list edited row by row. Every control reads back as the text the
 * server sent for it when nothing was changed, so "changed" is a plain comparison.
 */
import type { DateOrder, HolidayRow, PageText, SettingField } from "../../api";
import { h } from "../../dom";

const DATE_EXAMPLES: Readonly<Record<DateOrder, string>> = {
  YMD: "2026-10-01",
  DMY: "01/10/2026",
  MDY: "10/01/2026",
};

export interface FieldControl {
  /** What goes into the page. */
  readonly element: HTMLElement;
  /** Where aria-invalid and the changed mark go: the input itself, or the group of boxes. */
  readonly target: HTMLElement;
  readonly id: string;
  /** True for a group of controls, labelled by aria-labelledby rather than a <label for>. */
  readonly labelledBy: boolean;
  read(): string;
  write(value: string): void;
}

export function controlFor(
  field: SettingField,
  text: PageText,
  dateOrder: DateOrder,
  onChange: () => void,
): FieldControl {
  const id = `setting-${field.key.replace(/[^A-Za-z0-9]/g, "-")}`;
  switch (field.kind) {
    case "select":
      return selectControl(field, id, onChange);
    case "weekdays":
    case "months":
      return boxesControl(field, id, onChange);
    case "holidays":
      return holidaysControl(field, id, text, dateOrder, onChange);
    default:
      return inputControl(field, id, onChange);
  }
}

function listen(element: HTMLElement, onChange: () => void): void {
  element.addEventListener("input", onChange);
  element.addEventListener("change", onChange);
}

function selectControl(field: SettingField, id: string, onChange: () => void): FieldControl {
  const select = h("select", { class: "input", attrs: { id, name: field.key } });
  const known = new Set((field.options ?? []).map((o) => o.value));
  const extra =
    field.value !== "" && !known.has(field.value) ? [{ value: field.value, label: field.value }] : [];
  // A blank value shows as "—" unless a choice already stands for blank (e.g. "All day").
  const blank = field.value === "" && !known.has("") ? [{ value: "", label: "—" }] : [];
  for (const choice of [...blank, ...extra, ...(field.options ?? [])]) {
    select.appendChild(h("option", { attrs: { value: choice.value } }, choice.label));
  }
  select.value = field.value;
  listen(select, onChange);
  return {
    element: select,
    target: select,
    id,
    labelledBy: false,
    read: () => select.value.trim(),
    write: (value) => void (select.value = value),
  };
}

const INPUT_MODES: Readonly<Record<string, string>> = {
  money: "decimal",
  percent: "decimal",
  number: "decimal",
  integer: "numeric",
  emails: "email",
};

function inputControl(field: SettingField, id: string, onChange: () => void): FieldControl {
  const input = h("input", {
    class: "input",
    attrs: {
      id,
      name: field.key,
      type: "text",
      autocomplete: "off",
      spellcheck: "false",
      inputmode: INPUT_MODES[field.kind] ?? "text",
    },
  });
  input.value = field.value;
  input.placeholder = field.defaultText;
  listen(input, onChange);
  const unit = field.kind === "money" ? null : field.unit;
  const element =
    unit === null
      ? input
      : h(
          "div",
          { class: "input-unit" },
          input,
          h("span", { class: "unit", attrs: { "aria-hidden": "true" } }, unit),
        );
  if (unit !== null) input.setAttribute("aria-describedby", `${id}-unit`);
  if (unit !== null) (element.lastChild as HTMLElement).id = `${id}-unit`;
  return {
    element,
    target: input,
    id,
    labelledBy: false,
    read: () => input.value.trim(),
    write: (value) => void (input.value = value),
  };
}

/** Weekdays by name or months, as check boxes; reads back as the codes joined by commas. */
function boxesControl(field: SettingField, id: string, onChange: () => void): FieldControl {
  const chosen = new Set(field.value.split(",").filter((v) => v !== ""));
  const boxes = (field.options ?? []).map((option) => {
    const box = h("input", { attrs: { type: "checkbox", name: field.key, value: option.value } });
    box.checked = chosen.has(option.value);
    box.addEventListener("change", onChange);
    return { box, chip: h("label", { class: "chip" }, box, h("span", null, option.label)) };
  });
  const group = h(
    "div",
    { class: `chips chips-${field.kind}`, attrs: { id, role: "group" } },
    ...boxes.map((b) => b.chip),
  );
  return {
    element: group,
    target: group,
    id,
    labelledBy: true,
    read: () =>
      boxes
        .filter((b) => b.box.checked)
        .map((b) => b.box.value)
        .join(","),
    write: (value) => {
      const set = new Set(value.split(","));
      for (const b of boxes) b.box.checked = set.has(b.box.value);
    },
  };
}

/** The holiday list: one row per date (date in the workbook's order, name), rows added and removed. */
function holidaysControl(
  field: SettingField,
  id: string,
  text: PageText,
  dateOrder: DateOrder,
  onChange: () => void,
): FieldControl {
  const list = h("div", { class: "holiday-list" });
  const empty = h("p", { class: "empty small" }, text["sidebar.settings.noHolidays"]);
  const example = DATE_EXAMPLES[dateOrder];
  const sync = () => {
    empty.hidden = list.childElementCount > 0;
    onChange();
  };
  const addRow = (row: HolidayRow, focus: boolean) => {
    const date = h("input", {
      class: "input holiday-date",
      attrs: {
        type: "text",
        inputmode: "numeric",
        autocomplete: "off",
        "aria-label": text["sidebar.settings.holidayDate"],
      },
    });
    date.value = row.date;
    date.placeholder = example;
    date.title = text[`sidebar.dateHint.${dateOrder}`];
    const name = h("input", {
      class: "input holiday-name",
      attrs: {
        type: "text",
        autocomplete: "off",
        maxlength: "60",
        "aria-label": text["sidebar.settings.holidayName"],
      },
    });
    name.value = row.name;
    name.placeholder = text["sidebar.settings.holidayNamePlaceholder"];
    // A name cannot hold the list's separators.
    name.addEventListener("input", () => {
      const clean = name.value.replace(/[,，;；]/g, " ");
      if (clean !== name.value) name.value = clean;
    });
    const remove = h("button", {
      class: "btn btn-icon",
      title: text["sidebar.settings.removeHoliday"],
      attrs: {
        type: "button",
        "aria-label": text["sidebar.settings.removeHoliday"],
        "data-action": "remove-holiday",
      },
    });
    remove.textContent = "×";
    const line = h("div", { class: "holiday-row" }, date, name, remove);
    remove.addEventListener("click", () => {
      line.remove();
      sync();
    });
    listen(date, onChange);
    listen(name, onChange);
    list.appendChild(line);
    if (focus) date.focus();
  };
  for (const row of field.holidays ?? []) addRow(row, false);
  const add = h("button", {
    class: "btn btn-small",
    attrs: { type: "button", "data-action": "add-holiday" },
  });
  add.textContent = `+ ${text["sidebar.settings.addHoliday"]}`;
  add.addEventListener("click", () => {
    addRow({ date: "", name: "" }, true);
    sync();
  });
  empty.hidden = list.childElementCount > 0;
  const group = h("div", { class: "holidays", attrs: { id, role: "group" } }, list, empty, add);
  const rows = (): HolidayRow[] =>
    [...list.querySelectorAll<HTMLElement>(".holiday-row")].map((line) => ({
      date: (line.querySelector(".holiday-date") as HTMLInputElement).value,
      name: (line.querySelector(".holiday-name") as HTMLInputElement).value,
    }));
  return {
    element: group,
    target: group,
    id,
    labelledBy: true,
    read: () => composeHolidays(rows()),
    write: () => undefined,
  };
}

/** The same text the server composes from the rows (settingsFields.composeHolidays). */
export function composeHolidays(rows: readonly HolidayRow[]): string {
  return rows
    .map((row) => `${row.date.trim()} ${row.name.trim()}`.trim())
    .filter((entry) => entry !== "")
    .join(", ");
}
