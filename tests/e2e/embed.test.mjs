// Static hosting and embedding, in Chromium: dist/ served under a sub-path opens deep links
// directly and after a reload; the example host page on one origin embeds a lesson from
// another, sizes it, receives its events and drives it; commands from an origin the embed URL
// does not name are refused; a sandboxed iframe without storage still runs code, imports
// stdlib modules fetched on demand and visualises.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { DIST, EXERCISE, fillEditor, launch, openPage } from "./harness.mjs";
import { startServer } from "./static-server.mjs";

const DOCS = new URL("../../docs", import.meta.url).pathname;
const PREFIX = "/any/sub/path/";

let env;
let subPath;
let docs;
before(async () => {
  env = await launch();
  subPath = await startServer(DIST, 0, { prefix: PREFIX });
  docs = await startServer(DOCS, 0);
});
after(async () => {
  await new Promise((done) => subPath.close(done));
  await new Promise((done) => docs.close(done));
  await env.close();
});

const port = (server) => server.address().port;

test("under a sub-path, deep links open directly, after a reload, and by navigation", async () => {
  const root = `http://127.0.0.1:${port(subPath)}${PREFIX}`;
  const page = await openPage(env.browser, `${root}lesson/loops/`);
  await page.locator("article.lesson h1").waitFor();
  const title = await page.locator("article.lesson h1").textContent();
  await page.reload();
  assert.equal(await page.locator("article.lesson h1").textContent(), title);
  await page.locator(".pager a.next").click();
  await page.waitForURL((url) => url.pathname.startsWith(PREFIX + "lesson/") && !url.pathname.endsWith("/loops/"));
  await page.reload();
  await page.locator("article.lesson h1").waitFor();
  await page.goto(`${root}lesson/loops`); // without the slash: the host redirects
  await page.locator("article.lesson h1", { hasText: title }).waitFor();
  await page.locator("header a.brand").click();
  await page.waitForURL((url) => url.href === root || url.href === root.slice(0, -1));
  await page.locator(".chapter-card").first().waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** The example host page on 127.0.0.1 embedding `embed` from the app on localhost. */
async function hostPage(embed) {
  const app = `http://localhost:${env.base.split(":").pop()}/`;
  const url = `http://127.0.0.1:${port(docs)}/embed-example.html?pylings=${encodeURIComponent(app)}&embed=${encodeURIComponent(embed)}`;
  const page = await openPage(env.browser, url);
  return page;
}

async function received(page, type, count = 1) {
  await page.waitForFunction(
    ([type, count]) => window.received.filter((m) => m.type === type).length >= count,
    [type, count],
    { timeout: 60_000 },
  );
  return page.evaluate((type) => window.received.filter((m) => m.type === type), type);
}

test("the example host page receives events and drives an embedded lesson", async () => {
  const page = await hostPage("embed/lesson/loops/");
  const [ready] = await received(page, "ready");
  assert.equal(ready.version, 1);
  assert.equal(ready.payload.view, "lesson");
  const [resize] = await received(page, "resize");
  assert.ok(resize.payload.height > 300, `height ${resize.payload.height}`);
  await page.waitForFunction(() => Number(document.getElementById("pylings").height) > 400);

  const frame = page.frameLocator("#pylings");
  assert.equal(await frame.locator(".site-header").count(), 0, "no site chrome in an embed");
  const question = frame.locator("fieldset.question").first();
  await question.locator("label.answer").first().click();
  await question.locator(".check-button").click();
  const [answered] = await received(page, "quiz-answered");
  assert.equal(answered.payload.question, 0);
  assert.equal(typeof answered.payload.correct, "boolean");
  const [progress] = await received(page, "progress");
  assert.equal(progress.payload.record.quiz["0"].attempts, 1);

  await frame.locator(".exercise .run-button").first().waitFor();
  await page.locator("#set-code").click();
  await page.locator("#run").click();
  const [run] = await received(page, "run");
  assert.equal(run.payload.status, "ok");
  assert.match(await frame.locator(".exercise .output-text").textContent(), /hello 2/);

  await page.locator("#get-progress").click();
  await received(page, "progress", 2);
  await page.close();
});

test("commands from an origin the embed URL does not name are refused", async () => {
  // The embed names 127.0.0.1:<docs port> as its parent; this host page is on localhost.
  const page = await openPage(env.browser, `http://localhost:${port(docs)}/no-such-page`);
  const app = `http://localhost:${env.base.split(":").pop()}`;
  const named = encodeURIComponent(`http://127.0.0.1:${port(docs)}`);
  await page.setContent(`<iframe id="f" src="${app}/embed/editor/?code=print(1)&parent=${named}" style="width:800px;height:600px"></iframe>`);
  const frame = page.frameLocator("#f");
  await frame.locator(".output").waitFor();
  await frame.locator(".run-button", { hasText: "Run" }).waitFor({ timeout: 60_000 });
  await page.evaluate((origin) => {
    const target = document.getElementById("f").contentWindow;
    target.postMessage({ source: "pylings", version: 1, type: "set-code", payload: { code: "print('hijacked')" } }, origin);
    target.postMessage({ source: "pylings", version: 1, type: "run", payload: {} }, origin);
  }, app);
  await page.waitForTimeout(1500);
  assert.equal(await frame.locator(".output").getAttribute("data-finished"), "0", "nothing ran");
  assert.equal(await frame.locator(".output-text").textContent(), "");
  await page.close();
});

test("a sandboxed iframe without storage still runs Python, fetches stdlib modules and visualises", async () => {
  // The worker starts from a blob: there, so the stdlib bundles' URL comes from the page.
  const page = await openPage(env.browser, `${env.base}/no-such-page`);
  const code = "import json, fractions\nprint(json.dumps([6 * 7]), fractions.Fraction(2, 4))";
  await page.setContent(`<iframe sandbox="allow-scripts" src="${env.base}/embed/editor/?code=${encodeURIComponent(code)}" style="width:800px;height:600px"></iframe>`);
  const frame = page.frameLocator("iframe");
  await frame.locator(".run-button", { hasText: "Run" }).waitFor({ timeout: 60_000 });
  await frame.locator(".run-button").click();
  await frame.locator(".output-text", { hasText: "[42] 1/2" }).waitFor({ timeout: 60_000 });
  await frame.locator(".visualise-button").click();
  await frame.locator(".viz-position", { hasText: "Step 1 of 3" }).waitFor({ timeout: 30_000 });
  await frame.locator(".visualiser").press("End");
  await frame.locator(".viz-output .output-text", { hasText: "[42] 1/2" }).waitFor();
  assert.equal(await frame.locator(".viz-object .viz-title", { hasText: "module json" }).count(), 1);
  await page.close();
});

test("an embedded exercise counts one attempt per check, however often its progress changes", async () => {
  // Issue 15: the check was recorded by an effect that also read the progress, so every later
  // change (each autosave of the code) counted another attempt and sent exercise-passed again.
  const page = await openPage(env.browser, `http://127.0.0.1:${port(docs)}/no-such-page`);
  const app = `http://localhost:${env.base.split(":").pop()}`;
  const named = encodeURIComponent(`http://127.0.0.1:${port(docs)}`);
  await page.setContent(`<script>window.received = []; addEventListener("message", (e) => received.push(e.data));</script>
    <iframe id="f" src="${app}/embed/exercise/${EXERCISE.slug}/?parent=${named}" style="width:900px;height:900px"></iframe>`);
  const frame = page.frameLocator("#f");
  const progressWhere = (test) => page.waitForFunction(
    (test) => window.received.some((m) => m.type === "progress" && new Function("r", `return ${test}`)(m.payload.record)),
    test, { timeout: 60_000 });
  const check = () => frame.locator(".exercise .run-button", { hasText: "Check my code" }).click();
  const edit = async (code) => {
    await fillEditor(frame.locator(".exercise").first(), code);
    await progressWhere(`r && r.code.exercise && r.code.exercise.code === ${JSON.stringify(code)}`);
  };

  await frame.locator(".exercise .run-button", { hasText: "Check my code" }).waitFor();
  await check();
  await frame.locator(".check-summary").waitFor({ timeout: 60_000 });
  await progressWhere("r && r.exercise && r.exercise.attempts === 1");
  await edit(EXERCISE.solution());
  await edit(`${EXERCISE.solution()}\n`);
  let last = await page.evaluate(() => window.received.filter((m) => m.type === "progress").at(-1).payload.record);
  assert.equal(last.exercise.attempts, 1, "autosaves are not checks");
  assert.equal(last.exercise.passed, false);

  await check();
  await frame.locator(".check-summary", { hasText: "All checks passed" }).waitFor({ timeout: 60_000 });
  await progressWhere("r && r.exercise && r.exercise.passed && r.exercise.attempts === 2");
  await edit(`${EXERCISE.solution()}# done\n`);
  last = await page.evaluate(() => window.received.filter((m) => m.type === "progress").at(-1).payload.record);
  assert.equal(last.exercise.attempts, 2, "still one attempt per check");
  assert.equal(last.exercise.solution_revealed, false, "the solution does not unlock by itself");
  const passed = await page.evaluate(() => window.received.filter((m) => m.type === "exercise-passed").length);
  assert.equal(passed, 1, "exercise-passed is sent once, for the one passing check");
  await frame.locator(".show-solution").waitFor();
  await page.close();
});
