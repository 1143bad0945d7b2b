// Every word on every screen, in Finnish, Swedish and English (Finnish by default), and the
// formats of dates, times, numbers and euros per language. Dates and times are Helsinki's.
import { useEffect, useState } from "preact/hooks";

export type Lang = "fi" | "sv" | "en";
export const languages: Lang[] = ["fi", "sv", "en"];
export const languageNames: Record<Lang, string> = { fi: "Suomeksi", sv: "På svenska", en: "In English" };

type Words = Record<Lang, string>;
const w = (fi: string, sv: string, en: string): Words => ({ fi, sv, en });

const words = {
  appName: w("Tarjotin", "Tarjotin", "Tarjotin"),
  skipToContent: w("Siirry sisältöön", "Hoppa till innehållet", "Skip to content"),
  language: w("Kieli", "Språk", "Language"),
  mainNav: w("Päävalikko", "Huvudmeny", "Main menu"),
  signIn: w("Kirjaudu sisään", "Logga in", "Sign in"),
  signOut: w("Kirjaudu ulos", "Logga ut", "Sign out"),
  email: w("Sähköposti", "E-post", "Email"),
  password: w("Salasana", "Lösenord", "Password"),
  signedInAs: w("Kirjautunut", "Inloggad", "Signed in as"),
  signInWait: w(
    "Liian monta epäonnistunutta kirjautumista. Yritä uudelleen {wait} kuluttua.",
    "För många misslyckade inloggningar. Försök igen om {wait}.",
    "Too many failed sign-ins. Try again in {wait}.",
  ),
  seconds: w("s", "s", "s"),
  minutes: w("min", "min", "min"),
  badSignIn: w("Sähköposti tai salasana on väärin.", "E-post eller lösenord är fel.", "The email or password is wrong."),
  // sign-in through the organisation's identity provider
  signInThrough: w("Kirjaudu: {name}", "Logga in: {name}", "Sign in: {name}"),
  withEmployerAccount: w(
    "Organisaatiosi tunnuksilla",
    "Med din organisations konto",
    "With your organisation's account",
  ),
  withPassword: w("Sähköpostilla ja salasanalla", "Med e-post och lösenord", "With email and password"),
  signInFailed_unknown: w(
    "Kirjautuminen ei onnistunut: sitä ei aloitettu tästä selaimesta, tai se on jo käytetty. Aloita alusta.",
    "Inloggningen misslyckades: den påbörjades inte i den här webbläsaren eller har redan använts. Börja om.",
    "Sign-in failed: it was not started in this browser, or it was already used. Start again.",
  ),
  signInFailed_expired: w(
    "Kirjautuminen kesti liian kauan. Aloita alusta.",
    "Inloggningen tog för lång tid. Börja om.",
    "The sign-in took too long. Start again.",
  ),
  signInFailed_refused: w(
    "Kirjautuminen keskeytyi organisaatiosi kirjautumispalvelussa.",
    "Inloggningen avbröts i din organisations inloggningstjänst.",
    "The sign-in was stopped at your organisation's sign-in service.",
  ),
  signInFailed_notAUser: w(
    "Tunnuksellasi ei ole Tarjottimen käyttäjää tässä organisaatiossa. Pyydä pääkäyttäjää lisäämään sinut.",
    "Ditt konto har ingen användare i Tarjotin i den här organisationen. Be administratören att lägga till dig.",
    "Your account is no Tarjotin user of this organisation. Ask your administrator to add you.",
  ),
  signInFailed_failed: w(
    "Kirjautuminen organisaatiosi tunnuksilla ei onnistunut. Yritä uudelleen.",
    "Inloggningen med din organisations konto misslyckades. Försök igen.",
    "Signing in with your organisation's account failed. Try again.",
  ),
  errorSummary: w("Korjaa nämä kohdat", "Rätta dessa punkter", "There is a problem"),
  loading: w("Ladataan…", "Laddar…", "Loading…"),
  failed: w("Tietoja ei saatu. Yritä uudelleen.", "Uppgifterna kunde inte hämtas. Försök igen.", "Could not load this. Try again."),
  notFound: w("Sivua ei löydy", "Sidan finns inte", "Page not found"),
  back: w("Takaisin", "Tillbaka", "Back"),
  save: w("Tallenna", "Spara", "Save"),
  none: w("Ei yhtään", "Inga", "None"),
  // public
  home: w("Etusivu", "Startsida", "Home"),
  publishedDps: w("Dynaamiset hankintajärjestelmät", "Dynamiska inköpssystem", "Dynamic purchasing systems"),
  dpsIntro: w(
    "Palveluntuottaja voi hakea hankintaluokkaan milloin tahansa, kun se täyttää ehdot.",
    "En tjänsteproducent kan ansöka till en kategori när som helst, om den uppfyller kraven.",
    "A service provider may apply to a category at any time if it meets the criteria.",
  ),
  validity: w("Voimassa", "Giltigt", "Valid"),
  categories: w("Hankintaluokat", "Kategorier", "Categories"),
  category: w("Hankintaluokka", "Kategori", "Category"),
  criteria: w("Ehdot", "Krav", "Criteria"),
  priceCeiling: w("Enimmäishinta", "Högsta pris", "Price ceiling"),
  perUnit: w("yksikkö", "enhet", "unit"),
  outcomeBonus: w("Tuloslisä", "Resultatbonus", "Outcome bonus"),
  admittedProviders: w("Hyväksytyt palveluntuottajat", "Godkända tjänsteproducenter", "Admitted service providers"),
  regions: w("Kunnat", "Kommuner", "Municipalities"),
  languagesServed: w("Kielet", "Språk", "Languages"),
  registerProvider: w("Rekisteröidy palveluntuottajaksi", "Registrera dig som tjänsteproducent", "Register as a service provider"),
  companyName: w("Yrityksen nimi", "Företagets namn", "Company name"),
  businessId: w("Y-tunnus", "FO-nummer", "Business ID"),
  yourName: w("Nimesi", "Ditt namn", "Your name"),
  personName: w("Nimi", "Namn", "Name"),
  registered: w("Rekisteröity. Kirjaudu nyt sisään.", "Registrerad. Logga in nu.", "Registered. Sign in now."),
  // states
  state_placed: w("Odottaa vastausta", "Väntar på svar", "Waiting for an answer"),
  state_accepted: w("Hyväksytty", "Godkänd", "Accepted"),
  state_declined: w("Hylätty", "Avböjd", "Declined"),
  state_started: w("Alkanut", "Påbörjad", "Started"),
  state_completed: w("Päättynyt", "Avslutad", "Completed"),
  state_interrupted: w("Keskeytynyt", "Avbruten", "Interrupted"),
  state_cancelled: w("Peruttu", "Återkallad", "Cancelled"),
  // coach
  customers: w("Asiakkaat", "Kunder", "Customers"),
  customer: w("Asiakas", "Kund", "Customer"),
  findCustomer: w("Hae asiakas viitteellä", "Sök kund med referens", "Find a customer by reference"),
  reference: w("Asiakasviite", "Kundreferens", "Case reference"),
  referenceHint: w(
    "Yksikön oma viite, ei henkilötunnus.",
    "Enhetens egen referens, aldrig personbeteckning.",
    "Your unit's own reference, never a personal identity code.",
  ),
  find: w("Hae", "Sök", "Find"),
  noSuchCustomer: w("Asiakasta ei löydy. Lisää uusi alla.", "Kunden finns inte. Lägg till nedan.", "No such customer. Add one below."),
  newCustomer: w("Uusi asiakas", "Ny kund", "New customer"),
  region: w("Kotikunta", "Hemkommun", "Home municipality"),
  otherMunicipality: w("Muu kunta", "Annan kommun", "Another municipality"),
  municipalityCode: w("Kuntanumero", "Kommunnummer", "Municipality code"),
  customerLanguages: w("Palvelukielet", "Tjänstespråk", "Service languages"),
  customerLanguagesHint: w(
    "Kielet, joilla asiakas voi osallistua palveluun.",
    "Språk på vilka kunden kan delta i tjänsten.",
    "The languages the customer can take part in the service in.",
  ),
  unemployment: w("Työttömyyden kesto", "Arbetslöshetens längd", "Time unemployed"),
  ageBand: w("Ikäryhmä", "Åldersgrupp", "Age group"),
  band_under_3_months: w("alle 3 kk", "under 3 mån", "under 3 months"),
  band_from_3_to_12_months: w("3–12 kk", "3–12 mån", "3–12 months"),
  band_from_12_to_24_months: w("12–24 kk", "12–24 mån", "12–24 months"),
  band_over_24_months: w("yli 24 kk", "över 24 mån", "over 24 months"),
  age_under_25: w("alle 25", "under 25", "under 25"),
  age_from_25_to_29: w("25–29", "25–29", "25–29"),
  age_from_30_to_54: w("30–54", "30–54", "30–54"),
  age_over_54: w("yli 54", "över 54", "over 54"),
  addCustomer: w("Lisää asiakas", "Lägg till kund", "Add customer"),
  chooseService: w("Valitse palvelu", "Välj tjänst", "Choose a service"),
  startBy: w("Palvelun pitää alkaa viimeistään (valinnainen)", "Tjänsten ska börja senast (valfritt)", "The service must start by (optional)"),
  makeChoiceSet: w("Näytä valintalista", "Visa urvalslistan", "Show the choice list"),
  choiceSet: w("Valintalista", "Urvalslista", "Choice list"),
  choiceIntro: w(
    "Palvelut ovat satunnaisessa järjestyksessä. Asiakas valitsee.",
    "Tjänsterna står i slumpmässig ordning. Kunden väljer.",
    "The services are in random order. The customer chooses.",
  ),
  choiceSetUsed: w(
    "Tältä valintalistalta on jo tilattu. Uusi valinta tehdään uudelta listalta.",
    "En beställning har redan gjorts från den här urvalslistan. Ett nytt val görs från en ny lista.",
    "An order was placed from this choice list already. A new choice is made from a new list.",
  ),
  choiceSetExpired: w(
    "Valintalista on vanhentunut. Näytä asiakkaalle uusi lista.",
    "Urvalslistan har gått ut. Visa kunden en ny lista.",
    "This choice list has expired. Show the customer a new one.",
  ),
  openTheOrder: w("Avaa tilaus", "Öppna beställningen", "Open the order"),
  backToCustomer: w("Asiakkaan sivulle", "Till kundens sida", "To the customer's page"),
  noOfferings: w("Tälle asiakkaalle ei nyt ole tarjolla palveluja.", "Just nu finns inga tjänster för den här kunden.", "No services are available for this customer now."),
  price: w("Hinta", "Pris", "Price"),
  earliestStart: w("Aikaisin alku", "Tidigast start", "Earliest start"),
  duration: w("Tyypillinen kesto", "Typisk längd", "Typical duration"),
  days: w("päivää", "dagar", "days"),
  everywhere: w("koko alue", "hela området", "whole area"),
  completion: w("Palvelun loppuun asti käyneet", "Slutförda tjänster", "Completed the service"),
  nps: w("Asiakkaiden suositteluhalukkuus (NPS)", "Kundernas rekommendationsvilja (NPS)", "Customers' willingness to recommend (NPS)"),
  tooFew: w("liian vähän vastauksia näytettäväksi", "för få svar att visa", "too few answers to show"),
  tooFewEnded: w("liian vähän päättyneitä palveluja näytettäväksi", "för få avslutade tjänster att visa", "too few ended services to show"),
  fromAnswers: w("vastauksesta", "svar", "answers"),
  fromEnded: w("päättyneestä palvelusta", "avslutade tjänster", "ended services"),
  interval: w("95 %:n luottamusväli", "95 % konfidensintervall", "95 % interval"),
  choose: w("Asiakas valitsee tämän", "Kunden väljer denna", "The customer chooses this"),
  chooseReason: w("Valinnan syy (valinnainen)", "Skäl för valet (valfritt)", "Reason for the choice (optional)"),
  confirmOrder: w("Tilaa", "Beställ", "Order"),
  leftOut: w("Listalta puuttuvat (vain valmentajalle)", "Saknas på listan (bara för handledaren)", "Not on the list (coach only)"),
  reason_not_admitted: w("ei hyväksytty", "inte godkänd", "not admitted"),
  reason_inactive: w("ei aktiivinen", "inte aktiv", "inactive"),
  reason_no_free_places: w("ei vapaita paikkoja", "inga lediga platser", "no free places"),
  reason_region: w("ei asiakkaan kunnassa", "inte i kundens kommun", "not in the customer's municipality"),
  reason_language: w("ei asiakkaan kielellä", "inte på kundens språk", "not in the customer's language"),
  reason_start: w("alkaa liian myöhään", "börjar för sent", "starts too late"),
  freePlaces: w("Vapaat paikat", "Lediga platser", "Free places"),
  orders: w("Tilaukset", "Beställningar", "Orders"),
  order: w("Tilaus", "Beställning", "Order"),
  ordered: w("Tilaus tehty", "Beställningen är gjord", "Order placed"),
  provider: w("Palveluntuottaja", "Tjänsteproducent", "Service provider"),
  stateLabel: w("Tila", "Läge", "State"),
  placedAt: w("Tilattu", "Beställd", "Ordered"),
  feedbackLink: w("Palautelinkki asiakkaalle", "Responslänk till kunden", "Feedback link for the customer"),
  makeFeedbackLink: w("Luo palautelinkki", "Skapa responslänk", "Make a feedback link"),
  feedbackLinkHelp: w(
    "Anna tämä asiakkaalle. Linkki toimii kerran.",
    "Ge den här till kunden. Länken fungerar en gång.",
    "Give this to the customer. The link works once.",
  ),
  expires: w("Vanhenee", "Går ut", "Expires"),
  print: w("Tulosta", "Skriv ut", "Print"),
  outcome: w("Tulos", "Resultat", "Outcome"),
  outcome_employment_open_market: w("Työ avoimilla työmarkkinoilla", "Arbete på den öppna marknaden", "Work on the open market"),
  outcome_employed_permanent_full_time: w("Vakituinen kokoaikatyö", "Fast heltidsarbete", "Permanent full-time work"),
  outcome_employed_permanent_part_time: w("Vakituinen osa-aikatyö", "Fast deltidsarbete", "Permanent part-time work"),
  outcome_employed_fixed_term_full_time: w("Määräaikainen kokoaikatyö", "Visstidsarbete på heltid", "Fixed-term full-time work"),
  outcome_employed_fixed_term_part_time: w("Määräaikainen osa-aikatyö", "Visstidsarbete på deltid", "Fixed-term part-time work"),
  outcome_unknown: w("Ei tiedossa", "Okänt", "Unknown"),
  outcome_subsidised_employment: w("Palkkatuettu työ", "Lönesubventionerat arbete", "Subsidised employment"),
  outcome_studies: w("Opinnot", "Studier", "Studies"),
  outcome_work_trial: w("Työkokeilu", "Arbetsprövning", "Work trial"),
  outcome_another_service: w("Toinen palvelu", "En annan tjänst", "Another service"),
  outcome_no_change: w("Ei muutosta", "Ingen förändring", "No change"),
  recordOutcome: w("Kirjaa tulos", "Registrera resultat", "Record the outcome"),
  // feedback page
  feedback: w("Palaute", "Respons", "Feedback"),
  recommendQuestion: w(
    "Kuinka todennäköisesti suosittelisit palvelua ystävällesi?",
    "Hur troligt är det att du skulle rekommendera tjänsten till en vän?",
    "How likely are you to recommend this service to a friend?",
  ),
  notLikely: w("0 = en lainkaan todennäköisesti", "0 = inte alls troligt", "0 = not at all likely"),
  veryLikely: w("10 = erittäin todennäköisesti", "10 = mycket troligt", "10 = extremely likely"),
  comment: w("Kommentti (valinnainen)", "Kommentar (valfritt)", "Comment (optional)"),
  send: w("Lähetä", "Skicka", "Send"),
  thanks: w("Kiitos palautteestasi!", "Tack för din respons!", "Thank you for your feedback!"),
  thanksBody: w(
    "Vastauksesi on tallennettu. Palveluntuottaja ei näe, kuka vastasi.",
    "Ditt svar har sparats. Tjänsteproducenten ser inte vem som svarade.",
    "Your answer is saved. The provider does not see who answered.",
  ),
  linkUsed: w("Tämä linkki on jo käytetty", "Den här länken har redan använts", "This link has already been used"),
  linkUnknown: w("Linkki ei toimi", "Länken fungerar inte", "This link does not work"),
  linkUnknownBody: w(
    "Linkki on vanhentunut tai väärin kirjoitettu. Pyydä valmentajalta uusi.",
    "Länken har gått ut eller är felskriven. Be din handledare om en ny.",
    "The link has expired or is mistyped. Ask your coach for a new one.",
  ),
  // provider
  inbox: w("Tilaukset", "Beställningar", "Orders"),
  accept: w("Hyväksy", "Godkänn", "Accept"),
  decline: w("Hylkää", "Avböj", "Decline"),
  start: w("Aloita", "Påbörja", "Start"),
  complete: w("Merkitse päättyneeksi", "Markera som avslutad", "Mark completed"),
  interrupt: w("Keskeytä", "Avbryt", "Interrupt"),
  reason: w("Syy", "Skäl", "Reason"),
  offerings: w("Palvelutarjoukset", "Tjänsteerbjudanden", "Offerings"),
  applications: w("Osallistumishakemukset", "Anbudsansökningar", "Requests to participate"),
  customerFacts: w("Asiakkaan kielet ja kunta", "Kundens språk och kommun", "Customer's languages and municipality"),
  closingReport: w("Loppuraportti", "Slutrapport", "Closing report"),
  workDone: w("Mitä tehtiin", "Vad som gjordes", "What was done"),
  results: w("Tulokset", "Resultat", "Results"),
  nextSteps: w("Jatkosuunnitelma", "Nästa steg", "Next steps"),
  writeReport: w("Tallenna loppuraportti", "Spara slutrapporten", "Save the closing report"),
  outcomeDate: w("Tuloksen päivä", "Resultatets datum", "Date of the outcome"),
  noOrders: w("Ei tilauksia.", "Inga beställningar.", "No orders."),
  showMore: w("Näytä lisää", "Visa fler", "Show more"),
  filterState: w("Näytä tila", "Visa läge", "Show state"),
  all: w("Kaikki", "Alla", "All"),
  actions: w("Toimenpiteet", "Åtgärder", "Actions"),
  done: w("Tallennettu.", "Sparat.", "Saved."),
  newOffering: w("Uusi palvelutarjous", "Nytt tjänsteerbjudande", "New offering"),
  editOffering: w("Muokkaa", "Redigera", "Edit"),
  descriptionFi: w("Kuvaus suomeksi", "Beskrivning på finska", "Description in Finnish"),
  descriptionSv: w("Kuvaus ruotsiksi", "Beskrivning på svenska", "Description in Swedish"),
  descriptionEn: w("Kuvaus englanniksi", "Beskrivning på engelska", "Description in English"),
  priceEuros: w("Hinta euroina", "Pris i euro", "Price in euros"),
  languageCodesHint: w(
    "Kielikoodit pilkuin eroteltuina, esim. fi, sv, en",
    "Språkkoder med kommatecken, t.ex. fi, sv, en",
    "Language codes separated by commas, e.g. fi, sv, en",
  ),
  regionsHint: w("Kuntanumerot pilkuin eroteltuina; tyhjä = koko alue", "Kommunnummer med kommatecken; tomt = hela området", "Municipality codes separated by commas; empty = the whole area"),
  durationDays: w("Tyypillinen kesto päivinä", "Typisk längd i dagar", "Typical duration in days"),
  active: w("Tarjolla asiakkaille", "Tillgänglig för kunder", "Available to customers"),
  notActive: w("Ei tarjolla asiakkaille", "Inte tillgänglig för kunder", "Not available to customers"),
  regionsChoiceHint: w(
    "Jos et valitse yhtään, palvelu on tarjolla hankintaluokan koko alueella.",
    "Om du inte väljer någon erbjuds tjänsten i kategorins hela område.",
    "If you choose none, the service is offered in the category's whole area.",
  ),
  notAdmittedYet: w("Et ole vielä hyväksytty yhteenkään asiakasvalintaluokkaan.", "Du är ännu inte godkänd i någon kundvalskategori.", "You are not yet admitted to any customer-choice category."),
  apply: w("Hae mukaan tähän hankintaluokkaan", "Ansök till den här kategorin", "Apply to this category"),
  myApplications: w("Hakemukset", "Ansökningar", "Applications"),
  saveDraft: w("Tallenna luonnos", "Spara utkast", "Save draft"),
  checkAnswers: w("Tarkista vastaukset", "Granska svaren", "Check your answers"),
  checkAnswersIntro: w(
    "Tarkista vastaukset. Hakemus on oikeudellinen asiakirja: saapumisaika kirjataan, kun lähetät sen.",
    "Granska svaren. Ansökan är en rättslig handling: mottagningstiden registreras när du skickar den.",
    "Check your answers. The request is a legal act: its time of receipt is recorded when you send it.",
  ),
  submitApplication: w("Lähetä hakemus", "Skicka ansökan", "Send the request"),
  change: w("Muuta vastauksia", "Ändra svaren", "Change the answers"),
  receipt: w("Hakemus on vastaanotettu", "Ansökan har tagits emot", "The request has been received"),
  receiptBody: w(
    "Hankintayksikön on päätettävä hakemuksesta määräpäivään mennessä.",
    "Den upphandlande myndigheten ska besluta om ansökan senast på förfallodagen.",
    "The contracting authority must decide on it by the due date.",
  ),
  uploadFile: w("Liitä tiedosto (PDF, PNG tai JPEG)", "Bifoga en fil (PDF, PNG eller JPEG)", "Attach a file (PDF, PNG or JPEG)"),
  uploading: w("Lähetetään", "Skickas", "Uploading"),
  attached: w("Liitetty", "Bifogad", "Attached"),
  messages: w("Viestit", "Meddelanden", "Messages"),
  answerClarification: w("Vastaa lisäselvityspyyntöön", "Svara på begäran om komplettering", "Answer the clarification request"),
  sendAnswer: w("Lähetä vastaus", "Skicka svaret", "Send the answer"),
  decisionReasonLabel: w("Päätöksen perustelut", "Beslutets motivering", "Reasons for the decision"),
  competitions: w("Kevennetyt kilpailutukset", "Förnyade konkurrensutsättningar", "Mini-competitions"),
  competition: w("Kevennetty kilpailutus", "Förnyad konkurrensutsättning", "Mini-competition"),
  newCompetition: w("Uusi kevennetty kilpailutus", "Ny förnyad konkurrensutsättning", "New mini-competition"),
  title: w("Otsikko", "Rubrik", "Title"),
  description: w("Kuvaus", "Beskrivning", "Description"),
  awardCriteria: w("Vertailuperusteet", "Tilldelningskriterier", "Award criteria"),
  criterionName: w("Peruste", "Kriterium", "Criterion"),
  weight: w("Painoarvo", "Vikt", "Weight"),
  weightOf: w("painoarvo", "vikt", "weight"),
  maxPoints: w("Enimmäispisteet", "Högsta poäng", "Maximum points"),
  basis_price: w("hinta", "pris", "price"),
  basis_quality: w("laatu", "kvalitet", "quality"),
  questionsDeadline: w("Kysymysten määräaika", "Sista dag för frågor", "Questions deadline"),
  tenderDeadline: w("Tarjousten jättöaika päättyy", "Sista dag för anbud", "Tender deadline"),
  createDraft: w("Tallenna luonnoksena", "Spara som utkast", "Save as a draft"),
  publish: w("Julkaise ja kutsu palveluntuottajat", "Publicera och bjud in tjänsteproducenterna", "Publish and invite the providers"),
  openTenders: w("Avaa tarjoukset", "Öppna anbuden", "Open the tenders"),
  invited: w("Kutsuttuja", "Inbjudna", "Invited"),
  tendersCount: w("Tarjouksia", "Anbud", "Tenders"),
  sealedUntilDeadline: w("suljettu määräaikaan asti", "förseglat till sista dagen", "sealed until the deadline"),
  tenders: w("Tarjoukset", "Anbud", "Tenders"),
  score: w("Pisteet", "Poäng", "Points"),
  justification: w("Perustelu", "Motivering", "Justification"),
  saveScore: w("Tallenna pisteet", "Spara poängen", "Save the points"),
  ranking: w("Vertailu", "Rangordning", "Ranking"),
  total: w("Yhteensä", "Totalt", "Total"),
  rank: w("Sija", "Plats", "Rank"),
  award: w("Tee hankintapäätös: voittaja", "Fatta beslut: vinnaren", "Award to the winner"),
  comp_draft: w("Luonnos", "Utkast", "Draft"),
  comp_published: w("Tarjouksia vastaanotetaan", "Anbud tas emot", "Receiving tenders"),
  comp_opened: w("Tarjoukset avattu", "Anbuden öppnade", "Tenders opened"),
  comp_awarded: w("Hankintapäätös tehty", "Beslut fattat", "Awarded"),
  comp_concluded: w("Sopimus tehty", "Avtal ingått", "Concluded"),
  comp_cancelled: w("Keskeytetty", "Avbruten", "Cancelled"),
  yourTender: w("Tarjouksesi", "Ditt anbud", "Your tender"),
  tenderPrice: w("Hinta euroina", "Pris i euro", "Price in euros"),
  note: w("Lisätiedot", "Tilläggsuppgifter", "Note"),
  saveTender: w("Tallenna tarjous (suljettu)", "Spara anbudet (förseglat)", "Save the tender (sealed)"),
  submitTender: w("Jätä tarjous", "Lämna anbudet", "Submit the tender"),
  withdrawTender: w("Peru tarjous", "Återkalla anbudet", "Withdraw the tender"),
  tender_draft: w("Luonnos tallennettu, ei jätetty", "Utkast sparat, inte lämnat", "Draft saved, not submitted"),
  tender_submitted: w("Jätetty", "Lämnat", "Submitted"),
  tender_withdrawn: w("Peruttu", "Återkallat", "Withdrawn"),
  receiptDigest: w("Kuittaus (SHA-256)", "Kvitto (SHA-256)", "Receipt (SHA-256)"),
  winner: w("Voittaja", "Vinnare", "Winner"),
  yourRank: w("Sijasi", "Din plats", "Your rank"),
  standstillUntil: w("Odotusaika päättyy", "Väntetiden löper ut", "Standstill period ends"),
  ask: w("Kysy", "Fråga", "Ask"),
  questions: w("Kysymykset ja vastaukset", "Frågor och svar", "Questions and answers"),
  setUp: w("Hankintajärjestelmät", "Inköpssystem", "Purchasing systems"),
  newDps: w("Uusi dynaaminen hankintajärjestelmä", "Nytt dynamiskt inköpssystem", "New dynamic purchasing system"),
  noticeReference: w("Hankintailmoituksen tunnus", "Upphandlingsannonsens nummer", "Contract notice reference"),
  validFrom: w("Voimassa alkaen", "Giltigt från", "Valid from"),
  validUntil: w("Voimassa asti", "Giltigt till", "Valid until"),
  createDps: w("Luo luonnos", "Skapa utkast", "Create a draft"),
  dps_draft: w("Luonnos", "Utkast", "Draft"),
  dps_open: w("Avoinna", "Öppet", "Open"),
  dps_suspended: w("Keskeytetty", "Tillfälligt stängt", "Suspended"),
  dps_closed: w("Päättynyt", "Stängt", "Closed"),
  act_publish: w("Julkaise", "Publicera", "Publish"),
  act_suspend: w("Keskeytä", "Stäng tillfälligt", "Suspend"),
  act_resume: w("Jatka", "Återuppta", "Resume"),
  act_close: w("Sulje", "Stäng", "Close"),
  act_open: w("Avaa hakemuksille", "Öppna för ansökningar", "Open for applications"),
  act_exclude: w("Sulje pois", "Uteslut", "Exclude"),
  cat_draft: w("Luonnos", "Utkast", "Draft"),
  cat_open: w("Avoinna", "Öppen", "Open"),
  cat_closed: w("Suljettu", "Stängd", "Closed"),
  newCategory: w("Uusi hankintaluokka", "Ny kategori", "New category"),
  nameFi: w("Nimi suomeksi", "Namn på finska", "Name in Finnish"),
  nameSv: w("Nimi ruotsiksi", "Namn på svenska", "Name in Swedish"),
  nameEn: w("Nimi englanniksi", "Namn på engelska", "Name in English"),
  awardMethod: w("Hankintatapa", "Upphandlingssätt", "Award method"),
  method_customer_choice: w("Asiakas valitsee", "Kunden väljer", "Customer choice"),
  method_mini_competition: w("Kevennetty kilpailutus", "Förnyad konkurrensutsättning", "Mini-competition"),
  priceUnit: w("Hinnoitteluyksikkö", "Prisenhet", "Price unit"),
  ceilingEuros: w("Enimmäishinta euroina", "Högsta pris i euro", "Price ceiling in euros"),
  criterionKey: w("Tunniste", "Nyckel", "Key"),
  question: w("Kysymys", "Fråga", "Question"),
  answerType: w("Vastauksen tyyppi", "Svarstyp", "Answer type"),
  type_yes_no: w("kyllä/ei", "ja/nej", "yes/no"),
  type_number_at_least: w("luku, vähintään", "tal, minst", "number, at least"),
  type_date_within_days: w("päivämäärä, enintään päivää vanha", "datum, högst dagar gammalt", "date, at most days old"),
  type_text: w("teksti", "text", "text"),
  type_attachment: w("liite", "bilaga", "attachment"),
  kind: w("Laji", "Typ", "Kind"),
  kind_exclusion_ground: w("poissulkemisperuste", "uteslutningsgrund", "exclusion ground"),
  kind_selection: w("soveltuvuusvaatimus", "urvalskriterium", "selection criterion"),
  limit: w("Raja (luku tai päivät)", "Gräns (tal eller dagar)", "Limit (number or days)"),
  attachmentRequired: w("Liite vaaditaan", "Bilaga krävs", "Attachment required"),
  addCriterion: w("Lisää ehto", "Lägg till krav", "Add a criterion"),
  removeCriterion: w("Poista ehto", "Ta bort kravet", "Remove the criterion"),
  createCategory: w("Luo hankintaluokka", "Skapa kategorin", "Create the category"),
  admissions: w("Hyväksytyt palveluntuottajat", "Godkända tjänsteproducenter", "Admitted providers"),
  admissionReason: w("Syy (pakollinen keskeytettäessä tai poissuljettaessa)", "Skäl (krävs vid avstängning eller uteslutning)", "Reason (required to suspend or exclude)"),
  users: w("Käyttäjät", "Användare", "Users"),
  organisation: w("Organisaatio", "Organisation", "Organisation"),
  addUser: w("Lisää käyttäjä", "Lägg till användare", "Add a user"),
  role: w("Rooli", "Roll", "Role"),
  role_admin: w("ylläpitäjä", "administratör", "administrator"),
  role_officer: w("hankinta-asiantuntija", "upphandlingsexpert", "procurement officer"),
  role_provider: w("palveluntuottaja", "tjänsteproducent", "service provider"),
  role_coach: w("valmentaja", "handledare", "coach"),
  role_auditor: w("tarkastaja", "revisor", "auditor"),
  initialPassword: w("Alkusalasana (vähintään 12 merkkiä)", "Startlösenord (minst 12 tecken)", "Initial password (at least 12 characters)"),
  deactivate: w("Poista käytöstä", "Inaktivera", "Deactivate"),
  activate: w("Ota käyttöön", "Aktivera", "Activate"),
  inactive: w("ei käytössä", "inaktiv", "inactive"),
  newOrganisation: w("Uusi organisaatio", "Ny organisation", "New organisation"),
  orgKind: w("Organisaation laji", "Organisationstyp", "Kind of organisation"),
  org_contracting_authority: w("hankintayksikkö", "upphandlande myndighet", "contracting authority"),
  org_coaching_unit: w("valmennusyksikkö", "handledningsenhet", "coaching unit"),
  org_provider: w("palveluntuottaja", "tjänsteproducent", "service provider"),
  createOrganisation: w("Luo organisaatio", "Skapa organisationen", "Create the organisation"),
  coachRating: w("Valmentajan arvio palvelusta (0–10)", "Handledarens bedömning av tjänsten (0–10)", "The coach's rating of the service (0–10)"),
  rate: w("Tallenna arvio", "Spara bedömningen", "Save the rating"),
  changePassword: w("Vaihda salasana", "Byt lösenord", "Change password"),
  currentPassword: w("Nykyinen salasana", "Nuvarande lösenord", "Current password"),
  newPassword: w("Uusi salasana (vähintään 12 merkkiä)", "Nytt lösenord (minst 12 tecken)", "New password (at least 12 characters)"),
  passwordChanged: w(
    "Salasana vaihdettu. Muut istuntosi on kirjattu ulos.",
    "Lösenordet är bytt. Dina andra sessioner har loggats ut.",
    "Password changed. Your other sessions have been signed out.",
  ),
  passwordChangeRequired: w(
    "Sait kertakäyttöisen salasanan. Valitse nyt oma salasana: muuhun et pääse ennen sitä.",
    "Du fick ett engångslösenord. Välj nu ett eget lösenord: annat kan du inte göra innan dess.",
    "You were given a one-time password. Choose your own password now: nothing else opens before that.",
  ),
  resetPassword: w("Anna kertasalasana", "Ge ett engångslösenord", "Reset the password"),
  oneTimePasswordFor: w("Kertasalasana käyttäjälle", "Engångslösenord för", "One-time password for"),
  oneTimePasswordHint: w(
    "Anna se käyttäjälle turvallista tietä. Se näytetään vain nyt; käyttäjä vaihtaa sen ensimmäisellä kirjautumisella, ja hänen istuntonsa on kirjattu ulos.",
    "Ge det till användaren på ett säkert sätt. Det visas bara nu; användaren byter det vid första inloggningen, och användarens sessioner har loggats ut.",
    "Give it to the user by a safe channel. It is shown only now; the user changes it at the next sign-in, and their sessions have been signed out.",
  ),
  mustChangePassword: w("kertasalasana vaihtamatta", "engångslösenordet inte bytt", "one-time password not yet changed"),
  consents: w("Asiakkaan suostumukset", "Kundens samtycken", "The customer's consents"),
  scope_closing_reports: w("aiempien palvelujen loppuraportit", "tidigare tjänsters slutrapporter", "earlier services' closing reports"),
  scope_outcomes: w("aiempien palvelujen tulokset", "tidigare tjänsters resultat", "earlier services' outcomes"),
  giveConsent: w("Asiakas antaa palveluntuottajalle luvan nähdä", "Kunden ger tjänsteproducenten rätt att se", "The customer lets the provider see"),
  withdraw: w("Peru suostumus", "Återkalla samtycket", "Withdraw the consent"),
  withdrawn: w("peruttu", "återkallat", "withdrawn"),
  givenAt: w("annettu", "givet", "given"),
  extendDeadline: w("Pidennä päätöksen määräaikaa (15 työpäivään)", "Förläng beslutstiden (till 15 arbetsdagar)", "Extend the decision deadline (to 15 working days)"),
  reconfirmations: w("Ehtojen uudelleenvahvistukset", "Bekräftelser av kraven", "Re-confirmations of the criteria"),
  askReconfirmation: w("Pyydä hyväksyttyjä vahvistamaan ehdot", "Be de godkända bekräfta kraven", "Ask the admitted providers to re-confirm"),
  dueDate: w("Määräpäivä", "Förfallodag", "Due date"),
  confirm: w("Vahvistan, että ehdot täyttyvät edelleen", "Jag bekräftar att kraven fortfarande uppfylls", "I confirm that the criteria are still met"),
  confirmed: w("Vahvistettu.", "Bekräftat.", "Confirmed."),
  act_reinstate: w("Palauta", "Återinsätt", "Reinstate"),
  adm_admitted: w("hyväksytty", "godkänd", "admitted"),
  adm_suspended: w("keskeytetty", "avstängd", "suspended"),
  adm_excluded: w("suljettu pois", "utesluten", "excluded"),
  admissionNow: w("Hyväksyntä nyt", "Godkännandet nu", "The admission now"),
  // officer
  reviewQueue: w("Päätöstä odottavat hakemukset", "Ansökningar som väntar på beslut", "Applications awaiting a decision"),
  timeLeft: w("Aikaa jäljellä", "Tid kvar", "Time left"),
  workingDaysLeft: w("työpäivää jäljellä", "arbetsdagar kvar", "working days left"),
  workingDayLeft: w("työpäivä jäljellä", "arbetsdag kvar", "working day left"),
  dueToday: w("Viimeinen päivä tänään", "Sista dagen i dag", "Due today"),
  overdue: w("Myöhässä", "Försenad", "Overdue"),
  workingDays: w("työpäivää", "arbetsdagar", "working days"),
  workingDay: w("työpäivä", "arbetsdag", "working day"),
  decisionDue: w("Päätös viimeistään", "Beslut senast", "Decision due"),
  receivedAt: w("Saapunut", "Mottagen", "Received"),
  scorecards: w("Palveluntuottajien tulokset", "Tjänsteproducenternas resultat", "Provider scorecards"),
  spend: w("Kulut kuukausittain", "Kostnader per månad", "Spend per month"),
  downloadCsv: w("Lataa CSV", "Ladda ner CSV", "Download CSV"),
  dps: w("Dynaaminen hankintajärjestelmä", "Dynamiskt inköpssystem", "Dynamic purchasing system"),
  amount: w("Summa", "Summa", "Amount"),
  month: w("Kuukausi", "Månad", "Month"),
  acceptance: w("Hyväksytyt tilaukset", "Godkända beställningar", "Orders accepted"),
  notifications: w("Ilmoitukset", "Meddelanden", "Notifications"),
  notice_invited: w("Kutsu jättää tarjous", "Inbjudan att lämna anbud", "Invitation to tender"),
  notice_deadline_moved: w("Tarjousten jättöaikaa siirrettiin myöhemmäksi", "Sista dag för anbud flyttades framåt", "The tender deadline was moved later"),
  notice_answer_published: w("Kysymykseen vastattiin", "En fråga besvarades", "A question was answered"),
  notice_cancelled: w("Kilpailutus keskeytettiin", "Konkurrensutsättningen avbröts", "The competition was cancelled"),
  notice_awarded: w("Hankintapäätös on tehty", "Beslutet har fattats", "The award decision has been made"),
  notice_suspended: w("Hyväksyntä keskeytetty", "Godkännandet avbrutet", "Admission suspended"),
  notice_reinstated: w("Hyväksyntä palautettu", "Godkännandet återinsatt", "Admission reinstated"),
  notice_excluded: w("Suljettu pois", "Utesluten", "Excluded"),
  queueEmpty: w("Ei päätöstä odottavia hakemuksia.", "Inga ansökningar väntar på beslut.", "No applications await a decision."),
  open: w("Avaa", "Öppna", "Open"),
  answers: w("Vastaukset ja arviot", "Svar och bedömningar", "Answers and evaluations"),
  criterion: w("Ehto", "Krav", "Criterion"),
  answer: w("Vastaus", "Svar", "Answer"),
  evaluation: w("Arvio", "Bedömning", "Evaluation"),
  verdict_meets: w("täyttyy", "uppfylls", "meets"),
  verdict_fails: w("ei täyty", "uppfylls inte", "fails"),
  verdict_missing: w("puuttuu", "saknas", "missing"),
  verdict_officer_judges: w("hankinta-asiantuntija arvioi", "upphandlaren bedömer", "the officer judges"),
  atLeast: w("vähintään", "minst", "at least"),
  atMost: w("enintään", "högst", "at most"),
  daysOld: w("päivää vanha", "dagar gammal", "days old"),
  attachmentMissing: w("liite puuttuu", "bilaga saknas", "attachment missing"),
  yes: w("kyllä", "ja", "yes"),
  no: w("ei", "nej", "no"),
  decision: w("Päätös", "Beslut", "Decision"),
  admit: w("Hyväksy", "Godkänn", "Admit"),
  reject: w("Hylkää", "Avslå", "Reject"),
  decisionReason: w("Perustelut (pakollinen hylättäessä)", "Motivering (krävs vid avslag)", "Reasons (required to reject)"),
  askClarification: w("Pyydä lisäselvitystä", "Begär komplettering", "Request clarification"),
  message: w("Viesti", "Meddelande", "Message"),
  application: w("Osallistumishakemus", "Anbudsansökan", "Request to participate"),
  app_submitted: w("Odottaa päätöstä", "Väntar på beslut", "Awaiting a decision"),
  app_clarification_requested: w("Lisäselvitystä pyydetty", "Komplettering begärd", "Clarification requested"),
  app_admitted: w("Hyväksytty", "Godkänd", "Admitted"),
  app_rejected: w("Hylätty", "Avslagen", "Rejected"),
  app_draft: w("Luonnos", "Utkast", "Draft"),
  app_withdrawn: w("Peruttu", "Återtagen", "Withdrawn"),
  period: w("Viimeiset 12 kuukautta", "De senaste 12 månaderna", "The last 12 months"),
  ordersCount: w("tilausta", "beställningar", "orders"),
} satisfies Record<string, Words>;

export type WordKey = keyof typeof words;

let current: Lang = initialLanguage();
const listeners = new Set<(l: Lang) => void>();

function initialLanguage(): Lang {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "fi" || asked === "sv" || asked === "en") return asked;
  return "fi";
}

export function lang(): Lang {
  return current;
}

export function setLanguage(l: Lang): void {
  current = l;
  document.documentElement.lang = l;
  listeners.forEach((f) => f(l));
}

// Re-renders the calling component when the language changes.
export function useLanguage(): Lang {
  const [l, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    set(current); // a change between the render and this effect is not missed
    return () => void listeners.delete(set);
  }, []);
  return l;
}

export function t(key: WordKey): string {
  return words[key][current];
}

// A word chosen at run time from an API code ("state_" + "accepted"); the code itself when
// there is no word for it, so a new state shows up rather than vanishing.
export function tCode(prefix: string, code: string): string {
  const entry = (words as Record<string, Words>)[prefix + code];
  return entry ? entry[current] : code;
}

export function localised(text: { fi: string; sv: string; en: string } | undefined | null): string {
  if (!text) return "";
  return text[current] || text.fi || text.en || text.sv;
}

export const locale = (): string => ({ fi: "fi-FI", sv: "sv-FI", en: "en-GB" })[current];

export function formatDate(isoDate: string): string {
  // A date without a time is a Helsinki calendar day: format it as such, not as UTC midnight.
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

// Today's Helsinki calendar day as YYYY-MM-DD, `days` later: the day the server judges dates by.
// Between midnight in Helsinki and midnight UTC the browser's UTC date is still yesterday.
export function helsinkiDate(days = 0): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(
    new Date(Date.now() + days * 86400e3),
  );
}

export function formatTime(timestamp: string): string {
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Helsinki",
  }).format(new Date(timestamp));
}

export function formatEuros(cents: number): string {
  return new Intl.NumberFormat(locale(), { style: "currency", currency: "EUR" }).format(cents / 100);
}

export function formatNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(locale(), {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(n);
}

export function formatPercent(rate: number): string {
  return new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 0 }).format(rate);
}

// An interval as two numbers with a spaced ellipsis, which stays readable with minus signs
// ("−94 … −29") where a dash would not.
export function formatRange(low: string, high: string): string {
  return `${low} … ${high}`;
}

export function formatMonth(yearMonth: string): string {
  const [y, m] = yearMonth.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(), { year: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}
