// Shared set-up for the browser tests: serves dist/ and drives Debian's Chromium with
// playwright-core (never a downloaded browser).
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { startServer } from "./static-server.mjs";

export const DIST = process.env.PYLINGS_DIST ?? new URL("../../dist", import.meta.url).pathname;

export const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Starts a server for dist/ and a browser; returns { base, browser, server, close() }. */
export async function launch() {
  const server = await startServer(DIST, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
  return {
    base,
    browser,
    server,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** A new page that records console errors and uncaught exceptions into `page.problems`. */
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  page.problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") page.problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => page.problems.push(`pageerror: ${error.message}`));
  await page.goto(url);
  return page;
}

/** Replaces the code of the editor inside `scope` (a locator: the workbench, an exercise) once
 *  CodeMirror has taken over from the stand-in textarea: text typed during that swap would
 *  race it. */
export async function fillEditor(scope, code) {
  const content = scope.locator(".cm-content");
  await content.waitFor({ timeout: 60_000 });
  await content.fill(code);
}

/** Replaces the text of the lesson's editor. */
export async function setCode(page, code) {
  await fillEditor(page.locator(".workbench"), code);
}

/** Runs `action` (a click, a key press) and waits for the workbench's next run to finish;
 *  returns { stdout, status, errorText }. */
export async function runInWorkbench(page, action, timeout = 30_000) {
  const output = page.locator(".workbench .output");
  const before = Number(await output.getAttribute("data-finished"));
  await action();
  await page.waitForFunction(
    (count) => Number(document.querySelector(".workbench .output").dataset.finished) > count,
    before,
    { timeout },
  );
  return page.evaluate(() => ({
    stdout: document.querySelector(".workbench .output-text").textContent,
    status: document.querySelector(".workbench .run-status").textContent,
    errorText: document.querySelector(".workbench .error")?.textContent ?? null,
  }));
}

/** The text of the code editor inside `scope` (e.g. ".workbench"), once CodeMirror has loaded. */
export async function editorText(page, scope) {
  const content = page.locator(`${scope} .cm-content`);
  await content.waitFor();
  return content.evaluate((element) =>
    [...element.querySelectorAll(".cm-line")].map((line) => line.textContent).join("\n"));
}

/** The reference solution of the lesson file `path` (under content/): the first ```py block
 *  after `# --solutions--`. */
export function solutionOf(path) {
  const text = readFileSync(new URL(`../../content/${path}`, import.meta.url), "utf8");
  const after = text.slice(text.indexOf("# --solutions--"));
  return after.match(/```py\n([\s\S]*?)```/)[1];
}

/** The lesson whose exercise most tests solve, and its reference solution. */
export const EXERCISE = {
  slug: "functions",
  solution: () => solutionOf("04-functions/01-functions.md"),
};
