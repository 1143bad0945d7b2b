// The API answers refused input with RFC 9457 problem+json naming each field by JSON pointer
// and the rule it broke; a form maps pointer → its field, so each message sits beside the
// field it is about, in the reader's language (refusals/messages.ts).
import { lang } from "../i18n";
import { fieldMessage, refusalMessage, problemMessage, type FieldRefusal, type Refusal } from "../refusals/messages";

export type FieldError = FieldRefusal;
export type Problem = Refusal;

export function asProblem(error: unknown): Problem {
  if (error && typeof error === "object") return error as Problem;
  return { detail: String(error) };
}

// A refusal the page makes itself, before asking the server: worded like the server's.
export function refusedField(pointer: string, rule: string): Problem {
  return { errors: [{ pointer, rule }] };
}

// The message for the field at `pointer`, if the problem names it or an item of its list
// ("/languages/1" is said beside "/languages").
export function fieldError(problem: Problem | null, pointer: string): string | undefined {
  const error = problem?.errors?.find((e) => e.pointer === pointer || (e.pointer.startsWith(pointer) && /^(\/[0-9]+)+$/.test(e.pointer.slice(pointer.length))));
  return error && fieldMessage(error, lang());
}

export function errorMessage(error: FieldError): string {
  return fieldMessage(error, lang());
}

export function problemText(problem: Problem): string {
  return problemMessage(problem, lang());
}

export function refusalText(problem: Problem): string {
  return refusalMessage(problem, lang());
}
