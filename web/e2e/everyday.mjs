// Each person's everyday screens in their own words and at their own width: a refusal said in
// Finnish and in Swedish and naming the field; languages and municipalities by name on the
// choice screen, in all three languages; the provider accepting a new order from its inbox row;
// the customer's feedback page on a 320-pixel-wide phone (what 400 % zoom gives on a desktop)
// without sideways scrolling, in fi, sv and en. Runs after walks.mjs on the same demo data; the
// main screens are photographed at 1280 px and at phone width.
import assert from "node:assert/strict";
import { base, browser, newPage, password, scan, scans, shot, signIn } from "./harness.mjs";

// Not emulated as a mobile browser, which would widen its layout viewport to fit a page that
// overflows and so hide the overflow from innerWidth.
const phone = { viewport: { width: 320, height: 640 }, hasTouch: true };

async function noSidewaysScroll(page, what) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scrollWidth <= innerWidth, `${what}: the page is ${scrollWidth} px wide in a ${innerWidth} px window`);
}

// A Finnish business ID with a valid check digit built from seven digits.
function businessId(digits) {
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * [7, 9, 10, 5, 8, 4, 2][i], 0);
  const r = sum % 11;
  return r === 1 ? null : `${digits}-${r === 0 ? 0 : 11 - r}`;
}

// ---- a refusal in the reader's language, naming the field: in Finnish, then the same page
// switched to Swedish; a refusal that names no field, by its code
{
  const page = await newPage();
  await page.goto(base + "/register");
  await page.getByLabel("Yrityksen nimi").fill("Sanat Valmennus Oy");
  await page.getByLabel("Y-tunnus").fill("1234567-2"); // the check digit is 1
  await page.getByLabel("Nimesi").fill("Sanna Sanat");
  await page.getByLabel("Sähköposti").fill("sanna@sanat.example");
  await page.getByLabel("Salasana").fill(password);
  await page.getByRole("button", { name: "Rekisteröidy palveluntuottajaksi" }).click();
  const summary = page.locator(".error-summary");
  await summary.getByRole("link", { name: "Y-tunnus: Tarkistusnumero ei täsmää. Tarkista tunnus." }).waitFor();
  await page.locator("#field-organisation-business-id-error").getByText("Tarkistusnumero ei täsmää. Tarkista tunnus.").waitFor();
  assert.equal(await summary.getByText("check digit", { exact: false }).count(), 0, "no English in a Finnish page");
  await page.getByRole("button", { name: "På svenska" }).click();
  await summary.getByRole("link", { name: "FO-nummer: Kontrollsiffran stämmer inte. Kontrollera numret." }).waitFor();
  await page.locator("#field-organisation-business-id-error").getByText("Kontrollsiffran stämmer inte. Kontrollera numret.").waitFor();
  await scan(page, "public: registration refused, in Swedish");
  await shot(page, "refusal-sv");
  // Two fields at once, in Swedish: each named, each linked to its field.
  await page.getByLabel("Företagets namn").fill("");
  await page.getByLabel("FO-nummer").fill("123");
  await page.getByRole("button", { name: "Registrera dig som tjänsteproducent" }).click();
  await summary.getByRole("link", { name: /^(Företagets namn: Fyll i den här uppgiften\.|FO-nummer: Ange numret i formen 1234567-8\.)$/ }).first().waitFor();
  // A refusal that names no field is said by its code: this business ID is taken.
  const id = ["7654320", "7654322", "7654323", "7654324"].map(businessId).find(Boolean);
  await page.getByRole("button", { name: "Suomeksi" }).click();
  await page.getByLabel("Yrityksen nimi").fill("Sanat Valmennus Oy");
  await page.getByLabel("Y-tunnus").fill(id);
  await page.getByRole("button", { name: "Rekisteröidy palveluntuottajaksi" }).click();
  await page.getByText("Rekisteröity. Kirjaudu nyt sisään.").waitFor();
  await page.goto(base + "/register");
  await page.getByLabel("Yrityksen nimi").fill("Sanat Toinen Oy");
  await page.getByLabel("Y-tunnus").fill(id);
  await page.getByLabel("Nimesi").fill("Toinen Sanat");
  await page.getByLabel("Sähköposti").fill("toinen@sanat.example");
  await page.getByLabel("Salasana").fill(password);
  await page.getByRole("button", { name: "Rekisteröidy palveluntuottajaksi" }).click();
  await summary.getByText("Tällä Y-tunnuksella on jo rekisteröity palveluntuottaja.").waitFor();
  await page.getByRole("button", { name: "In English" }).click();
  await summary.getByText("A service provider with this business ID is registered already.").waitFor();
  await page.context().close();
}

// ---- the choice screen names languages and municipalities, in each language
const coach = await newPage();
await signIn(coach, "valmentaja@kuopio.example");
await coach.goto(base + "/coach");
const reference = `SANAT-${Date.now()}`;
await coach.getByLabel("Asiakasviite").fill(reference);
await coach.getByLabel("Kotikunta").selectOption({ label: "Siilinjärvi" });
await coach.getByRole("group", { name: "Palvelukielet" }).getByLabel("ruotsi").check();
await coach.getByLabel("Työttömyyden kesto").selectOption("under_3_months");
await coach.getByLabel("Ikäryhmä").selectOption("under_25");
await coach.getByRole("button", { name: "Lisää asiakas" }).click();
await coach.getByRole("heading", { name: `Asiakas ${reference}` }).waitFor();
const facts = coach.locator("dl.facts").first();
await facts.getByText("Siilinjärvi", { exact: true }).waitFor();
await facts.getByText("suomi, ruotsi", { exact: true }).waitFor();
await coach.getByLabel("Hankintaluokka").selectOption({ label: "Työssävalmennus" });
await coach.getByRole("button", { name: "Näytä valintalista" }).click();
await coach.locator(".choice-list").waitFor();
const fact = (card, term) => card.locator(`dt:text-is("${term}") + dd`).innerText();
for (const [language, terms, names] of [
  ["Suomeksi", ["Kielet", "Kunnat"], ["suomi", "Kuopio, Siilinjärvi, Varkaus"]],
  ["På svenska", ["Språk", "Kommuner"], ["finska", "Kuopio, Siilinjärvi, Varkaus"]],
  ["In English", ["Languages", "Municipalities"], ["Finnish", "Kuopio, Siilinjärvi, Varkaus"]],
]) {
  await coach.getByRole("button", { name: language }).click();
  const cards = coach.locator(".choice-list > li");
  await fact(cards.first(), terms[0]); // drawn in this language
  for (const card of await cards.all()) {
    const languages = await fact(card, terms[0]);
    const municipalities = await fact(card, terms[1]);
    assert.ok(languages.includes(names[0]), `${language}: languages named (${languages})`);
    assert.doesNotMatch(languages, /\b(fi|sv|en)\b/, `${language}: no language codes`);
    assert.doesNotMatch(municipalities, /\d/, `${language}: no municipality codes`);
  }
  // The demo offerings that serve every municipality of the category name all three.
  assert.ok((await coach.locator(".choice-list").innerText()).includes(names[1]), `${language}: ${names[1]}`);
}
await coach.getByRole("button", { name: "Suomeksi" }).click();
await scan(coach, "coach: choice screen with names");
await shot(coach, "choice-screen");
{
  const narrow = await browser.newContext({ ignoreHTTPSErrors: true, locale: "fi-FI", ...phone, storageState: await coach.context().storageState() });
  const page = await narrow.newPage();
  await page.goto(coach.url());
  await page.locator(".choice-list").waitFor();
  await noSidewaysScroll(page, "choice screen at 320 px");
  await shot(page, "choice-screen-320");
  await narrow.close();
}

// ---- the customer chooses; the provider accepts the new order from its inbox row
{
  const card = coach.locator(".choice-list > li", { has: coach.getByRole("heading", { name: "Savon Työvalmennus Oy" }) });
  await card.getByRole("button", { name: "Asiakas valitsee tämän" }).click();
  await coach.getByRole("button", { name: "Tilaa" }).click();
  await coach.waitForURL(/\/orders\/[0-9a-f-]+$/);
  const orderId = coach.url().split("/").pop();
  const provider = await newPage();
  await signIn(provider, "myynti@savontyovalmennus.example");
  const row = provider.locator("tr", { has: provider.locator(`a[href="/orders/${orderId}"]`) });
  await row.getByText("Odottaa vastausta").waitFor();
  await scan(provider, "provider: order inbox with a new order");
  await row.getByRole("button", { name: /^Hyväksy: .*Työssävalmennus$/ }).click();
  await row.getByText("Hyväksytty").waitFor();
  assert.equal(await row.getByRole("button").count(), 0, "an accepted order has nothing more to do in the inbox");
  await provider.context().close();
}

// ---- the feedback page on a 320-pixel phone, without sideways scrolling, in fi, sv and en
{
  // A completed demo order without the customer's answer yet, and a new link for it.
  const completed = await coach.evaluate(async () => (await (await fetch("/v1/orders?state=completed&limit=50")).json()).items);
  let orderId = null;
  for (const o of completed) {
    const order = await coach.evaluate(async (id) => (await fetch(`/v1/orders/${id}`)).json(), o.id);
    if (!order.feedback.some((f) => f.source === "customer")) {
      orderId = o.id;
      break;
    }
  }
  assert.ok(orderId, "a completed demo order awaits the customer's feedback");
  await coach.goto(`${base}/orders/${orderId}`);
  await coach.getByRole("button", { name: "Luo palautelinkki" }).click();
  const link = await coach.locator("#feedback-url").innerText();

  const page = await newPage(phone);
  await page.goto(link);
  for (const [language, question] of [
    ["Suomeksi", "Kuinka todennäköisesti suosittelisit palvelua ystävällesi?"],
    ["På svenska", "Hur troligt är det att du skulle rekommendera tjänsten till en vän?"],
    ["In English", "How likely are you to recommend this service to a friend?"],
  ]) {
    await page.getByRole("button", { name: language }).click();
    await page.getByText(question).waitFor();
    await noSidewaysScroll(page, `feedback page in ${language}`);
  }
  await page.getByRole("button", { name: "På svenska" }).click();
  await scan(page, "customer: feedback page at 320 px");
  await shot(page, "feedback-page");
  await page.getByRole("button", { name: "Skicka" }).click();
  await page.locator("#score-error").getByText("Välj ett tal 0–10.").waitFor();
  await noSidewaysScroll(page, "feedback page refused");
  await page.getByRole("radio", { name: "10", exact: true }).check();
  await page.getByRole("button", { name: "Skicka" }).click();
  await page.getByRole("heading", { name: "Tack för din respons!" }).waitFor();
  await page.context().close();
}

await browser.close();
for (const s of scans) console.log(`axe ${s.violations} violations: ${s.name}`);
console.log(`browser checks of everyday screens passed: ${scans.length} screens scanned`);
