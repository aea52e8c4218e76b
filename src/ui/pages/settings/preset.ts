/**
 * The public-holiday preset's days, read-only, under its drop-down and right above the
 * workbook's own holiday list: each year with the notice it comes from, one line per holiday
 * (name, days off, make-up working days). Shown only while the preset is chosen in the drop-down.
 */
import type { SettingField } from "../../api";
import { h } from "../../dom";

export function presetList(field: SettingField, select: HTMLElement): HTMLElement | null {
  const preset = field.preset;
  if (preset === undefined) return null;
  const box = h(
    "div",
    { class: "preset", attrs: { "data-preset": preset.preset } },
    h("div", { class: "preset-title" }, preset.title),
    ...preset.years.map((year) =>
      h(
        "section",
        { class: "preset-year", attrs: { "data-year": String(year.year) } },
        h("p", { class: "preset-notice small muted" }, year.notice),
        h(
          "ul",
          { class: "preset-days" },
          ...year.rows.map((row) =>
            h(
              "li",
              null,
              h("span", { class: "preset-name" }, row.name),
              h(
                "span",
                { class: "preset-range" },
                ...(row.to === "" ? [nowrap(row.from)] : [nowrap(`${row.from} –`), " ", nowrap(row.to)]),
              ),
              row.makeUp.length === 0
                ? null
                : h(
                    "span",
                    { class: "preset-makeup small" },
                    preset.makeUpLabel,
                    ...row.makeUp.flatMap((date, i) => [i === 0 ? null : preset.separator, nowrap(date)]),
                  ),
            ),
          ),
        ),
      ),
    ),
    h("p", { class: "preset-covers small muted" }, preset.covers),
  );
  const sync = () => {
    box.hidden = (select as HTMLSelectElement).value !== preset.preset;
  };
  select.addEventListener("change", sync);
  sync();
  return box;
}

/** A date kept on one line (a line may break between dates, never inside one). */
function nowrap(text: string): HTMLElement {
  return h("span", { class: "nowrap" }, text);
}
