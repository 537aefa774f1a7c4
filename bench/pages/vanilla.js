// Hand-written SVG, no library: labelled horizontal bars, rings, a column chart for the big
// datasets, and one delegated tooltip listener per chart. Language switch = text patch.
(function () {
  "use strict";
  const { format, start } = window.JOB;
  const NS = "http://www.w3.org/2000/svg";
  const svgEl = (tag, attrs) => {
    const e = document.createElementNS(NS, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  };

  function bars(root, figs, lang, tip) {
    const width = root.clientWidth || 640;
    const row = 44;
    const svg = svgEl("svg", { width, height: figs.length * row, viewBox: `0 0 ${width} ${figs.length * row}`, role: "img" });
    const max = Math.max(...figs.map((f) => f.value));
    const span = width - 110;
    const marks = figs.map((fig, i) => {
      const y = i * row;
      const label = svgEl("text", { class: "job-label", x: 0, y: y + 14 });
      const w = Math.max(1, (fig.value / max) * span);
      const bar = svgEl("rect", { class: "job-bar", x: 0, y: y + 20, width: w.toFixed(1), height: 16, tabindex: 0, "data-i": i });
      const value = svgEl("text", { class: "job-value", x: (w + 6).toFixed(1), y: y + 33 });
      svg.append(label, bar, value);
      return { fig, label, bar, value };
    });
    let current = lang;
    const patch = (l) => {
      current = l;
      for (const m of marks) {
        m.label.textContent = m.fig.label[l];
        m.value.textContent = format(m.fig, l);
        m.bar.setAttribute("aria-label", `${m.fig.label[l]}: ${format(m.fig, l)}`);
      }
    };
    patch(lang);
    svg.addEventListener("pointerover", (e) => {
      const i = e.target.getAttribute && e.target.getAttribute("data-i");
      if (i == null) return;
      const m = marks[+i];
      tip.show(`${m.fig.label[current]}: ${format(m.fig, current)}`, e.clientX, e.clientY);
    });
    svg.addEventListener("pointerout", () => tip.hide());
    root.appendChild(svg);
    return { setLang: patch };
  }

  function rings(root, figs, lang, tip) {
    const box = document.createElement("div");
    box.className = "job-rings";
    const C = 2 * Math.PI * 40;
    const marks = figs.map((fig) => {
      const cell = document.createElement("div");
      cell.className = "job-ring";
      const svg = svgEl("svg", { width: 120, height: 120, viewBox: "0 0 120 120", role: "img" });
      svg.append(svgEl("circle", { class: "job-ring-track", cx: 60, cy: 60, r: 40, "stroke-width": 12 }));
      const arc = svgEl("circle", {
        class: "job-ring-arc", cx: 60, cy: 60, r: 40, "stroke-width": 12, tabindex: 0,
        "stroke-dasharray": `${((fig.value / 100) * C).toFixed(2)} ${C.toFixed(2)}`, transform: "rotate(-90 60 60)",
      });
      const value = svgEl("text", { class: "job-value", x: 60, y: 65, "text-anchor": "middle" });
      value.textContent = format(fig, lang);
      svg.append(arc, value);
      const label = document.createElement("p");
      cell.append(svg, label);
      box.appendChild(cell);
      arc.addEventListener("pointerover", (e) => tip.show(`${fig.label[current]}: ${format(fig, current)}`, e.clientX, e.clientY));
      arc.addEventListener("pointerout", () => tip.hide());
      return { fig, arc, label };
    });
    let current = lang;
    const patch = (l) => {
      current = l;
      for (const m of marks) {
        m.label.textContent = m.fig.label[l];
        m.arc.setAttribute("aria-label", `${m.fig.label[l]}: ${format(m.fig, l)}`);
      }
    };
    patch(lang);
    root.appendChild(box);
    return { setLang: patch };
  }

  // Every figure as a column (10,000 columns in the column width), one tooltip listener.
  function big(root, figs, lang, tip) {
    const width = root.clientWidth || 640;
    const height = 300;
    const svg = svgEl("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
    let max = 0;
    for (const f of figs) if (f.value > max) max = f.value;
    const step = width / figs.length;
    const frag = document.createDocumentFragment();
    const rects = new Array(figs.length);
    for (let i = 0; i < figs.length; i++) {
      const h = (figs[i].value / max) * height;
      const r = svgEl("rect", { class: "job-bar", x: (i * step).toFixed(2), y: (height - h).toFixed(1), width: Math.max(step, 0.5).toFixed(2), height: h.toFixed(1) });
      rects[i] = r;
      frag.appendChild(r);
    }
    svg.appendChild(frag);
    let current = lang;
    const patch = (l) => {
      current = l;
      for (let i = 0; i < figs.length; i++) rects[i].setAttribute("aria-label", `${figs[i].label[l]}: ${format(figs[i], l)}`);
    };
    patch(lang);
    svg.addEventListener("pointermove", (e) => {
      const x = e.clientX - svg.getBoundingClientRect().left;
      const i = Math.min(figs.length - 1, Math.max(0, Math.floor(x / step)));
      tip.show(`${figs[i].label[current]}: ${format(figs[i], current)}`, e.clientX, e.clientY);
    });
    svg.addEventListener("pointerleave", () => tip.hide());
    root.appendChild(svg);
    return { setLang: patch };
  }

  start({ bars, rings, big });
})();
