/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { StoredIndicator } from "@seismo/store";
import type { Child } from "hono/jsx";
import type { ArticleDetail } from "../data/articles.ts";
import { EntityList } from "../ui/entity.tsx";
import { fmtDay, fmtStamp } from "../ui/format.ts";
import { ModalityBadge, PageHead, TypeChip } from "../ui/layout.tsx";
import { type Segment, segmentText } from "./highlight.ts";

const describe = (i: { type: string; modality: string }) => `${i.type}, ${i.modality}`;

function Seg(props: { seg: Segment }) {
  const { seg } = props;
  const first = seg.marks[0];
  const labels = seg.endsHere
    .filter((m) => m.modality !== "asserted")
    .map((m) => <ModalityBadge modality={m.modality} />);
  let body: Child = first ? (
    <mark
      class={`t-${first.type} m-${first.modality}`}
      title={seg.marks.map(describe).join("; ")}
      data-modality={first.modality}
    >
      {seg.text}
      <span class="sr-only"> ({seg.marks.map(describe).join("; ")})</span>
    </mark>
  ) : (
    seg.text
  );
  if (seg.sentence) body = <span class={`s-${seg.sentence}`}>{body}</span>;
  return (
    <>
      {body}
      {labels}
    </>
  );
}

function IndicatorItem(props: { ind: StoredIndicator }) {
  const { ind } = props;
  const { sentence, start, end } = ind.evidence;
  const at = sentence.indexOf(ind.evidence.text);
  return (
    <li class={ind.modality} data-type={ind.type} data-modality={ind.modality}>
      <div class="row" style="align-items:center;gap:0.4rem">
        <TypeChip type={ind.type} muted={ind.modality === "negated" || ind.modality === "speculative"} />
        <ModalityBadge modality={ind.modality} />
        <span class="muted mono" title="evidence offsets">
          {start}–{end}
        </span>
      </div>
      <q>
        {at >= 0 ? (
          <>
            {sentence.slice(0, at)}
            <b>{ind.evidence.text}</b>
            {sentence.slice(at + ind.evidence.text.length)}
          </>
        ) : (
          sentence
        )}
      </q>
      {ind.actors.length + ind.places.length > 0 ? (
        <div class="who-where">
          {ind.actors.length > 0 ? (
            <span>
              Actors: <EntityList names={ind.actors} kind="actor" />{" "}
            </span>
          ) : null}
          {ind.places.length > 0 ? (
            <span>
              Places: <EntityList names={ind.places} kind="place" />
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

export function ArticleView(props: { detail: ArticleDetail }) {
  const { article, indicators, markers, sourceName, story, duplicateOf } = props.detail;
  const segments = segmentText(
    article.text,
    indicators.map((i) => ({
      id: i.id,
      type: i.type,
      modality: i.modality,
      start: i.evidence.start,
      end: i.evidence.end,
      sentence: i.evidence.sentence,
    })),
  );
  const actors = [...new Set(indicators.flatMap((i) => i.actors))];
  const places = [...new Set(indicators.flatMap((i) => i.places))];
  return (
    <>
      <PageHead
        title={article.title ?? "Untitled article"}
        sub={`${sourceName ?? "Unknown source"} · ${fmtDay(article.eventDay)}${article.byline ? ` · ${article.byline}` : ""}`}
      >
        <a class="btn ghost small" href={article.url} rel="noopener noreferrer">
          Original ↗
        </a>
      </PageHead>
      <div class="article-layout">
        <article class="card stack" aria-label="Article text with highlighted evidence">
          <div class="legend">
            <span>
              <mark class="t-clash m-asserted">asserted</mark>
            </span>
            <span>
              <mark class="t-clash m-intent">intent</mark>
            </span>
            <span>
              <mark class="t-clash m-negated">negated</mark>
            </span>
            <span>
              <mark class="t-clash m-speculative">speculative</mark>
            </span>
            <span class="muted">colour = indicator type</span>
          </div>
          <div class="article-text">
            {segments.map((s) => (
              <Seg seg={s} />
            ))}
          </div>
        </article>
        <aside class="stack" aria-label="Indicators and context">
          <section class="card aside-block" aria-labelledby="ind-h">
            <h2 id="ind-h">Indicators ({indicators.length})</h2>
            {indicators.length === 0 ? (
              <p class="muted">No indicator found in this article.</p>
            ) : (
              <ul class="ind-list">
                {indicators.map((i) => (
                  <IndicatorItem ind={i} />
                ))}
              </ul>
            )}
          </section>
          <section class="card aside-block" aria-labelledby="ctx-h">
            <h2 id="ctx-h">Context</h2>
            <dl class="facts">
              <dt>Actors</dt>
              <dd data-testid="article-actors">
                <EntityList names={actors} kind="actor" />
              </dd>
              <dt>Places</dt>
              <dd data-testid="article-places">
                <EntityList names={places} kind="place" />
              </dd>
              <dt>Story</dt>
              <dd>{story ? story.title : "not clustered"}</dd>
              {duplicateOf ? (
                <>
                  <dt>Copy of</dt>
                  <dd>
                    <a href={`/articles/${duplicateOf.id}`}>{duplicateOf.title ?? duplicateOf.id}</a>
                  </dd>
                </>
              ) : null}
              <dt>Language</dt>
              <dd>{article.language ?? "—"}</dd>
              <dt>Fetched</dt>
              <dd>{fmtStamp(article.fetchedAt)}</dd>
            </dl>
          </section>
          <section class="card aside-block" aria-labelledby="fr-h">
            <h2 id="fr-h">Framing markers</h2>
            {markers.length === 0 ? (
              <p class="muted">None found.</p>
            ) : (
              <ul class="ind-list">
                {markers.map((m) => (
                  <li>
                    <b>{m.marker}</b>{" "}
                    <span class="muted">
                      “{m.variant}” at {m.start}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
