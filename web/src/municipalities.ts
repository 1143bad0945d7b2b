// Finland's municipalities by their official code (Statistics Finland's classification), with
// the Finnish and the Swedish name: those of Pohjois-Savo, where the demo's DPS buys, and of the
// capital region. A code not here is shown as the code: a name is never guessed. To serve
// another region, add its municipalities from the classification.
export const municipalities: Record<string, { fi: string; sv: string }> = {
  "049": { fi: "Espoo", sv: "Esbo" },
  "091": { fi: "Helsinki", sv: "Helsingfors" },
  "092": { fi: "Vantaa", sv: "Vanda" },
  "140": { fi: "Iisalmi", sv: "Idensalmi" },
  "171": { fi: "Joroinen", sv: "Jorois" },
  "204": { fi: "Kaavi", sv: "Kaavi" },
  "239": { fi: "Keitele", sv: "Keitele" },
  "263": { fi: "Kiuruvesi", sv: "Kiuruvesi" },
  "297": { fi: "Kuopio", sv: "Kuopio" },
  "402": { fi: "Lapinlahti", sv: "Lapinlahti" },
  "420": { fi: "Leppävirta", sv: "Leppävirta" },
  "595": { fi: "Pielavesi", sv: "Pielavesi" },
  "686": { fi: "Rautalampi", sv: "Rautalampi" },
  "687": { fi: "Rautavaara", sv: "Rautavaara" },
  "749": { fi: "Siilinjärvi", sv: "Siilinjärvi" },
  "762": { fi: "Sonkajärvi", sv: "Sonkajärvi" },
  "778": { fi: "Suonenjoki", sv: "Suonenjoki" },
  "844": { fi: "Tervo", sv: "Tervo" },
  "857": { fi: "Tuusniemi", sv: "Tuusniemi" },
  "915": { fi: "Varkaus", sv: "Varkaus" },
  "921": { fi: "Vesanto", sv: "Vesanto" },
  "925": { fi: "Vieremä", sv: "Vieremä" },
};
