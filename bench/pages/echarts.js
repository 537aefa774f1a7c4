// ECharts (full echarts.min.js): a horizontal bar chart, three ring (pie) series in one
// chart, a column chart (large mode) for the big datasets; native tooltips. Language switch =
// setOption with the new labels.
(function () {
  "use strict";
  const { format, start, h } = window.JOB;
  const BLUE = "#0b6fae";

  function box(root, height) {
    const div = h("div");
    div.style.height = height + "px";
    root.appendChild(div);
    return echarts.init(div);
  }

  function bars(root, figs, lang) {
    let current = lang;
    const chart = box(root, figs.length * 44);
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 80, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: "item", formatter: (p) => `${p.name}: ${format(figs[p.dataIndex], current)}` },
      xAxis: { type: "value" },
      yAxis: { type: "category", inverse: true, data: figs.map((f) => f.label[lang]) },
      series: [{
        type: "bar", barWidth: 16, itemStyle: { color: BLUE }, data: figs.map((f) => f.value),
        label: { show: true, position: "right", fontWeight: "bold", formatter: (p) => format(figs[p.dataIndex], current) },
      }],
    });
    return {
      setLang(l) {
        current = l;
        chart.setOption({ yAxis: { data: figs.map((f) => f.label[l]) }, series: [{ data: figs.map((f) => f.value) }] });
      },
    };
  }

  function rings(root, figs, lang) {
    let current = lang;
    const chart = box(root, 170);
    const n = figs.length;
    const titles = (l) => figs.map((f, i) => ({
      text: f.label[l], left: `${((2 * i + 1) / (2 * n)) * 100}%`, top: 128, textAlign: "center",
      textStyle: { fontSize: 12, fontWeight: "normal", width: 200, overflow: "break" },
    }));
    chart.setOption({
      animation: false,
      tooltip: { trigger: "item", formatter: (p) => `${figs[p.seriesIndex].label[current]}: ${format(figs[p.seriesIndex], current)}` },
      title: titles(lang),
      series: figs.map((f, i) => ({
        type: "pie", radius: ["38", "52"], center: [`${((2 * i + 1) / (2 * n)) * 100}%`, 62],
        label: { show: true, position: "center", formatter: () => format(f, current), fontWeight: "bold" },
        data: [{ value: f.value, name: f.id, itemStyle: { color: BLUE } },
               { value: 100 - f.value, name: "", itemStyle: { color: "#e3e6ea" }, tooltip: { show: false }, label: { show: false } }],
      })),
    });
    return {
      setLang(l) {
        current = l;
        chart.setOption({ title: titles(l) });
      },
    };
  }

  function big(root, figs, lang) {
    let current = lang;
    const chart = box(root, 300);
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", formatter: (ps) => `${ps[0].name}: ${format(figs[ps[0].dataIndex], current)}` },
      xAxis: { type: "category", data: figs.map((f) => f.label[lang]), axisLabel: { show: false }, axisTick: { show: false } },
      yAxis: { type: "value" },
      series: [{ type: "bar", large: true, barCategoryGap: 0, itemStyle: { color: BLUE }, data: figs.map((f) => f.value) }],
    });
    return {
      setLang(l) {
        current = l;
        chart.setOption({ xAxis: { data: figs.map((f) => f.label[l]) } });
      },
    };
  }

  start({ bars, rings, big });
})();
