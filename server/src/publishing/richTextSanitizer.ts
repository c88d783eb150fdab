import sanitizeHtml from "sanitize-html";

/** Our own uploads (relative) or https images; nothing else may load in a reader's app. */
const allowedImageSource = /^(\/api\/v1\/publishing\/uploads\/[0-9a-f-]{36}|https:\/\/[^\s"'<>]+)$/i;

const options: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "blockquote", "ul", "ol", "li", "a", "img", "hr"],
  allowedAttributes: { a: ["href"], img: ["src", "alt"] },
  allowedSchemes: ["https", "http", "mailto", "tel"],
  allowedSchemesByTag: { img: ["https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  enforceHtmlBoundary: true,
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer", target: "_blank" }) },
  exclusiveFilter: (frame) => frame.tag === "img" && !allowedImageSource.test(frame.attribs.src ?? ""),
};

// rel/target are added by the transform after the attribute filter, so they must be allowed too.
options.allowedAttributes = { a: ["href", "rel", "target"], img: ["src", "alt"] };

/**
 * Rich text as stored and served: a whitelist of structural tags, links (http/https/mailto/tel) and our
 * own or https images. Scripts, event handlers, styles, iframes and javascript: URLs never survive.
 * Run on every write, so what is stored is already safe for the admin preview, the H5 app and the weapp.
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The plain text of rich text, for the risk lexicon and summaries. */
export function plainTextOf(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
}
