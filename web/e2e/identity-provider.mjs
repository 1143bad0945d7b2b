// The browser test of signing in through an organisation's identity provider: a second
// `tarjotin serve` on a copy of the demo database, trusting the tests' own OpenID provider
// (the test_oidc_provider program, on loopback under its own certificate authority) for the
// demo coaching unit. A coach clicks the provider's button on the sign-in screen, is signed in
// there without a form, comes back and sees the coach's home; a way back that no sign-in of
// this browser started ends on the sign-in screen saying so, in the reader's language. Every
// screen is scanned with axe-core.
//   BASE_URL=<the demo server> BUILD=<build dir> WORK=<scratch dir> node web/e2e/identity-provider.mjs
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { chromium, request } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const { BASE_URL: demo, BUILD: build, WORK: work, SCREENSHOTS: shots } = process.env;
const password = "tarjotin-demo-2026";
const coach = "valmentaja@kuopio.example";
const children = [];

function stopAll() {
  for (const child of children) child.kill("SIGTERM");
}
process.on("exit", stopAll);

// The demo coach's unit, as the demo server knows it: the organisation the provider signs in for.
async function coachingUnit() {
  const http = await request.newContext({ baseURL: demo, ignoreHTTPSErrors: true });
  const session = await http.post("/v1/sessions", { data: { email: coach, password } });
  assert.equal(session.status(), 201, await session.text());
  const { token } = await session.json();
  const me = await http.get("/v1/sessions/current", { headers: { Authorization: `Bearer ${token}` } });
  const unit = (await me.json()).organisation.id;
  await http.dispose();
  return unit;
}

async function startProvider(redirectUri) {
  const program = `${build}/test_oidc_provider`;
  assert.ok(existsSync(program), `${program} is missing: build the tests (cmake --build ${build})`);
  mkdirSync(`${work}/idp`, { recursive: true });
  const child = spawn(program, ["--dir", `${work}/idp`, "--redirect-uri", redirectUri, "--email", coach,
    "--name", "OMA-valmentaja Ville"], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const [line] = await Promise.race([
    (async () => { for await (const l of createInterface({ input: child.stdout })) return [l]; })(),
    new Promise((_, reject) => setTimeout(() => reject(new Error("the test provider did not start")), 10000)),
  ]);
  return JSON.parse(line);
}

async function startServer(port, issuersFile) {
  const env = {
    ...process.env,
    TARJOTIN_DATABASE_URL: `sqlite://${work}/identity-provider.db`,
    TARJOTIN_DOCUMENTS_DIR: `${work}/identity-provider-documents`,
    TARJOTIN_PORT: String(port),
    TARJOTIN_OIDC_ISSUERS_FILE: issuersFile,
    TARJOTIN_PUBLIC_URL: `https://localhost:${port}`,
  };
  const log = [];
  const child = spawn(`${build}/tarjotin`, ["serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  for (const stream of [child.stdout, child.stderr]) stream.on("data", (d) => log.push(String(d)));
  const http = await request.newContext({ baseURL: `https://localhost:${port}`, ignoreHTTPSErrors: true });
  for (let i = 0; i < 100; ++i) {
    if ((await http.get("/readyz").catch(() => null))?.ok()) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await http.dispose();
  return log;
}

async function scan(page, name) {
  await page.waitForLoadState("networkidle");
  const result = await page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
  }, axeSource);
  assert.deepEqual(result, [], `axe violations on ${name}: ${JSON.stringify(result, null, 1)}`);
}

const port = 20000 + Math.floor(Math.random() * 20000);
const base = `https://localhost:${port}`;
const unit = await coachingUnit();
execFileSync(`${build}/tarjotin`, ["backup", `${work}/identity-provider.db`], { stdio: "ignore" });
const provider = await startProvider(`${base}/v1/identity-providers/callback`);
writeFileSync(`${work}/issuers.json`, JSON.stringify({
  issuers: [{
    id: "testikunta", display_name: "Testikunnan tunnistus", issuer: provider.issuer, client_id: "tarjotin-web",
    discovery: provider.discovery, ca_file: provider.ca_file, organisation_id: unit,
  }],
}));
const serverLog = await startServer(port, `${work}/issuers.json`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
try {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "fi-FI" });
  const page = await context.newPage();
  page.on("pageerror", (e) => { throw new Error(`script error on ${page.url()}: ${e.message}`); });
  await page.goto(`${base}/sign-in`);
  const button = page.getByRole("button", { name: "Kirjaudu: Testikunnan tunnistus" });
  await button.waitFor();
  await scan(page, "public: sign-in with the organisation's identity provider");
  await page.screenshot({ path: `${shots}/sign-in-identity-provider.png`, fullPage: true });
  await button.click();
  // Out to the provider, back through the page that moves on by itself, and home.
  await page.waitForURL(`${base}/coach`);
  await page.getByRole("button", { name: "Kirjaudu ulos" }).waitFor();
  await scan(page, "coach: home after signing in through the identity provider");
  const me = await page.evaluate(async () => (await fetch("/v1/sessions/current")).json());
  assert.equal(me.role, "coach");
  await context.close();

  // A way back that this browser's sign-in did not start, read in Swedish.
  const stranger = await browser.newContext({ ignoreHTTPSErrors: true, locale: "sv-FI" });
  const other = await stranger.newPage();
  await other.goto(`${base}/v1/identity-providers/callback?state=planted&code=planted`);
  await other.waitForURL(/\/sign-in/);
  await other.locator(".error-summary").getByText("Inloggningen misslyckades: den påbörjades inte i den här webbläsaren", { exact: false }).waitFor();
  assert.equal(await other.evaluate(() => document.documentElement.lang), "sv");
  await scan(other, "public: sign-in through the identity provider failed");
  await stranger.close();
  console.log("identity provider sign-in: 3 screens scanned, no axe violations");
} catch (error) {
  console.error(error);
  console.error("--- identity provider's server log\n" + serverLog.join("").split("\n").slice(-40).join("\n"));
  process.exitCode = 1;
} finally {
  await browser.close();
  stopAll();
}
