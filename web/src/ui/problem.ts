// The API answers refused input with RFC 9457 problem+json naming each field by JSON pointer;
// a form maps pointer → its field, so each message sits beside the field it is about.
export interface FieldError {
  pointer: string;
  detail: string;
}
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  errors?: FieldError[];
}

export function asProblem(error: unknown): Problem {
  if (error && typeof error === "object") return error as Problem;
  return { detail: String(error) };
}

// The message for the field at `pointer`, if the problem names it.
export function fieldError(problem: Problem | null, pointer: string): string | undefined {
  return problem?.errors?.find((e) => e.pointer === pointer)?.detail;
}
