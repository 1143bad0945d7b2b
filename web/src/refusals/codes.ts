// What to say for each problem the server answers without naming a field, by its stable code
// (the last segment of the problem's `type`, urn:tarjotin:problem:<code>).
import { w, type Words } from "./words";

// Refusals of a request the page itself made wrongly, or lost on the way: nothing the reader
// typed is at fault, and reloading the page is what helps.
const garbled = w(
  "Palvelu ei ymmärtänyt pyyntöä. Lataa sivu uudelleen ja yritä uudelleen.",
  "Tjänsten förstod inte begäran. Ladda om sidan och försök igen.",
  "The service did not understand the request. Reload the page and try again.",
);
const unavailable = w(
  "Palvelu ei juuri nyt vastaa. Yritä hetken kuluttua uudelleen.",
  "Tjänsten svarar inte just nu. Försök igen om en stund.",
  "The service is not answering just now. Try again in a moment.",
);
const notFound = w(
  "Tätä ei löydy. Se on ehkä poistettu, tai sinulla ei ole siihen pääsyä.",
  "Det här hittades inte. Det kan ha tagits bort, eller så har du inte åtkomst till det.",
  "This was not found. It may have been removed, or you may not have access to it.",
);
const notNow = w(
  "Tätä ei voi tehdä nykyisessä tilassa. Lataa sivu uudelleen nähdäksesi tilanteen.",
  "Det här går inte i det nuvarande läget. Ladda om sidan för att se läget.",
  "This cannot be done in the current state. Reload the page to see where things stand.",
);
const tooLarge = w("Lähetettävä tiedosto tai teksti on liian suuri.", "Filen eller texten är för stor.", "The file or text is too large.");

export const codeWords: Record<string, Words> = {
  // the request itself
  "ambiguous-framing": garbled,
  "bad-query": garbled,
  "bad-target": garbled,
  "malformed-json": garbled,
  "malformed-request": garbled,
  "missing-body": garbled,
  "unexpected-body": garbled,
  "unsupported-media-type": garbled,
  "method-not-allowed": garbled,
  "body-too-large": tooLarge,
  "header-too-large": tooLarge,
  "no-route": notFound,
  "not-found": notFound,
  "invalid-input": w("Tarkista tiedot.", "Kontrollera uppgifterna.", "Check the details."),
  "invalid-transition": notNow,
  // the service
  "database-unreachable": unavailable,
  "migrations-pending": unavailable,
  stopping: unavailable,
  "storage-unavailable": unavailable,
  "request-timeout": unavailable,
  "uploads-busy": w(
    "Juuri nyt lähetetään liian monta tiedostoa. Yritä hetken kuluttua uudelleen.",
    "Just nu skickas för många filer. Försök igen om en stund.",
    "Too many files are being sent just now. Try again in a moment.",
  ),
  internal: w(
    "Palvelussa tapahtui virhe. Yritä uudelleen.",
    "Ett fel inträffade i tjänsten. Försök igen.",
    "The service failed. Try again.",
  ),
  // who is signed in
  unauthenticated: w("Kirjaudu sisään uudelleen.", "Logga in igen.", "Sign in again."),
  forbidden: w("Sinulla ei ole oikeutta tähän.", "Du har inte rätt att göra det här.", "You may not do this."),
  "csrf-token-missing": w(
    "Istunto on vanhentunut tällä sivulla. Lataa sivu uudelleen.",
    "Sessionen har gått ut på den här sidan. Ladda om sidan.",
    "The session has expired on this page. Reload the page.",
  ),
  "password-change-required": w("Vaihda ensin salasanasi.", "Byt först ditt lösenord.", "Change your password first."),
  "sign-in-throttled": w(
    "Liian monta epäonnistunutta kirjautumista. Odota hetki ja yritä uudelleen.",
    "För många misslyckade inloggningar. Vänta en stund och försök igen.",
    "Too many failed sign-ins. Wait a moment and try again.",
  ),
  "not-a-session": w(
    "Kirjauduit organisaatiosi tunnistuspalvelulla: kirjaudu ulos siellä.",
    "Du loggade in med organisationens identifieringstjänst: logga ut där.",
    "You signed in with your organisation's identity provider: sign out there.",
  ),
  // accounts
  "already-initialised": w(
    "Pääkäyttäjä on jo olemassa; hän lisää muut käyttäjät.",
    "Det finns redan en administratör; den lägger till andra användare.",
    "An administrator exists already; they add further users.",
  ),
  "business-id-registered": w(
    "Tällä Y-tunnuksella on jo rekisteröity palveluntuottaja.",
    "En tjänsteproducent med det här FO-numret är redan registrerad.",
    "A service provider with this business ID is registered already.",
  ),
  "email-taken": w(
    "Tällä sähköpostiosoitteella on jo käyttäjä.",
    "Det finns redan en användare med den här e-postadressen.",
    "A user with this email address exists already.",
  ),
  "own-password": w(
    "Vaihda oma salasanasi nykyisen salasanasi avulla.",
    "Byt ditt eget lösenord med ditt nuvarande lösenord.",
    "Change your own password with your current one.",
  ),
  "self-deactivation": w("Et voi poistaa omaa tunnustasi käytöstä.", "Du kan inte inaktivera ditt eget konto.", "You cannot deactivate your own account."),
  // qualification
  "already-admitted": w(
    "Palveluntuottaja on jo hyväksytty tähän hankintaluokkaan.",
    "Tjänsteproducenten är redan godkänd i den här kategorin.",
    "The service provider is admitted to this category already.",
  ),
  "already-extended": w(
    "Päätöksen määräaikaa on jo pidennetty kerran.",
    "Beslutstiden har redan förlängts en gång.",
    "The decision deadline has been extended once already.",
  ),
  "application-pending": w(
    "Sinulla on jo osallistumishakemus tähän hankintaluokkaan.",
    "Du har redan en anbudsansökan till den här kategorin.",
    "You already have a request to participate in this category.",
  ),
  "category-closed": w("Hankintaluokka on suljettu.", "Kategorin är stängd.", "The category is closed."),
  "category-not-open": w("Hankintaluokka ei ole avoinna.", "Kategorin är inte öppen.", "The category is not open."),
  "dps-closed": w("Hankintajärjestelmä on päättynyt.", "Inköpssystemet är stängt.", "The purchasing system is closed."),
  "dps-not-accepting": w(
    "Hankintajärjestelmä ei nyt ota vastaan osallistumishakemuksia.",
    "Inköpssystemet tar inte emot anbudsansökningar nu.",
    "The purchasing system is not accepting requests to participate now.",
  ),
  "no-categories": w(
    "Lisää hankintajärjestelmään ainakin yksi hankintaluokka ennen julkaisua.",
    "Lägg till minst en kategori i inköpssystemet innan det publiceras.",
    "Add at least one category before publishing the purchasing system.",
  ),
  "not-admitted": w(
    "Palveluntuottajaa ei ole hyväksytty tähän hankintaluokkaan.",
    "Tjänsteproducenten är inte godkänd i den här kategorin.",
    "The service provider is not admitted to this category.",
  ),
  "reconfirmation-lapsed": w(
    "Määräpäivä on jo mennyt. Hae hankintaluokkaan uudelleen.",
    "Förfallodagen har passerat. Ansök till kategorin på nytt.",
    "The due date has passed. Apply to the category again.",
  ),
  "validity-over": w(
    "Hankintajärjestelmän voimassaolo on jo päättynyt.",
    "Inköpssystemets giltighetstid har redan gått ut.",
    "The purchasing system's validity has ended already.",
  ),
  // ordering
  "already-rated": w("Olet jo arvioinut tämän palvelun.", "Du har redan bedömt den här tjänsten.", "You have rated this service already."),
  "choice-set-expired": w(
    "Valintalista on vanhentunut. Näytä asiakkaalle uusi lista.",
    "Urvalslistan har gått ut. Visa kunden en ny lista.",
    "This choice list has expired. Show the customer a new one.",
  ),
  "choice-set-used": w(
    "Tältä valintalistalta on jo tilattu. Uusi valinta tehdään uudelta listalta.",
    "En beställning har redan gjorts från den här urvalslistan. Ett nytt val görs från en ny lista.",
    "An order was placed from this choice list already. A new choice is made from a new list.",
  ),
  "feedback-given": w("Palaute on jo annettu.", "Respons har redan getts.", "Feedback has been given already."),
  "link-expired": w(
    "Linkki on vanhentunut. Pyydä valmentajalta uusi.",
    "Länken har gått ut. Be din handledare om en ny.",
    "The link has expired. Ask your coach for a new one.",
  ),
  "no-free-places": w(
    "Palvelussa ei ole enää vapaita paikkoja. Näytä asiakkaalle uusi lista.",
    "Tjänsten har inga lediga platser kvar. Visa kunden en ny lista.",
    "The service has no free places left. Show the customer a new list.",
  ),
  "not-customer-choice": w(
    "Tässä hankintaluokassa asiakas ei valitse palvelua.",
    "I den här kategorin väljer kunden inte tjänsten.",
    "In this category the customer does not choose the service.",
  ),
  "not-ended": w("Palvelu ei ole vielä päättynyt.", "Tjänsten har inte avslutats ännu.", "The service has not ended yet."),
  "not-ordering": w(
    "Hankintaluokasta ei voi nyt tilata.",
    "Det går inte att beställa från kategorin nu.",
    "The category takes no orders now.",
  ),
  "offering-inactive": w(
    "Palvelutarjous ei ole enää tarjolla. Näytä asiakkaalle uusi lista.",
    "Tjänsteerbjudandet är inte längre tillgängligt. Visa kunden en ny lista.",
    "The offering is no longer available. Show the customer a new list.",
  ),
  "offering-changed": w(
    "Palvelutarjous muuttui tallennuksen aikana. Yritä uudelleen.",
    "Tjänsteerbjudandet ändrades medan det sparades. Försök igen.",
    "The offering changed while it was being saved. Try again.",
  ),
  "precondition-failed": w(
    "Palvelutarjous on muuttunut sen jälkeen, kun avasit sen, esimerkiksi tilaus on vienyt paikan. Avaa se uudelleen ja tee muutos siihen.",
    "Tjänsteerbjudandet har ändrats sedan du öppnade det, till exempel har en beställning tagit en plats. Öppna det igen och gör ändringen där.",
    "The offering has changed since you opened it, for example an order has taken a place. Open it again and make your change there.",
  ),
  "price-changed": w(
    "Hinta on muuttunut valintalistan tekemisen jälkeen. Näytä asiakkaalle uusi lista.",
    "Priset har ändrats efter att urvalslistan gjordes. Visa kunden en ny lista.",
    "The price changed after the choice list was made. Show the customer a new one.",
  ),
  "provider-not-admitted": w(
    "Palveluntuottaja ei nyt ole hyväksytty hankintaluokkaan. Näytä asiakkaalle uusi lista.",
    "Tjänsteproducenten är inte godkänd i kategorin nu. Visa kunden en ny lista.",
    "The service provider is not admitted to the category now. Show the customer a new list.",
  ),
  "reference-taken": w(
    "Tällä asiakasviitteellä on jo asiakas.",
    "Det finns redan en kund med den här referensen.",
    "A customer with this case reference exists already.",
  ),
  // mini-competitions
  "deadline-passed": w("Määräaika on jo päättynyt.", "Tidsfristen har redan gått ut.", "The deadline has passed."),
  "no-decision": w("Hankintapäätöstä ei ole vielä tehty.", "Beslut har ännu inte fattats.", "No award decision has been made yet."),
  "no-tender": w("Tallenna tarjous ennen kuin jätät sen.", "Spara anbudet innan du lämnar det.", "Save the tender before submitting it."),
  "no-tenders": w("Tarjouksia ei jätetty.", "Inga anbud lämnades.", "No tenders were submitted."),
  "not-buying": w("Hankintaluokasta ei nyt hankita.", "Kategorin upphandlar inte nu.", "The category does not buy now."),
  "not-evaluating": w(
    "Tarjoukset pisteytetään avaamisen jälkeen ja ennen hankintapäätöstä.",
    "Anbuden poängsätts efter öppningen och före beslutet.",
    "Tenders are scored after opening and before the award.",
  ),
  "not-mini-competition": w(
    "Tätä hankintaluokkaa ei hankita kevennetyllä kilpailutuksella.",
    "Den här kategorin upphandlas inte genom förnyad konkurrensutsättning.",
    "This category is not bought by mini-competition.",
  ),
  "not-submitted": w("Jätettyä tarjousta ei ole.", "Det finns inget lämnat anbud.", "There is no submitted tender."),
  "not-tendering": w(
    "Kilpailutuksessa ei nyt oteta vastaan tarjouksia.",
    "Konkurrensutsättningen tar inte emot anbud nu.",
    "The competition does not take tenders now.",
  ),
  published: w(
    "Julkaistun kilpailutuksen ehtoja ei voi muuttaa.",
    "Villkoren för en publicerad konkurrensutsättning kan inte ändras.",
    "A published competition's terms do not change.",
  ),
  "questions-closed": w("Kysymysten määräaika on päättynyt.", "Tiden för frågor har gått ut.", "The questions deadline has passed."),
  sealed: w(
    "Tarjoukset pysyvät suljettuina, kunnes ne avataan määräajan jälkeen.",
    "Anbuden förblir förseglade tills de öppnas efter sista dagen.",
    "Tenders stay sealed until they are opened after the deadline.",
  ),
  standstill: w("Odotusaika ei ole vielä päättynyt.", "Väntetiden har inte löpt ut ännu.", "The standstill period has not ended yet."),
  "tender-damaged": w(
    "Tarjousta ei voi avata: sitä on muutettu. Ota yhteyttä ylläpitoon.",
    "Anbudet kan inte öppnas: det har ändrats. Kontakta administrationen.",
    "A tender does not open: it was altered. Contact the administrators.",
  ),
  "tender-submitted": w("Tarjous on jo jätetty.", "Anbudet har redan lämnats.", "The tender has been submitted already."),
  unscored: w(
    "Pisteytä ensin jokainen tarjous jokaisella perusteella.",
    "Poängsätt först varje anbud enligt varje kriterium.",
    "Score every tender on every criterion first.",
  ),
  "audit-signing-off": w(
    "Palvelu ei allekirjoita tapahtumalokiaan, joten allekirjoitettua tarkistuspistettä ei ole.",
    "Tjänsten signerar inte sin händelselogg, så det finns ingen signerad kontrollpunkt.",
    "This service does not sign its audit log, so there is no signed checkpoint.",
  ),
  "bad-host": w(
    "Pyynnöstä puuttui palvelun osoite, joten kirjautuminen ei voi palata tänne. Avaa palvelu sen omasta osoitteesta.",
    "Begäran saknade tjänstens adress, så inloggningen kan inte komma tillbaka hit. Öppna tjänsten via dess egen adress.",
    "The request did not name the service's address, so the sign-in cannot come back here. Open the service at its own address.",
  ),
  "identity-not-a-user": w(
    "Organisaatiosi tunnisti sinut, mutta sinulla ei ole voimassa olevaa käyttäjätunnusta tässä palvelussa. Pyydä pääkäyttäjää lisäämään sinut.",
    "Din organisation identifierade dig, men du har inget aktivt användarkonto i den här tjänsten. Be administratören lägga till dig.",
    "Your organisation identified you, but you have no active account in this service. Ask your administrator to add you.",
  ),
  "identity-provider-unreachable": w(
    "Organisaatiosi tunnistuspalveluun ei saatu yhteyttä. Yritä hetken kuluttua uudelleen.",
    "Det gick inte att nå din organisations inloggningstjänst. Försök igen om en stund.",
    "Your organisation's sign-in service could not be reached. Try again in a moment.",
  ),
  "sign-in-expired": w(
    "Kirjautuminen vanheni ennen kuin se valmistui. Aloita kirjautuminen uudelleen.",
    "Inloggningen gick ut innan den var klar. Börja logga in igen.",
    "The sign-in expired before it finished. Start signing in again.",
  ),
  "sign-in-unknown": w(
    "Tätä kirjautumista ei aloitettu tässä selaimessa, tai se on jo käytetty. Aloita kirjautuminen uudelleen.",
    "Den här inloggningen påbörjades inte i den här webbläsaren, eller så har den redan använts. Börja logga in igen.",
    "This sign-in was not started in this browser, or was already used. Start signing in again.",
  ),
};
