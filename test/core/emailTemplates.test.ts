import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseTemplate,
  renderHtml,
  renderSubject,
  renderText,
  type PlaceholderValues,
  type TemplatePart,
} from "../../src/core/emailTemplates";

const VALUES: PlaceholderValues = { client: "杭州云启科技", owner: "李明", lastContact: "2026-10-12" };

function parts(template: string): readonly TemplatePart[] {
  const parsed = parseTemplate(template);
  if (!parsed.ok) throw new Error(`unexpected unknown placeholders ${parsed.unknown.join(", ")}`);
  return parsed.parts;
}

describe("parseTemplate", () => {
  it("splits text and the three placeholders, in any case and with inner spaces", () => {
    expect(parseTemplate("您好 {{client}}，我是{{ Owner }}。上次联系 {{lastcontact}}")).toEqual({
      ok: true,
      parts: [
        { kind: "text", text: "您好 " },
        { kind: "field", name: "client" },
        { kind: "text", text: "，我是" },
        { kind: "field", name: "owner" },
        { kind: "text", text: "。上次联系 " },
        { kind: "field", name: "lastContact" },
      ],
    });
  });

  it("names every unknown placeholder as written", () => {
    expect(parseTemplate("Dear {{company}}, {{client}} {{ price }}")).toEqual({
      ok: false,
      unknown: ["{{company}}", "{{ price }}"],
    });
  });

  it("leaves single braces and unclosed placeholders as text", () => {
    expect(renderText(parts("{client} {{client"), VALUES)).toBe("{client} {{client");
  });
});

describe("rendering", () => {
  it("fills the values as plain text", () => {
    expect(renderText(parts("{{client}}：{{owner}} {{lastContact}}"), VALUES)).toBe(
      "杭州云启科技：李明 2026-10-12",
    );
  });

  it("makes the subject one line", () => {
    expect(renderSubject(parts("  回访\n{{client}}   近况 "), VALUES)).toBe("回访 杭州云启科技 近况");
  });

  it("escapes template text and values in HTML, with paragraphs and line breaks", () => {
    const html = renderHtml(parts("Hi {{client}},\nline <b>2</b>\n\nBye & thanks"), {
      ...VALUES,
      client: `<script>alert("x")</script>`,
    });
    expect(html).toBe(
      "<p>Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,<br>line &lt;b&gt;2&lt;/b&gt;</p>\n<p>Bye &amp; thanks</p>",
    );
  });

  it("never lets a value open a tag (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (client, body) => {
        const parsed = parseTemplate(body.replace(/[{}]/g, "") + "{{client}}");
        if (!parsed.ok) return;
        const html = renderHtml(parsed.parts, { ...VALUES, client });
        const withoutOwnTags = html.replace(/<\/?p>|<br>/g, "");
        expect(withoutOwnTags).not.toMatch(/[<>]/);
      }),
    );
  });
});
