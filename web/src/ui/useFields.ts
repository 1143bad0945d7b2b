// A form's fields kept as one object: `set(name)` is the input handler of one of them.
import { useState } from "preact/hooks";

export function useFields<T extends Record<string, string | boolean>>(initial: T) {
  const [fields, setFields] = useState(initial);
  const set = (name: keyof T) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setFields((now) => ({ ...now, [name]: value }));
  };
  return [fields, setFields, set] as const;
}
