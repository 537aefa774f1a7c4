// The job every contender page does, shared by all of them except the widget (which has the
// whole story embedded in its module): the Xi'an figures with zh/en labels, the newsroom
// number formatting a hand-written page needs (10.5万个, 1.57亿元, ¥157 million), the
// infographic header, six KPI cards and a small tooltip for HTML marks. Each contender's own
// script draws the bar chart (8 bars) and the three rings with its library and calls
// JOB.start(render, setLang). Loaded with `defer`, like the widget's module script.
(function () {
  "use strict";

  const STORY = {
    kicker: { zh: "数据图解", en: "By the numbers" },
    title: {
      zh: "陕西西安扎实推动乡村振兴 持续提升群众获得感与幸福感",
      en: "Xi'an steps up rural revitalization, and people feel better off",
    },
    dek: {
      zh: "2022年，西安巩固拓展脱贫攻坚成果、推进乡村振兴的主要数据",
      en: "Xi'an, 2022: the figures behind consolidating poverty alleviation and revitalizing the countryside",
    },
    meta: { zh: "2022年12月10日 · 来源：央广网", en: "10 December 2022 · Source: CNR (China National Radio)" },
    barsTitle: { zh: "数量对比", en: "Counts compared" },
    ringsTitle: { zh: "覆盖率与占比", en: "Coverage and shares" },
  };

  const f = (id, zh, en, value, kind, unitZh, unitEn, notation) => ({
    id,
    label: { zh, en },
    value,
    kind,
    unit: { zh: unitZh || "", en: unitEn || "" },
    notation: notation || "full",
  });

  const KPIS = [
    f("income-per-capita", "脱贫人口人均纯收入", "Per-capita net income of people lifted out of poverty", 16317, "money", "元", "yuan"),
    f("new-school-places", "新增学位", "New school places", 105000, "count", "个", "places", "wan"),
    f("insurance-subsidised-people", "定额资助参保人数", "People whose insurance premiums were subsidised", 107900, "count", "人", "people", "wan"),
    f("compensation-amount", "“三重保障”累计补偿金额", "Compensation paid under the “triple protection”", 157000000, "money", "元", "yuan", "yi"),
    f("migrant-workers", "外出务工脱贫劳动力", "People lifted out of poverty working away from home", 122837, "count", "名", "people"),
    f("incubated-enterprises", "孵化企业", "Incubated enterprises", 10528, "count", "家", "enterprises"),
  ];
  const BARS = [
    f("village-teams", "驻村工作队", "Village work teams", 358, "count", "支", "teams"),
    f("village-cadres", "驻村干部", "Resident cadres", 1179, "count", "名", "cadres"),
    f("new-schools", "新建、扩建中小学及幼儿园", "New or expanded schools and kindergartens", 116, "count", "所", "schools"),
    f("insurance-stations", "乡镇医保服务站", "Township medical-insurance stations", 186, "count", "个", "stations"),
    f("insurance-offices", "村医保工作室", "Village medical-insurance offices", 3141, "count", "个", "offices"),
    f("skills-trained", "技能培训", "Trained in skills", 3478, "count", "人", "people"),
    f("public-welfare-jobs", "公益性岗位", "Public-welfare jobs", 5812, "count", "个", "jobs"),
    f("safety-net-people", "纳入兜底保障的“三类人员”", "“Three groups” under the safety net", 2888, "count", "人", "people"),
  ];
  const RINGS = [
    f("five-village-coverage", "“五类村”驻村帮扶力量覆盖率", "Coverage of the “five types of villages”", 100, "share"),
    f("insurance-coverage", "脱贫人口基本医保参保率", "Basic medical insurance coverage", 100, "share"),
    f("safety-net-share", "“三类人员”兜底保障占比", "Share of the “three groups” under the safety net", 78.08, "share"),
  ];

  // Numbers as the article writes them (zh) or an English newsroom would (en).
  const trim2 = (x) => String(Math.round(x * 100) / 100);
  const enInt = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
  function format(fig, lang) {
    const v = fig.value;
    if (fig.kind === "share") return trim2(v) + "%";
    if (lang === "zh") {
      if (fig.notation === "wan") return trim2(v / 1e4) + "万" + fig.unit.zh;
      if (fig.notation === "yi") return trim2(v / 1e8) + "亿" + fig.unit.zh;
      return String(v) + fig.unit.zh;
    }
    if (fig.kind === "money" && v >= 1e6) return "¥" + trim2(v / 1e6) + " million";
    return enInt.format(v) + " " + fig.unit.en;
  }

  function h(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // One tooltip element per graphic, for HTML marks (and for pages without a native one).
  function tooltip(root) {
    const tip = h("div", "job-tip");
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    root.appendChild(tip);
    return {
      el: tip,
      show(text, x, y) {
        tip.textContent = text;
        tip.hidden = false;
        const r = root.getBoundingClientRect();
        tip.style.transform = `translate(${Math.round(x - r.left + 12)}px, ${Math.round(y - r.top + 12)}px)`;
      },
      hide() {
        tip.hidden = true;
      },
    };
  }

  // Header and the six KPI cards: the same HTML on every contender page.
  function header(root, lang) {
    const head = h("header", "job-header");
    const parts = {
      kicker: h("p", "job-kicker", STORY.kicker[lang]),
      title: h("h2", "job-title", STORY.title[lang]),
      dek: h("p", "job-dek", STORY.dek[lang]),
      meta: h("p", "job-meta", STORY.meta[lang]),
    };
    head.append(parts.kicker, parts.title, parts.dek, parts.meta);
    root.appendChild(head);
    return {
      setLang(l) {
        for (const k in parts) parts[k].textContent = STORY[k][l];
      },
    };
  }

  function kpis(root, lang, tip) {
    const grid = h("div", "job-kpis");
    const cards = KPIS.map((fig) => {
      const card = h("div", "job-kpi");
      card.tabIndex = 0;
      const value = h("p", "job-kpi-value", format(fig, lang));
      const label = h("p", "job-kpi-label", fig.label[lang]);
      card.append(value, label);
      card.dataset.figure = fig.id;
      grid.appendChild(card);
      return { fig, value, label };
    });
    let current = lang;
    grid.addEventListener("pointerover", (e) => {
      const card = e.target.closest(".job-kpi");
      if (!card) return;
      const c = cards.find((x) => x.fig.id === card.dataset.figure);
      tip.show(`${c.fig.label[current]}: ${format(c.fig, current)}`, e.clientX, e.clientY);
    });
    grid.addEventListener("pointerout", () => tip.hide());
    root.appendChild(grid);
    return {
      setLang(l) {
        current = l;
        for (const c of cards) {
          c.value.textContent = format(c.fig, l);
          c.label.textContent = c.fig.label[l];
        }
      },
    };
  }

  function section(root, titleText) {
    const sec = h("section", "job-section");
    const title = h("h3", "job-section-title", titleText);
    const body = h("div", "job-chart");
    sec.append(title, body);
    root.appendChild(sec);
    return { sec, title, body };
  }

  // The page's configuration comes from an inline script: window.BENCH = { n, data }.
  // Story size: header + KPI cards + bars + rings. Big sizes: header + one bar chart of every
  // figure of the generated dataset (fetched and parsed, as the widget does with src=).
  function start(impl) {
    const cfg = window.BENCH || {};
    const root = document.getElementById("graphic");
    const run = async () => {
      let lang = "zh";
      const tip = tooltip(root);
      const parts = [header(root, lang)];
      let big = null;
      if (cfg.data) {
        const res = await fetch(cfg.data);
        const dataset = await res.json();
        big = dataset.sections[0].figures;
        const s = section(root, dataset.sections[0].title[lang]);
        const chart = impl.big(s.body, big, lang, tip);
        parts.push({
          setLang(l) {
            s.title.textContent = dataset.sections[0].title[l];
            chart.setLang(l);
          },
        });
      } else {
        parts.push(kpis(root, lang, tip));
        const sb = section(root, STORY.barsTitle[lang]);
        const bars = impl.bars(sb.body, BARS, lang, tip);
        const sr = section(root, STORY.ringsTitle[lang]);
        const rings = impl.rings(sr.body, RINGS, lang, tip);
        parts.push({
          setLang(l) {
            sb.title.textContent = STORY.barsTitle[l];
            sr.title.textContent = STORY.ringsTitle[l];
            bars.setLang(l);
            rings.setLang(l);
          },
        });
      }
      // Language switch, as each library updates (the runner times this call).
      window.__setLang = (l) => {
        lang = l;
        for (const p of parts) p.setLang(l);
      };
      window.__markReady();
    };
    const go = () =>
      run().catch((e) => {
        window.__benchFail((e && e.stack) || e);
      });
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go, { once: true });
    else go();
  }

  window.JOB = { STORY, KPIS, BARS, RINGS, format, h, start };
})();
