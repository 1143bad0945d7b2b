// Form parts that follow the public-service pattern: a label on every field, the hint and the
// error tied to it with aria-describedby, and an error summary at the top that links to each
// field and takes the focus when a submission is refused. Every message is in the reader's
// language; in the summary it follows the field's own label, as the reader sees it on the page.
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { lang, t } from "../i18n";
import { errorMessage, fieldError, problemText, type Problem } from "./problem";

export function fieldId(pointer: string): string {
  return "field" + pointer.replace(/[^a-zA-Z0-9]/g, "-");
}

interface FieldProps {
  pointer: string; // the JSON pointer of the value in the request body, e.g. "/reference"
  label: string;
  hint?: string;
  problem: Problem | null;
  idPrefix?: string; // where one page holds several forms with the same fields
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ComponentChildren;
}

export function Field({ pointer, label, hint, problem, idPrefix = "", children }: FieldProps) {
  const id = idPrefix + fieldId(pointer);
  const error = fieldError(problem, pointer);
  const described = [hint ? id + "-hint" : "", error ? id + "-error" : ""].filter(Boolean).join(" ");
  return (
    <div class={error ? "field field-error" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={id + "-hint"}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={id + "-error"}>
          {error}
        </p>
      )}
      {children({ id, "aria-describedby": described || undefined, "aria-invalid": error ? true : undefined })}
    </div>
  );
}

// The field a refusal is about, as the page shows it: the one its pointer names or, for a
// member or an item of a list ("/regions/2"), the nearest field that holds it; with its label
// (a control's <label>, or a group's <legend>). Nothing when the form has no such field.
function fieldOf(idPrefix: string, pointer: string): { id: string; label: string } | undefined {
  for (let p = pointer; p !== ""; p = p.slice(0, p.lastIndexOf("/"))) {
    const id = idPrefix + fieldId(p);
    const field = document.getElementById(id);
    if (!field) continue;
    const label = field instanceof HTMLFieldSetElement ? field.querySelector("legend") : (field as HTMLInputElement).labels?.[0];
    const text = label?.textContent?.trim();
    return text ? { id, label: text } : undefined;
  }
  return undefined;
}

export function ErrorSummary({ problem, idPrefix = "" }: { problem: Problem | null; idPrefix?: string }) {
  const box = useRef<HTMLDivElement>(null);
  // The labels are read once the fields below have been drawn in the current language.
  const [fields, setFields] = useState<({ id: string; label: string } | undefined)[]>([]);
  const language = lang();
  useLayoutEffect(() => {
    setFields((problem?.errors ?? []).map((e) => fieldOf(idPrefix, e.pointer)));
  }, [problem, language]);
  useEffect(() => {
    if (problem) box.current?.focus();
  }, [problem]);
  if (!problem) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={idPrefix + "error-summary-title"}>
      <h2 id={idPrefix + "error-summary-title"}>{t("errorSummary")}</h2>
      {problem.errors && problem.errors.length > 0 ? (
        <ul>
          {problem.errors.map((e, n) => {
            const field = fields[n];
            return (
              <li key={e.pointer}>
                {field ? (
                  <a
                    href={"#" + field.id}
                    onClick={(ev) => {
                      ev.preventDefault();
                      document.getElementById(field.id)?.focus();
                    }}
                  >
                    {field.label}: {errorMessage(e)}
                  </a>
                ) : (
                  errorMessage(e)
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{problemText(problem)}</p>
      )}
    </div>
  );
}
