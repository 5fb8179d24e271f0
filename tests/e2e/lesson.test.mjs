// The walking skeleton in Chromium: home page, a lesson by URL, Run by button and by
// Ctrl+Enter, an error report, an inline example, and no console errors. After a first visit,
// the course works offline (the service worker), and an update is told on the next visit.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DIST, launch, openPage, setCode, runInWorkbench } from "./harness.mjs";
import { startServer } from "./static-server.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

test("home page lists the chapters and lessons without console errors", async () => {
  const page = await openPage(env.browser, `${env.base}/`);
  await page.getByRole("heading", { name: /Getting started/ }).waitFor();
  const lessons = await page.locator(".lesson-list a").allTextContents();
  assert.ok(lessons.length >= 6, `lessons listed: ${lessons}`);
  await page.waitForTimeout(300);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a lesson opened by its URL runs code from the button and from Ctrl+Enter", async () => {
  const page = await openPage(env.browser, `${env.base}/lesson/print-and-comments`);
  await page.locator("article.lesson h1").waitFor();
  assert.match(await page.title(), / · Pylings$/);
  await setCode(page, "print(6 * 7)");
  const clicked = await runInWorkbench(page, () => page.locator(".workbench .run-button").click());
  assert.equal(clicked.stdout, "42\n");

  await setCode(page, "print(6 * 7, 'again')");
  const pressed = await runInWorkbench(page, () => page.locator(".workbench .code-editor").press("Control+Enter"));
  assert.equal(pressed.stdout, "42 again\n");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a NameError shows its type, message and line", async () => {
  const page = await openPage(env.browser, `${env.base}/lesson/variables-and-types`);
  await setCode(page, "name = 'Ada'\nprint(nmae)\n");
  const result = await runInWorkbench(page, () => page.locator(".workbench .run-button").click());
  assert.match(result.errorText, /NameError/);
  assert.match(result.errorText, /name 'nmae' is not defined/);
  assert.match(result.errorText, /line 2/);
  await page.close();
});

test("an inline example is highlighted, runs, and shows its output beneath it", async () => {
  const page = await openPage(env.browser, `${env.base}/lesson/print-and-comments`);
  const example = page.locator("figure.example.runnable").first();
  // Counting does not wait: the app may not have drawn the lesson yet when the page has loaded.
  await example.waitFor();
  assert.ok(await example.locator("pre.code .hl-builtin, pre.code .hl-string").count() > 0, "highlighted tokens");
  await example.locator(".run-button").click();
  const status = example.locator(".run-status");
  await status.filter({ hasText: /^Finished/ }).waitFor({ timeout: 30_000 });
  const output = await example.locator(".output-text").textContent();
  assert.ok(output.length > 0, "the example printed something");
  await page.close();
});

test("an unknown lesson shows the not-found page", async () => {
  // A static host answers an unknown URL with its own 404; inside the app (a stale link, a
  // lesson renamed since) the app's page says so.
  const page = await openPage(env.browser, `${env.base}/lesson/loops/`);
  await page.locator("article.lesson h1").waitFor();
  await page.evaluate(() => {
    history.pushState(null, "", "/lesson/no-such-lesson");
    dispatchEvent(new PopStateEvent("popstate"));
  });
  await page.getByRole("heading", { name: "Page not found" }).waitFor();
  await page.close();
});

const PROGRESS_KEY = "pylings:progress:v1";

/** The lesson's stored predictions, once `count` of them are saved. */
async function storedPredictions(page, lesson, count) {
  const handle = await page.waitForFunction(({ key, lesson, count }) => {
    const predictions = JSON.parse(localStorage.getItem(key) ?? "{}").lessons?.[lesson]?.predictions ?? {};
    return Object.keys(predictions).length >= count && predictions;
  }, { key: PROGRESS_KEY, lesson, count });
  return handle.jsonValue();
}

test("predict, then run: a choice is checked, the example runs, and the first answer is kept", async () => {
  const page = await openPage(env.browser, `${env.base}/lesson/print-and-comments`);
  // Found by its code, not by `.predicting`, which it stops being once answered.
  const example = page.locator("figure.example.runnable").filter({ hasText: 'sep="***"' });
  await example.waitFor();
  assert.equal(await example.getAttribute("class"), "example runnable predicting");
  // Nothing to run before predicting: the example's own Run button is hidden.
  assert.equal(await example.locator(".run-button").isVisible(), false);
  await example.getByRole("button", { name: "Check and run" }).click();
  await example.getByRole("alert").filter({ hasText: "Choose an answer first." }).waitFor();
  // Keyboard only: the first choice of the radio group, a wrong one.
  await example.locator("input[type=radio]").first().focus();
  await page.keyboard.press("Space");
  await example.getByRole("button", { name: "Check and run" }).press("Enter");
  const verdict = example.locator(".feedback.wrong");
  await verdict.filter({ hasText: "Not quite." }).waitFor();
  assert.match(await verdict.textContent(), /never before the first or after the last/);
  await example.locator(".run-status").filter({ hasText: /^Finished/ }).waitFor({ timeout: 30_000 });
  assert.equal(await example.locator(".output-text").textContent(), "x, y, z\nsolo\n");
  assert.equal(await example.locator(".run-button").isVisible(), true, "Run is offered again");
  const [saved] = Object.values(await storedPredictions(page, "getting-started-print-and-comments", 1));
  assert.deepEqual({ answer: saved.answer, correct: saved.correct }, { answer: "x, y, z,\nsolo", correct: false });

  await page.reload();
  const again = example;
  await again.locator(".feedback.wrong").filter({ hasText: "You predicted" }).waitFor();
  assert.equal(await again.locator("fieldset.predict").isVisible(), false, "not asked twice");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("predict, then run: a typed prediction is compared with what the program prints", async () => {
  const page = await openPage(env.browser, `${env.base}/lesson/numbers-and-arithmetic`);
  const example = page.locator("figure.example.runnable").filter({ has: page.locator("textarea") }).first();
  await example.locator("textarea").fill("3.0 2.0 3.0  \n");
  await example.getByRole("button", { name: "Check and run" }).click();
  await example.locator(".feedback.right").filter({ hasText: "Right!" }).waitFor({ timeout: 30_000 });
  const [saved] = Object.values(await storedPredictions(page, "values-numbers", 1));
  assert.equal(saved.correct, true);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("offline after the first visit: a lesson reloads and runs code importing json and dataclasses", async () => {
  // A server of its own, closed to go offline.
  const server = await startServer(DIST, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const stdlibCount = JSON.parse(readFileSync(`${DIST}/sw.js`, "utf8").match(/^const STDLIB = (.*);$/m)[1]).length;
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (error) => page.problems.push(error.message));
  await page.goto(`${base}/lesson/print-and-comments`);
  await page.locator("article.lesson h1").waitFor();
  // Registered once Python is ready; controls this page at once; keeps the stdlib once idle.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
  // (waitForFunction does not await an async predicate: a promise is truthy.)
  const cached = () => page.evaluate(async () => (await (await caches.open("pylings-stdlib")).keys()).length);
  for (let waited = 0; (await cached()) < stdlibCount; waited += 250) {
    assert.ok(waited < 60_000, `the stdlib was kept within a minute (${await cached()} of ${stdlibCount})`);
    await new Promise((done) => setTimeout(done, 250));
  }
  assert.equal(await page.evaluate(() => localStorage.getItem("pylings:version")), await page.locator('meta[name="pylings-version"]').getAttribute("content"));

  // Offline for real: the server is gone (the browser's offline emulation would also stop the
  // requests the service worker answers).
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  await page.reload();
  await page.locator("article.lesson h1").waitFor();
  await setCode(page, "import json, dataclasses\n@dataclasses.dataclass\nclass P:\n    x: int\nprint(json.dumps(dataclasses.asdict(P(3))))\n");
  const result = await runInWorkbench(page, () => page.locator(".workbench .run-button").click(), 60_000);
  assert.equal(result.stdout, '{"x": 3}\n', result.errorText ?? result.status);
  // Another route, never opened before, opens offline too.
  await page.goto(`${base}/playground`);
  await page.locator(".playground .cm-content").waitFor();

  // The next visit to a new version says so, once.
  await page.evaluate(() => localStorage.setItem("pylings:version", "an-older-build"));
  await page.reload();
  await page.locator(".notice", { hasText: "Pylings was updated since your last visit." }).waitFor();
  await page.reload();
  await page.locator(".playground .cm-content").waitFor();
  assert.equal(await page.locator(".notice", { hasText: "updated" }).count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});
