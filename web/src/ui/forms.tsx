// Form parts that follow the public-service pattern: a label on every field, the hint and the
// error tied to it with aria-describedby, and an error summary at the top that links to each
// field and takes the focus when a submission is refused. Every message is in the reader's
// language; in the summary it follows the field's own label, as the reader sees it on the page.
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { lang, t } from "../i18n";
import { splitCodes } from "../names";
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

// Several of a short list, as checkboxes in a group that the error summary can focus; the
// values stay in the options' order.
export function CheckboxGroup(props: {
  pointer: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  problem: Problem | null;
  idPrefix?: string;
}) {
  const id = (props.idPrefix ?? "") + fieldId(props.pointer);
  const error = fieldError(props.problem, props.pointer);
  const described = [props.hint ? id + "-hint" : "", error ? id + "-error" : ""].filter(Boolean).join(" ");
  const toggle = (value: string, on: boolean) =>
    props.onChange(props.options.map((o) => o.value).filter((v) => (v === value ? on : props.chosen.includes(v))));
  return (
    <fieldset class={error ? "field choices field-error" : "field choices"} id={id} tabIndex={-1} aria-describedby={described || undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="hint" id={id + "-hint"}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={id + "-error"}>
          {error}
        </p>
      )}
      {props.options.map((o) => (
        <label key={o.value}>
          <input type="checkbox" checked={props.chosen.includes(o.value)} onChange={(e) => toggle(o.value, e.currentTarget.checked)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

// Codes typed as text (where no list to choose from can be complete), with what they name said
// below as the reader types, so a mistyped code shows before the form is sent.
export function CodesField(props: {
  pointer: string;
  label: string;
  hint: string;
  value: string;
  onInput: (value: string) => void;
  names: (codes: string[]) => string;
  problem: Problem | null;
  idPrefix?: string;
}) {
  const previewId = (props.idPrefix ?? "") + fieldId(props.pointer) + "-names";
  const codes = splitCodes(props.value);
  return (
    <Field pointer={props.pointer} label={props.label} hint={props.hint} problem={props.problem} idPrefix={props.idPrefix}>
      {(p) => (
        <>
          <input {...p} aria-describedby={[p["aria-describedby"], previewId].filter(Boolean).join(" ")} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
          <p class="hint" id={previewId} aria-live="polite">
            {codes.length > 0 && props.names(codes)}
          </p>
        </>
      )}
    </Field>
  );
}

// One of an API's codes, each offered as its word; a blank first ("–") where nothing is chosen
// until the reader chooses.
export function CodeSelect<T extends string>(props: {
  control: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean };
  value: string;
  codes: readonly T[];
  word: (code: T) => string;
  onChange: (code: string) => void;
  blank?: boolean;
}) {
  return (
    <select {...props.control} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
      {props.blank && <option value="">–</option>}
      {props.codes.map((code) => (
        <option key={code} value={code}>
          {props.word(code)}
        </option>
      ))}
    </select>
  );
}
