// One act on the API from a button or form: the refusal kept for the error summary and the
// fields, cleared by the next success, after which `then` runs with the answer (a reload, a
// navigation to what was made). `refuse` keeps a refusal the page makes itself.
import { useState } from "preact/hooks";
import { asProblem, type Problem } from "./problem";

export function useAct() {
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = async <T>(call: () => Promise<{ data?: T; error?: unknown }>, then: (data: T) => void = () => {}) => {
    const { data, error } = await call();
    if (error) return setProblem(asProblem(error));
    setProblem(null);
    then(data as T);
  };
  return { problem, run, refuse: setProblem };
}
