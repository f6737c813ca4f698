import { SITE_NAME } from "../feed/index.ts";
import type { SampleArticle } from "../fixtures/index.ts";

/*
 * Pages imitate a commercial news site on purpose: navigation, a cookie banner, share links,
 * an advert slot inside the article, related stories and a footer surround the story, so the
 * extractor is tested against boilerplate rather than a clean document.
 */

const NAV = ["World", "Balkans", "Politics", "Security", "Business", "Sport", "Culture"];

export interface ArticlePageOptions {
  origin: string;
  related: readonly SampleArticle[];
}

export function renderArticlePage(article: SampleArticle, { origin, related }: ArticlePageOptions): string {
  const url = `${origin}${article.path}`;
  const { section } = article;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    datePublished: article.published,
    dateModified: article.published,
    inLanguage: article.language,
    mainEntityOfPage: url,
    author: [{ "@type": "Person", name: article.byline }],
    publisher: { "@type": "Organization", name: article.outlet },
    description: article.summary,
  };
  const body = article.paragraphs.map((p) => `      <p>${escapeHtml(p)}</p>`);
  // The advert goes after the second paragraph, where real sites put the first one.
  body.splice(Math.min(2, body.length), 0, ADVERT);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(article.language)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(article.title)} | ${escapeHtml(SITE_NAME)}</title>
  <meta name="description" content="${escapeHtml(article.summary)}">
  <meta name="author" content="${escapeHtml(article.byline)}">
  <link rel="canonical" href="${escapeHtml(url)}">
  <link rel="alternate" type="application/rss+xml" title="${escapeHtml(SITE_NAME)}" href="${escapeHtml(`${origin}/feed.xml`)}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="${escapeHtml(article.title)}">
  <meta property="og:description" content="${escapeHtml(article.summary)}">
  <meta property="og:url" content="${escapeHtml(url)}">
  <meta property="og:site_name" content="${escapeHtml(article.outlet)}">
  <meta property="article:published_time" content="${escapeHtml(article.published)}">
  <meta property="article:section" content="${escapeHtml(section)}">
  <script type="application/ld+json">${jsonForScript(jsonLd)}</script>
  <style>body{font-family:Georgia,serif;max-width:60rem;margin:auto}nav ul{display:flex;gap:1rem;list-style:none}</style>
</head>
<body>
${cookieBanner()}
${siteHeader()}
  <main id="content">
    <nav class="breadcrumb" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/#${escapeHtml(section.toLowerCase())}">${escapeHtml(section)}</a></nav>
    <article class="story" itemscope itemtype="https://schema.org/NewsArticle">
      <header class="story-header">
        <h1 itemprop="headline">${escapeHtml(article.title)}</h1>
        <p class="byline">By <span itemprop="author">${escapeHtml(article.byline)}</span>, ${escapeHtml(article.outlet)}</p>
        <time datetime="${escapeHtml(article.published)}" itemprop="datePublished">${escapeHtml(humanDate(article.published))}</time>
        <ul class="share"><li><a href="#share-email">Email</a></li><li><a href="#share-facebook">Facebook</a></li><li><a href="#share-x">Post</a></li><li><a href="#share-copy">Copy link</a></li></ul>
      </header>
      <div class="story-body" itemprop="articleBody">
${body.join("\n")}
      </div>
    </article>
    <section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related stories</h2>
      <ul>
${related.map((r) => `        <li><a href="${escapeHtml(r.path)}">${escapeHtml(r.title)}</a> <span class="date">${escapeHtml(humanDate(r.published))}</span></li>`).join("\n")}
      </ul>
    </section>
    <aside class="newsletter">
      <h2>Get the Balkans briefing</h2>
      <p>The day's essential stories from the region, in your inbox every morning. Sign up now and never miss a development.</p>
      <form action="#subscribe"><input type="email" placeholder="Your email address"><button type="submit">Subscribe</button></form>
    </aside>
  </main>
${siteFooter()}
</body>
</html>
`;
}

export function renderHomePage(articles: readonly SampleArticle[], origin: string): string {
  const items = articles
    .map(
      (a) =>
        `      <li><a href="${escapeHtml(a.path)}">${escapeHtml(a.title)}</a> <time datetime="${escapeHtml(a.published)}">${escapeHtml(humanDate(a.published))}</time></li>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(SITE_NAME)}</title>
  <link rel="alternate" type="application/rss+xml" title="${escapeHtml(SITE_NAME)}" href="${escapeHtml(`${origin}/feed.xml`)}">
</head>
<body>
${siteHeader()}
  <main id="content">
    <h1>Latest news</h1>
    <ul class="latest">
${items}
    </ul>
  </main>
${siteFooter()}
</body>
</html>
`;
}

export function renderNotFoundPage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Page not found | ${escapeHtml(SITE_NAME)}</title></head>
<body><h1>Page not found</h1><p>The story you asked for does not exist or has been removed. <a href="/">Latest news</a></p></body>
</html>
`;
}

const ADVERT = `      <div class="ad-slot" aria-hidden="true"><span class="ad-label">Advertisement</span><a href="#ad">Book your autumn city break now – flights from €39</a></div>`;

function cookieBanner(): string {
  return `  <div class="cookie-banner" role="dialog" aria-label="Cookie consent">
    <p>We use cookies and similar technologies to personalise content and adverts, to provide social media features and to analyse our traffic. You can change your choice at any time in Privacy settings.</p>
    <button type="button">Accept all</button> <button type="button">Reject non-essential</button> <a href="#privacy">Manage preferences</a>
  </div>`;
}

function siteHeader(): string {
  const links = NAV.map((n) => `<li><a href="/#${n.toLowerCase()}">${n}</a></li>`).join("");
  return `  <header class="site-header">
    <a class="logo" href="/">${escapeHtml(SITE_NAME)}</a>
    <nav class="main-menu" aria-label="Main"><ul><li><a href="/">Home</a></li>${links}</ul></nav>
    <form class="search" action="#search"><input type="search" placeholder="Search news"><button type="submit">Search</button></form>
    <a class="subscribe" href="#subscribe">Subscribe – first month free</a>
  </header>`;
}

function siteFooter(): string {
  return `  <footer class="site-footer">
    <ul><li><a href="#about">About us</a></li><li><a href="#contact">Contact</a></li><li><a href="#privacy">Privacy policy</a></li><li><a href="#terms">Terms of use</a></li><li><a href="/feed.xml">RSS</a></li></ul>
    <p>© 2023 ${escapeHtml(SITE_NAME)}. Sample content served locally for Seismo development and tests.</p>
  </footer>`;
}

function humanDate(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}, ${d.toISOString().slice(11, 16)} UTC`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** JSON inside <script> must not contain "</script>" or HTML comment openers. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
