// Quizzes and progress in Chromium: answers survive a reload, junk in storage is kept as a
// backup with a notice, a sandboxed iframe (no storage) still runs quizzes, and export, reset,
// import bring progress back.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, openPage } from "./harness.mjs";

const KEY = "pylings:progress:v1";
// content/01-getting-started/02-print-and-comments.md: four questions; the first three have right answers 3, 4 and 1.
const LESSON = "print-and-comments";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

async function answer(frame, question, choice) {
  const fieldset = frame.locator("fieldset.question").nth(question);
  await fieldset.locator("label.answer").nth(choice).click();
  await fieldset.locator(".check-button").click();
  return fieldset.locator(".feedback");
}

test("a quiz gives feedback, accepts a retry, and its answers survive a reload", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.base}/lesson/${LESSON}`);
  const wrong = await answer(page, 0, 0);
  await wrong.filter({ hasText: "Not quite." }).waitFor();
  assert.ok((await wrong.textContent()).length > "Not quite.".length, "the answer's own feedback is shown");
  const right = await answer(page, 0, 2);
  await right.filter({ hasText: "Correct!" }).waitFor();
  await (await answer(page, 1, 3)).filter({ hasText: "Correct!" }).waitFor();
  assert.equal(await page.locator(".quiz-score").textContent(), "2 of 4 correct");
  assert.match(await page.locator(".quiz [role=status]").textContent(), /Question 2: correct/);

  await page.waitForTimeout(100);
  await page.reload();
  await page.locator(".quiz-score").filter({ hasText: "2 of 4 correct" }).waitFor();
  assert.ok(await page.locator("fieldset.question").nth(0).locator("input").nth(2).isChecked());
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
  const record = Object.values(stored.lessons).find((l) => l.quiz && l.quiz["0"]);
  assert.equal(record.quiz["0"].attempts, 2);
  await context.close();
});

test("junk in the progress key is kept as a backup, offered for download, and the app still works", async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${env.base}/`);
  // The app has read the (empty) store before the junk goes in: only the reload reads the junk.
  await page.getByRole("heading", { name: /Getting started/ }).waitFor();
  await page.evaluate((key) => localStorage.setItem(key, "{this is not json"), KEY);
  await page.reload();
  await page.locator(".notice").filter({ hasText: "could not be read" }).waitFor();
  await page.getByRole("heading", { name: /Getting started/ }).waitFor();
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("pylings:progress:backup:")).map((k) => localStorage.getItem(k)));
  assert.deepEqual(backups, ["{this is not json"]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(".notice button", { hasText: "Download the unreadable data" }).click(),
  ]);
  assert.equal(readFileSync(await download.path(), "utf8"), "{this is not json", "offered for download");
  await page.locator(".notice button", { hasText: "Dismiss" }).click();
  assert.equal(await page.locator(".notice").count(), 0);
  await context.close();
});

test("in a sandboxed iframe without storage, quizzes and Python work and the notice says nothing is kept", async () => {
  // The host page comes from the local server (a page at about:blank counts as public, and
  // Chromium blocks public pages from framing local addresses).
  const page = await openPage(env.browser, `${env.base}/no-such-page`);
  await page.setContent(
    `<iframe sandbox="allow-scripts" src="${env.base}/lesson/${LESSON}" style="width:900px;height:800px"></iframe>`,
  );
  const frame = page.frameLocator("iframe");
  await frame.locator(".notice").filter({ hasText: "will not be kept" }).waitFor({ timeout: 30_000 });
  await (await answer(frame, 0, 2)).filter({ hasText: "Correct!" }).waitFor();
  assert.equal(await frame.locator(".quiz-score").textContent(), "1 of 4 correct");
  const styled = await frame.locator(".quiz").evaluate((el) => getComputedStyle(el).marginTop);
  assert.notEqual(styled, "0px", "the stylesheet loads in an opaque-origin frame too");
  // An opaque origin may not start a worker from the site's URL; Pylings starts it from a blob.
  const run = frame.locator(".workbench .run-button");
  await run.filter({ hasText: /^▶ Run$/ }).waitFor({ timeout: 60_000 });
  await run.click();
  await frame.locator(".workbench .run-status").filter({ hasText: "Finished" }).waitFor({ timeout: 60_000 });
  await page.close();
});

test("export, reset (after asking) and import bring progress back", async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${env.base}/lesson/${LESSON}`);
  await (await answer(page, 2, 0)).filter({ hasText: "Correct!" }).waitFor();
  await page.goto(`${env.base}/`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export progress" }).click(),
  ]);
  const exported = readFileSync(await download.path(), "utf8");
  assert.match(exported, /"version": 1/);

  // Reset asks first: declined, nothing changes.
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByRole("button", { name: "Reset progress" }).click();
  await page.locator(".continue-link").waitFor();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Reset progress" }).click();
  await page.locator(".progress-message").filter({ hasText: "reset" }).waitFor();
  assert.equal(await page.locator(".continue-link").count(), 0);

  await page.locator(".progress-panel input[type=file]").setInputFiles({
    name: "pylings-progress.json", mimeType: "application/json", buffer: Buffer.from(exported),
  });
  await page.locator(".progress-message").filter({ hasText: "Imported" }).waitFor();
  await page.locator(".continue-link").waitFor();
  await page.goto(`${env.base}/lesson/${LESSON}`);
  await page.locator(".quiz-score").filter({ hasText: "1 of 4 correct" }).waitFor();
  await context.close();
});

test("a quiz can be answered with the keyboard alone", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.base}/lesson/${LESSON}`);
  const question = page.locator("fieldset.question").nth(1);
  const radios = question.locator("input[type=radio]");
  await radios.nth(0).focus();
  await page.keyboard.press("Space");
  assert.ok(await radios.nth(0).isChecked(), "Space selects");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.ok(await radios.nth(3).isChecked(), "arrow keys move the choice");
  assert.ok(await radios.nth(3).evaluate((el) => el.matches(":focus-visible")), "focus is visible");
  await page.keyboard.press("Tab");
  assert.ok(await question.locator(".check-button").evaluate((el) => el === document.activeElement));
  await page.keyboard.press("Enter");
  await question.locator(".feedback").filter({ hasText: "Correct!" }).waitFor();
  await context.close();
});

test("two tabs keep each other's answers", async () => {
  const context = await env.browser.newContext();
  const [first, second] = [await context.newPage(), await context.newPage()];
  await first.goto(`${env.base}/lesson/${LESSON}`);
  await second.goto(`${env.base}/lesson/${LESSON}`);
  await (await answer(first, 0, 2)).filter({ hasText: "Correct!" }).waitFor();
  await (await answer(second, 1, 3)).filter({ hasText: "Correct!" }).waitFor();
  // Each tab merged the other's save (a storage event) and saved the union: no reload needed.
  for (const page of [first, second]) {
    await page.locator(".quiz-score").filter({ hasText: "2 of 4 correct" }).waitFor();
  }
  const stored = JSON.parse(await first.evaluate((key) => localStorage.getItem(key), KEY));
  const record = Object.values(stored.lessons).find((l) => l.quiz);
  assert.deepEqual(Object.keys(record.quiz).sort(), ["0", "1"]);
  await context.close();
});
