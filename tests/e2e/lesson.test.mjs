// The walking skeleton in Chromium: home page, a lesson by URL, Run by button and by
// Ctrl+Enter, an error report, an inline example, and no console errors.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, setCode, runInWorkbench } from "./harness.mjs";

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
