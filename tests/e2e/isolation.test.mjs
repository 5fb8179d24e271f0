// Python behind cross-origin isolation headers, and learner code kept away from the page: with
// COOP/COEP (as some hosts send) the app runs and input() works; learner code cannot import any
// module that reaches the DOM, fetch, cookies or the page's storage.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { DIST, launch, openPage, runInWorkbench, setCode } from "./harness.mjs";
import { startServer } from "./static-server.mjs";

let env;
let isolated;
before(async () => {
  env = await launch();
  isolated = await startServer(DIST, 0, { isolated: true });
});
after(async () => {
  await new Promise((done) => isolated.close(done));
  await env.close();
});

test("with COOP/COEP headers the page is isolated and input() still works", async () => {
  const page = await openPage(env.browser, `http://127.0.0.1:${isolated.address().port}/lesson/loops/`);
  await page.locator(".workbench .run-button", { hasText: /^▶ Run$/ }).waitFor({ timeout: 60_000 });
  assert.equal(await page.evaluate(() => crossOriginIsolated), true);
  await setCode(page, "name = input('Name? ')\nprint('hi', name)\n");
  const result = await runInWorkbench(page, async () => {
    await page.locator(".workbench .run-button").click();
    const field = page.locator(".workbench .stdin-line");
    await field.waitFor({ timeout: 60_000 });
    await field.fill("Ana");
    await field.press("Enter");
  }, 60_000);
  assert.equal(result.stdout, "Name? Ana\nhi Ana\n");
  await page.close();
});

test("learner code cannot import anything that reaches the page", async () => {
  const page = await openPage(env.browser, `${env.base}/lesson/loops/`);
  await page.locator(".workbench .run-button", { hasText: /^▶ Run$/ }).waitFor({ timeout: 60_000 });
  const names = ["browser", "js", "_js", "pyodide", "_window", "window", "document", "pyscript"];
  await setCode(page, [
    "import sys",
    `for name in ${JSON.stringify(names)}:`,
    "    try:",
    "        __import__(name)",
    "        print(name, 'imported')",
    "    except ImportError:",
    "        print(name, 'refused')",
    `print([m for m in sys.builtin_module_names if m in ${JSON.stringify(names)}])`,
  ].join("\n") + "\n");
  const result = await runInWorkbench(page, () => page.locator(".workbench .run-button").click(), 60_000);
  for (const name of names) assert.match(result.stdout, new RegExp(`^${name} refused$`, "m"));
  assert.match(result.stdout, /^\[\]$/m);
  await page.close();
});
