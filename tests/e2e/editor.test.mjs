// The desk's editor (www/editor.html) end to end, in Chromium: the Xi'an article pasted becomes
// 34 figures under review and a live preview; edits reach the preview in place; a typo raises
// the sentence warning on its row; the downloaded JSON passes the module's validator and checks;
// the snippet works on a plain page (with and without JavaScript) and as the test page; the work
// survives a reload and a new tab; an article never seen, published; sheets and bad rows;
// datasets opened back; axe in light and dark.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { useSite, newPage, serve, runAxe, formatViolations, ROOT, SITE } from "./helpers.mjs";

const site = useSite();
const ARTICLE = fs.readFileSync(path.join(ROOT, "data", "xian-2022.article.txt"), "utf8");
const desk = await import(path.join(ROOT, "dist", "desk", "desk.js"));
desk.initSync({ module: fs.readFileSync(path.join(ROOT, "dist", "desk", "desk_bg.wasm")) });

async function openEditor(options = {}) {
  const p = await newPage(site.browser, { width: 1400, height: 1000, reducedMotion: "reduce", acceptDownloads: true, ...options });
  await p.page.goto(site.url + "/editor.html");
  await p.page.waitForFunction(() => document.documentElement.dataset.editor === "ready", null, { timeout: 15000 });
  return p;
}

const previewReady = (page) =>
  page.waitForFunction(() => document.querySelector("#preview")?.dataset.state === "ready", null, { timeout: 15000 });
const row = (page, id) => page.locator(`#figures li.fig[data-id="${id}"]`);
const control = (page, id, key) => page.locator(`[data-key="${id}|${key}"]`);
const frameText = (page) => page.evaluate(() => document.querySelector("#preview").shadowRoot.querySelector(".ri-frame").textContent);

async function downloaded(page, click) {
  const [d] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: d.suggestedFilename(), text: fs.readFileSync(await d.path(), "utf8") };
}

test("the Xi'an article: draft, review, preview in place, publish, and nothing lost", async (t) => {
  const p = await openEditor();
  const { page } = p;
  let storyId;
  let json;
  let jsonText;
  let snippet;

  await t.test("pasting the article drafts at least 30 figures and the preview shows 16317元", async () => {
    await page.fill("#source-text", ARTICLE);
    await page.waitForFunction(() => document.querySelectorAll("#figures li.fig").length >= 30, null, { timeout: 15000 });
    assert.equal(await page.locator("#figures li.fig").count(), 34);
    assert.match(await page.locator("#input-status").textContent(), /Read as an article: 34 figures drafted/);
    await previewReady(page);
    assert.equal(await page.locator("#preview .ri-hero-value").textContent(), "16317元");
    // Every row shows its sentence with the figure marked in it.
    assert.equal(await row(page, "s1-f1").locator(".sentence mark").textContent(), "16317元");
    assert.equal(await row(page, "s3-f2").locator(".sentence mark").textContent(), "10.5万个");
    assert.equal(await page.locator("#figures li.fig .sentence .not-found").count(), 0);
    // The story form took what the draft found.
    assert.equal(await page.locator('[data-key="story:date"]').inputValue(), "2022-12-10");
    assert.equal(await page.locator('[data-key="story:source.name.zh"]').inputValue(), "央广网");
    // The draft's word on the story shows under its field until the desk edits it.
    const dekNote = page.locator("#story-form li.note", { hasText: "Review: the dek repeats the title" });
    assert.equal(await dekNote.count(), 1);
    await page.locator('[data-key="story:dek.zh"]').fill("脱贫人口人均纯收入16317元，增长11.42%");
    await page.waitForFunction(() => ![...document.querySelectorAll("#story-form li.note")].some((li) => li.textContent.includes("dek")), null, { timeout: 5000 });
    assert.match(await page.locator("#summary").textContent(), /34 of 34 figures included · no errors · 0 sentence warnings/);
    storyId = await page.locator('[data-key="story:id"]').inputValue();
    assert.match(storyId, /^story-\d{8}-\d{6}$/);
  });

  await t.test("editing a label changes the preview in place (update, not a remount)", async () => {
    await page.evaluate(() => {
      const el = document.querySelector("#preview");
      window.__handle = el.infographic;
      el.shadowRoot.querySelector(".ri-frame").dataset.marked = "yes";
    });
    await control(page, "s1-f1", "label.zh").fill("脱贫人口人均纯收入（编辑过）");
    await page.waitForFunction(() => document.querySelector("#preview").shadowRoot.textContent.includes("脱贫人口人均纯收入（编辑过）"), null, { timeout: 10000 });
    const same = await page.evaluate(() => {
      const el = document.querySelector("#preview");
      return { handle: el.infographic === window.__handle, frame: el.shadowRoot.querySelector(".ri-frame").dataset.marked };
    });
    assert.deepEqual(same, { handle: true, frame: "yes" });
    assert.equal(await page.locator("#preview").count(), 1);
  });

  await t.test("a typo in a value raises the sentence warning on its row; an empty label is an error that blocks publishing", async () => {
    await control(page, "s1-f1", "value").fill("16371");
    await page.waitForFunction(() => document.querySelector('#figures li.fig[data-id="s1-f1"]').dataset.state === "warning", null, { timeout: 10000 });
    assert.equal(
      await row(page, "s1-f1").locator(".msgs li.warning").textContent(),
      "Check the sentence: the sentence says 16317元, the value writes 16371元",
    );
    assert.match(await page.locator("#summary").textContent(), /1 sentence warning\b/);
    // The sentence marks what it says, beside the value that does not match it.
    assert.equal(await row(page, "s1-f1").locator(".sentence mark.says").textContent(), "16317元");
    assert.equal(await row(page, "s1-f1").locator("legend .fig-value").textContent(), "16371元");
    await control(page, "s1-f1", "value").fill("16317");
    await page.waitForFunction(() => document.querySelector('#figures li.fig[data-id="s1-f1"]').dataset.state === "", null, { timeout: 10000 });

    await control(page, "s2-f3", "label.zh").fill("");
    await page.waitForFunction(() => document.querySelector('#figures li.fig[data-id="s2-f3"]').dataset.state === "error", null, { timeout: 10000 });
    assert.equal(await row(page, "s2-f3").locator(".msgs li.error").textContent(), "Error: Label (中文): must not be empty");
    assert.equal(await control(page, "s2-f3", "label.zh").getAttribute("aria-invalid"), "true");
    assert.ok(await page.locator("#download-json").isDisabled());
    assert.match(await page.locator("#publish-status").textContent(), /Cannot publish: 1 error stands/);
    assert.match(await page.locator("#preview-status").textContent(), /last version without errors/);
    // A value that is no number is an error too, and the text typed stays in the box.
    await control(page, "s2-f3", "label.zh").fill("相关市级部门");
    await control(page, "s3-f1", "value").fill("116所");
    await page.waitForFunction(() => document.querySelector('#figures li.fig[data-id="s3-f1"]').dataset.state === "error", null, { timeout: 10000 });
    assert.match(await row(page, "s3-f1").locator(".msgs li.error").textContent(), /“116所” is not a number/);
    assert.equal(await control(page, "s3-f1", "value").inputValue(), "116所");
    await control(page, "s3-f1", "value").fill("116");
    await page.waitForFunction(() => !document.querySelector("#download-json").disabled, null, { timeout: 10000 });
  });

  await t.test("dropping a figure and moving one to a new section reach the preview", async () => {
    await control(page, "s2-f2", "include").uncheck();
    await page.waitForFunction(() => document.querySelector("#summary").dataset.figures === "33", null, { timeout: 10000 });
    await control(page, "s3-f3", "section").selectOption("new");
    await page.waitForFunction(() => document.querySelector("#preview").shadowRoot.textContent.includes("新栏目4"), null, { timeout: 10000 });
    assert.equal(await page.locator('#figures section.sec[data-section="s4"] li.fig').count(), 1);
    // Focus went to the new section's title, to name it.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.key), "section:s4|title.zh");
    await page.keyboard.press("End");
    await page.keyboard.type("教育");
    await page.waitForFunction(() => document.querySelector("#preview").shadowRoot.textContent.includes("新栏目4教育"), null, { timeout: 10000 });
  });

  await t.test("the downloaded JSON is story-id.json with $schema, and the module validates and checks it", async () => {
    const file = await downloaded(page, () => page.click("#download-json"));
    assert.equal(file.name, `${storyId}.json`);
    jsonText = file.text;
    json = JSON.parse(file.text);
    assert.equal(json.$schema, "dataset.schema.json");
    // Checked and sealed for the reader's module: the seal comes first, and sealing it again
    // (which checks it in full) gives the same text.
    assert.match(file.text, /^\{"checked":"[0-9a-f]{16}",\n {2}"\$schema"/);
    assert.equal(`${desk.sealDataset(file.text)}\n`, file.text);
    assert.deepEqual(desk.validateDataset(json), []);
    assert.deepEqual(desk.checkDataset(json, ARTICLE), { errors: [], warnings: [] });
    const figures = json.sections.flatMap((s) => s.figures);
    assert.equal(figures.length, 33, "the dropped figure is not published");
    assert.ok(!figures.some((f) => f.id === "s2-f2"));
    assert.equal(figures.find((f) => f.id === "s1-f1").label.zh, "脱贫人口人均纯收入（编辑过）");
    assert.equal(json.sections.at(-1).title.zh, "新栏目4教育");

    const csv = await downloaded(page, () => page.click("#download-csv"));
    assert.equal(csv.name, `${storyId}.csv`);
    const back = desk.readSheet(csv.text, { id: "x", title: "x", dek: "x", date: "2022-12-10", source: "x" });
    assert.deepEqual(back.errors, []);
    assert.deepEqual(
      back.dataset.sections.flatMap((s) => s.figures).map((f) => [f.id, f.value]),
      figures.map((f) => [f.id, f.value]),
    );
  });

  await t.test("the snippet on a plain page renders the same figures, and its fallback without JavaScript", async () => {
    const embed = page.getByLabel("Address of embed.js on your site");
    await embed.fill("./dist/embed.js");
    await page.waitForFunction(() => document.querySelector("#snippet").value.includes("/dist/embed.js"), null, { timeout: 5000 });
    snippet = await page.locator("#snippet").inputValue();
    // The address as the desk wrote it: relative to the news page, not to the editor.
    assert.ok(snippet.startsWith(`<script type="module" src="./dist/embed.js"></script>\n<revitalization-infographic src="${storyId}.json" lang="zh">\n`), snippet.slice(0, 200));
    assert.ok(snippet.trimEnd().endsWith("</revitalization-infographic>"));
    assert.ok(snippet.includes("16317元") && snippet.includes("脱贫人口人均纯收入（编辑过）"), "the fallback holds the figures");
    const previewCsv = await page.evaluate(() => document.querySelector("#preview").infographic.toCsv());

    // A news site: its dist/ folder, the dataset beside the page, the snippet pasted in.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ri-editor-"));
    try {
      fs.cpSync(path.join(SITE, "dist"), path.join(dir, "dist"), { recursive: true });
      fs.writeFileSync(path.join(dir, `${storyId}.json`), jsonText);
      fs.writeFileSync(path.join(dir, "index.html"), `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>News</title></head><body><main><h1>新闻</h1>\n${snippet}</main></body></html>\n`);
      const news = await serve(dir);
      try {
        const q = await newPage(site.browser, { width: 760, height: 1000, reducedMotion: "reduce" });
        await q.page.goto(news.url + "/");
        await q.page.waitForFunction(() => document.querySelector("revitalization-infographic")?.dataset.state === "ready", null, { timeout: 15000 });
        assert.equal(await q.page.evaluate(() => document.querySelector("revitalization-infographic").infographic.toCsv()), previewCsv);
        q.assertClean("the news page");
        await q.close();

        // The graphic in the first screen: the snippet with its two preload hints, addressed
        // beside embed.js; on the news page each file is fetched once, with no warning.
        await page.getByLabel(/first screen/).check();
        await page.waitForFunction(() => document.querySelector("#snippet").value.startsWith("<link"), null, { timeout: 5000 });
        const hinted = await page.locator("#snippet").inputValue();
        assert.ok(
          hinted.startsWith(
            '<link rel="preload" href="./dist/reader_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n' +
              '<link rel="modulepreload" href="./dist/reader.js">\n' +
              snippet.split("\n")[0],
          ),
          hinted.slice(0, 300),
        );
        assert.equal(hinted.split("\n").slice(2).join("\n"), snippet, "the rest of the snippet is the same");
        fs.writeFileSync(path.join(dir, "early.html"), `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>News</title></head><body><main><h1>新闻</h1>\n${hinted}</main></body></html>\n`);
        const e = await newPage(site.browser, { width: 760, height: 1000, reducedMotion: "reduce" });
        const fetched = [];
        const warnings = [];
        e.page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
        e.page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
        await e.page.goto(news.url + "/early.html");
        await e.page.waitForFunction(() => document.querySelector("revitalization-infographic")?.dataset.state === "ready", null, { timeout: 15000 });
        await e.page.waitForTimeout(3500); // Chromium warns of an unused preload after the load event
        // The sealed dataset needs the reader's module alone.
        assert.deepEqual(fetched.filter((u) => u.endsWith(".wasm")), ["/dist/reader_bg.wasm"]);
        assert.equal(fetched.filter((u) => u.endsWith("/reader.js")).length, 1, fetched.join(", "));
        // Its CSV comes from the full module, fetched for it then.
        assert.equal(await e.page.evaluate(() => document.querySelector("revitalization-infographic").infographic.toCsv()), previewCsv);
        assert.deepEqual(fetched.filter((u) => u.endsWith(".wasm")), ["/dist/reader_bg.wasm", "/dist/revitalization_infographic_bg.wasm"]);
        assert.deepEqual(warnings, []);
        e.assertClean("the news page with preload hints");
        await e.close();
        await page.getByLabel(/first screen/).uncheck();
        const noJs = await newPage(site.browser, { width: 760, height: 1000, javaScriptEnabled: false });
        await noJs.page.goto(news.url + "/");
        const text = await noJs.page.locator("revitalization-infographic").textContent();
        for (const s of ["16317元", "脱贫人口人均纯收入（编辑过）", "10.5万个", "新栏目4教育"]) assert.ok(text.includes(s), s);
        assert.ok(await noJs.page.locator("revitalization-infographic .ri-hero-value").isVisible());
        await noJs.close();
      } finally {
        await news.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // "Open as a test page": the same snippet on a page of its own.
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.click("#test-page")]);
    await popup.waitForFunction(() => document.querySelector("revitalization-infographic")?.dataset.state === "ready", null, { timeout: 15000 });
    assert.equal(await popup.evaluate(() => document.querySelector("revitalization-infographic").infographic.toCsv()), previewCsv);
    assert.equal(await popup.locator("h1").textContent(), "陕西西安扎实推动乡村振兴 持续提升群众获得感与幸福感");
    await popup.close();
  });

  await t.test("a reload and a new tab keep the work; New story asks first", async () => {
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.editor === "ready", null, { timeout: 15000 });
    assert.match(await page.locator("#boot").textContent(), new RegExp(`Your work on “${storyId}” is back`));
    assert.equal(await control(page, "s1-f1", "label.zh").inputValue(), "脱贫人口人均纯收入（编辑过）");
    assert.equal(await page.locator("#figures li.fig").count(), 34);
    assert.ok(!(await control(page, "s2-f2", "include").isChecked()), "the dropped figure stays dropped");
    assert.equal(await page.locator("#source-text").inputValue(), ARTICLE);
    await previewReady(page);
    assert.ok((await frameText(page)).includes("新栏目4教育"));

    const tab = await p.context.newPage();
    await tab.goto(site.url + "/editor.html");
    await tab.waitForFunction(() => document.documentElement.dataset.editor === "ready", null, { timeout: 15000 });
    assert.equal(await tab.locator('[data-key="story:id"]').inputValue(), storyId);
    assert.equal(await tab.locator("#figures li.fig").count(), 34);
    await tab.close();

    await page.click("#new-story");
    const dialog = page.locator("dialog.ask");
    assert.ok(await dialog.isVisible());
    await dialog.getByRole("button", { name: "Cancel" }).click();
    assert.equal(await page.locator("#figures li.fig").count(), 34);
    await page.click("#new-story");
    await page.locator("dialog.ask").getByRole("button", { name: "Start a new story" }).click();
    assert.equal(await page.locator("#figures li.fig").count(), 0);
    assert.equal(await page.locator("#source-text").inputValue(), "");
    // The old story is still saved, and opens again.
    await page.locator("#saved-stories").selectOption(storyId);
    await page.getByRole("button", { name: "Open", exact: true }).click();
    assert.equal(await page.locator("#figures li.fig").count(), 34);
  });
  p.assertClean("editor");
  await p.close();
});

// The "done": an article the editor has never seen (the corpus's held-out bulletin,
// labelled by hand after the reader was frozen) becomes, with no edit but a dek, a dataset and
// a snippet that work on a news page, the figures written as the article writes them.
test("an article never seen: drafted, published, and on a news page with its figures as written", async () => {
  const stored = fs.readFileSync(path.join(ROOT, "bench", "corpus", "10-city-bulletin-heldout.txt"), "utf8");
  // The stored copy opens with its URL and a note; a desk pastes the headline and the text.
  const body = stored.split(/\n\s*\n/).slice(1).join("\n\n");
  const article = `某市国民经济和社会发展统计公报：人口与经济\n\n${body}`;
  const labels = JSON.parse(fs.readFileSync(path.join(ROOT, "bench", "corpus", "10-city-bulletin-heldout.labels.json"), "utf8"));
  const p = await openEditor();
  const { page } = p;
  await page.fill("#source-text", article);
  await page.waitForFunction(() => document.querySelectorAll("#figures li.fig").length > 0, null, { timeout: 15000 });
  const drafted = await page.locator("#figures li.fig").count();
  assert.equal(drafted, labels.length, "one row per labelled figure");
  await page.locator('[data-key="story:dek.zh"]').fill("人口、地区生产总值和产业结构");
  await page.waitForFunction(() => !document.querySelector("#download-json").disabled, null, { timeout: 10000 });
  await previewReady(page);

  const file = await downloaded(page, () => page.click("#download-json"));
  const json = JSON.parse(file.text);
  assert.deepEqual(desk.validateDataset(json), []);
  assert.deepEqual(desk.checkDataset(json, article), { errors: [], warnings: [] });
  const snippet = await page.locator("#snippet").inputValue();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ri-editor-unseen-"));
  try {
    fs.cpSync(path.join(SITE, "dist"), path.join(dir, "dist"), { recursive: true });
    fs.writeFileSync(path.join(dir, file.name), file.text);
    const local = snippet.replace(/src="[^"]*embed\.js"/, 'src="./dist/embed.js"');
    fs.writeFileSync(path.join(dir, "index.html"), `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>News</title></head><body><main>\n${local}</main></body></html>\n`);
    const news = await serve(dir);
    try {
      const q = await newPage(site.browser, { width: 760, height: 1000, reducedMotion: "reduce" });
      await q.page.goto(news.url + "/");
      await q.page.waitForFunction(() => document.querySelector("revitalization-infographic")?.dataset.state === "ready", null, { timeout: 15000 });
      // Every figure, in the widget's table of all figures, as the article writes it.
      const csv = await q.page.evaluate(() => document.querySelector("revitalization-infographic").infographic.toCsv());
      const missing = labels.map((l) => l.written).filter((w) => !csv.includes(w));
      assert.deepEqual(missing, [], "figures the widget does not write as the article does");
      q.assertClean("the news page");
      await q.close();
    } finally {
      await news.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  p.assertClean("editor with an unseen article");
  await p.close();
});

test("sheets: a 3-column TSV pasted, a CSV with a bad row named by row and column, a CSV file", async () => {
  const p = await openEditor();
  const { page } = p;
  const tsv = "标签\t原文写法\t原句\n资助人数\t10.79万人\t共资助10.79万人2677.03万元。\n报销比例\t80%以上\t“三重保障”报销比例达到80%以上。\n重点任务\t九项\t打造共同富裕的西安示范等九项重点任务。\n";
  await page.fill("#source-text", tsv);
  await page.waitForFunction(() => document.querySelectorAll("#figures li.fig").length === 3, null, { timeout: 10000 });
  assert.equal(await page.locator("#input-status").textContent(), "Read as a spreadsheet: 3 figures.");
  assert.equal(await page.locator("#figures li.fig").first().locator(".sentence mark").textContent(), "10.79万人");
  // The story form is empty: its errors show under its fields, and nothing can be published.
  assert.match(await page.locator("#story-form").textContent(), /Error: must not be empty/);
  assert.ok(await page.locator("#download-json").isDisabled());
  for (const [key, value] of [["title.zh", "表格里的数字"], ["dek.zh", "三个数字"], ["source.name.zh", "某报"]]) {
    await page.locator(`[data-key="story:${key}"]`).fill(value);
  }
  await page.locator('[data-key="story:date"]').fill("2024-05-06");
  await page.waitForFunction(() => !document.querySelector("#download-json").disabled, null, { timeout: 10000 });
  await previewReady(page);
  assert.ok((await frameText(page)).includes("10.79万人"));

  const bad = "label,value,unit,kind,source\n学校,116,所,count,共116所。\n学位,10.5x,个,count,新增学位10.5万个。\n";
  await page.fill("#source-text", bad);
  await page.waitForSelector("#input-errors li", { timeout: 10000 });
  assert.equal(
    await page.locator("#input-errors li").first().textContent(),
    'row 3, column value: "10.5x" is not a number (16317, 10.5; write 10.5万 in written/原文写法)',
  );
  assert.equal(await page.locator("#figures li.fig").count(), 3, "the figures under review stay as they were");

  await page.locator("#open-file").setInputFiles({
    name: "figures.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("\ufeff栏目,标签,数值,单位,类型,原句\n教育,学校,116,所,数量,\"投入使用新建、扩建中小学及幼儿园116所,新增学位10.5万个。\"\n"),
  });
  await page.waitForFunction(() => document.querySelectorAll("#figures li.fig").length === 1, null, { timeout: 10000 });
  assert.equal(await page.locator("#input-errors li").count(), 0);
  assert.equal(await page.locator("#figures h3").first().textContent(), "Section 1: 教育");
  p.assertClean("editor with sheets");
  await p.close();
});

test("a dataset file opens back into the editor; an invalid one gets the validator's errors", async () => {
  const p = await openEditor();
  const { page } = p;
  await page.locator("#open-file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"schema": 1, "story": {"id": "Bad id"}}') });
  await page.waitForSelector("#input-errors li", { timeout: 10000 });
  assert.match(await page.locator("#input-errors").textContent(), /“broken\.json” is not a dataset the editor can open/);
  assert.match(await page.locator("#input-errors").textContent(), /story\.id: invalid id "Bad id"/);
  assert.equal(await page.locator("#figures li.fig").count(), 0);

  await page.locator("#open-file").setInputFiles(path.join(ROOT, "data", "xian-2022.json"));
  await page.waitForFunction(() => document.querySelectorAll("#figures li.fig").length > 30, null, { timeout: 10000 });
  assert.equal(await page.locator('[data-key="story:id"]').inputValue(), "xian-rural-revitalization-2022");
  assert.equal(await page.locator('[data-key="s1-f1|label.en"]').count(), 0);
  assert.equal(await page.locator('[data-key="income-per-capita|label.en"]').inputValue(), "Per-capita net income of people lifted out of poverty");
  await previewReady(page);
  await page.getByRole("radio", { name: "English" }).check();
  await page.waitForFunction(() => document.querySelector("#preview").shadowRoot.querySelector(".ri-hero-value")?.textContent === "16,317 yuan", null, { timeout: 10000 });
  assert.match(await page.locator("#summary").textContent(), /no errors · 0 sentence warnings/);
  p.assertClean("editor with a dataset");
  await p.close();
});

test("relations kept, dropped and added; English added to a zh story; the snippet copied; a dataset dropped on the page", async () => {
  const p = await openEditor();
  const { page } = p;
  await p.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url });
  await page.fill("#source-text", ARTICLE);
  await previewReady(page);
  const rel = (id) => page.locator(`#relations li.rel[data-id="${id}"]`);
  assert.match(await rel("r1-previous").locator(".computed").textContent(), /^Computes 14645 \(16317 − 1672 = 14645\)\.$/);
  const previous = "上年西安全市脱贫人口人均纯收入（推算）";
  assert.ok((await frameText(page)).includes(previous));
  await page.locator('[data-key="rel:r1-previous|include"]').uncheck();
  await page.waitForFunction((t) => !document.querySelector("#preview").shadowRoot.textContent.includes(t), previous, { timeout: 10000 });
  assert.equal(await rel("r1-previous").locator(".computed").textContent(), "Not published.");
  await page.locator('[data-key="rel:r1-previous|include"]').check();
  await page.waitForFunction((t) => document.querySelector("#preview").shadowRoot.textContent.includes(t), previous, { timeout: 10000 });

  // A new ratio between two chosen figures.
  const form = page.locator("#relations fieldset.add-relation");
  await form.getByLabel("Type").selectOption("ratio");
  await form.getByLabel("numerator").selectOption("s3-f2");
  await form.getByLabel("denominator").selectOption("s3-f1");
  await form.getByLabel("Label (中文)").fill("每所新建学校的新增学位");
  await form.getByLabel("Unit (中文, optional)").fill("个");
  await form.getByLabel("Decimals shown").fill("0");
  await form.getByRole("button", { name: "Add the relation" }).click();
  await page.waitForFunction(() => document.querySelector('#relations li.rel[data-id="rel-1"] .computed')?.textContent.startsWith("Computes 约905个 (105000 ÷ 116 ≈ 905)"), null, { timeout: 10000 });
  await page.waitForFunction(() => document.querySelector("#preview").shadowRoot.textContent.includes("每所新建学校的新增学位"), null, { timeout: 10000 });
  // Dropping a figure it reads leaves it out, and says why.
  await page.locator('[data-key="s3-f1|include"]').uncheck();
  await page.waitForFunction(() => document.querySelector('#relations li.rel[data-id="rel-1"] .computed').textContent === "Not published: it reads s3-f1, which is not included.", null, { timeout: 10000 });
  await page.locator('[data-key="s3-f1|include"]').check();

  // English: every text wants its English, each error on its own row or field.
  await page.locator('[data-key="story:languages"]').selectOption("zh en");
  await page.waitForFunction(() => document.querySelector('#figures li.fig[data-id="s1-f1"]').dataset.state === "error", null, { timeout: 10000 });
  assert.match(await row(page, "s1-f1").locator(".msgs:not(.notes)").textContent(), /Error: Label \(English\): missing required field/);
  assert.equal(await control(page, "s1-f1", "label.en").inputValue(), "");
  assert.match(await page.locator("#story-form").textContent(), /Error: missing required field/);
  assert.ok(await page.locator("#download-json").isDisabled());
  await page.locator('[data-key="story:languages"]').selectOption("zh");
  await page.waitForFunction(() => !document.querySelector("#download-json").disabled, null, { timeout: 10000 });

  await page.click("#copy-snippet");
  await page.waitForFunction(() => document.querySelector("#publish-done").textContent.includes("clipboard"), null, { timeout: 5000 });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.locator("#snippet").inputValue());
  assert.ok(copied.includes("每所新建学校的新增学位"));

  // A dataset dropped on the page opens (the browser does not navigate away to the file).
  const story = fs.readFileSync(path.join(ROOT, "data", "xian-2022.json"), "utf8");
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "xian-2022.json", { type: "application/json" }));
    const target = document.querySelector("#input-pane");
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, story);
  await page.waitForSelector('#figures li.fig[data-id="income-per-capita"]', { timeout: 10000 });
  assert.equal(await page.locator('[data-key="story:id"]').inputValue(), "xian-rural-revitalization-2022");
  // The story before is still saved.
  assert.ok((await page.locator("#saved-stories option").allTextContents()).some((t) => t.startsWith("story-")));
  p.assertClean("editor with relations");
  await p.close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds no violations on the editor (${colorScheme}), with rows in error and warning`, async () => {
    const p = await openEditor({ colorScheme });
    const { page } = p;
    await page.fill("#source-text", ARTICLE);
    await page.waitForFunction(() => document.querySelectorAll("#figures li.fig").length >= 30, null, { timeout: 15000 });
    await previewReady(page);
    await control(page, "s1-f1", "value").fill("16371");
    await control(page, "s2-f3", "label.zh").fill("");
    await page.waitForFunction(() => document.querySelector('#figures li.fig[data-id="s2-f3"]').dataset.state === "error", null, { timeout: 10000 });
    await page.getByRole("radio", { name: "Dark" }).check();
    const violations = await runAxe(page);
    assert.deepEqual(violations, [], formatViolations(violations));
    // The keyboard reaches the figures: Tab from the text box lands on a control, with a ring.
    await page.focus("#source-text");
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(outline, "solid");
    // Usable down to 768 px: nothing wider than the window.
    await page.setViewportSize({ width: 768, height: 1000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
    p.assertClean(`editor (${colorScheme})`);
    await p.close();
  });
}
