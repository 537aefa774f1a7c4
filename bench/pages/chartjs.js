// Chart.js (chart.umd.js): a horizontal bar chart, three doughnuts, a column chart for the
// big datasets; native tooltips. Language switch = new labels + chart.update().
(function () {
  "use strict";
  const { format, start, h } = window.JOB;
  const BLUE = "#0b6fae";

  // Values at the bar ends, the Chart.js way: a small plugin drawing on the canvas.
  const valueLabels = (texts) => ({
    id: "valueLabels",
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = "700 13px 'Noto Sans CJK SC', sans-serif";
      ctx.fillStyle = "#1b1b1f";
      ctx.textBaseline = "middle";
      chart.getDatasetMeta(0).data.forEach((bar, i) => ctx.fillText(texts()[i], bar.x + 6, bar.y));
      ctx.restore();
    },
  });

  function canvasBox(root, height, width) {
    const box = h("div");
    box.style.position = "relative";
    box.style.height = height + "px";
    if (width) box.style.width = width + "px";
    const canvas = document.createElement("canvas");
    box.appendChild(canvas);
    root.appendChild(box);
    return canvas;
  }

  function bars(root, figs, lang) {
    let current = lang;
    const canvas = canvasBox(root, figs.length * 44);
    const chart = new Chart(canvas, {
      type: "bar",
      data: { labels: figs.map((f) => f.label[lang]), datasets: [{ data: figs.map((f) => f.value), backgroundColor: BLUE }] },
      plugins: [valueLabels(() => figs.map((f) => format(f, current)))],
      options: {
        indexAxis: "y",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        layout: { padding: { right: 70 } },
        scales: { x: { beginAtZero: true } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (c) => format(figs[c.dataIndex], current) } },
        },
      },
    });
    return {
      setLang(l) {
        current = l;
        chart.data.labels = figs.map((f) => f.label[l]);
        chart.update();
      },
    };
  }

  function rings(root, figs, lang) {
    let current = lang;
    const box = h("div", "job-rings");
    root.appendChild(box);
    const charts = figs.map((fig) => {
      const cell = h("div", "job-ring");
      box.appendChild(cell);
      const canvas = canvasBox(cell, 120, 120);
      cell.style.display = "flex";
      cell.style.flexDirection = "column";
      cell.style.alignItems = "center";
      const label = h("p", null, fig.label[lang]);
      cell.appendChild(label);
      const chart = new Chart(canvas, {
        type: "doughnut",
        data: { labels: [fig.label[lang], ""], datasets: [{ data: [fig.value, 100 - fig.value], backgroundColor: [BLUE, "#e3e6ea"] }] },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          cutout: "70%",
          plugins: {
            legend: { display: false },
            tooltip: { filter: (c) => c.dataIndex === 0, callbacks: { label: () => format(fig, current) } },
          },
        },
      });
      return { fig, chart, label };
    });
    return {
      setLang(l) {
        current = l;
        for (const c of charts) {
          c.label.textContent = c.fig.label[l];
          c.chart.data.labels = [c.fig.label[l], ""];
          c.chart.update();
        }
      },
    };
  }

  function big(root, figs, lang) {
    let current = lang;
    const canvas = canvasBox(root, 300);
    const chart = new Chart(canvas, {
      type: "bar",
      data: {
        labels: figs.map((f) => f.label[lang]),
        datasets: [{ data: figs.map((f) => f.value), backgroundColor: BLUE, categoryPercentage: 1, barPercentage: 1 }],
      },
      options: {
        animation: false,
        normalized: true,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { ticks: { display: false }, grid: { display: false } }, y: { beginAtZero: true } },
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (c) => format(figs[c.dataIndex], current) } },
        },
      },
    });
    return {
      setLang(l) {
        current = l;
        chart.data.labels = figs.map((f) => f.label[l]);
        chart.update();
      },
    };
  }

  start({ bars, rings, big });
})();
