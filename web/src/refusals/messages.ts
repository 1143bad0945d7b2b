// A refusal in the reader's language. The server's `detail` is an English sentence for
// integrators; the page reads the stable names beside it instead — each field error's `rule`
// and the problem's code, the last segment of its `type` — and falls back to the server's
// sentence only for a name it does not know yet.
import type { Lang } from "../i18n";
import { codeWords } from "./codes";
import { fieldRuleWords, ruleWords } from "./rules";

export interface FieldRefusal {
  pointer: string; // the JSON pointer of the value in the request body, e.g. "/business_id"
  rule?: string;
  detail?: string;
}

export interface Refusal {
  type?: string;
  title?: string;
  detail?: string;
  errors?: FieldRefusal[];
}

const problemType = /^urn:tarjotin:problem:([a-z0-9-]+)$/;

export function problemCode(refusal: Refusal): string | undefined {
  return problemType.exec(refusal.type ?? "")?.[1];
}

// The field a pointer names, without the array positions: "/answers/2/text" → "text".
function fieldName(pointer: string): string {
  return pointer.split("/").filter((part) => part !== "" && !/^[0-9]+$/.test(part)).pop() ?? "";
}

export function fieldMessage(error: FieldRefusal, lang: Lang): string {
  const words = error.rule ? (fieldRuleWords[`${error.rule} ${fieldName(error.pointer)}`] ?? ruleWords[error.rule]) : undefined;
  return words ? words[lang] : (error.detail ?? "");
}

export function problemMessage(refusal: Refusal, lang: Lang): string {
  const code = problemCode(refusal);
  const words = code ? codeWords[code] : undefined;
  return words ? words[lang] : (refusal.detail ?? refusal.title ?? "");
}

// One sentence for a place that shows a single line: the first field's message, or the
// problem's.
export function refusalMessage(refusal: Refusal, lang: Lang): string {
  const first = refusal.errors?.[0];
  return first ? fieldMessage(first, lang) : problemMessage(refusal, lang);
}
