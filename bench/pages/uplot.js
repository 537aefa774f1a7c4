// uPlot (uPlot.iife.min.js + uPlot.min.css): horizontal bars with uPlot.paths.bars and value
// labels drawn in a draw hook, a column chart for the big datasets, a tooltip plugin on the
// cursor hooks (uPlot has none built in). uPlot draws no rings: they are hand-written SVG.
// Language switch = new axis labels + redraw.
(function () {
  "use strict";
  const { format, start, h } = window.JOB;
  const BLUE = "#0b6fae";
  const NS = "http://www.w3.org/2000/svg";

  function tooltipPlugin(figs, tip, lang) {
    return {
      hooks: {
        setCursor: (u) => {
          const i = u.cursor.idx;
          if (i == null || u.cursor.left < 0) return tip.hide();
          const r = u.over.getBoundingClientRect();
          tip.show(`${figs[i].label[lang()]}: ${format(figs[i], lang())}`, r.left + u.cursor.left, r.top + u.cursor.top);
        },
      },
    };
  }

  function bars(root, figs, lang, tip) {
    let current = lang;
    const xs = figs.map((_, i) => i);
    const u = new uPlot(
      {
        width: root.clientWidth || 640,
        height: figs.length * 44,
        legend: { show: false },
        cursor: { points: { show: false }, drag: { x: false, y: false } },
        scales: { x: { time: false, ori: 1, dir: -1, range: [-0.5, figs.length - 0.5] }, y: { ori: 0, dir: 1, range: (u, min, max) => [0, max * 1.2] } },
        axes: [
          { side: 3, size: 190, gap: 4, values: (u, splits) => splits.map((s) => (Number.isInteger(s) && figs[s] ? figs[s].label[current] : "")), splits: () => xs, grid: { show: false } },
          { side: 2 },
        ],
        series: [{}, { fill: BLUE, stroke: BLUE, paths: uPlot.paths.bars({ size: [0.45, 20] }), points: { show: false } }],
        hooks: {
          draw: [
            (u) => {
              const { ctx } = u;
              ctx.save();
              ctx.font = `700 ${Math.round(13 * devicePixelRatio)}px 'Noto Sans CJK SC', sans-serif`;
              ctx.fillStyle = "#1b1b1f";
              ctx.textAlign = "left";
              ctx.textBaseline = "middle";
              figs.forEach((f, i) => ctx.fillText(format(f, current), u.valToPos(f.value, "y", true) + 6 * devicePixelRatio, u.valToPos(i, "x", true)));
              ctx.restore();
            },
          ],
        },
        plugins: [tooltipPlugin(figs, tip, () => current)],
      },
      [xs, figs.map((f) => f.value)],
      root,
    );
    return {
      setLang(l) {
        current = l;
        u.redraw(false, true);
      },
    };
  }

  function rings(root, figs, lang, tip) {
    let current = lang;
    const box = h("div", "job-rings");
    const C = 2 * Math.PI * 40;
    const svgEl = (tag, attrs) => {
      const e = document.createElementNS(NS, tag);
      for (const k in attrs) e.setAttribute(k, attrs[k]);
      return e;
    };
    const labels = figs.map((fig) => {
      const cell = h("div", "job-ring");
      const svg = svgEl("svg", { width: 120, height: 120, viewBox: "0 0 120 120", role: "img" });
      svg.append(svgEl("circle", { class: "job-ring-track", cx: 60, cy: 60, r: 40, "stroke-width": 12 }));
      const arc = svgEl("circle", { class: "job-ring-arc", cx: 60, cy: 60, r: 40, "stroke-width": 12, tabindex: 0, "stroke-dasharray": `${((fig.value / 100) * C).toFixed(2)} ${C.toFixed(2)}`, transform: "rotate(-90 60 60)" });
      const value = svgEl("text", { class: "job-value", x: 60, y: 65, "text-anchor": "middle" });
      value.textContent = format(fig, lang);
      svg.append(arc, value);
      arc.addEventListener("pointerover", (e) => tip.show(`${fig.label[current]}: ${format(fig, current)}`, e.clientX, e.clientY));
      arc.addEventListener("pointerout", () => tip.hide());
      const label = h("p", null, fig.label[lang]);
      cell.append(svg, label);
      box.appendChild(cell);
      return { fig, label };
    });
    root.appendChild(box);
    return {
      setLang(l) {
        current = l;
        for (const x of labels) x.label.textContent = x.fig.label[l];
      },
    };
  }

  function big(root, figs, lang, tip) {
    let current = lang;
    const xs = figs.map((_, i) => i);
    const u = new uPlot(
      {
        width: root.clientWidth || 640,
        height: 300,
        legend: { show: false },
        cursor: { points: { show: false }, drag: { x: false, y: false } },
        scales: { x: { time: false, range: [-0.5, figs.length - 0.5] }, y: { range: (u, min, max) => [0, max] } },
        axes: [{ show: false }, {}],
        series: [{}, { fill: BLUE, stroke: BLUE, paths: uPlot.paths.bars({ size: [1, Infinity], gap: 0 }), points: { show: false } }],
        plugins: [tooltipPlugin(figs, tip, () => current)],
      },
      [xs, figs.map((f) => f.value)],
      root,
    );
    u.root.setAttribute("aria-label", figs.length + " figures");
    return {
      setLang(l) {
        current = l;
        u.redraw(false, false);
      },
    };
  }

  start({ bars, rings, big });
})();
