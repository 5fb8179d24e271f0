// The engine's stdlib acceptance programs, run through the page in Chromium: each must print
// what CPython 3.11 printed (crates/engine/tests/stdlib/<name>.out).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { launch, openPage, setCode, runInWorkbench } from "./harness.mjs";

const DIR = new URL("../../crates/engine/tests/stdlib/", import.meta.url).pathname;
const programs = readdirSync(DIR).filter((f) => f.endsWith(".py")).sort();

let env;
let page;
before(async () => {
  env = await launch();
  page = await openPage(env.browser, `${env.base}/lesson/print-and-comments`);
});
after(async () => { await env.close(); });

for (const file of programs) {
  test(`stdlib program ${file} prints CPython's output`, async () => {
    await setCode(page, readFileSync(DIR + file, "utf8"));
    const result = await runInWorkbench(page, () => page.locator(".workbench .run-button").click());
    assert.equal(result.errorText, null, `no error expected, got: ${result.errorText}`);
    assert.equal(result.stdout, readFileSync(DIR + file.replace(/\.py$/, ".out"), "utf8"));
  });
}
