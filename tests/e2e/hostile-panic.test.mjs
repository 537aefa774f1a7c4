// Issue 5, runtime faults: a panic should be impossible; if one happens anyway, every widget
// goes into its error state and later calls fail with a clear error, never "unreachable" or
// "recursive use of an object". The panic comes through the test-only door
// `__crashForTesting()`, which refuses unless the page sets `__RI_TEST_CRASH`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, newPage } from "./helpers.mjs";
import { installGuards } from "./hostile-common.mjs";

const site = useSite();

test("a panic puts every widget in its error state and later calls get a clear error", async () => {
  const p = await newPage(site.browser, { width: 1280, height: 2400, reducedMotion: "reduce" });
  await p.page.addInitScript(installGuards);
  await p.page.goto(site.url + "/widgets.html");
  await p.page.waitForFunction(
    () => [...document.querySelectorAll("revitalization-infographic")].every((e) => e.dataset.state === "ready"),
    null,
    { timeout: 15000 },
  );
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
  for (const e of internal) assert.match(e.message, /^internal error: deliberate crash/);
  for (const name of ["setLanguage", "update", "destroy", "render"]) {
    const r = result[name];
    assert.equal(r.ok, false, `${name} after the panic`);
    assert.equal(r.code, "internal-error", `${name}: ${r.message}`);
    assert.doesNotMatch(r.message, /unreachable|recursive use|already borrowed/i, name);
  }
  assert.ok(result.stillShown, "the last graphic stays on the page");
  assert.deepEqual(await p.page.evaluate(() => window.__riInjected), []);
  assert.deepEqual(await p.page.evaluate(() => window.__riAlerts), []);
  assert.deepEqual(p.problems.dialogs, []);
  assert.deepEqual(p.problems.pageErrors, []);
  assert.ok(await p.page.getByRole("heading", { name: "Several widgets on one page" }).isVisible());
  await p.close();
});
