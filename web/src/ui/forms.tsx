// Form parts that follow the public-service pattern: a label on every field, the hint and the
// error tied to it with aria-describedby, and an error summary at the top that links to each
// field and takes the focus when a submission is refused.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../i18n";
import type { Problem } from "./problem";

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
  const error = problem?.errors?.find((e) => e.pointer === pointer)?.detail;
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

export function ErrorSummary({ problem, idPrefix = "" }: { problem: Problem | null; idPrefix?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) box.current?.focus();
  }, [problem]);
  if (!problem) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={idPrefix + "error-summary-title"}>
      <h2 id={idPrefix + "error-summary-title"}>{t("errorSummary")}</h2>
      {problem.errors && problem.errors.length > 0 ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.pointer}>
              <a href={"#" + idPrefix + fieldId(e.pointer)} onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(idPrefix + fieldId(e.pointer))?.focus();
              }}>
                {e.detail}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{problem.detail ?? problem.title}</p>
      )}
    </div>
  );
}
