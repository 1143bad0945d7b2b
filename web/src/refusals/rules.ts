// What to say beside a field for each rule the server names in a refusal's `errors[].rule`:
// the JSON Schema keyword a request broke, or a domain rule. The sentence stands beside the
// field's own label (and after it in the error summary), so it does not repeat the label.
import { w, type Words } from "./words";

export const ruleWords: Record<string, Words> = {
  // JSON Schema keywords
  required: w("Täytä tämä kohta.", "Fyll i den här uppgiften.", "Fill this in."),
  additionalProperties: w(
    "Palvelu ei tunne tätä tietoa. Lataa sivu uudelleen.",
    "Tjänsten känner inte till den här uppgiften. Ladda om sidan.",
    "The service does not know this field. Reload the page.",
  ),
  type: w("Arvo on väärää muotoa.", "Värdet har fel form.", "The value has the wrong form."),
  enum: w("Valitse jokin vaihtoehdoista.", "Välj ett av alternativen.", "Choose one of the options."),
  pattern: w("Arvo ei ole oikeaa muotoa.", "Värdet har inte rätt form.", "The value is not in the right form."),
  // Every request schema's minLength is 1 but the passwords' and the business ID's, which say
  // their own below.
  minLength: w("Täytä tämä kohta.", "Fyll i den här uppgiften.", "Fill this in."),
  maxLength: w("Teksti on liian pitkä.", "Texten är för lång.", "This is too long."),
  minimum: w("Luku on liian pieni.", "Talet är för litet.", "The number is too small."),
  maximum: w("Luku on liian suuri.", "Talet är för stort.", "The number is too large."),
  minItems: w("Valitse tai lisää ainakin yksi.", "Välj eller lägg till minst en.", "Choose or add at least one."),
  maxItems: w("Näitä on liian monta.", "Det är för många.", "There are too many."),
  not: w("Tämä arvo ei ole sallittu.", "Det här värdet är inte tillåtet.", "This value is not allowed."),
  allOf: w(
    "Arvo ei täytä kaikkia ehtoja.",
    "Värdet uppfyller inte alla villkor.",
    "The value does not meet every condition.",
  ),
  minProperties: w("Anna ainakin yksi tieto.", "Ange minst en uppgift.", "Give at least one value."),
  // domain rules
  "after-from": w("Jakso päättyy ennen kuin se alkaa.", "Perioden slutar innan den börjar.", "The period ends before it starts."),
  "after-order": w(
    "Tulos ei voi olla tilausta aiemmin.",
    "Resultatet kan inte vara tidigare än beställningen.",
    "The outcome cannot be earlier than the order.",
  ),
  "after-valid-from": w(
    "Päättymispäivän on oltava alkamispäivän jälkeen.",
    "Slutdagen ska vara efter startdagen.",
    "The end date must be after the start date.",
  ),
  "before-tender-deadline": w(
    "Kysymysten määräajan on päätyttävä ennen tarjousten jättöaikaa.",
    "Tiden för frågor ska gå ut före sista dag för anbud.",
    "Questions must close before the tender deadline.",
  ),
  category: w("Valitse hankintaluokka, jota voit käyttää.", "Välj en kategori som du får använda.", "Choose a category you may use."),
  "category-languages": w(
    "Hankintaluokassa ei hankita palvelua tällä kielellä.",
    "Kategorin köper inte tjänsten på det här språket.",
    "The category does not buy the service in this language.",
  ),
  "category-regions": w(
    "Hankintaluokka ei kata tätä kuntaa.",
    "Kategorin omfattar inte den här kommunen.",
    "The category does not cover this municipality.",
  ),
  "check-digit": w(
    "Tarkistusnumero ei täsmää. Tarkista tunnus.",
    "Kontrollsiffran stämmer inte. Kontrollera numret.",
    "The check digit does not match. Check the ID.",
  ),
  "choice-set": w("Valintalistaa ei löydy.", "Urvalslistan finns inte.", "There is no such choice list."),
  criterion: w(
    "Tällä tunnisteella ei ole laatuperustetta.",
    "Det finns inget kvalitetskriterium med den här nyckeln.",
    "No quality criterion has this key.",
  ),
  customer: w("Yksikölläsi ei ole tätä asiakasta.", "Din enhet har inte den här kunden.", "Your unit has no such customer."),
  date: w("Anna oikea päivämäärä.", "Ange ett giltigt datum.", "Enter a real date."),
  "date-time": w("Anna oikea päivämäärä ja kellonaika.", "Ange ett giltigt datum och klockslag.", "Enter a real date and time."),
  timestamp: w("Anna oikea päivämäärä ja kellonaika.", "Ange ett giltigt datum och klockslag.", "Enter a real date and time."),
  deliverable: w(
    "Tähän osoitteeseen ei voi toimittaa ilmoituksia.",
    "Meddelanden kan inte levereras till den här adressen.",
    "Notifications cannot be delivered to this address.",
  ),
  differs: w(
    "Uuden salasanan on oltava eri kuin nykyinen.",
    "Det nya lösenordet ska vara ett annat än det nuvarande.",
    "The new password must differ from the current one.",
  ),
  exists: w("Tätä liitettä ei ole tässä hakemuksessa.", "Den här bilagan finns inte i ansökan.", "This document is not attached to this request."),
  format: w("Arvo ei ole oikeaa muotoa.", "Värdet har inte rätt form.", "The value is not in the right form."),
  future: w("Päivän on oltava tulevaisuudessa.", "Dagen ska ligga i framtiden.", "The date must be in the future."),
  "idempotency-key-reused": w(
    "Tämä tilaus lähetettiin jo toisena tilauksena. Tee valinta uudelleen.",
    "Beställningen skickades redan som en annan beställning. Gör valet på nytt.",
    "This order was already sent as a different one. Make the choice again.",
  ),
  "in-choice-set": w(
    "Palvelu ei ollut asiakkaalle näytetyllä valintalistalla.",
    "Tjänsten fanns inte på urvalslistan som visades för kunden.",
    "The service was not on the choice list shown to the customer.",
  ),
  later: w(
    "Julkaistua määräaikaa voi vain siirtää myöhemmäksi.",
    "En publicerad tidsfrist kan bara flyttas framåt.",
    "A published deadline can only be moved later.",
  ),
  length: w("Pituus ei ole sallittu.", "Längden är inte tillåten.", "The length is not allowed."),
  matches: w("Nykyinen salasana on väärin.", "Det nuvarande lösenordet är fel.", "The current password is wrong."),
  "media-type": w("Liitä PDF-, PNG- tai JPEG-tiedosto.", "Bifoga en PDF-, PNG- eller JPEG-fil.", "Attach a PDF, PNG or JPEG file."),
  "minimum-period": w("Jakson on oltava vähintään 90 päivää.", "Perioden ska vara minst 90 dagar.", "The period must be at least 90 days."),
  "not-future": w("Päivä ei voi olla tulevaisuudessa.", "Dagen kan inte ligga i framtiden.", "The date cannot be in the future."),
  notCommon: w(
    "Salasana on yleisimpien salasanojen listalla. Valitse toinen.",
    "Lösenordet finns på listan över de vanligaste lösenorden. Välj ett annat.",
    "This password is on the list of the most common ones. Choose another.",
  ),
  "one-price-criterion": w(
    "Hinta pisteytetään vain kerran, julkaistulla kaavalla.",
    "Priset poängsätts bara en gång, enligt den publicerade formeln.",
    "Price is scored once, by the published formula.",
  ),
  "price-ceiling": w(
    "Hinta ylittää hankintaluokan enimmäishinnan.",
    "Priset överstiger kategorins högsta pris.",
    "The price is above the category's price ceiling.",
  ),
  "price-model": w(
    "Hankintaluokan hinnoittelumalli ei salli tätä lisää.",
    "Kategorins prismodell tillåter inte den här bonusen.",
    "The category's price model does not allow this bonus.",
  ),
  provider: w("Palveluntuottajaa ei löydy.", "Tjänsteproducenten finns inte.", "There is no such service provider."),
  pseudonymous: w(
    "Asiakasviite ei saa olla henkilötunnus.",
    "Kundreferensen får inte vara en personbeteckning.",
    "A case reference must not be a personal identity code.",
  ),
  range: w("Luku on sallitun välin ulkopuolella.", "Talet ligger utanför det tillåtna intervallet.", "The number is out of range."),
  "ranked-first": w(
    "Hankintapäätös tehdään vertailussa ensimmäiseksi sijoittuneelle tarjoukselle.",
    "Beslutet gäller det anbud som kommit först i rangordningen.",
    "The award goes to the tender ranked first.",
  ),
  "role-fits-organisation": w(
    "Tämä rooli ei kuulu tämänlaiseen organisaatioon.",
    "Rollen hör inte till den här typen av organisation.",
    "This role does not belong to this kind of organisation.",
  ),
  scale: w("Pisteet ovat asteikon ulkopuolella.", "Poängen ligger utanför skalan.", "The points are outside the scale."),
  unique: w("Tämä on jo käytössä toisessa kohdassa.", "Det här används redan på ett annat ställe.", "This is already used elsewhere."),
  url: w("Anna http- tai https-osoite.", "Ange en http- eller https-adress.", "Enter an http or https address."),
  "weights-sum": w("Painoarvojen summan on oltava 100.", "Vikterna ska tillsammans vara 100.", "The weights must add up to 100."),
};

// Where one field says more than its rule in general: "<rule> <field>", the field being the
// pointer's last name ("/answers/2/text" → "text").
export const fieldRuleWords: Record<string, Words> = {
  "pattern business_id": w("Anna tunnus muodossa 1234567-8.", "Ange numret i formen 1234567-8.", "Enter the ID in the form 1234567-8."),
  "minLength business_id": w("Anna tunnus muodossa 1234567-8.", "Ange numret i formen 1234567-8.", "Enter the ID in the form 1234567-8."),
  "length business_id": w(
    "Yritystunnuksessa on 4–20 kirjainta ja numeroa.",
    "Ett företagsnummer har 4–20 bokstäver och siffror.",
    "A business ID has 4 to 20 letters and digits.",
  ),
  "format email": w(
    "Anna sähköpostiosoite muodossa nimi@esimerkki.fi.",
    "Ange e-postadressen i formen namn@exempel.fi.",
    "Enter an email address like name@example.com.",
  ),
  "minLength password": w("Salasanassa on oltava vähintään 12 merkkiä.", "Lösenordet ska ha minst 12 tecken.", "A password has at least 12 characters."),
  "minLength new_password": w("Salasanassa on oltava vähintään 12 merkkiä.", "Lösenordet ska ha minst 12 tecken.", "A password has at least 12 characters."),
  "maxLength password": w("Salasanassa voi olla enintään 128 merkkiä.", "Lösenordet får ha högst 128 tecken.", "A password has at most 128 characters."),
  "maxLength new_password": w("Salasanassa voi olla enintään 128 merkkiä.", "Lösenordet får ha högst 128 tecken.", "A password has at most 128 characters."),
  "required score": w("Valitse luku 0–10.", "Välj ett tal 0–10.", "Choose a number from 0 to 10."),
  "range score": w("Valitse luku 0–10.", "Välj ett tal 0–10.", "Choose a number from 0 to 10."),
  "future start_by": w("Päivä ei voi olla mennyt.", "Dagen kan inte ha passerat.", "The date cannot be in the past."),
  "pattern key": w(
    "Tunnisteessa on 1–64 merkkiä: a–z, 0–9 ja viiva.",
    "Nyckeln har 1–64 tecken: a–z, 0–9 och bindestreck.",
    "A key is 1 to 64 characters of a–z, 0–9 and '-'.",
  ),
  "unique key": w("Tunniste on jo toisen ehdon käytössä.", "Nyckeln används redan av ett annat krav.", "Another criterion already uses this key."),
  "minimum unit_price_cents": w("Hinnan on oltava suurempi kuin nolla.", "Priset ska vara större än noll.", "The price must be more than zero."),
  "minimum price_cents": w("Hinnan on oltava suurempi kuin nolla.", "Priset ska vara större än noll.", "The price must be more than zero."),
  "minimum free_places": w("Vapaita paikkoja ei voi olla alle nolla.", "Lediga platser kan inte vara färre än noll.", "Free places cannot be fewer than zero."),
  "minItems languages": w("Valitse ainakin yksi kieli.", "Välj minst ett språk.", "Choose at least one language."),
};
