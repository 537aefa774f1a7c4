// Issue 5, runtime faults: a panic should be impossible; if one happens anyway, every widget
// goes into its error state and later calls fail with a clear error, never "unreachable" or
// "recursive use of an object". The panic comes through the test-only door
// `__crashForTesting()`, which refuses unless the page sets `__RI_TEST_CRASH`.
//
// The two modules stop in different ways. The reader's (embed.js's) is built to abort at a
// panic at once (scripts/reader-cargo.sh): it traps, and glue.js's guard() around its exports
// sees the trap. The full module's panic hook reports first, with the panic's message, and the
// guard then only refuses later calls. Each module has its own widgets (its own host registry).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, newPage } from "./helpers.mjs";
import { installGuards } from "./hostile-common.mjs";

const site = useSite();

// widgets.html with its three widgets (the reader's module's) ready.
async function widgetsPage() {
  const p = await newPage(site.browser, { width: 1280, height: 2400, reducedMotion: "reduce" });
  await p.page.addInitScript(installGuards);
  await p.page.goto(site.url + "/widgets.html");
  await p.page.waitForFunction(
    () => [...document.querySelectorAll("revitalization-infographic")].every((e) => e.dataset.state === "ready"),
    null,
    { timeout: 15000 },
  );
  return p;
}

test("a panic in the reader's module puts every widget in its error state, later calls get a clear error, and its listeners stay quiet", async () => {
  const p = await widgetsPage();
  const result = await p.page.evaluate(async () => {
    const m = await (await import("/dist/embed.js")).loadReader();
    const outcome = (f) => {
      try {
        f();
        return { ok: true };
      } catch (e) {
        return { ok: false, code: e.code ?? null, message: String(e.message ?? e) };
      }
    };
    const unarmed = outcome(() => m.__crashForTesting());
    globalThis.__RI_TEST_CRASH = true;
    const crash = outcome(() => m.__crashForTesting());
    const el = document.getElementById("widget-en");
    return {
      unarmed,
      crash,
      states: [...document.querySelectorAll("revitalization-infographic")].map((e) => e.dataset.state),
      errors: window.__riErrors,
      setLanguage: outcome(() => el.infographic.setLanguage("zh")),
      update: outcome(() => el.infographic.update(undefined)),
      destroy: outcome(() => el.infographic.destroy()),
      render: outcome(() => m.render(document.createElement("div"))),
      stillShown: el.shadowRoot.textContent.includes("16,317 yuan"),
    };
  });
  assert.deepEqual(result.unarmed, { ok: false, code: "invalid-call", message: "not a test page" });
  assert.equal(result.crash.ok, false, "the crash itself throws to its caller");
  assert.deepEqual(result.states, ["error", "error", "error"]);
  const internal = result.errors.filter((e) => e.code === "internal-error");
  assert.equal(internal.length, 3, JSON.stringify(result.errors));
  // No panic message survives an immediate abort: the guard says what happened.
  for (const e of internal) assert.equal(e.message, "internal error: the module stopped after a failure inside it");
  for (const name of ["setLanguage", "update", "destroy", "render"]) {
    const r = result[name];
    assert.equal(r.ok, false, `${name} after the panic`);
    assert.equal(r.code, "internal-error", `${name}: ${r.message}`);
    assert.doesNotMatch(r.message, /unreachable|recursive use|already borrowed/i, name);
  }
  assert.ok(result.stillShown, "the last graphic stays on the page");
  // The widgets' listeners still run: each now returns at the guard without entering the
  // stopped module, so pointing, pressing a tab and typing on them throws nothing onto the page.
  const zh = p.page.locator("#widget-zh");
  await zh.locator("[role=tab]").nth(1).click();
  await zh.locator("[role=tab]").nth(1).press("ArrowRight");
  const box = await zh.locator("svg").first().boundingBox();
  await p.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await p.page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
  await p.page.setViewportSize({ width: 700, height: 2400 });
  await p.page.waitForTimeout(300);
  assert.equal(
    (await p.page.evaluate(() => window.__riErrors)).length,
    result.errors.length,
    "no second report after the stop",
  );
  assert.deepEqual(await p.page.evaluate(() => window.__riInjected), []);
  assert.deepEqual(await p.page.evaluate(() => window.__riAlerts), []);
  assert.deepEqual(p.problems.dialogs, []);
  assert.deepEqual(p.problems.pageErrors, []);
  assert.ok(await p.page.getByRole("heading", { name: "Several widgets on one page" }).isVisible());
  await p.close();
});

test("a panic in the full module reports its message through the hook, stops only that module's widgets, and later calls get a clear error", async () => {
  const p = await widgetsPage();
  const result = await p.page.evaluate(async () => {
    const full = await (await import("/dist/embed.js")).load();
    const host = document.createElement("div");
    host.id = "full-host";
    document.body.append(host);
    const handle = full.render(host, null, { lang: "en" });
    const readyBefore = host.dataset.state;
    globalThis.__RI_TEST_CRASH = true;
    let crash = null;
    try {
      full.__crashForTesting();
    } catch (e) {
      crash = { code: e.code ?? null, message: String(e.message ?? e) };
    }
    let after = null;
    try {
      handle.setLanguage("zh");
    } catch (e) {
      after = { code: e.code ?? null, message: String(e.message) };
    }
    return {
      readyBefore,
      crash,
      after,
      state: host.dataset.state,
      others: [...document.querySelectorAll("revitalization-infographic")].map((e) => e.dataset.state),
      errors: window.__riErrors,
    };
  });
  assert.equal(result.readyBefore, "ready");
  assert.ok(result.crash, "the crash throws to its caller");
  assert.equal(result.crash.code, "internal-error", result.crash.message);
  assert.equal(result.state, "error");
  assert.deepEqual(result.others, ["ready", "ready", "ready"], "the reader's module's widgets are not the full module's");
  const internal = result.errors.filter((e) => e.code === "internal-error");
  assert.deepEqual(
    internal.map((e) => [e.id, e.message]),
    [["full-host", "internal error: deliberate crash for the panic-hook test"]],
    "one report, from the hook, with the panic's message",
  );
  assert.deepEqual(result.after && result.after.code, "internal-error");
  assert.doesNotMatch(result.after.message, /unreachable|recursive use|already borrowed/i);
  assert.deepEqual(p.problems.pageErrors, []);
  await p.close();
});
