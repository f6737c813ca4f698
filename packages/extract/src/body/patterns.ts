/**
 * Class/id and tag vocabularies. Adapted from Mozilla Readability (Apache-2.0) and trafilatura's
 * boilerplate lists; they describe page furniture common to news sites, not any one site.
 */

/** Never content: dropped with their subtree before scoring. */
export const DROP_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "iframe",
  "object",
  "embed",
  "canvas",
  "button",
  "input",
  "select",
  "textarea",
  "nav",
  "aside",
  "footer",
  "figcaption",
  "dialog",
  "link",
  "meta",
  "title",
  "head",
]);

/** Class/id fragments of page furniture (Readability's unlikelyCandidates plus trafilatura's). */
export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|cookie|consent|recommend|most-?popular|trending|outbrain|taboola|promo|teaser-list|tags?-?list|caption/i;

/** Keeps an UNLIKELY match when the same attribute also says it is the main content. */
export const MAYBE_CANDIDATE = /and|article|body|column|content|main|mathjax|shadow|story|entry|post-?text/i;

export const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose|rich-?text/i;

export const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|byline|author|dateline|caption|newsletter|subscribe|social|teaser/i;

export const UNLIKELY_ROLES = new Set([
  "menu",
  "menubar",
  "complementary",
  "navigation",
  "alert",
  "alertdialog",
  "dialog",
  "banner",
  "contentinfo",
  "search",
]);

/** Elements that end a paragraph when text is serialized. */
export const BLOCK_TAGS = new Set([
  "address",
  "article",
  "blockquote",
  "center",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figure",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "ul",
  "body",
  "html",
  "caption",
]);

export const HEADING_TAGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** Short standalone blocks that are calls to action, not prose. */
export const BOILERPLATE_LINE =
  /^(read more|read the full (story|article)|continue reading|advertisement|advertising|sponsored( content)?|related( articles| stories| coverage)?:?|see also:?|share( this)?( article| story)?:?|follow us( on)?|sign up( for)?|subscribe( now)?|click here|recommended( for you)?|more from|most read|trending now|tags?:|filed under:?|pročitajte (još|i)|povezane vesti|lexo (më shumë|edhe)|reklama)\b/i;
