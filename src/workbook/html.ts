/** Escaping for text placed into HTML: the one rule lives in core/html.ts (the e-mail templates render there too). */
export { escapeHtml } from "../core/html";
