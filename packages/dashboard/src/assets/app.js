// Seismo dashboard client: draws the uPlot small multiples and wires live refresh.
// Plain browser script (no build step); htmx and uPlot are loaded before it.
(() => {
  const DAY = 86400;
  const fmtDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

  function drawChart(fig) {
    if (fig.dataset.ready) return;
    fig.dataset.ready = "1";
    const spec = JSON.parse(fig.querySelector("script[type='application/json']").textContent);
    const holder = fig.querySelector(".plot");
    const readout = fig.querySelector(".readout");
    const xs = spec.days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
    const upper = spec.mean.map((m, i) => m + spec.sd[i]);
    const lower = spec.mean.map((m, i) => Math.max(0, m - spec.sd[i]));
    const showPoints = xs.length <= 45;
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
          values: (_u, splits) => splits.map((s) => fmtDay.format(new Date(s * 1000))),
          incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY],
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
                i == null
                  ? ""
                  : `${fmtDay.format(new Date(xs[i] * 1000))}: ${spec.counts[i]} (baseline ${spec.mean[i]})`;
            }
          },
        ],
      },
    };
    const plot = new uPlot(opts, [xs, spec.counts, upper, lower, spec.mean], holder);
    new ResizeObserver(() => plot.setSize({ width: Math.max(200, holder.clientWidth), height: 150 })).observe(holder);
  }

  function init(root) {
    for (const fig of root.querySelectorAll("figure[data-chart]")) drawChart(fig);
    // Picking dates in the range picker means a custom range.
    for (const input of root.querySelectorAll("input[data-custom-date]")) {
      input.addEventListener("change", () => {
        const custom = input.form?.querySelector("input[name='range'][value='custom']");
        if (custom) custom.checked = true;
      });
    }
  }

  htmx.onLoad((el) => init(el));

  const sse = document.body.dataset.sse;
  if (sse && "EventSource" in window) {
    const source = new EventSource(sse);
    source.addEventListener("update", () => {
      for (const el of document.querySelectorAll("[data-live]")) htmx.trigger(el, "seismo:refresh");
    });
  }
})();
