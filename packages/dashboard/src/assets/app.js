// Seismo dashboard client: draws the uPlot small multiples and wires live refresh.
// Plain browser script (no build step); htmx and uPlot are loaded before it.
(() => {
  const DAY = 86400;
  const fmtDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

  const fmtHour = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  const fmtWhen = {
    hour: (s) => `${fmtDay.format(new Date(s * 1000))} ${fmtHour.format(new Date(s * 1000))}`,
    day: (s) => fmtDay.format(new Date(s * 1000)),
    week: (s) => `wk ${fmtDay.format(new Date(s * 1000))}`,
  };

  function drawChart(fig) {
    if (fig.dataset.ready) return;
    fig.dataset.ready = "1";
    const spec = JSON.parse(fig.querySelector("script[type='application/json']").textContent);
    const holder = fig.querySelector(".plot");
    const readout = fig.querySelector(".readout");
    const xs = spec.xs;
    const resolution = spec.resolution || "day";
    const when = fmtWhen[resolution] || fmtWhen.day;
    // No baseline from the store: the band and its line are left out (nulls draw nothing).
    const mean = spec.mean || xs.map(() => null);
    const sd = spec.sd || xs.map(() => null);
    const upper = mean.map((m, i) => (m == null || sd[i] == null ? null : m + sd[i]));
    const lower = mean.map((m, i) => (m == null || sd[i] == null ? null : Math.max(0, m - sd[i])));
    const showPoints = xs.length <= 45;
    const hourly = resolution === "hour";
    const opts = {
      width: Math.max(200, holder.clientWidth),
      height: 150,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(3, Math.ceil(max * 1.15))] } },
      series: [
        {},
        {
          label: "count",
          stroke: spec.colour,
          width: 2,
          fill: `${spec.colour}1f`,
          points: { show: showPoints, size: 4 },
        },
        { label: "baseline +1 sd", stroke: "transparent", points: { show: false } },
        { label: "baseline −1 sd", stroke: "transparent", points: { show: false } },
        { label: "baseline", stroke: "#8a93a6", dash: [4, 4], width: 1, points: { show: false } },
      ],
      bands: [{ series: [2, 3], fill: "rgba(120, 132, 156, 0.16)" }],
      axes: [
        {
          stroke: "#5b6475",
          grid: { show: false },
          ticks: { show: false },
          space: 60,
          size: 28,
          values: (_u, splits) =>
            splits.map((s) =>
              hourly && s % DAY !== 0 ? fmtHour.format(new Date(s * 1000)) : fmtDay.format(new Date(s * 1000)),
            ),
          incrs: [3600, 3 * 3600, 6 * 3600, 12 * 3600, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY],
        },
        {
          stroke: "#5b6475",
          grid: { stroke: "#eceff4" },
          ticks: { show: false },
          size: 34,
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500],
        },
      ],
      hooks: {
        setCursor: [
          (u) => {
            const i = u.cursor.idx;
            if (readout) {
              readout.textContent =
                i == null ? "" : `${when(xs[i])}: ${spec.counts[i]}${mean[i] == null ? "" : ` (baseline ${mean[i]})`}`;
            }
          },
        ],
      },
    };
    const plot = new uPlot(opts, [xs, spec.counts, upper, lower, mean], holder);
    new ResizeObserver(() => plot.setSize({ width: Math.max(200, holder.clientWidth), height: 150 })).observe(holder);
  }

  function init(root) {
    const figures = root.querySelectorAll("figure[data-chart]");
    for (const fig of figures) drawChart(fig);
    // Lets `pnpm bench dashboard` (and any real-user monitoring) time the first charts on screen:
    // uPlot draws in a microtask, so the next frame is when they are painted.
    if (figures.length > 0 && performance.getEntriesByName("seismo:charts").length === 0) {
      requestAnimationFrame(() => {
        if (performance.getEntriesByName("seismo:charts").length === 0) performance.mark("seismo:charts");
      });
    }
    // Picking dates in the range picker means a custom range.
    for (const input of root.querySelectorAll("input[data-custom-date]")) {
      input.addEventListener("change", () => {
        const custom = input.form?.querySelector("input[name='range'][value='custom']");
        if (custom) custom.checked = true;
      });
    }
  }

  // Rule form: show only the parameters of the picked rule type (all stay visible without JS).
  function kindParams(root) {
    for (const select of root.querySelectorAll("select[data-kind-select]")) {
      const form = select.form;
      const sync = () => {
        for (const set of form.querySelectorAll("[data-kind-params]"))
          set.hidden = set.dataset.kindParams !== select.value;
      };
      select.addEventListener("change", sync);
      sync();
    }
  }

  htmx.onLoad((el) => {
    init(el);
    kindParams(el);
  });

  const sse = document.body.dataset.sse;
  if (sse && "EventSource" in window) {
    const source = new EventSource(sse);
    source.addEventListener("update", () => {
      for (const el of document.querySelectorAll("[data-live]")) htmx.trigger(el, "seismo:refresh");
    });
  }
})();
