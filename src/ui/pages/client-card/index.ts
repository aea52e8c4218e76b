/**
 * The client card sidebar: the client of the selected row with its tier (reason, history),
 * 12-month purchase and a bar per month, owner, contact status and recent contacts, open
 * deals, contracts and outstanding payments; and the form that logs a contact
 * (sidebarLogContact appends one Interactions row and returns the card with its new next due).
 * Every text from the workbook goes in as text, never as HTML.
 */
import "../../sidebar.css";
import type { ClientCardResult, ClientCardView, ContactField, PageText } from "../../api";
import { errorBox, format, h, loading, replace, root, type Child } from "../../dom";
import { call } from "../../rpc";

type CardView = ClientCardView;

let text: PageText | null = null;

function svgIcon(path: string): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  const p = document.createElementNS(ns, "path");
  p.setAttribute("d", path);
  p.setAttribute("fill", "currentColor");
  svg.appendChild(p);
  return svg;
}

const ICON_REFRESH =
  "M17.65 6.35A7.96 7.96 0 0 0 12 4a8 8 0 1 0 7.75 10h-2.08A6 6 0 1 1 12 6c1.66 0 3.14.69 4.22 1.78L13 11h7V4l-2.35 2.35z";
const ICON_PERSON = "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z";

function toolbar(t: PageText, asOf: string | null): HTMLElement {
  const refresh = h("button", {
    class: "btn btn-small",
    attrs: { type: "button", "data-action": "refresh" },
  });
  refresh.append(svgIcon(ICON_REFRESH), t["sidebar.card.refresh"]);
  refresh.addEventListener("click", () => void load());
  return h(
    "div",
    { class: "toolbar" },
    refresh,
    asOf === null
      ? null
      : h("span", { class: "muted small" }, format(t["sidebar.card.asOf"], { date: asOf })),
  );
}

function section(title: string, aside: string | null, ...body: Child[]): HTMLElement {
  return h(
    "section",
    { class: "section" },
    h("h2", { class: "section-title" }, title, aside === null ? null : h("span", { class: "aside" }, aside)),
    ...body,
  );
}

function statusTone(status: "overdue" | "due" | "upcoming"): string {
  return status === "overdue" ? "pill-red" : status === "due" ? "pill-amber" : "pill-green";
}

function header(t: PageText, card: CardView): HTMLElement {
  const tier = card.tier;
  const badge = h(
    "div",
    { class: `tier-badge tier-${tier.code ?? "none"}`, attrs: { "data-field": "tier" } },
    h("span", { class: "tier-letter" }, tier.code ?? "–"),
    h("span", { class: "tier-label" }, tier.label ?? t["sidebar.card.noTier"]),
  );
  const meta = [card.clientId, card.industry, card.region].filter((x): x is string => x !== null);
  return h(
    "header",
    { class: "client-head" },
    badge,
    h(
      "div",
      { class: "client-title" },
      h("h1", { class: "client-name", attrs: { "data-field": "name" } }, card.name),
      h("p", { class: "sub" }, meta.join(" · ")),
      h(
        "p",
        {
          class: "owner",
          title: card.owner === null ? t["sidebar.card.owner"] : `${t["sidebar.card.owner"]} ${card.owner}`,
        },
        svgIcon(ICON_PERSON),
        h("span", { attrs: { "data-field": "owner" } }, card.ownerName ?? t["sidebar.card.noOwner"]),
        card.active ? null : h("span", { class: "pill" }, card.statusLabel),
      ),
    ),
  );
}

/** What needs attention, first: overdue receivables, renewals due, an overdue contact. */
function alertsBlock(t: PageText, card: CardView): HTMLElement | null {
  if (card.alerts.length === 0) return null;
  return h(
    "section",
    { class: "alerts", attrs: { "aria-label": t["sidebar.alert.title"] } },
    h(
      "ul",
      null,
      ...card.alerts.map((alert) =>
        h("li", { class: `alert alert-${alert.tone}`, attrs: { "data-alert": alert.kind } }, alert.text),
      ),
    ),
  );
}

function tierBlock(t: PageText, card: CardView): HTMLElement {
  const tier = card.tier;
  const facts: Child[] = [];
  if (tier.since !== null) facts.push(format(t["sidebar.card.tierSince"], { date: tier.since }));
  const history =
    tier.history.length === 0
      ? h("p", { class: "empty" }, t["sidebar.card.noHistory"])
      : h(
          "ol",
          { class: "timeline" },
          ...tier.history.map((change) =>
            h(
              "li",
              null,
              h(
                "div",
                { class: "row" },
                h("span", { class: "change" }, `${change.from ?? "–"} → ${change.to}`),
                h("span", { class: "muted small" }, change.date),
              ),
              change.reason === null ? null : h("div", { class: "sub" }, change.reason),
            ),
          ),
        );
  const details = h(
    "details",
    { class: "history" },
    h("summary", null, `${t["sidebar.card.history"]} (${tier.history.length})`),
    history,
  );
  return h(
    "div",
    { class: "tier-block" },
    tier.reason === null
      ? null
      : h("p", { class: "reason", attrs: { "data-field": "tierReason" } }, tier.reason),
    h(
      "p",
      { class: "sub" },
      ...facts,
      tier.override ? h("span", { class: "pill pill-blue" }, t["sidebar.card.override"]) : null,
    ),
    details,
  );
}

function purchaseBlock(t: PageText, card: CardView): HTMLElement {
  const months = card.purchase.months;
  const max = Math.max(...months.map((m) => m.cents), 1);
  const bars = h(
    "div",
    { class: "bars", attrs: { role: "img", "aria-label": t["sidebar.card.monthly"] } },
    ...months.map((m, i) => {
      const bar = h("div", {
        class: `bar${i === months.length - 1 ? " bar-current" : ""}${m.cents === 0 ? " bar-zero" : ""}`,
        title: `${m.month}  ${m.amount}`,
        attrs: { "data-month": m.month, "data-cents": String(m.cents) },
      });
      bar.style.height = m.cents === 0 ? "2px" : `${Math.max(4, Math.round((m.cents / max) * 100))}%`;
      return h("div", { class: "bar-slot" }, bar);
    }),
  );
  const labels = h(
    "div",
    { class: "bar-labels" },
    ...months.map((m, i) => h("span", null, i % 3 === 2 || i === 0 ? m.label : "")),
  );
  return h(
    "div",
    { class: "kpi" },
    h(
      "div",
      { class: "kpi-head" },
      h("span", { class: "kpi-label" }, t["sidebar.card.purchase"]),
      card.purchase.override ? h("span", { class: "pill" }, t["sidebar.card.purchaseOverride"]) : null,
    ),
    h("div", { class: "kpi-value", attrs: { "data-field": "purchase" } }, card.purchase.total),
    h("div", { class: "chart-caption" }, t["sidebar.card.monthly"]),
    bars,
    labels,
  );
}

function contactBlock(t: PageText, card: CardView, openForm: () => void): HTMLElement {
  const contact = card.contact;
  if (contact === null) {
    return h("div", { class: "contact-box" }, h("p", { class: "muted" }, t["sidebar.card.inactiveContact"]));
  }
  const pill =
    contact.status === "overdue"
      ? format(t["sidebar.card.overdueDays"], { days: contact.daysOverdue })
      : contact.statusLabel;
  const button = h("button", { class: "btn btn-primary", attrs: { type: "button", "data-action": "log" } });
  button.textContent = t["sidebar.log.open"];
  button.addEventListener("click", openForm);
  return h(
    "div",
    { class: `contact-box status-${contact.status}` },
    h(
      "div",
      { class: "row" },
      h(
        "div",
        null,
        h("div", { class: "kpi-label" }, t["sidebar.card.nextDue"]),
        h("div", { class: "next-due", attrs: { "data-field": "nextDue" } }, contact.nextDue),
      ),
      h("span", { class: `pill ${statusTone(contact.status)}`, attrs: { "data-field": "status" } }, pill),
    ),
    h(
      "p",
      { class: "sub" },
      format(t["sidebar.card.cadence"], { channel: contact.channelLabel, days: contact.intervalDays }),
      " · ",
      contact.lastContact === null
        ? t["sidebar.card.neverContacted"]
        : format(t["sidebar.card.lastContact"], { date: contact.lastContact }),
    ),
    button,
  );
}

function recentList(t: PageText, card: CardView): HTMLElement {
  if (card.recent.length === 0) return h("p", { class: "empty" }, t["sidebar.card.noContacts"]);
  return h(
    "ul",
    { class: "list" },
    ...card.recent.map((c) =>
      h(
        "li",
        null,
        h(
          "div",
          { class: "row" },
          h("span", null, h("strong", null, c.date), c.channelLabel === null ? null : ` · ${c.channelLabel}`),
          h(
            "span",
            null,
            c.responded === null
              ? null
              : h(
                  "span",
                  { class: `pill ${c.responded === "yes" ? "pill-green" : ""}` },
                  c.responded === "yes" ? t["sidebar.card.responded"] : t["sidebar.card.noResponse"],
                ),
            c.satisfaction === null
              ? null
              : h("span", { class: "stars", title: `${c.satisfaction}/5` }, "★".repeat(c.satisfaction)),
          ),
        ),
        c.summary === null ? null : h("div", { class: "sub clamp" }, c.summary),
      ),
    ),
  );
}

function dealList(t: PageText, card: CardView): HTMLElement {
  if (card.deals.length === 0) return h("p", { class: "empty" }, t["sidebar.card.noDeals"]);
  return h(
    "ul",
    { class: "list" },
    ...card.deals.map((d) =>
      h(
        "li",
        { attrs: { "data-deal": d.dealId } },
        h(
          "div",
          { class: "row" },
          h("span", null, d.title ?? d.dealId),
          h("span", { class: "amount" }, d.amount),
        ),
        h(
          "div",
          { class: "sub" },
          h("span", { class: "pill pill-blue" }, d.stageLabel),
          ` ${d.probability}`,
          d.expectedClose === null
            ? null
            : ` · ${format(t["sidebar.card.expected"], { date: d.expectedClose })}`,
        ),
      ),
    ),
  );
}

function contractList(t: PageText, card: CardView): HTMLElement {
  if (card.contracts.length === 0) return h("p", { class: "empty" }, t["sidebar.card.noContracts"]);
  return h(
    "ul",
    { class: "list" },
    ...card.contracts.map((c) =>
      h(
        "li",
        { attrs: { "data-contract": c.contractId } },
        h(
          "div",
          { class: "row" },
          h("span", null, c.title ?? c.contractId),
          c.value === null ? null : h("span", { class: "amount" }, c.value),
        ),
        h(
          "div",
          { class: "sub" },
          c.statusLabel === null ? null : h("span", { class: "pill" }, c.statusLabel),
          c.start !== null && c.end !== null
            ? ` ${format(t["sidebar.card.period"], { start: c.start, end: c.end })}`
            : c.end !== null
              ? ` ${c.end}`
              : null,
        ),
        c.renewalDue
          ? h(
              "div",
              { class: "renewal" },
              h(
                "span",
                { class: "pill pill-amber", attrs: { "data-field": "renewal" } },
                t["sidebar.card.renewalDue"],
              ),
              c.daysLeft === null ? null : ` ${format(t["sidebar.card.renewalIn"], { days: c.daysLeft })}`,
            )
          : null,
      ),
    ),
  );
}

function paymentList(t: PageText, card: CardView): HTMLElement {
  if (card.payments.length === 0) return h("p", { class: "empty" }, t["sidebar.card.noPayments"]);
  return h(
    "ul",
    { class: "list" },
    ...card.payments.map((p) =>
      h(
        "li",
        { class: p.overdue ? "is-overdue" : "" },
        h(
          "div",
          { class: "row" },
          h("span", null, p.contractTitle ?? p.contractId),
          h("span", { class: `amount${p.overdue ? " text-red" : ""}` }, p.outstanding),
        ),
        h(
          "div",
          { class: "sub" },
          p.contractTitle === null ? null : `${p.contractId} · `,
          format(t["sidebar.card.dueOn"], { date: p.due }),
          p.overdue ? " " : null,
          p.overdue
            ? h(
                "span",
                { class: "pill pill-red" },
                format(t["sidebar.card.overdueDays"], { days: p.daysOverdue }),
              )
            : null,
        ),
      ),
    ),
  );
}

/** The contact form; `onLogged` gets the refreshed card. */
function logForm(
  t: PageText,
  card: CardView,
  onLogged: (card: CardView, note: string) => void,
  onCancel: () => void,
) {
  const form = h("form", { class: "log-form", attrs: { novalidate: "" } });
  const errors = new Map<ContactField, HTMLElement>();
  const field = (name: ContactField, label: string, control: HTMLElement, hint: string | null = null) => {
    const error = h("div", { class: "field-error", attrs: { hidden: "" } });
    errors.set(name, error);
    control.id = `log-${name}`;
    return h(
      "div",
      { class: "field" },
      h("label", { class: "field-label", attrs: { for: control.id } }, label),
      control,
      hint === null ? null : h("div", { class: "field-hint", attrs: { id: `${control.id}-hint` } }, hint),
      error,
    );
  };
  // A text field in the workbook's date order: a date input would follow the browser's locale.
  const date = h("input", {
    class: "input",
    attrs: {
      type: "text",
      name: "date",
      inputmode: "numeric",
      autocomplete: "off",
      "aria-describedby": "log-date-hint",
    },
  });
  date.value = card.logForm.todayText;
  date.placeholder = card.logForm.todayText;
  const channel = h("select", { class: "input", attrs: { name: "channel" } });
  for (const o of card.logForm.channels)
    channel.appendChild(h("option", { attrs: { value: o.value } }, o.label));
  channel.value = card.logForm.channel;
  const responded = h("select", { class: "input", attrs: { name: "responded" } });
  for (const o of card.logForm.responded)
    responded.appendChild(h("option", { attrs: { value: o.value } }, o.label));
  const satisfaction = h("select", { class: "input", attrs: { name: "satisfaction" } });
  satisfaction.appendChild(h("option", { attrs: { value: "" } }, t["sidebar.log.noScore"]));
  for (let score = 5; score >= 1; score--) {
    satisfaction.appendChild(
      h("option", { attrs: { value: String(score) } }, `${"★".repeat(score)} ${score}`),
    );
  }
  const summary = h("textarea", { class: "input", attrs: { name: "summary", rows: "3", maxlength: "5000" } });
  summary.placeholder = t["sidebar.log.summaryPlaceholder"];
  const message = h("div", { class: "field-error", attrs: { hidden: "", role: "alert" } });
  const save = h("button", { class: "btn btn-primary", attrs: { type: "submit" } }, t["sidebar.log.save"]);
  const cancel = h("button", { class: "btn", attrs: { type: "button" } }, t["sidebar.log.cancel"]);
  cancel.addEventListener("click", onCancel);

  form.append(
    h("h3", { class: "form-title" }, t["sidebar.log.title"]),
    h(
      "div",
      { class: "grid-2" },
      field("date", t["sidebar.log.date"], date, card.logForm.dateHint),
      field("channel", t["sidebar.log.channel"], channel),
    ),
    h(
      "div",
      { class: "grid-2" },
      field("responded", t["sidebar.log.responded"], responded),
      field("satisfaction", t["sidebar.log.satisfaction"], satisfaction),
    ),
    field("summary", t["sidebar.log.summary"], summary),
    message,
    h("div", { class: "form-actions" }, cancel, save),
  );

  const showErrors = (found: Partial<Record<ContactField, string>>, note: string | null) => {
    for (const [name, box] of errors) {
      const problem = found[name];
      box.textContent = problem ?? "";
      box.hidden = problem === undefined;
      form
        .querySelector(`[name="${name}"]`)
        ?.setAttribute("aria-invalid", problem === undefined ? "false" : "true");
    }
    message.textContent = note ?? "";
    message.hidden = note === null;
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      save.disabled = true;
      save.textContent = t["sidebar.log.saving"];
      try {
        const result = await call("sidebarLogContact", {
          clientId: card.clientId,
          date: date.value,
          channel: channel.value,
          responded: responded.value,
          satisfaction: satisfaction.value,
          summary: summary.value,
        });
        if (result.ok) {
          text = result.text;
          const next = result.card.contact?.nextDue ?? "—";
          onLogged(result.card, format(result.text["sidebar.log.saved"], { date: result.logged, next }));
          return;
        }
        showErrors(result.errors, result.message);
      } catch (error) {
        showErrors({}, format(t["sidebar.error.server"], { message: (error as Error).message }));
      }
      save.disabled = false;
      save.textContent = t["sidebar.log.save"];
    })();
  });
  return form;
}

function renderCard(t: PageText, card: CardView, note: string | null = null): void {
  const app = root();
  const formSlot = h("div", { class: "form-slot" });
  const openForm = () => {
    if (formSlot.firstChild) return;
    formSlot.appendChild(
      logForm(
        t,
        card,
        (updated, saved) => renderCard(text ?? t, updated, saved),
        () => formSlot.replaceChildren(),
      ),
    );
    (formSlot.querySelector("textarea") as HTMLTextAreaElement | null)?.focus();
  };
  const sum = (items: number, total: string) =>
    items > 0 ? format(t["sidebar.card.total"], { amount: total }) : null;
  const notice =
    note === null
      ? null
      : h(
          "div",
          { class: "notice notice-ok", attrs: { role: "status", "aria-live": "polite", tabindex: "-1" } },
          note,
        );
  replace(
    app,
    toolbar(t, card.asOf),
    notice,
    h(
      "article",
      { class: "card", attrs: { "data-client": card.clientId } },
      header(t, card),
      alertsBlock(t, card),
      tierBlock(t, card),
      purchaseBlock(t, card),
    ),
    section(t["sidebar.card.contact"], null, contactBlock(t, card, openForm), formSlot),
    section(t["sidebar.card.recent"], null, recentList(t, card)),
    section(t["sidebar.card.deals"], sum(card.deals.length, card.dealsTotal), dealList(t, card)),
    section(t["sidebar.card.contracts"], null, contractList(t, card)),
    section(
      t["sidebar.card.payments"],
      sum(card.payments.length, card.outstandingTotal),
      paymentList(t, card),
    ),
    card.issues === 0
      ? null
      : h("p", { class: "notice footnote" }, format(t["sidebar.card.issues"], { count: card.issues })),
  );
  // After logging a contact the form was far down the page: bring the confirmation into view.
  if (notice !== null) {
    window.scrollTo(0, 0);
    notice.focus({ preventScroll: true });
  }
}

function renderHint(t: PageText, message: string): void {
  const icon = h("div", { class: "hint-icon" });
  icon.appendChild(svgIcon(ICON_PERSON));
  replace(
    root(),
    toolbar(t, null),
    h(
      "div",
      { class: "hint", attrs: { role: "status" } },
      icon,
      h("h1", { class: "hint-title" }, t["sidebar.hint.title"]),
      h("p", { class: "hint-message" }, message),
    ),
  );
}

function render(result: ClientCardResult): void {
  text = result.text;
  document.documentElement.lang = result.language;
  document.title = result.text["sidebar.card.title"];
  root().removeAttribute("aria-busy");
  if (result.kind === "card") renderCard(result.text, result.card);
  else renderHint(result.text, result.message);
}

async function load(): Promise<void> {
  const app = root();
  if (text !== null) {
    app.setAttribute("aria-busy", "true");
    replace(app, loading(text["sidebar.loading"]));
  }
  try {
    render(await call("sidebarClientCard"));
  } catch (error) {
    app.removeAttribute("aria-busy");
    const message = (error as Error).message;
    replace(
      app,
      errorBox(
        text === null ? message : format(text["sidebar.error.server"], { message }),
        text?.["sidebar.retry"] ?? "↻",
        () => void load(),
      ),
    );
  }
}

void load();
