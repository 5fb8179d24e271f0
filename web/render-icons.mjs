// Renders the PNG icons of web/icons/ from the SVGs there, in Chromium (run once after changing an
// SVG, then commit the PNGs): `node web/render-icons.mjs`. Installed apps need PNGs at 192 and
// 512 px; the maskable one keeps its mark inside the middle 80 % that every mask shows.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const here = new URL("icons/", import.meta.url).pathname;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
for (const [svg, size, png] of [["icon.svg", 192, "icon-192.png"], ["icon.svg", 512, "icon-512.png"], ["maskable.svg", 512, "maskable-512.png"]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const markup = readFileSync(here + svg, "utf8").replace("<svg ", `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${markup}</body></html>`);
  await page.screenshot({ path: here + png, omitBackground: true });
  await page.close();
}
await browser.close();
