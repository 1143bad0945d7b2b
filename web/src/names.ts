// Codes the API keeps as codes, said as names in the reader's language: a language by the
// browser's own Intl.DisplayNames (no data shipped), a municipality from municipalities.ts.
// A code without a name is shown as it is, never dropped and never guessed.
import { lang, locale } from "./i18n";
import { municipalities } from "./municipalities";

const displayNames = new Map<string, Intl.DisplayNames>();

export function languageName(code: string): string {
  const l = locale();
  let names = displayNames.get(l);
  if (!names) displayNames.set(l, (names = new Intl.DisplayNames([l], { type: "language", fallback: "code" })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // not a well-formed language code
  }
}

// English uses a municipality's Finnish name.
export function municipalityName(code: string): string {
  const names = municipalities[code];
  return names ? names[lang() === "sv" ? "sv" : "fi"] : code;
}

export function languageNames(codes: readonly string[]): string {
  return codes.map(languageName).join(", ");
}

export function municipalityNames(codes: readonly string[]): string {
  return codes.map(municipalityName).join(", ");
}

// The municipalities that have names, in the reader's alphabetical order.
export function namedMunicipalities(): string[] {
  const order = new Intl.Collator(locale());
  return Object.keys(municipalities).sort((a, b) => order.compare(municipalityName(a), municipalityName(b)));
}

// Languages a customer is often served in, Finland's national languages first. (Not Sami: the
// browser's own names have none for it in Finnish, and a name is not made up here.)
export const commonServiceLanguages = ["fi", "sv", "en", "ru", "uk", "et", "ar", "so", "fa"] as const;

// Codes typed as text, separated by commas or spaces: "297, 749" → ["297", "749"].
export function splitCodes(text: string): string[] {
  return text.split(/[ ,]+/).filter(Boolean);
}
