// Observable Plot (+ d3, which Plot's UMD build needs): a horizontal bar chart with value
// labels and Plot's own tips, rings drawn with d3.arc (Plot has no arc mark), a column chart
// for the big datasets. Language switch = render the Plot again and swap it in.
(function () {
  "use strict";
  const { format, start, h } = window.JOB;
  const BLUE = "#0b6fae";

  function bars(root, figs, lang) {
    const draw = (l) => {
      const rows = figs.map((f) => ({ label: f.label[l], value: f.value, text: format(f, l) }));
      return Plot.plot({
        width: root.clientWidth || 640,
        height: figs.length * 44,
        marginLeft: 190,
        marginRight: 80,
        x: { grid: true, label: null },
        y: { label: null, domain: rows.map((r) => r.label) },
        marks: [
          Plot.barX(rows, { x: "value", y: "label", fill: BLUE, title: (r) => `${r.label}: ${r.text}`, tip: true }),
          Plot.text(rows, { x: "value", y: "label", text: "text", dx: 6, textAnchor: "start", fontWeight: "bold" }),
        ],
      });
    };
    let node = draw(lang);
    root.appendChild(node);
    return {
      setLang(l) {
        const next = draw(l);
        node.replaceWith(next);
        node = next;
      },
    };
  }

  function rings(root, figs, lang, tip) {
    let current = lang;
    const box = h("div", "job-rings");
    root.appendChild(box);
    const arc = d3.arc().innerRadius(34).outerRadius(46).startAngle(0);
    const labels = figs.map((fig) => {
      const cell = d3.select(box).append("div").attr("class", "job-ring");
      const svg = cell.append("svg").attr("width", 120).attr("height", 120).attr("viewBox", "-60 -60 120 120").attr("role", "img");
      svg.append("path").attr("fill", "#e3e6ea").attr("d", arc({ endAngle: 2 * Math.PI }));
      svg.append("path").attr("fill", BLUE).attr("tabindex", 0).attr("d", arc({ endAngle: (fig.value / 100) * 2 * Math.PI }))
        .on("pointerover", (e) => tip.show(`${fig.label[current]}: ${format(fig, current)}`, e.clientX, e.clientY))
        .on("pointerout", () => tip.hide());
      svg.append("text").attr("class", "job-value").attr("text-anchor", "middle").attr("y", 5).text(format(fig, lang));
      return { fig, label: cell.append("p").text(fig.label[lang]) };
    });
    return {
      setLang(l) {
        current = l;
        for (const x of labels) x.label.text(x.fig.label[l]);
      },
    };
  }

  function big(root, figs, lang) {
    const draw = (l) =>
      Plot.plot({
        width: root.clientWidth || 640,
        height: 300,
        x: { axis: null, padding: 0, domain: figs.map((f) => f.id) },
        y: { grid: true, label: null },
        marks: [Plot.barY(figs, { x: "id", y: "value", fill: BLUE, title: (f) => `${f.label[l]}: ${format(f, l)}`, tip: true })],
      });
    let node = draw(lang);
    root.appendChild(node);
    return {
      setLang(l) {
        const next = draw(l);
        node.replaceWith(next);
        node = next;
      },
    };
  }

  start({ bars, rings, big });
})();
