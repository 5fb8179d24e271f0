// Runs that behave like a terminal, in Chromium: Stop ends loops and floods, deep recursion and
// memory bombs are reported, sleeps stream, input() takes typed lines (also in a cross-site
// iframe), and after each of these the next run prints `ok`. While code runs, the page answers
// a click on its controls within 200 ms.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fillEditor, launch, openPage, runInWorkbench, setCode } from "./harness.mjs";

const LESSON = "/lesson/print-and-comments";
/** The bound on how long a click may wait while a program runs. */
const RESPONSIVE_MS = 200;
/** How soon Stop must end any run. */
const STOP_MS = 500;

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

async function lessonPage() {
  const page = await openPage(env.browser, env.base + LESSON);
  await page.locator(".workbench .run-button", { hasText: "Run" }).waitFor({ timeout: 60_000 });
  return page;
}

/** Toggles the sidebar's chapter list and returns how long the page took to answer. */
async function clickLatency(page) {
  const details = page.locator("nav.sidebar details");
  const wasOpen = await details.evaluate((d) => d.open);
  const started = Date.now();
  await page.locator("nav.sidebar summary").click();
  await page.waitForFunction((open) => document.querySelector("nav.sidebar details").open !== open, wasOpen);
  return Date.now() - started;
}

async function assertResponsive(page) {
  const ms = await clickLatency(page);
  assert.ok(ms < RESPONSIVE_MS, `a click was answered after ${ms} ms while code ran`);
}

/** Starts `code` in the workbench without waiting for it to end. */
async function start(page, code) {
  await setCode(page, code);
  await page.locator(".workbench .run-button").click();
  await page.locator(".workbench .run-status", { hasText: /Running|Waiting/ }).waitFor();
}

/** Presses Stop and checks the run ended within STOP_MS. */
async function stop(page) {
  const started = Date.now();
  await page.locator(".workbench .stop-button").click();
  await page.locator(".workbench .run-status", { hasText: "Program stopped" }).waitFor();
  const ms = Date.now() - started;
  assert.ok(ms < STOP_MS, `Stop took ${ms} ms`);
}

async function assertNextRunWorks(page) {
  await setCode(page, "print('ok')\n");
  const result = await runInWorkbench(page, () => page.locator(".workbench .run-button").click(), 60_000);
  assert.equal(result.stdout, "ok\n");
}

test("an endless loop keeps the page responsive and Stop ends it", async () => {
  const page = await lessonPage();
  await start(page, "while True:\n    pass\n");
  await page.waitForTimeout(500);
  await assertResponsive(page);
  await stop(page);
  await assertNextRunWorks(page);
  await page.close();
});

test("a print flood keeps a bounded tail, says so, and Stop ends it", async () => {
  const page = await lessonPage();
  await start(page, "n = 0\nwhile True:\n    n += 1\n    print('line', n)\n");
  await page.locator(".workbench .trimmed").waitFor({ timeout: 30_000 });
  await assertResponsive(page);
  const lines = await page.locator(".workbench .output-text").evaluate((e) => e.textContent.split("\n").length);
  assert.ok(lines <= 5_002, `the panel keeps a bounded tail (${lines} lines)`);
  await stop(page);
  await assertNextRunWorks(page);
  await page.close();
});

test("Ctrl+C in the output panel stops the program", async () => {
  const page = await lessonPage();
  await start(page, "while True:\n    pass\n");
  await page.locator(".workbench .output-text").focus();
  await page.keyboard.press("Control+c");
  await page.locator(".workbench .run-status", { hasText: "Program stopped" }).waitFor();
  await assertNextRunWorks(page);
  await page.close();
});

test("deep recursion raises RecursionError", async () => {
  const page = await lessonPage();
  await setCode(page, "def down(n):\n    return down(n + 1)\n\ndown(0)\n");
  const result = await runInWorkbench(page, () => page.locator(".workbench .run-button").click(), 60_000);
  assert.match(result.errorText, /RecursionError/);
  await assertNextRunWorks(page);
  await page.close();
});

test("memory bombs end with a memory error and Python comes back", async () => {
  const page = await lessonPage();
  const bombs = [
    "x = [0] * 10**9\n",
    "blocks = []\nwhile True:\n    blocks.append(bytearray(10**7))\n",
  ];
  for (const bomb of bombs) {
    await setCode(page, bomb);
    const result = await runInWorkbench(page, () => page.locator(".workbench .run-button").click(), 60_000);
    assert.match(result.errorText, /MemoryError|out of memory/, result.errorText);
    await assertNextRunWorks(page);
  }
  await setCode(page, "x = [0] * 10**10\n"); // beyond what any index can address here
  const result = await runInWorkbench(page, () => page.locator(".workbench .run-button").click(), 60_000);
  assert.match(result.errorText, /far too large/);
  await page.close();
});

test("time.sleep streams lines as they are printed", async () => {
  const page = await lessonPage();
  await page.evaluate(() => {
    window.lineTimes = [];
    const target = document.querySelector(".workbench .output");
    new MutationObserver(() => {
      const text = target.querySelector(".output-text")?.textContent ?? "";
      const count = text.split("\n").length - 1;
      while (window.lineTimes.length < count) window.lineTimes.push(performance.now());
    }).observe(target, { childList: true, subtree: true, characterData: true });
  });
  await setCode(page, "import time\nfor i in range(5):\n    print(i)\n    time.sleep(0.5)\n");
  const result = await runInWorkbench(page, async () => {
    await page.locator(".workbench .run-button").click();
    await page.waitForTimeout(700);
    await assertResponsive(page);
  }, 60_000);
  assert.equal(result.stdout, "0\n1\n2\n3\n4\n");
  const times = await page.evaluate(() => window.lineTimes);
  assert.equal(times.length, 5);
  for (let i = 1; i < times.length; i++) {
    const gap = times[i] - times[i - 1];
    assert.ok(gap > 350, `line ${i} came ${gap.toFixed(0)} ms after the one before`);
  }
  await page.close();
});

/** Types a line into the output panel's input field of `frame` and presses Enter. */
async function typeLine(frame, scope, line) {
  const field = frame.locator(`${scope} .stdin-line`);
  await field.waitFor({ timeout: 60_000 });
  await field.fill(line);
  await field.press("Enter");
  await frame.locator(`${scope} .stdin-line`).waitFor({ state: "detached" }).catch(() => {});
}

test("input() shows its prompt, takes typed lines and echoes them", async () => {
  const page = await lessonPage();
  await setCode(page, "import random\nname = input('Name? ')\nluck = random.randint(1, 10**6)\nage = int(input('Age? '))\nprint(f'{name} will be {age + 1}', luck == luck)\n");
  const result = await runInWorkbench(page, async () => {
    await page.locator(".workbench .run-button").click();
    await typeLine(page, ".workbench", "Ada");
    await page.locator(".workbench .output-text", { hasText: "Age? " }).waitFor();
    await assertResponsive(page);
    await typeLine(page, ".workbench", "36");
  }, 60_000);
  assert.equal(result.stdout, "Name? Ada\nAge? 36\nAda will be 37 True\n");
  await page.close();
});

test("a loop of input() calls can be stopped while it waits", async () => {
  const page = await lessonPage();
  await start(page, "while True:\n    line = input('> ')\n    print('got', line)\n");
  await typeLine(page, ".workbench", "one");
  await typeLine(page, ".workbench", "two");
  await page.locator(".workbench .output-text", { hasText: "got two" }).waitFor();
  await stop(page);
  assert.match(await page.locator(".workbench .output-text").textContent(), /^> one\ngot one\n> two\ngot two\n> $/);
  await assertNextRunWorks(page);
  await page.close();
});

test("input() works in a cross-site iframe", async () => {
  const page = await openPage(env.browser, `${env.base}/no-such-page`);
  const port = new URL(env.base).port;
  await page.setContent(`<iframe src="http://localhost:${port}${LESSON}" style="width:1200px;height:900px"></iframe>`);
  const frame = page.frameLocator("iframe");
  await frame.locator(".workbench .run-button", { hasText: "Run" }).waitFor({ timeout: 60_000 });
  await fillEditor(frame.locator(".workbench"), "name = input('Name? ')\nprint('hello', name)\n");
  await frame.locator(".workbench .run-button").click();
  await typeLine(frame, ".workbench", "Lin");
  await frame.locator(".workbench .output-text", { hasText: "hello Lin" }).waitFor();
  assert.equal(await frame.locator(".workbench .output-text").textContent(), "Name? Lin\nhello Lin\n");
  await page.close();
});
