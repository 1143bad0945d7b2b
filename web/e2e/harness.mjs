// What every browser test file shares: chromium through Playwright, a page per person (errors
// in the page fail the test), an axe-core scan of a screen for WCAG 2.1 A/AA that must find
// nothing, screenshots, and signing in. BASE_URL and SCREENSHOTS come from run.sh.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const base = process.env.BASE_URL;
export const shots = process.env.SCREENSHOTS;
export const password = "tarjotin-demo-2026";
export const scans = [];

export const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
});

// On a failure, a picture of every open page says more than the stack trace.
process.on("uncaughtException", async (error) => {
  console.error(error);
  let n = 0;
  for (const context of browser.contexts())
    for (const page of context.pages())
      await page.screenshot({ path: `${shots}/failure-${++n}.png`, fullPage: true }).catch(() => {});
  console.error(`screenshots of the ${n} open pages: ${shots}/failure-*.png`);
  await browser.close().catch(() => {});
  process.exit(1);
});

export async function newPage(options = {}) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "fi-FI", ...options });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw new Error(`script error on ${page.url()}: ${e.message}`);
  });
  page.on("console", (m) => {
    // Refusals the walks provoke on purpose show as failed loads; anything else is reported.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) console.error(`browser console on ${page.url()}: ${m.text()}`);
  });
  page.on("requestfailed", (r) => {
    // A page left while its data loads cancels the request (ERR_ABORTED); that is no fault.
    if (r.failure()?.errorText !== "net::ERR_ABORTED") console.error(`request failed: ${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
  });
  return page;
}

// axe runs through the DevTools protocol, so the page's own Content-Security-Policy (no inline
// script) stays on while it is scanned.
export async function scan(page, name) {
  await page.waitForLoadState("networkidle");
  const result = await page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
  }, axeSource);
  scans.push({ name, violations: result.length });
  assert.deepEqual(result, [], `axe violations on ${name}: ${JSON.stringify(result, null, 1)}`);
}

export async function shot(page, name) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

export async function signIn(page, email) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Sähköposti").fill(email);
  await page.getByLabel("Salasana").fill(password);
  await page.getByRole("button", { name: "Kirjaudu sisään" }).click();
  await page.getByRole("button", { name: "Kirjaudu ulos" }).waitFor();
}

export async function api(page, path) {
  return page.evaluate(async (p) => (await fetch(p)).json(), path);
}
