// The code editor (CodeMirror 6) in Chromium: it replaces the stand-in textarea after the lesson
// text (keeping what was typed there, the selection and the focus), highlights Python with the lesson palette, indents after a `def` line, indents and
// dedents with Tab and Shift+Tab, closes brackets, runs on Ctrl+Enter, marks the line of an
// error until the next edit, and lets a keyboard user in and out (Escape, then Tab).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { editorText, launch, openPage } from "./harness.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

/** Opens `path`, waits for CodeMirror in `scope`, empties it and leaves the cursor in it. */
async function emptyEditor(page, scope) {
  const content = page.locator(`${scope} .cm-content`);
  await content.waitFor();
  await content.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  assert.equal(await editorText(page, scope), "");
  return content;
}

test("what is typed and selected in the stand-in textarea carries over when CodeMirror takes its place", async () => {
  const page = await env.browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // CodeMirror's bundle is held back until the textarea has been typed in.
  let release;
  const held = new Promise((done) => { release = done; });
  await page.route(/\/editor\/codemirror-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${env.base}/lesson/print-and-comments`);
  const area = page.locator(".workbench textarea.fallback-editor");
  await area.fill("print('typed before the editor loaded')\n");
  await area.evaluate((textarea) => {
    textarea.focus();
    textarea.setSelectionRange(6, 12); // 'typed
  });
  release();
  await page.locator(".workbench .cm-content").waitFor();
  await page.keyboard.type("X"); // replaces the selection, in CodeMirror, which took the focus
  assert.equal(await editorText(page, ".workbench"), "print(X before the editor loaded')\n");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the lesson editor is CodeMirror, loaded after the text, highlighted like the lesson", async () => {
  const page = await openPage(env.browser, `${env.base}/lesson/print-and-comments`);
  await page.locator("article.lesson h1").waitFor();
  const content = page.locator(".workbench .cm-content");
  await content.waitFor();
  assert.equal(await page.locator(".workbench textarea").count(), 0, "the stand-in textarea is gone");
  assert.equal(await content.getAttribute("aria-label"), "Python code");
  const hint = await page.locator(`#${await content.getAttribute("aria-describedby")}`).textContent();
  assert.match(hint, /Escape, then Tab/);
  assert.ok(await page.locator(".workbench .cm-lineNumbers .cm-gutterElement").count() > 1, "line numbers");
  await page.locator(".workbench .cm-line .hl-builtin", { hasText: "print" }).first().waitFor();
  assert.ok(await page.locator(".workbench .cm-line .hl-string").count() > 0, "strings use the lesson palette");
  const [editorColor, lessonColor] = await page.evaluate(() => [
    getComputedStyle(document.querySelector(".workbench .hl-builtin")).color,
    getComputedStyle(document.querySelector("pre.code .hl-builtin")).color,
  ]);
  assert.equal(editorColor, lessonColor, "the editor and the lesson's code blocks share colours");
  const fontSize = await content.evaluate((element) => getComputedStyle(element).fontSize);
  assert.equal(fontSize, "16px", "16px text: phones do not zoom in on focus");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("Enter after a def line indents; Tab and Shift+Tab indent and dedent; brackets close", async () => {
  const page = await openPage(env.browser, `${env.base}/lesson/print-and-comments`);
  await emptyEditor(page, ".workbench");
  await page.keyboard.type("def greet(name):");
  await page.keyboard.press("Enter");
  await page.keyboard.type("return name");
  assert.equal(await editorText(page, ".workbench"), "def greet(name):\n    return name");

  await page.keyboard.press("Enter");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.type("print(greet(\"Ada");
  assert.equal(
    await editorText(page, ".workbench"),
    "def greet(name):\n    return name\nprint(greet(\"Ada\"))",
    "Shift+Tab dedents, and brackets and quotes close themselves",
  );

  await page.keyboard.press("Home");
  await page.keyboard.press("Tab");
  assert.equal((await editorText(page, ".workbench")).split("\n")[2], "    print(greet(\"Ada\"))", "Tab indents four spaces");
  await page.keyboard.press("Shift+Tab");
  assert.equal((await editorText(page, ".workbench")).split("\n")[2], "print(greet(\"Ada\"))");

  await page.waitForTimeout(600); // a pause starts a new undo step
  await page.keyboard.type("# ");
  assert.equal((await editorText(page, ".workbench")).split("\n")[2], "# print(greet(\"Ada\"))");
  await page.keyboard.press("Control+z");
  assert.equal((await editorText(page, ".workbench")).split("\n")[2], "print(greet(\"Ada\"))", "undo");
  await page.keyboard.press("Control+y");
  assert.equal((await editorText(page, ".workbench")).split("\n")[2], "# print(greet(\"Ada\"))", "redo");

  await page.keyboard.press("Control+f");
  await page.locator(".workbench .cm-search input[name=search]").waitFor();
  await page.keyboard.press("Escape");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("Ctrl+Enter runs; an error marks its line until the code is edited", async () => {
  const page = await openPage(env.browser, `${env.base}/playground`);
  await emptyEditor(page, ".playground");
  await page.keyboard.type("total = 1\nprint(totl)\n");
  const output = page.locator(".playground .output");
  const before = Number(await output.getAttribute("data-finished"));
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(
    (count) => Number(document.querySelector(".playground .output").dataset.finished) > count,
    before,
    { timeout: 30_000 },
  );
  assert.match(await page.locator(".playground .error").textContent(), /NameError/);
  const marked = page.locator(".playground .cm-errorLine");
  await marked.waitFor();
  assert.equal(await marked.count(), 1);
  assert.equal(await marked.textContent(), "print(totl)", "the error's line is marked");
  assert.equal(await page.locator(".playground .cm-errorLineGutter").textContent(), "2");

  await page.keyboard.press("Backspace");
  await marked.waitFor({ state: "detached" });
  assert.equal(await page.locator(".playground .cm-errorLine").count(), 0, "an edit clears the mark");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("keyboard only: Tab into the editor, Tab stays in it, Escape then Tab leaves it", async () => {
  const page = await openPage(env.browser, `${env.base}/playground`);
  await page.locator(".playground .cm-content").waitFor();
  await page.locator(".site-nav a", { hasText: "Playground" }).focus();
  const active = () => page.evaluate(() => {
    const element = document.activeElement;
    return element.classList.contains("cm-content") ? "editor" : element.textContent.trim();
  });
  for (let i = 0; i < 6 && (await active()) !== "editor"; i++) await page.keyboard.press("Tab");
  assert.equal(await active(), "editor", "Tab reaches the editor");

  await page.keyboard.press("Control+End");
  await page.keyboard.press("Tab");
  assert.equal(await active(), "editor", "Tab indents instead of leaving");
  assert.match(await editorText(page, ".playground"), / {4}$/);

  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  assert.match(await active(), /Run|Loading Python/, "Escape, then Tab, moves on to the Run button");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await active(), "editor", "Shift+Tab comes back into the editor");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Shift+Tab");
  assert.notEqual(await active(), "editor", "Escape, then Shift+Tab, leaves backwards");
  await page.close();
});
