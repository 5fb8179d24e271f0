// The playground in Chromium: code runs and is kept across reloads; "Share" copies a link that
// round-trips code with non-ASCII characters and quotes; opening it shows the code as a scratch
// that has not run and leaves the saved playground alone until the learner keeps it; too long
// and damaged links say so. Turtle graphics are drawn. Visualise steps through a program:
// shared objects are one box with two arrows, the keys step, an endless loop ends at the limit.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { editorText, launch } from "./harness.mjs";

const KEY = "pylings:progress:v1";
const SHARED = "# Grüße, Zoë — 🐍\nquote = \"it's \\\"quoted\\\"\"\nprint(quote, 'naïve' + \"!\")\n";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

/** A fresh browser context (own storage) that may use the clipboard. */
async function newContext() {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.base });
  return context;
}

async function openPlayground(context, hash = "") {
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (error) => page.problems.push(`pageerror: ${error.message}`));
  await page.goto(`${env.base}/playground${hash}`);
  await page.locator(".playground .cm-content").waitFor();
  return page;
}

/** Replaces the playground's code. */
async function setCode(page, code) {
  await page.locator(".playground .cm-content").fill(code);
  assert.equal(await editorText(page, ".playground"), code);
}

/** The playground code saved in localStorage, if any. */
function savedCode(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}")?.lessons?.playground?.code?.code?.code, KEY);
}

/** Clicks the playground's `button` and waits for the run it starts to finish. */
async function press(page, button, timeout = 30_000) {
  const output = page.locator(".playground .output");
  const before = Number(await output.getAttribute("data-finished"));
  await page.locator(`.playground ${button}`).click();
  await page.waitForFunction(
    (count) => Number(document.querySelector(".playground .output").dataset.finished) > count,
    before,
    { timeout },
  );
}

async function run(page) {
  await press(page, ".run-button");
  return page.locator(".playground .output-text").textContent();
}

test("the playground runs code and keeps it across a reload", async () => {
  const context = await newContext();
  const page = await openPlayground(context);
  assert.match(await page.title(), /^Playground · Pylings$/);
  assert.equal(await page.locator(".site-nav a", { hasText: "Playground" }).getAttribute("aria-current"), "page");
  await setCode(page, "for i in range(3):\n    print(i * 'ab')\n");
  assert.equal(await run(page), "\nab\nabab\n");
  await page.waitForTimeout(800); // autosave
  await page.reload();
  await page.locator(".playground .cm-content").waitFor();
  assert.equal(await editorText(page, ".playground"), "for i in range(3):\n    print(i * 'ab')\n");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("a share link round-trips unicode and quotes, never runs by itself, and keeps the saved code", async () => {
  const context = await newContext();
  const page = await openPlayground(context);
  await setCode(page, SHARED);
  await page.locator(".share-button").click();
  const link = page.locator(".share-link");
  await link.waitFor();
  await page.locator(".share-result", { hasText: "Link copied" }).waitFor();
  const url = await link.inputValue();
  assert.match(url, /\/playground\/?#code=[A-Za-z0-9_-]+$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url, "the link is on the clipboard");

  // The learner's own code is something else by the time the link is opened.
  const mine = "print('my own code')\n";
  await setCode(page, mine);
  await page.waitForTimeout(800);
  assert.equal(await savedCode(page), mine);

  const opened = await context.newPage();
  opened.problems = [];
  opened.on("pageerror", (error) => opened.problems.push(error.message));
  await opened.goto(url);
  await opened.locator(".shared-banner").waitFor();
  assert.equal(await editorText(opened, ".playground"), SHARED, "the shared code arrives intact");
  await opened.waitForTimeout(500);
  assert.equal(await opened.locator(".playground .output").getAttribute("data-finished"), "0", "nothing ran");
  assert.equal(await opened.locator(".playground .output-text").textContent(), "");
  await opened.locator(".playground .cm-content").press("End");
  await opened.keyboard.type("# an edit to the scratch");
  await opened.waitForTimeout(800);
  assert.equal(await savedCode(opened), mine, "the saved playground is untouched");

  assert.equal(await run(opened), "it's \"quoted\" naïve!\n", "Run runs it");

  await opened.locator(".shared-banner button", { hasText: "Back to my code" }).click();
  assert.equal(await editorText(opened, ".playground"), mine);
  assert.equal(new URL(opened.url()).hash, "", "the link's fragment is dropped");
  assert.equal(await opened.locator(".shared-banner").count(), 0);

  // Opened again and kept: the learner is asked first.
  await opened.goto(url);
  await opened.locator(".shared-banner").waitFor();
  const asked = [];
  opened.once("dialog", (dialog) => { asked.push(dialog.message()); dialog.accept(); });
  await opened.locator(".shared-banner button", { hasText: "Keep as my playground code" }).click();
  await opened.locator(".playground-notice", { hasText: "now your playground code" }).waitFor();
  assert.match(asked[0], /Replace your saved playground code/);
  await opened.waitForTimeout(800);
  assert.equal(await savedCode(opened), SHARED);
  assert.deepEqual(opened.problems, []);
  await context.close();
});

test("code too long for a link gets a clear message; a damaged link says so", async () => {
  const context = await newContext();
  const page = await openPlayground(context);
  // Random names compress badly: well over 8 KB as a link.
  const lines = Array.from({ length: 600 }, (_, i) =>
    `v${i}_${Math.random().toString(36).slice(2)} = "${Math.random().toString(36).slice(2)}"`);
  await page.locator(".playground .cm-content").fill(lines.join("\n"));
  await page.locator(".share-button").click();
  const message = page.locator(".share-too-long");
  await message.waitFor();
  assert.match(await message.textContent(), /too long to share as a link/);
  assert.equal(await page.locator(".share-link").count(), 0);

  const damaged = await context.newPage();
  await damaged.goto(`${env.base}/playground#code=%%%not-a-link`);
  await damaged.locator(".playground-notice", { hasText: "incomplete or damaged" }).waitFor();
  assert.equal(await damaged.locator(".shared-banner").count(), 0);
  await context.close();
});

test("a share link opens, and runs, even when the editor cannot be loaded", async () => {
  // Issue 15: the link codec used to live in the editor bundle, so without it the shared code
  // could not be opened. This link was made by that codec (lz-string 1.5 in JavaScript).
  const context = await newContext();
  await context.route(/\/editor\/codemirror-[^/]*\.js$/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${env.base}/playground#code=A4JwlgdgLgFA5ACQKYBsUHsA0ACA7ukFAEwEI4BKAKCAAA`);
  await page.locator(".shared-banner").waitFor();
  const fallback = page.locator(".playground textarea.fallback-editor");
  assert.equal(await fallback.inputValue(), "print('Hello, world!')\n");
  assert.equal(await page.locator(".playground .cm-content").count(), 0, "CodeMirror never loaded");
  assert.equal(await run(page), "Hello, world!\n");
  await context.close();
});

/** The colour of the drawing canvas at turtle coordinates (x, y), as [r, g, b, a]. */
function pixelAt(page, x, y) {
  return page.locator(".playground .drawing-canvas").evaluate((canvas, [x, y]) => {
    const scale = canvas.width / 400;
    const data = canvas.getContext("2d").getImageData((200 + x) * scale, (200 - y) * scale, 1, 1).data;
    return [...data];
  }, [x, y]);
}

test("turtle graphics: a red square is drawn in the output, downloads as SVG, and the page stays responsive for 10,000 segments", async () => {
  const context = await newContext();
  const page = await openPlayground(context);
  await setCode(page, [
    "import turtle",
    "t = turtle.Turtle()",
    "t.speed(0)",
    "t.pencolor('red')",
    "t.pensize(5)",
    "for side in range(4):",
    "    t.forward(100)",
    "    t.left(90)",
    "t.hideturtle()",
    "print(t.position())",
    "",
  ].join("\n"));
  await run(page);
  const canvas = page.locator(".playground .drawing-canvas");
  await canvas.waitFor();
  await page.waitForFunction(() => /4 lines/.test(document.querySelector(".playground .drawing-canvas")?.getAttribute("aria-label")));
  for (const [x, y] of [[50, 0], [100, 50], [50, 100], [0, 50]]) {
    const [r, g, b] = await pixelAt(page, x, y);
    assert.ok(r > 200 && g < 60 && b < 60, `red at (${x}, ${y}): ${[r, g, b]}`);
  }
  const middle = await pixelAt(page, 50, 50);
  assert.equal(middle[3], 0, `nothing is painted inside the square: ${middle}`);

  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download SVG" }).click()]);
  assert.equal(svg.suggestedFilename(), "turtle-drawing.svg");
  const text = await (await import("node:fs/promises")).readFile(await svg.path(), "utf8");
  assert.equal((text.match(/<line /g) ?? []).length, 4);
  assert.match(text, /stroke="#ff0000"/);

  // 10,000 segments at speed(0): drawn, while the page keeps answering.
  await setCode(page, "import turtle\nturtle.speed(0)\nfor i in range(10000):\n    turtle.forward(1 + i % 200)\n    turtle.left(61)\nprint('done')\n");
  const started = await page.evaluate(() => {
    window.frames_seen = 0;
    const count = () => { window.frames_seen += 1; requestAnimationFrame(count); };
    requestAnimationFrame(count);
    return performance.now();
  });
  assert.equal(await run(page), "done\n");
  await page.waitForFunction(() => /10000 lines/.test(document.querySelector(".playground .drawing-canvas")?.getAttribute("aria-label")), null, { timeout: 30_000 });
  const { frames, ms } = await page.evaluate((started) => ({ frames: window.frames_seen, ms: performance.now() - started }), started);
  assert.ok(frames > ms / 1000, `the page kept drawing frames: ${frames} in ${Math.round(ms)} ms`);
  // The next run clears the drawing while its animation may still be asking for frames.
  await setCode(page, "print('after')\n");
  assert.equal(await run(page), "after\n");
  assert.deepEqual(page.problems, []);
  await context.close();
});

/** Presses Visualise and waits for the visualiser of the new recording. */
async function visualise(page) {
  await press(page, ".visualise-button", 60_000);
  await page.locator(".playground .visualiser").waitFor();
}

const position = (page) => page.locator(".playground .viz-position").textContent();

test("Visualise: two names for one list draw one box with two arrows, and the keys step", async () => {
  const context = await newContext();
  const page = await openPlayground(context);
  await setCode(page, "a = [1, 2]\nb = a\nb.append(3)\nc = [1, 2, 3]\nprint(a)\n");
  await visualise(page);
  assert.equal(await position(page), "Step 1 of 6");
  // The visualiser has the focus: the keys step at once.
  await page.keyboard.press("End");
  assert.equal(await position(page), "Step 6 of 6");
  const lists = page.locator(".playground .viz-object");
  assert.equal(await lists.count(), 2, "a's list and c's equal list");
  assert.equal(await page.locator(".playground .viz-arrow").count(), 3, "a and b share one arrowhead target, c has its own");
  const targets = await page.locator(".playground .viz-svg").evaluate((svg) => {
    const boxes = [...svg.querySelectorAll(".viz-object")].map((box) => box.getBoundingClientRect());
    return [...svg.querySelectorAll(".viz-arrow")].map((arrow) => {
      const end = arrow.getPointAtLength(arrow.getTotalLength());
      const point = new DOMPoint(end.x, end.y).matrixTransform(arrow.getScreenCTM());
      return boxes.findIndex((box) => Math.abs(point.x - box.left) < 3 || Math.abs(point.x - box.right) < 3);
    });
  });
  assert.deepEqual(targets.slice(0, 2), [0, 0], `a and b point at the first list: ${targets}`);
  assert.equal(await page.locator(".playground .viz-output .output-text").textContent(), "[1, 2, 3]\n");
  assert.match(await page.locator(".playground .viz-svg").getAttribute("aria-label"), /a → list #1, b → list #1, c → list #2/);

  await page.keyboard.press("ArrowLeft");
  assert.equal(await position(page), "Step 5 of 6");
  assert.equal(await page.locator(".playground .viz-output .output-text").textContent(), "");
  assert.match(await page.locator(".playground .viz-announcement").textContent(), /^Step 5 of 6, next line 5/);
  await page.keyboard.press("Home");
  assert.equal(await position(page), "Step 1 of 6");
  assert.equal(await page.locator(".playground .viz-code li.next").textContent(), "➜1a = [1, 2]");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await position(page), "Step 3 of 6");
  assert.equal(await page.locator(".playground .viz-code li.next .viz-line-number").textContent(), "3");
  assert.equal(await page.locator(".playground .viz-code li.done .viz-line-number").textContent(), "2");
  // Run goes back to plain output.
  assert.equal(await run(page), "[1, 2, 3]\n");
  assert.equal(await page.locator(".playground .visualiser").count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("Visualise: an endless loop ends at 1,000 steps, says so, input() asks, and an error is the last step", async () => {
  const context = await newContext();
  const page = await openPlayground(context);
  await setCode(page, "while True:\n    x = 1\n");
  await visualise(page);
  assert.equal(await position(page), "Step 1 of 1000");
  await page.locator(".playground .viz-notice", { hasText: "The program ran past 1,000 steps: showing the first 1,000." }).waitFor();
  // input() asks as in a run; the recording replays the answer and shows it in the output.
  await setCode(page, "name = input('Name? ')\nprint('hi', name)\n");
  await page.locator(".playground .visualise-button").click();
  await page.locator(".playground .stdin-line").fill("Ada");
  await page.locator(".playground .stdin-line").press("Enter");
  await page.locator(".playground .viz-svg").waitFor({ timeout: 30_000 });
  await page.keyboard.press("End");
  assert.equal(await page.locator(".playground .viz-output .output-text").textContent(), "Name? Ada\nhi Ada\n");
  assert.match(await page.locator(".playground .viz-svg").getAttribute("aria-label"), /name = 'Ada'/);
  await setCode(page, "def inner():\n    return 1 / 0\ninner()\n");
  await visualise(page);
  assert.equal(await page.locator(".playground .visualiser .error").count(), 0, "the error waits for the last step");
  await page.keyboard.press("End");
  await page.locator(".playground .visualiser .error .error-kind", { hasText: "ZeroDivisionError" }).waitFor();
  assert.ok(await page.locator(".playground .visualiser .explanation").count() === 1, "explained");
  assert.deepEqual(page.problems, []);
  await context.close();
});
