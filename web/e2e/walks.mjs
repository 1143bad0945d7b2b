// The walks of the browser tests, as the people who use Tarjotin: a provider registers; a
// coach records a customer and the customer chooses on the choice screen (ordered once despite
// a double click); the provider accepts, completes and reports; the coach records the outcome
// and hands over the feedback link, which the customer answers in Swedish on a phone; the
// officer reads the queue and the scorecards. Every screen is scanned with axe-core for
// WCAG 2.1 A/AA and must have no violation; the main screens are photographed.
import assert from "node:assert/strict";
import { api, base, browser, newPage, password, scan, scans, shot, signIn } from "./harness.mjs";

// ---- public: the published DPS and its categories; sign-in; a provider registers
{
  const page = await newPage();
  await page.goto(base + "/");
  await page.getByRole("heading", { level: 1, name: "Dynaamiset hankintajärjestelmät" }).waitFor();
  await scan(page, "public: DPS list");
  await page.locator(".cards a").first().click();
  await page.getByRole("heading", { name: "Hankintaluokat" }).waitFor();
  await page.getByRole("heading", { name: "Työssävalmennus" }).waitFor();
  await scan(page, "public: DPS and categories");
  await page.getByRole("button", { name: "På svenska" }).click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "sv");
  await page.getByRole("heading", { name: "Kategorier" }).waitFor();
  await page.getByRole("button", { name: "Suomeksi" }).click();

  await page.goto(base + "/register");
  await page.getByLabel("Yrityksen nimi").fill("Testi Valmennus Oy");
  await page.getByLabel("Y-tunnus").fill("1234567-2"); // wrong check digit
  await page.getByLabel("Nimesi").fill("Tuottaja Testi");
  await page.getByLabel("Sähköposti").fill("testi@valmennus.example");
  await page.getByLabel("Salasana").fill(password);
  await page.getByRole("button", { name: "Rekisteröidy palveluntuottajaksi" }).click();
  // The refusal is summarised at the top, linked to the field, and said beside the field.
  const summary = page.locator(".error-summary");
  await summary.waitFor();
  await scan(page, "public: registration refused");
  await summary.getByRole("link").first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "field-organisation-business-id");
  await page.getByLabel("Y-tunnus").fill(await validBusinessId());
  await page.getByRole("button", { name: "Rekisteröidy palveluntuottajaksi" }).click();
  await page.getByText("Rekisteröity. Kirjaudu nyt sisään.").waitFor();
  // A guesser: refused alike five times and once more, then told to wait.
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Sähköposti").fill("arvaaja@example.fi");
  for (let i = 0; i < 6; ++i) {
    await page.getByLabel("Salasana").fill(`arvaus-${i}-arvaus`);
    await page.getByRole("button", { name: "Kirjaudu sisään" }).click();
    await page.locator(".error-summary").getByText("Sähköposti tai salasana on väärin.").waitFor();
  }
  await page.getByRole("button", { name: "Kirjaudu sisään" }).click();
  await page.locator(".error-summary").getByText("Liian monta epäonnistunutta kirjautumista.", { exact: false }).waitFor();
  await scan(page, "public: sign-in throttled");
  await page.context().close();
}

// A Finnish business ID with a valid check digit that the demo data does not use.
async function validBusinessId() {
  const digits = "7654321";
  const weights = [7, 9, 10, 5, 8, 4, 2];
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  const r = sum % 11;
  return `${digits}-${r === 0 ? 0 : 11 - r}`;
}

// ---- a new provider applies with an attachment, answers a clarification, is admitted and
// publishes an offering
const officer = await newPage();
await signIn(officer, "hankinta@kuopio.example");
{
  const page = await newPage();
  await signIn(page, "testi@valmennus.example");
  await page.goto(base + "/");
  await page.locator(".cards a").first().click();
  const category = page.locator("section.card", { has: page.getByRole("heading", { name: "Työssävalmennus", exact: true }) });
  await category.getByRole("button", { name: "Hae mukaan tähän hankintaluokkaan" }).click();
  await page.waitForURL(/\/provider\/applications\/[0-9a-f-]+$/);
  const applicationId = page.url().split("/").pop();
  await page.locator("form").waitFor();
  await scan(page, "provider: application form");
  const tenDaysAgo = new Date(Date.now() - 10 * 86400e3).toISOString().slice(0, 10);
  await page.getByLabel("Verot ja eläkemaksut on maksettu (verovelkatodistus, enintään 3 kk).").fill(tenDaysAgo);
  await page.getByLabel("Liitä tiedosto (PDF, PNG tai JPEG)").setInputFiles({
    name: "verovelkatodistus.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    ),
  });
  await page.getByText("Liitetty: verovelkatodistus.pdf").waitFor();
  await page.getByRole("group", { name: "Yrityksellä on voimassa oleva vastuuvakuutus." }).getByLabel("kyllä").check();
  await page.getByLabel("Sertifioitujen valmentajien määrä.").fill("3");
  await page.getByLabel("Kuvaus vastaavista palveluista viimeisen kolmen vuoden ajalta.").fill("Työhönvalmennusta Kuopiossa vuodesta 2020.");
  await page.getByRole("button", { name: "Tallenna luonnos" }).click();
  await page.getByText("Tallennettu.").waitFor();
  await page.getByRole("button", { name: "Tarkista vastaukset" }).click();
  await page.getByRole("heading", { name: "Tarkista vastaukset" }).waitFor();
  await scan(page, "provider: check answers");
  await page.getByRole("button", { name: "Lähetä hakemus" }).click();
  await page.getByRole("heading", { name: "Hakemus on vastaanotettu" }).waitFor();
  await scan(page, "provider: receipt");

  await officer.goto(`${base}/officer/applications/${applicationId}`);
  await officer.locator("#application-state").getByText("Odottaa päätöstä").waitFor();
  // The decision deadline goes to 15 working days, with a reason.
  await officer.getByLabel("Perustelut (pakollinen hylättäessä)").fill("Liitteen tarkistus vie aikaa.");
  await officer.getByRole("button", { name: "Pidennä päätöksen määräaikaa (15 työpäivään)" }).click();
  await officer.getByRole("button", { name: "Pidennä päätöksen määräaikaa (15 työpäivään)" }).waitFor({ state: "detached" });
  await officer.getByLabel("Viesti").fill("Lähettäkää vielä vakuutustodistus.");
  await officer.getByRole("button", { name: "Pyydä lisäselvitystä" }).click();
  await officer.locator("#application-state").getByText("Lisäselvitystä pyydetty").waitFor();

  await page.reload();
  await page.getByText("Lähettäkää vielä vakuutustodistus.").waitFor();
  await scan(page, "provider: clarification requested");
  await page.getByRole("textbox", { name: "Viesti" }).fill("Vakuutus on voimassa; todistus liitteenä.");
  await page.getByRole("button", { name: "Lähetä vastaus" }).click();
  await page.locator("#application-state").getByText("Odottaa päätöstä").waitFor();

  await officer.reload();
  await officer.getByRole("button", { name: "Hyväksy", exact: true }).click();
  await officer.locator("#application-state").getByText("Hyväksytty").waitFor();

  await page.goto(base + "/provider/offerings");
  await page.getByText("Uusi palvelutarjous").click();
  await page.getByLabel("Kuvaus suomeksi").fill("Työssävalmennus pienryhmissä");
  await page.getByLabel("Hinta euroina").fill("1200");
  await page.getByLabel("Vapaat paikat").fill("5");
  await page.getByRole("group", { name: "Kunnat" }).getByLabel("Kuopio").check();
  await page.getByRole("button", { name: "Tallenna", exact: true }).click();
  await page.locator(".offering-row").getByText("Työssävalmennus pienryhmissä").waitFor();
  await page.context().close();
}

// ---- the coach and the customer: customer, choice list, the customer picks, ordered once
const coach = await newPage();
await signIn(coach, "valmentaja@kuopio.example");
await coach.goto(base + "/coach");
await scan(coach, "coach: customers");
const reference = `E2E-${Date.now()}`;
await coach.getByLabel("Asiakasviite").fill(reference);
await coach.getByLabel("Kotikunta").selectOption({ label: "Kuopio" });
assert.equal(await coach.getByRole("group", { name: "Palvelukielet" }).getByLabel("suomi").isChecked(), true);
await coach.getByLabel("Työttömyyden kesto").selectOption("over_24_months");
await coach.getByLabel("Ikäryhmä").selectOption("from_30_to_54");
await coach.getByRole("button", { name: "Lisää asiakas" }).click();
await coach.getByRole("heading", { name: `Asiakas ${reference}` }).waitFor();
await scan(coach, "coach: customer");
await coach.getByLabel("Hankintaluokka").selectOption({ label: "Työssävalmennus" });
await coach.getByRole("button", { name: "Näytä valintalista" }).click();
await coach.locator(".choice-list").waitFor();
// How long the list takes to draw once its data is in: from the answer to the painted list.
const renderMs = await coach.evaluate(() => {
  const entry = performance.getEntriesByType("resource").filter((e) => e.name.includes("/v1/choice-sets/")).pop();
  return entry ? performance.now() - entry.responseEnd : NaN;
});
const choiceUrl = coach.url();
const cards = await coach.locator(".choice-list > li").count();
assert.ok(cards >= 1, "the choice list shows offerings");
await scan(coach, "coach: choice screen");
await shot(coach, "choice-screen");
// Nothing is chosen in advance and no card is marked as recommended.
assert.equal(await coach.locator(".choice-list [aria-pressed=true], .choice-list .recommended").count(), 0);
const chosenProvider = await coach.locator(".choice-list > li h2").first().innerText();
await coach.locator(".choice-list > li").first().getByRole("button", { name: "Asiakas valitsee tämän" }).click();
await coach.getByRole("heading", { name: "Tilaa" }).waitFor();
await scan(coach, "coach: confirm order");
await coach.getByLabel("Valinnan syy (valinnainen)").fill("lähellä kotia");
await coach.getByRole("button", { name: "Tilaa" }).dblclick();
await coach.waitForURL(/\/orders\/[0-9a-f-]+$/);
const orderId = coach.url().split("/").pop();
await coach.locator("#order-state").getByText("Odottaa vastausta").waitFor();
await coach.getByRole("button", { name: "aiempien palvelujen loppuraportit" }).click();
await coach.getByText("aiempien palvelujen loppuraportit: Tallennettu.").waitFor();
await scan(coach, "coach: order");
const customerId = (await api(coach, `/v1/customers?reference=${reference}`)).id;
const ordersOfCustomer = await api(coach, `/v1/orders?customer_id=${customerId}`);
assert.equal(ordersOfCustomer.items.length, 1, "a double click orders once");
// The list took its one order: back on it, it is a record of what was shown, with the way to
// the order and no button to choose again.
await coach.goto(choiceUrl);
await coach.getByText("Tältä valintalistalta on jo tilattu.", { exact: false }).waitFor();
assert.equal(await coach.locator(".choice-list .choose").count(), 0, "a used list offers no choice");
assert.ok((await coach.getByRole("link", { name: "Avaa tilaus" }).getAttribute("href")).endsWith(orderId));
await scan(coach, "coach: a used choice list");
await coach.getByRole("link", { name: "Avaa tilaus" }).click();
await coach.waitForURL(new RegExp(`/orders/${orderId}$`));

// ---- the provider: inbox, accept, start, complete, closing report
const providerEmails = {
  "Savon Työvalmennus Oy": "myynti@savontyovalmennus.example",
  "Polku Kuntoutus Oy": "palvelut@polku.example",
  "Työkortti-Akatemia Oy": "koulutus@tyokortti.example",
  "Testi Valmennus Oy": "testi@valmennus.example",
};
const provider = await newPage();
await signIn(provider, providerEmails[chosenProvider]);
await provider.goto(base + "/orders");
await provider.locator("table").waitFor();
await scan(provider, "provider: order inbox");
await provider.goto(`${base}/orders/${orderId}`);
for (const [button, state] of [
  ["Hyväksy", "Hyväksytty"],
  ["Aloita", "Alkanut"],
  ["Merkitse päättyneeksi", "Päättynyt"],
]) {
  await provider.getByRole("button", { name: button, exact: true }).click();
  await provider.locator("#order-state").getByText(state).waitFor();
}
await scan(provider, "provider: order ended");
await provider.getByLabel("Mitä tehtiin").fill("Kuusi tapaamista työpaikalla.");
await provider.getByLabel("Tulokset").fill("Asiakas sai työsopimuksen.");
await provider.getByLabel("Jatkosuunnitelma").fill("Seuranta kuukauden päästä.");
await provider.getByRole("button", { name: "Tallenna loppuraportti" }).click();
await provider.getByText("Tallennettu.").waitFor();
await provider.goto(base + "/provider/offerings");
await provider.locator(".offering-row").first().waitFor();
await scan(provider, "provider: offerings");

// ---- the coach: outcome and the feedback link
await coach.reload();
await coach.locator("#order-state").getByText("Päättynyt").waitFor();
await coach.getByLabel("Tulos", { exact: true }).selectOption("employed_fixed_term_full_time");
await coach.getByRole("button", { name: "Kirjaa tulos" }).click();
await coach.getByText("Määräaikainen kokoaikatyö").first().waitFor();
await coach.getByRole("button", { name: "Tallenna arvio" }).click();
await coach.getByText("Valitse luku 0–10.").first().waitFor();
await coach.getByLabel("Pisteet").selectOption("8");
await coach.getByRole("button", { name: "Tallenna arvio" }).click();
await coach.getByRole("heading", { name: "Valmentajan arvio palvelusta (0–10)" }).waitFor({ state: "detached" });
await coach.getByRole("button", { name: "Luo palautelinkki" }).click();
const feedbackUrl = await coach.locator("#feedback-url").innerText();
await scan(coach, "coach: feedback link");
await shot(coach, "feedback-link");

// ---- the customer on a phone, in Swedish, by keyboard only
{
  const phone = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(feedbackUrl);
  await phone.getByRole("button", { name: "På svenska" }).click();
  await phone.getByText("Hur troligt är det att du skulle rekommendera tjänsten till en vän?").waitFor();
  await scan(phone, "customer: feedback page");
  await shot(phone, "feedback-page");
  // Sending without a score is refused beside the question.
  await phone.getByRole("button", { name: "Skicka" }).click();
  await phone.getByText("Välj ett tal 0–10.").first().waitFor();
  await scan(phone, "customer: feedback refused");
  // Keyboard only: into the scale, arrow to 9, on to the comment, type, send with Enter.
  await phone.getByRole("radio", { name: "0", exact: true }).focus();
  await phone.keyboard.press("Space");
  for (let i = 0; i < 9; ++i) await phone.keyboard.press("ArrowRight");
  assert.equal(await phone.getByRole("radio", { name: "9", exact: true }).isChecked(), true);
  await phone.keyboard.press("Tab");
  await phone.keyboard.type("Bra handledare.");
  await phone.keyboard.press("Tab");
  await phone.keyboard.press("Enter");
  await phone.getByRole("heading", { name: "Tack för din respons!" }).waitFor();
  await scan(phone, "customer: thank you");
  await phone.goto(feedbackUrl);
  await phone.getByRole("heading", { name: "Tämä linkki on jo käytetty" }).waitFor();
  await phone.goto(`${base}/feedback/no-such-link`);
  await phone.getByRole("heading", { name: "Linkki ei toimi" }).waitFor();
  await scan(phone, "customer: unknown link");
  await phone.context().close();
}
const feedback = await api(coach, `/v1/orders/${orderId}`);
assert.equal(feedback.feedback.find((f) => f.source === "customer")?.language, "sv");

// ---- the choice screen by keyboard only: tab to a card's button and choose with Enter
{
  await coach.goto(`${base}/coach/customers/${customerId}`);
  await coach.getByLabel("Hankintaluokka").selectOption({ label: "Työssävalmennus" });
  await coach.getByLabel("Hankintaluokka").focus();
  await coach.keyboard.press("Tab"); // the start date
  await coach.keyboard.press("Tab"); // the button
  await coach.keyboard.press("Enter");
  await coach.locator(".choice-list").waitFor();
  let reached = false;
  for (let i = 0; i < 60 && !reached; ++i) {
    await coach.keyboard.press("Tab");
    reached = await coach.evaluate(() => document.activeElement?.classList.contains("choose") ?? false);
  }
  assert.ok(reached, "a choose button is reachable by Tab");
  await coach.keyboard.press("Enter");
  await coach.getByRole("heading", { name: "Tilaa" }).waitFor();
}

// ---- the officer: the review queue, an application, the scorecards and the spend
await officer.goto(base + "/officer");
await officer.locator("table").first().waitFor();
await scan(officer, "officer: review queue");
await shot(officer, "officer-queue");
await officer.locator("table a").first().click();
await officer.getByRole("heading", { name: "Osallistumishakemus" }).waitFor();
await officer.locator("table tbody tr").first().waitFor();
await scan(officer, "officer: application");
await officer.goto(base + "/officer/reports");
await officer.locator("table.scorecards").first().waitFor();
await officer.locator("figure.spend").first().waitFor();
await scan(officer, "officer: scorecards and spend");
await shot(officer, "scorecards");

// ---- a mini-competition: drafted and published, a question answered, a sealed tender
// submitted, opened after the deadline, scored, ranked and awarded; the tenderer reads the
// decision
{
  const localIn = (seconds) =>
    officer.evaluate((s) => {
      const d = new Date(Date.now() + s * 1000);
      const p = (n) => String(n).padStart(2, "0");
      // The browser writes a whole minute without its seconds, so ask it in that form.
      const seconds = d.getSeconds() ? `:${p(d.getSeconds())}` : "";
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}${seconds}`;
    }, seconds);
  await officer.goto(base + "/officer/competitions");
  const section = officer.locator("section.card", { has: officer.getByRole("heading", { name: "Ryhmävalmennus" }) });
  await section.getByText("Uusi kevennetty kilpailutus").click();
  await scan(officer, "officer: competitions");
  await section.getByLabel("Otsikko").fill("Ryhmävalmennus keväälle");
  await section.getByLabel("Kuvaus").fill("Kaksi kahdeksan hengen ryhmää, helmi–toukokuu.");
  const deadline = Date.now() + 40_000;
  await section.getByLabel("Kysymysten määräaika").fill(await localIn(25));
  await section.getByLabel("Tarjousten jättöaika päättyy").fill(await localIn(40));
  await section.getByRole("button", { name: "Tallenna luonnoksena" }).click();
  await officer.waitForURL(/\/competitions\/[0-9a-f-]+$/);
  const competitionUrl = officer.url();
  await officer.getByRole("button", { name: "Julkaise ja kutsu palveluntuottajat" }).click();
  await officer.locator("#competition-state").getByText("Tarjouksia vastaanotetaan").waitFor();
  await scan(officer, "officer: competition published");

  const tenderer = await newPage();
  await signIn(tenderer, "myynti@savontyovalmennus.example");
  await tenderer.goto(base + "/provider/competitions");
  await tenderer.getByRole("link", { name: "Ryhmävalmennus keväälle" }).click();
  await tenderer.getByRole("textbox", { name: "Kysy" }).fill("Montako tapaamista viikossa?");
  await tenderer.getByRole("button", { name: "Kysy" }).click();
  await officer.reload();
  await officer.getByText("Montako tapaamista viikossa?").waitFor();
  await officer.getByRole("textbox", { name: "Vastaus" }).fill("Kaksi.");
  await officer.getByRole("button", { name: "Lähetä vastaus" }).click();
  await officer.getByText("→ Kaksi.").waitFor();

  await tenderer.reload();
  await tenderer.getByText("→ Kaksi.").waitFor();
  await tenderer.getByLabel("Hinta euroina").fill("8400");
  await tenderer.getByLabel("Laatu").fill("Kokeneet valmentajat, tapaamiset Kuopion keskustassa.");
  await tenderer.getByRole("button", { name: "Tallenna tarjous (suljettu)" }).click();
  await tenderer.locator("#tender-state").getByText("Luonnos tallennettu, ei jätetty").waitFor();
  await tenderer.getByRole("button", { name: "Jätä tarjous" }).click();
  await tenderer.locator("#tender-state").getByText("Jätetty").waitFor();
  assert.match(await tenderer.locator(".digest").innerText(), /^[0-9a-f]{64}$/);
  await scan(tenderer, "provider: tender submitted");
  // Sealed: nobody, the officer included, learns how many tenders there are before the deadline.
  await officer.reload();
  await officer.getByText("suljettu määräaikaan asti").waitFor();

  await officer.waitForTimeout(Math.max(0, deadline - Date.now()) + 1500);
  await officer.getByRole("button", { name: "Avaa tarjoukset" }).click();
  await officer.locator("#competition-state").getByText("Tarjoukset avattu").waitFor();
  await officer.getByLabel("Pisteet (0–10)").fill("8");
  await officer.getByLabel("Perustelu").fill("Selkeä suunnitelma ja kokemus.");
  await officer.getByRole("button", { name: "Tallenna pisteet" }).click();
  // The one tender: all 60 price points, and 8 of 10 quality points weigh 32 of 40.
  await officer.getByRole("cell", { name: "92,0" }).waitFor();
  await scan(officer, "officer: tenders opened and scored");
  await officer.getByRole("button", { name: "Tee hankintapäätös: voittaja" }).click();
  await officer.locator("#competition-state").getByText("Hankintapäätös tehty").waitFor();

  await tenderer.goto(competitionUrl);
  await tenderer.locator("#own-rank").getByText("1").waitFor();
  await scan(tenderer, "provider: decision");
  await tenderer.context().close();
}

// ---- the officer sets up a DPS: drafted, a category with its criteria, opened, published;
// and suspends an admitted provider with a reason
{
  await officer.goto(base + "/officer/dps");
  await scan(officer, "officer: purchasing systems");
  const today = new Date().toISOString().slice(0, 10);
  const nextYear = new Date(Date.now() + 365 * 86400e3).toISOString().slice(0, 10);
  await officer.getByLabel("Otsikko").fill("Kotoutumispalvelujen DPS");
  await officer.getByLabel("Voimassa alkaen").fill(today);
  await officer.getByLabel("Voimassa asti").fill(nextYear);
  await officer.getByRole("button", { name: "Luo luonnos" }).click();
  await officer.waitForURL(/\/officer\/dps\/[0-9a-f-]+$/);
  await officer.locator("#dps-state").getByText("Luonnos").waitFor();
  await officer.getByText("Uusi hankintaluokka").click();
  // Refused without a name: the summary names the field.
  await officer.getByRole("button", { name: "Luo hankintaluokka" }).click();
  await officer.locator(".error-summary").waitFor();
  await scan(officer, "officer: category refused");
  await officer.getByLabel("Nimi suomeksi").fill("Kielikoulutus");
  await officer.getByLabel("Kysymys 1").fill("Opettajilla on kelpoisuus?");
  await officer.getByLabel("Tunniste 1").fill("qualified-teachers");
  await officer.getByRole("button", { name: "Luo hankintaluokka" }).click();
  await officer.getByRole("heading", { name: "Kielikoulutus · Luonnos" }).waitFor();
  await officer.getByRole("button", { name: "Avaa hakemuksille" }).click();
  await officer.getByRole("heading", { name: "Kielikoulutus · Avoinna" }).waitFor();
  await officer.getByRole("button", { name: "Julkaise", exact: true }).click();
  await officer.locator("#dps-state").getByText("Avoinna").waitFor();
  await scan(officer, "officer: DPS set up");

  await officer.goto(base + "/officer/dps");
  await officer.getByRole("link", { name: "Työllisyyspalvelujen dynaaminen hankintajärjestelmä" }).click();
  const card = officer.locator("section.card", { has: officer.getByRole("heading", { name: "Työkorttikoulutus · Avoinna" }) });
  await card.locator("summary", { hasText: "Pyydä hyväksyttyjä vahvistamaan ehdot" }).click();
  await card.getByLabel("Viesti").fill("Vahvistakaa vakuutuksen voimassaolo.");
  await card.getByRole("button", { name: "Pyydä hyväksyttyjä vahvistamaan ehdot" }).click();
  await card.getByText("Tallennettu.").waitFor();
  const admitted = await newPage();
  await signIn(admitted, "koulutus@tyokortti.example");
  await admitted.goto(base + "/provider/applications");
  await admitted.getByText("Vahvistakaa vakuutuksen voimassaolo.").waitFor();
  await scan(admitted, "provider: re-confirmation requested");
  await admitted.getByRole("button", { name: "Vahvistan, että ehdot täyttyvät edelleen" }).click();
  await admitted.getByText("Vahvistettu.").waitFor();
  await card.getByLabel("Syy (pakollinen keskeytettäessä tai poissuljettaessa)").fill("Vakuutus vanhentunut.");
  await card.getByRole("button", { name: "Keskeytä: Työkortti-Akatemia Oy" }).click();
  await card.getByText("Työkortti-Akatemia Oy · keskeytetty (Vakuutus vanhentunut.)").waitFor();
  await scan(officer, "officer: admissions");
  // The provider is told why, and its application says what became of the admission.
  await admitted.goto(base + "/notifications");
  await admitted.getByText("Hyväksyntä keskeytetty: Työkorttikoulutus — Vakuutus vanhentunut.").waitFor();
  await admitted.goto(base + "/provider/applications");
  await admitted.getByRole("link", { name: "Työkorttikoulutus" }).first().click();
  await admitted.locator("#admission-state").getByText("Hyväksyntä nyt: keskeytetty — Vakuutus vanhentunut.", { exact: false }).waitFor();
  await scan(admitted, "provider: admission suspended");
  await admitted.context().close();
  await card.getByRole("button", { name: "Palauta: Työkortti-Akatemia Oy" }).click();
  await card.getByText("Työkortti-Akatemia Oy · hyväksytty").waitFor();
}

// ---- the administrator adds an officer, who can sign in, and deactivates them again
{
  const admin = await newPage();
  await signIn(admin, "admin@kuopio.example");
  await admin.goto(base + "/admin");
  await admin.getByRole("cell", { name: "hankinta@kuopio.example", exact: true }).waitFor();
  await scan(admin, "admin: users");
  await admin.getByLabel("Nimi", { exact: true }).fill("Uusi Hankkija");
  await admin.getByLabel("Sähköposti").fill("uusi.hankkija@kuopio.example");
  await admin.getByLabel("Rooli").selectOption("officer");
  await admin.getByLabel("Alkusalasana (vähintään 12 merkkiä)").fill(password);
  await admin.getByRole("button", { name: "Lisää käyttäjä" }).click();
  await admin.getByRole("cell", { name: "uusi.hankkija@kuopio.example", exact: true }).waitFor();
  const newcomer = await newPage();
  await signIn(newcomer, "uusi.hankkija@kuopio.example");
  // The newcomer replaces the initial password at once.
  await newcomer.getByRole("link", { name: "Vaihda salasana" }).click();
  await newcomer.getByLabel("Nykyinen salasana").fill("not the password");
  await newcomer.getByLabel("Uusi salasana (vähintään 12 merkkiä)").fill("my very own passphrase");
  await newcomer.getByRole("button", { name: "Vaihda salasana" }).click();
  await newcomer.locator(".error-summary").waitFor();
  await scan(newcomer, "account: password change refused");
  await newcomer.getByLabel("Nykyinen salasana").fill(password);
  await newcomer.getByRole("button", { name: "Vaihda salasana" }).click();
  await newcomer.getByText("Salasana vaihdettu. Muut istuntosi on kirjattu ulos.").waitFor();
  // Forgotten: the administrator resets it to a one-time password, shown once, which ends the
  // newcomer's sessions and opens only the password page until the newcomer has chosen one.
  await admin.getByRole("button", { name: "Anna kertasalasana: uusi.hankkija@kuopio.example" }).click();
  const oneTime = await admin.locator(".notice code").textContent();
  assert.equal(oneTime.length, 20);
  await admin.getByText("Uusi Hankkija (kertasalasana vaihtamatta)").waitFor();
  await scan(admin, "admin: one-time password issued");
  assert.equal(await newcomer.evaluate(async () => (await fetch("/v1/sessions/current")).status), 401);
  await newcomer.goto(`${base}/sign-in`);
  await newcomer.getByLabel("Sähköposti").fill("uusi.hankkija@kuopio.example");
  await newcomer.getByLabel("Salasana").fill(oneTime);
  await newcomer.getByRole("button", { name: "Kirjaudu sisään" }).click();
  await newcomer.getByText("Sait kertakäyttöisen salasanan.", { exact: false }).waitFor();
  await scan(newcomer, "account: password change required");
  await newcomer.goto(`${base}/officer`);
  await newcomer.getByText("Sait kertakäyttöisen salasanan.", { exact: false }).waitFor();
  await newcomer.getByLabel("Nykyinen salasana").fill(oneTime);
  await newcomer.getByLabel("Uusi salasana (vähintään 12 merkkiä)").fill("qwerty123456");
  await newcomer.getByRole("button", { name: "Vaihda salasana" }).click();
  await newcomer.locator(".error-summary").waitFor(); // on the list of common passwords
  await newcomer.getByLabel("Nykyinen salasana").fill(oneTime);
  await newcomer.getByLabel("Uusi salasana (vähintään 12 merkkiä)").fill("another passphrase of mine");
  await newcomer.getByRole("button", { name: "Vaihda salasana" }).click();
  await newcomer.waitForURL(`${base}/officer`);
  await newcomer.getByRole("heading", { level: 1, name: "Päätöstä odottavat hakemukset" }).waitFor();
  await admin.getByRole("button", { name: "Poista käytöstä: uusi.hankkija@kuopio.example" }).click();
  await admin.getByText("Uusi Hankkija (ei käytössä)").waitFor();
  // Deactivation ends the newcomer's sessions at once.
  assert.equal(await newcomer.evaluate(async () => (await fetch("/v1/sessions/current")).status), 401);
  await admin.context().close();
  await newcomer.context().close();
}

await browser.close();
for (const s of scans) console.log(`axe ${s.violations} violations: ${s.name}`);
console.log(`choice screen: ${cards} offerings drawn ${renderMs.toFixed(1)} ms after their data arrived`);
console.log(`browser walks passed: ${scans.length} screens scanned`);
