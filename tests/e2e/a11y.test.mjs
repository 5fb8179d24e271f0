// Accessibility in Chromium: axe-core audits every kind of page (home, a lesson before and
// after a failed run and a wrong quiz answer, an exercise with failed checks and a hint, the
// playground with a share link open, every embed view), in light and dark, at 1280 and 390 px,
// and finds no serious or critical violation of WCAG 2.2 A/AA; a keyboard-only walk from the
// home page through a lesson, its example, quiz and exercise; output announced without
// flooding; reduced motion; 200 % zoom without horizontal scrolling; the empty output panel.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { EXERCISE, launch, openPage, setCode, solutionOf } from "./harness.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** What axe checks: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and its best practices
 *  (landmarks, heading order). */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
/** Rules switched off, each with the reason. */
const SWITCHED_OFF = {};
const LESSON = "print-and-comments";
/** A share link made by the playground (the code `print('Hello, world!')`). */
const SHARE = "#code=A4JwlgdgLgFA5ACQKYBsUHsA0ACA7ukFAEwEI4BKAKCAAA";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

/** The serious and critical axe violations of `page` in light and dark, at 1280 and 390 px. */
async function violations(page, label) {
  const found = [];
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [1280, 390]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
      const rules = Object.fromEntries(Object.keys(SWITCHED_OFF).map((id) => [id, { enabled: false }]));
      const results = await page.evaluate(async ([values, rules]) => {
        const { violations } = await window.axe.run(document, { runOnly: { type: "tag", values }, rules });
        return violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(" | ")}`);
      }, [TAGS, rules]);
      found.push(...results.map((r) => `${label}, ${colorScheme}, ${width}px: ${r}`));
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  found.push(...(await outline(page)).map((problem) => `${label}: ${problem}`));
  return found;
}

/** Landmarks and headings in order: one `main`, and headings that never skip a level on the
 *  way down (an embed may start below h1: the host page has its own). */
function outline(page) {
  return page.evaluate(() => {
    const problems = [];
    const mains = document.querySelectorAll("main, [role=main]").length;
    if (mains !== 1) problems.push(`${mains} main landmarks`);
    let previous = 0;
    for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
      if (!heading.getClientRects().length) continue;
      const level = Number(heading.tagName[1]);
      if (previous && level > previous + 1) {
        problems.push(`${heading.tagName} "${heading.textContent.trim().slice(0, 40)}" follows h${previous}`);
      }
      previous = level;
    }
    return problems;
  });
}

/** Waits for the run shown in `scope` to finish. */
async function finished(page, scope, before = 0) {
  await page.waitForFunction(
    ([scope, before]) => Number(document.querySelector(`${scope} .output`)?.dataset.finished) > before,
    [scope, before],
    { timeout: 60_000 },
  );
}

test("no serious or critical axe violations on any kind of page, in light and dark, at desktop and phone widths", async () => {
  const page = await openPage(env.browser, `${env.base}/`);
  const found = [];
  await page.getByRole("heading", { name: /Getting started/ }).waitFor();
  found.push(...await violations(page, "home"));

  await page.goto(`${env.base}/lesson/${LESSON}`);
  await page.locator(".workbench .cm-content").waitFor();
  found.push(...await violations(page, "lesson"));
  await setCode(page, "print(undefined_name)\n");
  await page.locator(".workbench .run-button").click();
  await finished(page, ".workbench");
  const question = page.locator("fieldset.question").first();
  await question.locator("label.answer").first().click();
  await question.locator(".check-button").click();
  await question.locator(".feedback.wrong").waitFor();
  found.push(...await violations(page, "lesson after an error and a wrong answer"));

  await page.goto(`${env.base}/lesson/${EXERCISE.slug}`);
  await page.locator(".exercise .run-button", { hasText: "Check my code" }).click();
  await page.locator(".exercise .check.failed").first().waitFor({ timeout: 60_000 });
  await page.locator(".hints button").click();
  await page.locator(".hint").first().waitFor();
  found.push(...await violations(page, "exercise with failed checks and a hint"));

  await page.goto(`${env.base}/playground${SHARE}`);
  await page.locator(".shared-banner").waitFor();
  found.push(...await violations(page, "playground with a share link"));

  for (const embed of ["embed/lesson/loops/", `embed/exercise/${EXERCISE.slug}/`, "embed/quiz/loops/", "embed/editor/?code=print(1)"]) {
    await page.goto(`${env.base}/${embed}`);
    await page.locator(".embed-footer").waitFor();
    found.push(...await violations(page, embed));
  }
  assert.deepEqual(found, []);
  await page.close();
});

/** Presses Tab (or `key`, e.g. Shift+Tab) until `locator` has the focus, at most 60 times;
 *  fails otherwise. Each element focused on the way must show its focus. */
async function tabTo(page, locator, key = "Tab") {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(key);
    const visible = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return true;
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
      return ring || style.boxShadow !== "none" || el.closest(".cm-editor") !== null;
    });
    assert.ok(visible, `focus is visible on ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 120))}`);
    if (await locator.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
  }
  assert.fail(`could not reach ${locator} with Tab`);
}

test("keyboard alone: from the home page to a lesson, an example, the exercise, out of the editor, Stop, and the quiz", async () => {
  const page = await openPage(env.browser, `${env.base}/`);
  await page.getByRole("heading", { name: /Getting started/ }).waitFor();
  await tabTo(page, page.locator(".lesson-list a", { hasText: "Printing text and writing comments" }));
  await page.keyboard.press("Enter");
  await page.locator("article.lesson h1").waitFor();
  assert.match(page.url(), new RegExp(`/lesson/${LESSON}`));

  // Run an example.
  const example = page.locator("figure.example.runnable").first();
  await example.locator(".run-button", { hasText: /^▶ Run$/ }).waitFor({ timeout: 60_000 });
  await tabTo(page, example.locator(".run-button"));
  await page.keyboard.press("Enter");
  await example.locator(".run-status", { hasText: /^Finished/ }).waitFor({ timeout: 60_000 });

  // The lesson's exercise: type the solution, leave the editor, check it.
  const editor = page.locator(".exercise .cm-content");
  await editor.waitFor();
  await tabTo(page, editor);
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(solutionOf("01-getting-started/02-print-and-comments.md"));
  // Leave the editor: Escape, then Tab moves on instead of indenting.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  assert.ok(await editor.evaluate((el) => !el.contains(document.activeElement)), "Escape then Tab leaves the editor");
  await tabTo(page, page.locator(".exercise .run-button", { hasText: "Check my code" }));
  await page.keyboard.press("Enter");
  await page.locator(".check-summary", { hasText: "All checks passed" }).waitFor({ timeout: 60_000 });

  // Stop a program that never ends, by keyboard: back to the editor, run, Stop.
  await tabTo(page, editor, "Shift+Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText("while True:\n    pass\n");
  await page.keyboard.press("Control+Enter");
  const stop = page.locator(".exercise .stop-button");
  await stop.waitFor();
  await page.keyboard.press("Escape");
  await tabTo(page, stop);
  await page.keyboard.press("Enter");
  await page.locator(".exercise .run-status", { hasText: "Program stopped" }).waitFor();

  // Answer the first question: arrows choose, Tab reaches Check, Enter checks.
  const question = page.locator("fieldset.question").first();
  await tabTo(page, question.locator("input[type=radio]").first());
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await question.locator(".feedback").waitFor();
  await page.close();
});

test("a flood of output is not read line by line; the end of a run and an error are each announced once", async () => {
  const page = await openPage(env.browser, `${env.base}/lesson/${LESSON}`);
  const output = page.locator(".workbench .output");
  await output.waitFor();
  assert.equal(await output.locator("[aria-live]:not([aria-live=off]), [role=log], [role=alert]").count(), 1,
    "before a run, only the status line is live");
  assert.match(await output.locator(".run-status").textContent(), /Run/, "the empty panel says what it is for");
  await setCode(page, "for i in range(3000):\n    print(i)\n");
  await page.locator(".workbench .run-button").click();
  await finished(page, ".workbench");
  const text = output.locator(".output-text");
  assert.equal(await text.getAttribute("aria-live"), "off", "the output itself is not live");
  assert.equal(await text.getAttribute("tabindex"), "0", "the scrolling output is reachable by keyboard");
  assert.notEqual(await text.getAttribute("role"), "log", "a log region would be read line by line");
  const announced = await output.locator(".run-announcement").textContent();
  assert.match(announced, /3000 lines of output/);
  assert.match(announced, /2999/, "the last line is read");
  assert.ok(announced.length < 300, `a short announcement: ${announced}`);

  // An error is announced once: by its alert, not again by the end-of-run announcement.
  await setCode(page, "print('before')\nprint(undefined_name)\n");
  await page.locator(".workbench .run-button").click();
  await finished(page, ".workbench", 1);
  assert.equal(await output.locator("[role=alert]").count(), 1);
  assert.match(await output.locator("[role=alert]").textContent(), /NameError/);
  const afterError = await output.locator(".run-announcement").textContent();
  assert.doesNotMatch(afterError, /NameError|undefined_name/, afterError);
  assert.match(afterError, /Stopped by an error.*Output: before/);
  await page.close();
});

test("motion is reduced on request, text reflows at 200 % zoom, and the editor is labelled", async () => {
  const context = await env.browser.newContext({ reducedMotion: "reduce", viewport: { width: 640, height: 800 } });
  const page = await context.newPage();
  for (const path of ["/", `/lesson/${LESSON}`, `/lesson/${EXERCISE.slug}`, "/playground"]) {
    await page.goto(`${env.base}${path}`);
    await page.locator("main h1, main h2").first().waitFor();
    // 1280 px at 200 % zoom lays the page out in 640 CSS pixels.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path}: ${overflow}px of horizontal scrolling at 200 % zoom`);
    const moving = await page.evaluate(() => [...document.querySelectorAll("*")].filter((el) => {
      const style = getComputedStyle(el);
      const seconds = (value) => Math.max(...value.split(",").map((v) => parseFloat(v) || 0));
      return seconds(style.transitionDuration) > 0.01 || (style.animationName !== "none" && seconds(style.animationDuration) > 0.01);
    }).map((el) => el.className).slice(0, 5));
    assert.deepEqual(moving, [], `${path}: nothing moves with reduced motion`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), "auto");
  }
  const editor = page.locator(".playground .cm-content");
  await editor.waitFor();
  assert.equal(await editor.getAttribute("aria-label"), "Playground code");
  await context.close();
});
