// One act on the API from a button or form: the refusal kept for the error summary and the
// fields, cleared by the next success, after which `then` runs (a reload, a navigation).
import { useState } from "preact/hooks";
import { asProblem, type Problem } from "./problem";

export function useAct() {
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = async (call: () => Promise<{ error?: unknown }>, then: () => void) => {
    const { error } = await call();
    if (error) return setProblem(asProblem(error));
    setProblem(null);
    then();
  };
  return { problem, run };
}
