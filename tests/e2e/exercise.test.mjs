// Exercises in Chromium: the starter code fails a check (shown open, with a hint on request),
// the reference solution passes and marks the exercise done, which survives a reload; a loop
// that never ends is stopped at the time limit and explained; Stop ends a run at once.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { EXERCISE, editorText, fillEditor, launch, openPage } from "./harness.mjs";

const LESSON = EXERCISE.slug;
const solution = EXERCISE.solution;

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

/** Replaces the exercise editor's code. */
async function setExerciseCode(page, code) {
  await fillEditor(page.locator(".exercise"), code);
}

/** Presses a button of the exercise and waits for that run to finish. */
async function finishRun(page, button, timeout = 30_000) {
  const output = page.locator(".exercise .output");
  const before = Number(await output.getAttribute("data-finished"));
  await page.locator(".exercise .toolbar button", { hasText: button }).click();
  await page.waitForFunction(
    (count) => Number(document.querySelector(".exercise .output").dataset.finished) > count,
    before,
    { timeout },
  );
}

test("a wrong answer shows the failing check and hints; the solution passes and stays done", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.base}/lesson/${LESSON}`);
  await page.locator(".exercise .run-button", { hasText: "Check my code" }).waitFor();

  await finishRun(page, "Check my code");
  const failed = page.locator(".exercise .check.failed");
  assert.ok((await failed.count()) >= 1, "the starter code fails a check");
  assert.equal(await failed.first().locator("details").getAttribute("open"), "", "the first failure is open");
  assert.match(await page.locator(".check-summary").textContent(), /of \d+ checks passed/);

  await page.locator(".hints button").click();
  await page.locator(".hint").first().waitFor();
  assert.equal(await page.locator(".hint").count(), 1, "hints come one at a time");
  assert.match(await page.locator(".hints button").textContent(), /Show a hint \(2 of/);

  await setExerciseCode(page, solution());
  await finishRun(page, "Check my code");
  assert.match(await page.locator(".check-summary").textContent(), /All checks passed/);
  assert.equal(await page.locator(".exercise .check.failed").count(), 0);
  await page.locator("#exercise-title .done-mark").waitFor();

  await page.waitForTimeout(800); // autosave
  await page.reload();
  await page.locator("#exercise-title .done-mark").waitFor();
  assert.equal(await editorText(page, ".exercise"), solution(), "the code was kept");
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("pylings:progress:v1")));
  const record = Object.values(stored.lessons).find((l) => l.exercise);
  assert.equal(record.exercise.passed, true);
  assert.equal(record.exercise.attempts, 2);
  await context.close();
});

test("a program that never ends is stopped at the time limit, and the next check works", async () => {
  const page = await openPage(env.browser, `${env.base}/lesson/${LESSON}`);
  await setExerciseCode(page, "while True:\n    pass\n");
  await finishRun(page, "Check my code", 60_000);
  assert.match(await page.locator(".exercise .run-status").textContent(), /time limit/);
  assert.match(await page.locator(".exercise .error").textContent(), /loop that never ends/);
  await setExerciseCode(page, solution());
  await finishRun(page, "Check my code");
  assert.match(await page.locator(".check-summary").textContent(), /All checks passed/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("Stop ends a running program at once and Python is ready again", async () => {
  const page = await openPage(env.browser, `${env.base}/lesson/${LESSON}`);
  await setExerciseCode(page, "while True:\n    pass\n");
  await page.locator(".exercise .run-button", { hasText: "Run" }).first().waitFor();
  await page.locator(".exercise .toolbar button", { hasText: /^▶ Run$/ }).click();
  await page.locator(".exercise .stop-button").click();
  await page.locator(".exercise .run-status", { hasText: "Program stopped" }).waitFor();
  await setExerciseCode(page, "print('ok')\n");
  await finishRun(page, /^▶ Run$/);
  assert.equal(await page.locator(".exercise .output-text").textContent(), "ok\n");
  await page.close();
});

test("an error is explained in plain words with the traceback one click away", async () => {
  const page = await openPage(env.browser, `${env.base}/lesson/${LESSON}`);
  await setExerciseCode(page, "total = 1\nprint(totl)\n");
  await finishRun(page, /^▶ Run$/);
  const error = page.locator(".exercise .error");
  assert.match(await error.locator(".explanation").textContent(), /Did you mean total\?/);
  assert.match(await error.locator(".error-line").textContent(), /line 2/);
  assert.equal(await error.locator(".traceback").isVisible(), false, "the traceback starts folded");
  await error.locator("summary", { hasText: "Full traceback" }).click();
  assert.match(await error.locator(".traceback").textContent(), /File "main.py", line 2/);
  await page.close();
});
