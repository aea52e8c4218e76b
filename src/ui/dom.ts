/**
 * Building the pages' DOM. Text always goes in as text nodes (textContent), never as HTML, so
 * whatever a cell holds — `<img src=x onerror=…>` included — is shown, never run.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly title?: string;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props?.class) element.className = props.class;
  if (props?.title) element.title = props.title;
  for (const [name, value] of Object.entries(props?.attrs ?? {})) element.setAttribute(name, value);
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child,
    );
  }
}

/** Replaces an element's content. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Fills `{name}` placeholders of a server string. */
export function format(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The page's root element. */
export function root(): HTMLElement {
  const app = document.getElementById("app");
  if (!app) throw new Error("the page has no #app element");
  return app;
}

/** The error box shown when a server call fails, with a retry button. */
export function errorBox(message: string, retryLabel: string, retry: () => void): HTMLElement {
  const button = h("button", { class: "btn", attrs: { type: "button" } }, retryLabel);
  button.addEventListener("click", retry);
  return h("div", { class: "notice notice-error", attrs: { role: "alert" } }, h("p", null, message), button);
}

/** A small spinner while the first answer of the server is awaited. */
export function loading(label: string): HTMLElement {
  return h("div", { class: "loading", attrs: { role: "status" } }, h("span", { class: "spinner" }), label);
}

/** The data the server put into the page (a `page-data` script element), if any; read once. */
export function pageData<T>(): T | null {
  const element = document.getElementById("page-data");
  if (element === null) return null;
  element.remove();
  try {
    return JSON.parse(element.textContent ?? "") as T;
  } catch {
    return null;
  }
}
