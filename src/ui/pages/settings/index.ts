/**
 * The Settings sidebar. It asks the server for the form (every setting, grouped, in the
 * workbook language), validates each value as it is typed with validateSettingText — the same
 * zod schemas the actions read the Settings sheet with, bundled into the page — and sends the
 * values to sidebarSaveSettings, which validates them again and writes them in one write.
 * Invalid values are marked next to their field and never sent.
 */
import "../../sidebar.css";
import { parseAmount, type DateOrder } from "../../../workbook/cells";
import { validateSettingText } from "../../../workbook/settings";
import type { PageText, SaveSettingsResult, SettingField, SettingsForm } from "../../api";
import { errorBox, format, h, replace, root } from "../../dom";
import { call } from "../../rpc";

interface FieldView {
  readonly field: SettingField;
  readonly control: HTMLInputElement | HTMLSelectElement;
  readonly error: HTMLElement;
  /** Where the error shows (a cadence row shows both of its fields' errors under the row). */
  readonly box: HTMLElement;
}

interface Status {
  readonly tone: "ok" | "error" | "info";
  readonly text: string;
}

const THRESHOLDS = ["tier.highThreshold", "tier.mediumThreshold"] as const;

class SettingsPage {
  private readonly views = new Map<string, FieldView>();
  private readonly original = new Map<string, string>();
  /** Errors of the server for values as they were sent; cleared when the value changes. */
  private readonly serverErrors = new Map<string, string>();
  private readonly errors = new Map<string, string | null>();
  private status: Status | null = null;
  private saving = false;
  private readonly statusLine = h("p", { class: "save-status", attrs: { "aria-live": "polite" } });
  private readonly saveButton = h("button", { class: "btn btn-primary", attrs: { type: "button" } });

  constructor(private readonly form: SettingsForm) {
    for (const group of form.groups)
      for (const field of group.fields) this.original.set(field.key, field.value);
  }

  private get text(): PageText {
    return this.form.text;
  }

  render(): void {
    document.documentElement.lang = this.form.language;
    document.title = this.text["sidebar.settings.title"];
    const app = root();
    app.removeAttribute("aria-busy");
    this.saveButton.textContent = this.text["sidebar.settings.save"];
    this.saveButton.addEventListener("click", () => void this.save());
    replace(
      app,
      h(
        "header",
        { class: "page-head" },
        h("h1", { class: "page-title" }, this.text["sidebar.settings.title"]),
        h("p", { class: "muted small" }, this.text["sidebar.settings.intro"]),
      ),
      this.form.hasSheet ? null : h("div", { class: "notice" }, this.text["sidebar.settings.noSheet"]),
      ...this.form.groups.map((group) =>
        h(
          "details",
          { class: "group", attrs: { "data-group": group.id, open: "" } },
          h(
            "summary",
            null,
            h("h2", { class: "group-title" }, group.title),
            h("span", { class: "count" }, group.fields.length),
          ),
          h("div", { class: "panel" }, ...this.groupBody(group.fields)),
        ),
      ),
      h("footer", { class: "sticky-footer" }, this.statusLine, this.saveButton),
    );
    for (const key of this.views.keys()) this.validate(key);
    this.validateThresholds();
    this.refresh();
  }

  private groupBody(fields: readonly SettingField[]): HTMLElement[] {
    const cadence = fields.filter((f) => f.cadenceTier !== null);
    const others = fields.filter((f) => f.cadenceTier === null);
    const out: HTMLElement[] = [];
    if (cadence.length > 0) out.push(this.cadenceTable(cadence));
    for (const field of others) out.push(this.fieldBlock(field));
    return out;
  }

  /** Contact cadence: one compact row per tier (channel, interval). */
  private cadenceTable(fields: readonly SettingField[]): HTMLElement {
    const tiers = [...new Set(fields.map((f) => f.cadenceTier as string))];
    const head = h(
      "div",
      { class: "cadence-row cadence-head" },
      h("span", null, ""),
      h("span", null, this.text["sidebar.settings.channel"]),
      h("span", null, this.text["sidebar.settings.interval"]),
    );
    const rows = tiers.map((tier) => {
      const own = fields.filter((f) => f.cadenceTier === tier);
      const channel = own.find((f) => f.key.endsWith(".channel"));
      const interval = own.find((f) => f.key.endsWith(".intervalDays"));
      const errors = h("div", { class: "cadence-errors" });
      const cells = [channel, interval].map((field) => {
        if (!field) return h("span", null, "");
        const control = this.control(field);
        control.setAttribute("aria-label", field.label);
        control.title = `${field.label} · ${this.defaultText(field)}`;
        const error = h("div", { class: "field-error", attrs: { hidden: "" } });
        errors.appendChild(error);
        this.views.set(field.key, { field, control, error, box: errors });
        return control;
      });
      const label = format(this.text["sidebar.settings.cadenceTier"], { tier });
      return h(
        "div",
        { class: "cadence", attrs: { "data-tier": tier } },
        h(
          "div",
          { class: "cadence-row" },
          h("span", { class: `tier-chip tier-${tier}`, title: label, attrs: { "aria-label": label } }, tier),
          ...cells,
        ),
        errors,
      );
    });
    return h("div", { class: "field cadence-table" }, head, ...rows);
  }

  private fieldBlock(field: SettingField): HTMLElement {
    const control = this.control(field);
    const error = h("div", { class: "field-error", attrs: { hidden: "" } });
    const box = h(
      "div",
      { class: "field", attrs: { "data-key": field.key } },
      h("label", { class: "field-label", attrs: { for: control.id } }, field.label),
      control,
      h("div", { class: "field-hint" }, h("code", null, field.key), ` · ${this.defaultText(field)}`),
      error,
    );
    this.views.set(field.key, { field, control, error, box });
    return box;
  }

  private defaultText(field: SettingField): string {
    return field.defaultText === ""
      ? this.text["sidebar.settings.defaultBlank"]
      : format(this.text["sidebar.settings.default"], { value: this.optionLabel(field, field.defaultText) });
  }

  private optionLabel(field: SettingField, value: string): string {
    return field.options?.find((o) => o.value === value)?.label ?? value;
  }

  private control(field: SettingField): HTMLInputElement | HTMLSelectElement {
    const id = `setting-${field.key.replace(/[^A-Za-z0-9]/g, "-")}`;
    let control: HTMLInputElement | HTMLSelectElement;
    if (field.options) {
      const select = h("select", { class: "input", attrs: { id, name: field.key } });
      const values = new Set(field.options.map((o) => o.value));
      const choices = [
        ...(field.value === "" ? [{ value: "", label: this.defaultText(field) }] : []),
        ...(field.value !== "" && !values.has(field.value)
          ? [{ value: field.value, label: field.value }]
          : []),
        ...field.options,
      ];
      for (const choice of choices)
        select.appendChild(h("option", { attrs: { value: choice.value } }, choice.label));
      select.value = field.value;
      control = select;
    } else {
      const input = h("input", {
        class: "input",
        attrs: { id, name: field.key, type: "text", autocomplete: "off", spellcheck: "false" },
      });
      input.value = field.value;
      input.placeholder = field.defaultText;
      control = input;
    }
    control.addEventListener("input", () => this.changed(field.key));
    control.addEventListener("change", () => this.changed(field.key));
    return control;
  }

  private value(key: string): string {
    return this.views.get(key)?.control.value.trim() ?? "";
  }

  private dateOrder(): DateOrder {
    const text = this.value("dateOrder").toUpperCase();
    return text === "DMY" || text === "MDY" ? text : "YMD";
  }

  private changed(key: string): void {
    this.serverErrors.delete(key);
    this.status = null;
    this.validate(key);
    if (key === "dateOrder") this.validate("contact.holidays");
    if ((THRESHOLDS as readonly string[]).includes(key)) {
      for (const k of THRESHOLDS) this.validate(k);
      this.validateThresholds();
    }
    this.refresh();
  }

  /** The value's problem by the sidebar's own copy of the actions' schemas; blank means the default. */
  private validate(key: string): void {
    const text = this.value(key);
    if (!this.views.has(key)) return;
    if (text === "") {
      this.errors.set(key, null);
      return;
    }
    const result = validateSettingText(key, text, this.form.language, this.dateOrder());
    this.errors.set(key, result.ok ? null : result.message);
  }

  private validateThresholds(): void {
    const amount = (key: string): number | null => {
      if (this.errors.get(key)) return null;
      const view = this.views.get(key);
      const parsed = parseAmount(this.value(key) === "" ? (view?.field.defaultText ?? "") : this.value(key));
      return parsed.ok ? parsed.value : null;
    };
    const high = amount("tier.highThreshold");
    const medium = amount("tier.mediumThreshold");
    if (high !== null && medium !== null && medium > high) {
      this.errors.set("tier.mediumThreshold", this.text["sidebar.settings.thresholdOrder"]);
    }
  }

  private changes(): string[] {
    return [...this.views.keys()].filter((key) => this.value(key) !== this.original.get(key));
  }

  private problem(key: string): string | null {
    return this.serverErrors.get(key) ?? this.errors.get(key) ?? null;
  }

  /** Errors that stop a save: those of changed values (an unchanged value is not written). */
  private blocking(changes: readonly string[]): string[] {
    const thresholdChanged = THRESHOLDS.some((k) => changes.includes(k));
    return [...this.views.keys()].filter(
      (key) =>
        this.problem(key) !== null &&
        (changes.includes(key) ||
          this.serverErrors.has(key) ||
          ((THRESHOLDS as readonly string[]).includes(key) && thresholdChanged)),
    );
  }

  private refresh(): void {
    for (const [key, view] of this.views) {
      const problem = this.problem(key);
      view.control.setAttribute("aria-invalid", problem === null ? "false" : "true");
      view.error.textContent = problem ?? "";
      view.error.hidden = problem === null;
      view.box.classList.toggle("has-error", view.box.querySelector(".field-error:not([hidden])") !== null);
      const group = view.box.closest("details");
      if (problem !== null && group !== null) group.open = true;
      view.control.classList.toggle("is-changed", this.value(key) !== this.original.get(key));
    }
    const changes = this.changes();
    const blocking = this.blocking(changes);
    let status = this.status;
    if (status === null && blocking.length > 0) {
      status = {
        tone: "error",
        text: format(this.text["sidebar.settings.fixErrors"], { count: blocking.length }),
      };
    } else if (status === null && changes.length > 0) {
      status = {
        tone: "info",
        text: format(this.text["sidebar.settings.unsaved"], { count: changes.length }),
      };
    }
    this.statusLine.textContent = status?.text ?? "";
    this.statusLine.className = `save-status tone-${status?.tone ?? "info"}`;
    this.saveButton.disabled = this.saving || changes.length === 0 || blocking.length > 0;
    this.saveButton.textContent = this.saving
      ? this.text["sidebar.settings.saving"]
      : this.text["sidebar.settings.save"];
  }

  private async save(): Promise<void> {
    const changes = this.changes();
    if (this.saving || changes.length === 0 || this.blocking(changes).length > 0) return;
    const values: Record<string, string> = {};
    for (const key of this.views.keys()) values[key] = this.value(key);
    this.saving = true;
    this.refresh();
    let result: SaveSettingsResult;
    try {
      result = await call("sidebarSaveSettings", values);
    } catch (error) {
      this.saving = false;
      this.status = {
        tone: "error",
        text: format(this.text["sidebar.error.server"], { message: (error as Error).message }),
      };
      this.refresh();
      return;
    }
    this.saving = false;
    if (result.ok) {
      const page = new SettingsPage(result.form);
      page.status = {
        tone: "ok",
        text:
          result.saved.length === 0
            ? result.form.text["sidebar.settings.noChanges"]
            : format(result.form.text["sidebar.settings.saved"], { count: result.saved.length }),
      };
      page.render();
      return;
    }
    for (const [key, message] of Object.entries(result.errors)) this.serverErrors.set(key, message);
    this.status = { tone: "error", text: result.message };
    this.refresh();
  }
}

async function start(): Promise<void> {
  const app = root();
  try {
    const form = await call("sidebarSettingsForm");
    new SettingsPage(form).render();
  } catch (error) {
    app.removeAttribute("aria-busy");
    replace(
      app,
      errorBox((error as Error).message, "↻", () => void start()),
    );
  }
}

void start();
