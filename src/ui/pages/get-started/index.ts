/**
 * The Get started sidebar: set up an empty workbook, fill in the sample, or map the team's own
 * sheets. The mapping view shows, for each table of the contract (required ones first), a
 * drop-down of the workbook's sheets and, for each column, a drop-down of that sheet's headers
 * with the server's best guess chosen; picking another sheet guesses again with the same code
 * (workbook/guess.ts), and one header never serves two columns. The server validates and saves.
 */
import "../../sidebar.css";
import type {
  GetStartedForm,
  MappingForm,
  MappingInput,
  MappingTable,
  StartResult,
  StartText,
} from "../../api";
import { errorBox, format, h, pageData, replace, root } from "../../dom";
import { call } from "../../rpc";
import { assign } from "../../../workbook/guess";

type Server = "sidebarStartSetup" | "sidebarFillSample";

function startPage(form: GetStartedForm): void {
  const text = form.text;
  document.documentElement.lang = form.language;
  document.title = text["start.title"];
  const app = root();
  app.removeAttribute("aria-busy");
  const choice = (
    id: string,
    title: string,
    help: string,
    label: string,
    run: (out: HTMLElement) => void,
  ) => {
    const out = h("div", { class: "result", attrs: { role: "status", "aria-live": "polite" } });
    const button = h(
      "button",
      { class: "btn btn-primary", attrs: { type: "button", "data-action": id } },
      label,
    );
    button.addEventListener("click", () => run(out));
    return h(
      "section",
      { class: "choice", attrs: { "data-choice": id } },
      h("h2", null, title),
      h("p", null, help),
      button,
      out,
    );
  };
  const server = (name: Server) => (out: HTMLElement) => {
    const button = out.parentElement?.querySelector("button") as HTMLButtonElement;
    button.disabled = true;
    out.className = "result muted";
    out.textContent = text["start.working"];
    call(name)
      .then((result: StartResult) => {
        out.className = `result ${result.ok ? "tone-ok" : "tone-error"}`;
        replace(out, ...result.lines.map((line) => h("p", null, line)));
      })
      .catch((error: Error) => {
        out.className = "result tone-error";
        out.textContent = format(text["start.error"], { message: error.message });
      })
      .finally(() => (button.disabled = false));
  };
  replace(
    app,
    h(
      "header",
      { class: "page-head" },
      h("h1", { class: "page-title" }, text["start.title"]),
      h("p", { class: "muted small" }, text["start.intro"]),
    ),
    choice("map", text["start.map.title"], text["start.map.help"], text["start.map.button"], (out) => {
      out.className = "result muted";
      out.textContent = text["start.working"];
      call("sidebarMappingForm")
        .then((mapping) => new MappingPage(mapping, () => startPage(form)).render())
        .catch((error: Error) => {
          out.className = "result tone-error";
          out.textContent = format(text["start.error"], { message: error.message });
        });
    }),
    choice(
      "setup",
      text["start.setup.title"],
      text["start.setup.help"],
      text["start.setup.button"],
      server("sidebarStartSetup"),
    ),
    choice(
      "sample",
      text["start.sample.title"],
      text["start.sample.help"],
      text["start.sample.button"],
      server("sidebarFillSample"),
    ),
  );
}

interface TableState {
  sheet: string | null;
  readonly headers: Map<string, string | null>;
  readonly note: HTMLElement;
  readonly body: HTMLElement;
  readonly select: HTMLSelectElement;
}

class MappingPage {
  private readonly state = new Map<string, TableState>();
  private readonly headersOf = new Map<string, readonly string[]>();
  private readonly errors = new Map<string, string>();
  private readonly status = h("p", { class: "save-status", attrs: { "aria-live": "polite" } });
  private readonly save = h("button", { class: "btn btn-primary", attrs: { type: "button" } });

  constructor(
    private readonly form: MappingForm,
    private readonly back: () => void,
  ) {
    for (const sheet of form.sheets) this.headersOf.set(sheet.name, sheet.headers);
  }

  private get text(): StartText {
    return this.form.text;
  }

  render(): void {
    const backButton = h(
      "button",
      { class: "back small", attrs: { type: "button" } },
      this.text["start.map.back"],
    );
    backButton.addEventListener("click", this.back);
    this.save.textContent = this.text["start.map.save"];
    this.save.addEventListener("click", () => void this.submit());
    replace(
      root(),
      h(
        "header",
        { class: "page-head" },
        backButton,
        h("h1", { class: "page-title" }, this.text["start.map.title"]),
        h("p", { class: "muted small" }, this.text["start.map.intro"]),
        h("p", { class: "muted small legend" }, this.text["start.map.computedHint"]),
      ),
      ...this.form.tables.map((table) => this.tableBlock(table)),
      h("footer", { class: "sticky-footer" }, this.status, this.save),
    );
    window.scrollTo(0, 0);
  }

  private tableBlock(table: MappingTable): HTMLElement {
    const select = this.select(
      table.sheet,
      this.form.sheets.map((s) => s.name),
      this.text["start.map.none"],
    );
    select.setAttribute("aria-label", `${table.title} · ${this.text["start.map.sheet"]}`);
    select.name = `sheet:${table.table}`;
    const state: TableState = {
      sheet: table.sheet,
      headers: new Map(table.fields.map((f) => [f.key, f.header])),
      note: h("p", { class: "table-note tone-error", attrs: { role: "alert" } }),
      body: h("div", { class: "table-rows" }),
      select,
    };
    this.state.set(table.table, state);
    select.addEventListener("change", () => {
      state.sheet = select.value === "" ? null : select.value;
      const guessed = assign(
        table.fields.map((f) => ({ key: f.key, names: f.names, required: f.required })),
        state.sheet === null ? [] : (this.headersOf.get(state.sheet) ?? []),
      );
      for (const f of table.fields) state.headers.set(f.key, guessed.get(f.key) ?? null);
      this.errors.clear();
      this.fillRows(table, state);
    });
    this.fillRows(table, state);
    return h(
      "section",
      { class: "table", attrs: { "data-table": table.table } },
      h(
        "div",
        { class: "table-head" },
        h("h2", null, table.title, table.required ? h("span", { class: "req" }, " *") : null),
        select,
      ),
      h("div", { class: "table-body" }, state.note, state.body),
    );
  }

  private select(value: string | null, options: readonly string[], empty: string): HTMLSelectElement {
    const select = h("select", { class: "input" }, h("option", { attrs: { value: "" } }, empty));
    for (const option of options) select.appendChild(h("option", { attrs: { value: option } }, option));
    select.value = value ?? "";
    return select;
  }

  private fillRows(table: MappingTable, state: TableState): void {
    const headers = state.sheet === null ? [] : (this.headersOf.get(state.sheet) ?? []);
    const rows = table.fields.map((field) => {
      const id = `map-${table.table}-${field.key}`;
      const select = this.select(
        state.headers.get(field.key) ?? null,
        headers,
        this.text["start.map.notMapped"],
      );
      select.id = id;
      select.name = `${table.table}.${field.key}`;
      select.disabled = state.sheet === null;
      select.addEventListener("change", () => {
        const header = select.value === "" ? null : select.value;
        // One header, one column: the column that had it gives it up.
        for (const [key, now] of state.headers)
          if (header !== null && now === header) state.headers.set(key, null);
        state.headers.set(field.key, header);
        this.errors.clear();
        this.fillRows(table, state);
      });
      const mark = field.required ? "*" : field.computed ? "†" : "";
      return h(
        "div",
        { class: "map-row", attrs: { "data-field": field.key } },
        h(
          "label",
          { attrs: { for: id }, title: field.label },
          field.label,
          mark ? h("span", { class: "req" }, ` ${mark}`) : null,
        ),
        select,
      );
    });
    replace(state.body, ...rows);
    this.noteOf(table, state);
    this.refresh();
  }

  private noteOf(table: MappingTable, state: TableState): void {
    const server = this.errors.get(table.table);
    const missing = table.fields.filter((f) => f.required && !state.headers.get(f.key)).map((f) => f.label);
    state.note.className = "table-note tone-error";
    if (server !== undefined) state.note.textContent = server;
    else if (state.sheet === null) {
      state.note.className = "table-note muted";
      state.note.textContent = table.required ? "" : this.text["start.map.noSheet"];
    } else
      state.note.textContent =
        missing.length === 0
          ? ""
          : format(this.text["start.map.missingRequired"], { columns: missing.join(", ") });
    for (const [key, message] of this.errors) {
      const [owner, column] = key.split(".");
      if (owner !== table.table || column === undefined) continue;
      const select = state.body.querySelector<HTMLSelectElement>(`[name='${table.table}.${column}']`);
      select?.setAttribute("aria-invalid", "true");
      if (select) select.title = message;
    }
  }

  private refresh(): void {
    const problems = this.form.tables.filter((table) => {
      const state = this.state.get(table.table);
      if (!state) return false;
      if (state.sheet === null) return table.required;
      return table.fields.some((f) => f.required && !state.headers.get(f.key));
    }).length;
    this.save.disabled = problems > 0;
    if (this.errors.size === 0) {
      this.status.className = `save-status ${problems > 0 ? "tone-error" : "muted"}`;
      this.status.textContent =
        problems > 0 ? format(this.text["start.map.fixErrors"], { count: problems }) : "";
    }
  }

  private input(): MappingInput {
    const out: Record<string, { sheet: string | null; columns: Record<string, string | null> }> = {};
    for (const [table, state] of this.state)
      out[table] = { sheet: state.sheet, columns: Object.fromEntries(state.headers) };
    return out;
  }

  private async submit(): Promise<void> {
    this.save.disabled = true;
    this.save.textContent = this.text["start.map.saving"];
    try {
      const result = await call("sidebarSaveMapping", this.input());
      this.errors.clear();
      if (!result.ok)
        for (const [key, message] of Object.entries(result.errors)) this.errors.set(key, message);
      for (const table of this.form.tables) this.noteOf(table, this.state.get(table.table) as TableState);
      this.status.className = `save-status ${result.ok ? "tone-ok" : "tone-error"}`;
      this.status.textContent = result.message;
    } catch (error) {
      this.status.className = "save-status tone-error";
      this.status.textContent = format(this.text["start.error"], { message: (error as Error).message });
    } finally {
      this.save.textContent = this.text["start.map.save"];
      this.save.disabled = false;
    }
  }
}

async function start(): Promise<void> {
  const app = root();
  try {
    startPage(pageData<GetStartedForm>() ?? (await call("sidebarGetStarted")));
  } catch (error) {
    app.removeAttribute("aria-busy");
    replace(
      app,
      errorBox((error as Error).message, "↻", () => void start()),
    );
  }
}

void start();
