/** Small, realistic pages for the extractor's tests. */

const paragraphs = [
  "Serbian and Kosovo officials met in Brussels on Friday for a new round of talks mediated by the European Union, after weeks of rising tension in the north of Kosovo.",
  "The meeting, which lasted more than four hours, ended without a joint statement, but both delegations said they would return next month to continue the discussion.",
  "Diplomats familiar with the talks said the main obstacle remained the proposed association of Serb-majority municipalities, which Pristina has so far refused to establish.",
];

export const NEWS_PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Talks resume in Brussels | The Balkan Times</title>
  <meta property="og:site_name" content="The Balkan Times">
  <meta property="og:image" content="/img/brussels.jpg">
  <link rel="canonical" href="/politics/2023/09/29/talks-resume?utm_source=twitter&amp;utm_medium=social&amp;id=7&amp;fbclid=abc">
</head>
<body>
  <header class="site-header"><a href="/">The Balkan Times</a></header>
  <nav><ul><li><a href="/politics">Politics</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <div class="layout">
    <article class="story">
      <h1>Talks resume in Brussels</h1>
      <div class="byline">By Jana Petrović</div>
      <div class="story-body">
        <p>${paragraphs[0]}</p>
        <figure><img src="/img/brussels.jpg"><figcaption>Delegations arrive at the EU building.</figcaption></figure>
        <p>${paragraphs[1]}</p>
        <h2>Sticking points</h2>
        <p>${paragraphs[2]}</p>
        <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
        <p class="read-more"><a href="/politics/earlier">Read more: earlier talks collapsed</a></p>
      </div>
    </article>
    <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Storm hits coast, thousands left without power overnight</a></li><li><a href="/b">Prices rise again as inflation refuses to cool</a></li></ul></aside>
    <section class="related-articles"><h3>Related</h3><ul><li><a href="/c">Earlier talks in Ohrid ended in a deal that was never signed by either side</a></li><li><a href="/d">EU envoy visits Belgrade and Pristina ahead of the next round</a></li></ul></section>
    <section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>This is a reader comment that has nothing to do with the article body, although it is long enough to look like a paragraph.</p></div></section>
  </div>
  <footer><p>© 2023 The Balkan Times. All rights reserved. Contact us, advertise, privacy policy.</p></footer>
</body>
</html>`;

export const NEWS_PARAGRAPHS = paragraphs;

export const JSON_LD_PAGE = `<html><head>
<title>Protest u Zvečanu - Vesti</title>
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","name":"Vesti"},
  {"@type":"NewsArticle","headline":"Protest u Zvečanu","datePublished":"2023-05-29T14:05:00+02:00",
   "dateModified":"2023-05-30T08:00:00+02:00","author":[{"@type":"Person","name":"Marko Marković"}],
   "publisher":{"@type":"Organization","name":"Vesti"},"image":{"@type":"ImageObject","url":"https://vesti.example/z.jpg"},
   "articleBody":"${"Građani su se okupili ispred zgrade opštine u Zvečanu. ".repeat(12)}"}
]}
</script></head>
<body><div id="app">Loading…</div></body></html>`;

const serbianBody =
  "Vlada je u petak usvojila novi set mera za podršku poljoprivrednicima, koji uključuje subvencije za gorivo i đubrivo. Ministar je rekao da će isplate početi do kraja meseca, a da će prijave biti otvorene na portalu ministarstva.";

export const SERBIAN_PAGE = `<html lang="sr-Latn"><head><title>Nove mere za poljoprivrednike</title></head><body>
<div class="article"><h1>Nove mere za poljoprivrednike</h1><div class="meta"><span class="date">29. septembar 2023. 14:30</span></div>
<p>${serbianBody}</p><p>${serbianBody}</p></div></body></html>`;

export const SERBIAN_CYRILLIC_PAGE = `<html><head><title>Састанак у Београду</title></head><body>
<div class="post"><p class="post-date">Објављено: 3. октобра 2023.</p>
<p>Представници влада састали су се у Београду како би разговарали о енергетској сарадњи, изградњи гасовода и заједничким инфраструктурним пројектима у наредној деценији.</p></div></body></html>`;

export const ALBANIAN_PAGE = `<html><head><title>Takim në Prishtinë</title></head><body>
<div class="content"><div class="entry-date">Publikuar më 29 shtator 2023</div>
<p>Kryeministri tha se qeveria do të vazhdojë dialogun me partnerët ndërkombëtarë dhe se siguria në veri mbetet prioritet i institucioneve të Kosovës gjatë javëve në vijim.</p>
<p>Ai shtoi se policia ka shtuar praninë e saj në disa komuna dhe se qytetarët duhet të ndjekin udhëzimet e institucioneve për sigurinë e tyre.</p></div></body></html>`;
