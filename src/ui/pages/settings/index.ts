/**
 * The Settings sidebar. The server puts the form into the page (every setting in task
 * sections, labelled in the workbook language, values as a manager reads them: `¥1,000,000`,
 * `12` %, weekdays as boxes, holidays as rows) or sends it on request. The page makes only light
 * checks as values are typed (a number where a number goes, an @ in an address); the server
 * converts each changed value back to what the Settings sheet stores and validates it with the
 * actions' own schemas, so the page carries no validation library and no dictionary.
 */
import "../../sidebar.css";
import type { PageText, SaveSettingsResult, SettingField, SettingsForm } from "../../api";
import { errorBox, format, h, pageData, replace, root } from "../../dom";
import { call } from "../../rpc";
import { controlFor, type FieldControl } from "./controls";
import { lightProblem, moneyValue } from "./checks";
import { presetList } from "./preset";

interface FieldView {
  readonly field: SettingField;
  readonly control: FieldControl;
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
  /** Errors of the server for values as they were sent; cleared when the value changes. */
  private readonly serverErrors = new Map<string, string>();
  private readonly errors = new Map<string, string | null>();
  private status: Status | null = null;
  private saving = false;
  private readonly statusLine = h("p", { class: "save-status", attrs: { "aria-live": "polite" } });
  private readonly saveButton = h("button", { class: "btn btn-primary", attrs: { type: "button" } });

  constructor(private readonly form: SettingsForm) {}

  private get text(): PageText {
    return this.form.text;
  }

  render(status: Status | null = null): void {
    this.status = status;
    document.documentElement.lang = this.form.language;
    document.title = this.text["sidebar.settings.title"];
    const app = root();
    app.removeAttribute("aria-busy");
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
          h("summary", null, h("h2", { class: "group-title" }, group.title)),
          h("div", { class: "panel" }, ...this.groupBody(group.fields)),
        ),
      ),
      h("footer", { class: "sticky-footer" }, this.statusLine, this.saveButton),
    );
    for (const key of this.views.keys()) this.check(key);
    this.checkThresholds();
    this.refresh();
  }

  private groupBody(fields: readonly SettingField[]): HTMLElement[] {
    const cadence = fields.filter((f) => f.cadenceTier !== null);
    const out: HTMLElement[] = [];
    let cadenceShown = false;
    for (const field of fields) {
      if (field.cadenceTier === null) {
        out.push(this.fieldBlock(field));
        // The test e-mail goes to the report recipients: its button sits right under them.
        if (field.key === "report.recipients") out.push(this.testMail());
      } else if (!cadenceShown) {
        out.push(this.cadenceTable(cadence));
        cadenceShown = true;
      }
    }
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
      const errors = h("div", { class: "cadence-errors" });
      const cells = [".channel", ".intervalDays"].map((suffix) => {
        const field = own.find((f) => f.key.endsWith(suffix));
        if (!field) return h("span", null, "");
        const control = this.control(field);
        control.target.setAttribute("aria-label", field.label);
        control.target.title = `${field.label} · ${this.defaultText(field)}`;
        const error = h("div", { class: "field-error", attrs: { hidden: "" } });
        errors.appendChild(error);
        this.views.set(field.key, { field, control, error, box: errors });
        return control.element;
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
    const error = h("div", { class: "field-error", attrs: { hidden: "", role: "alert" } });
    const grouped = control.labelledBy;
    const labelId = `label-${control.id}`;
    const label = h(
      grouped ? "span" : "label",
      {
        class: "field-label",
        title: format(this.text["sidebar.settings.keyTitle"], { key: field.key }),
        attrs: grouped ? { id: labelId } : { for: control.id, id: labelId },
      },
      field.label,
    );
    if (grouped) control.target.setAttribute("aria-labelledby", labelId);
    // The default is worth a line only when the field shows something else.
    const defaultLine =
      field.defaultText === "" || field.value === field.defaultText ? null : this.defaultText(field);
    const box = h(
      "div",
      { class: "field", attrs: { "data-key": field.key, "data-kind": field.kind } },
      label,
      field.help === "" ? null : h("div", { class: "field-help" }, field.help),
      control.element,
      defaultLine === null ? null : h("div", { class: "field-hint" }, defaultLine),
      error,
      presetList(field, control.target),
    );
    this.views.set(field.key, { field, control, error, box });
    return box;
  }

  private defaultText(field: SettingField): string {
    if (field.defaultText === "") return this.text["sidebar.settings.defaultBlank"];
    const labels = field.defaultText
      .split(",")
      .map((part) => field.options?.find((o) => o.value === part)?.label ?? part);
    const shown = field.kind === "weekdays" || field.kind === "months" ? labels.join(" ") : labels.join(",");
    const unit =
      field.kind === "money" || field.unit === null ? "" : field.kind === "percent" ? "%" : ` ${field.unit}`;
    return format(this.text["sidebar.settings.default"], { value: `${shown}${unit}` });
  }

  private control(field: SettingField): FieldControl {
    const control = controlFor(field, this.text, this.form.dateOrder, () => this.changed(field.key));
    if (field.kind === "money") {
      control.target.addEventListener("focusout", () => {
        const value = moneyValue(control.read(), field.unit ?? "");
        if (value !== null) control.write(value);
        this.changed(field.key);
      });
    }
    return control;
  }

  private changed(key: string): void {
    this.serverErrors.delete(key);
    this.status = null;
    this.check(key);
    if ((THRESHOLDS as readonly string[]).includes(key)) {
      for (const k of THRESHOLDS) this.check(k);
      this.checkThresholds();
    }
    this.refresh();
  }

  private check(key: string): void {
    const view = this.views.get(key);
    if (!view) return;
    this.errors.set(
      key,
      lightProblem(view.field, view.control.read(), this.text, this.form.dateOrder, this.form.dateHint),
    );
  }

  private checkThresholds(): void {
    const amount = (key: string): number | null => {
      const view = this.views.get(key);
      if (!view || this.errors.get(key)) return null;
      const text = view.control.read();
      return moneyAmount(text === "" ? view.field.defaultText : text, view.field.unit ?? "");
    };
    const high = amount("tier.highThreshold");
    const medium = amount("tier.mediumThreshold");
    if (high !== null && medium !== null && medium > high) {
      this.errors.set("tier.mediumThreshold", this.text["sidebar.settings.thresholdOrder"]);
    }
  }

  private changes(): string[] {
    return [...this.views].filter(([, view]) => view.control.read() !== view.field.value).map(([key]) => key);
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
    const changes = this.changes();
    for (const [key, view] of this.views) {
      const problem = this.problem(key);
      view.control.target.setAttribute("aria-invalid", problem === null ? "false" : "true");
      view.error.textContent = problem ?? "";
      view.error.hidden = problem === null;
      view.box.classList.toggle("has-error", view.box.querySelector(".field-error:not([hidden])") !== null);
      const group = view.box.closest("details");
      if (problem !== null && group !== null) group.open = true;
      view.control.target.classList.toggle("is-changed", changes.includes(key));
    }
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

  /** Sends the changed values only, as the form shows them; the server converts and validates. */
  private async save(): Promise<void> {
    const changes = this.changes();
    if (this.saving || changes.length === 0 || this.blocking(changes).length > 0) return;
    const values: Record<string, string> = {};
    for (const key of changes) values[key] = (this.views.get(key) as FieldView).control.read();
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
      const text = result.form.text;
      new SettingsPage(result.form).render({
        tone: "ok",
        text:
          result.saved.length === 0
            ? text["sidebar.settings.noChanges"]
            : format(text["sidebar.settings.saved"], { count: result.saved.length }),
      });
      return;
    }
    for (const [key, message] of Object.entries(result.errors)) this.serverErrors.set(key, message);
    this.status = { tone: "error", text: result.message };
    this.refresh();
  }

  /** The Test e-mail button: the server sends to the recipients as typed (quota, Send log). */
  private testMail(): HTMLElement {
    const button = h("button", { class: "btn", attrs: { type: "button", "data-action": "test-mail" } });
    button.textContent = this.text["sidebar.test.button"];
    const result = h("p", { class: "test-result small", attrs: { "aria-live": "polite", role: "status" } });
    button.addEventListener("click", () => {
      const recipients = this.views.get("report.recipients")?.control.read() ?? "";
      button.disabled = true;
      button.textContent = this.text["sidebar.test.sending"];
      result.className = "test-result small";
      call("sidebarTestMail", recipients)
        .then((answer) => {
          result.textContent = answer.message;
          result.classList.add(answer.ok ? "tone-ok" : "tone-error");
        })
        .catch((error: Error) => {
          result.textContent = format(this.text["sidebar.error.server"], { message: error.message });
          result.classList.add("tone-error");
        })
        .finally(() => {
          button.disabled = false;
          button.textContent = this.text["sidebar.test.button"];
        });
    });
    return h(
      "div",
      { class: "field test-mail" },
      button,
      h("div", { class: "field-help" }, this.text["sidebar.test.help"]),
      result,
    );
  }
}

function moneyAmount(text: string, symbol: string): number | null {
  const shown = moneyValue(text, symbol);
  return shown === null ? null : Number(shown.replace(/[^\d.]/g, ""));
}

async function start(): Promise<void> {
  const app = root();
  try {
    const form = pageData<SettingsForm>() ?? (await call("sidebarSettingsForm"));
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
