// The stable names the server refuses with, read from its own sources: the rule of each field
// error (`Error::invalid(pointer, "rule", …)`, `invalid_input({{pointer, "rule", …}})` and the
// JSON Schema keywords the request schemas use, which the validator reports as the rule) and
// the code of each problem (`Error::conflict("code", …)`, `problem(409, "code", …)`, …, which
// the answer carries as the last segment of its `type`). Reading them here, rather than keeping
// a list, means a rule or code added to the server fails the client's test until it has words.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const sourceFolders = ["domain", "server", "storage", "crypto"];

function* sources(root) {
  for (const folder of sourceFolders) yield* walk(join(root, folder));
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(cpp|hpp)$/.test(name)) yield [path, readFileSync(path, "utf8")];
  }
}

// The index just after the first argument of a call whose arguments start at `from`: commas
// inside parentheses, braces and string literals do not end it.
function afterFirstArgument(text, from) {
  let depth = 0;
  for (let i = from; i < text.length; ++i) {
    const c = text[i];
    if (c === '"') {
      for (++i; i < text.length && text[i] !== '"'; ++i) if (text[i] === "\\") ++i;
    } else if (c === "(" || c === "{" || c === "[") ++depth;
    else if (c === ")" || c === "}" || c === "]") {
      if (depth === 0) return -1;
      --depth;
    } else if (c === "," && depth === 0) return i + 1;
  }
  return -1;
}

// Where a call names its rule as a literal second argument; a rule passed on in a variable
// (`f.rule`) was written as a literal where it was made.
function secondLiterals(text, opening) {
  const found = [];
  for (const m of text.matchAll(opening)) {
    const next = afterFirstArgument(text, m.index + m[0].length);
    if (next < 0) continue;
    const literal = /^\s*"([^"]+)"/.exec(text.slice(next));
    if (literal) found.push(literal[1]);
  }
  return found;
}

// The draft-04 keywords RapidJSON's validator reports as the one a value broke ("format" it
// does not check).
const validationKeywords = new Set([
  "type", "enum", "required", "additionalProperties", "patternProperties", "dependencies",
  "minProperties", "maxProperties", "pattern", "minLength", "maxLength", "minimum", "maximum",
  "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems",
  "additionalItems", "allOf", "anyOf", "oneOf", "not",
]);

function schemaKeywords(schema, into) {
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) return;
  for (const [key, value] of Object.entries(schema)) {
    if (validationKeywords.has(key)) into.add(key);
    if (key === "properties" || key === "patternProperties" || key === "definitions")
      for (const sub of Object.values(value)) schemaKeywords(sub, into);
    else if (key === "items" || key === "additionalItems")
      for (const sub of [value].flat()) schemaKeywords(sub, into);
    else if (key === "allOf" || key === "anyOf" || key === "oneOf") value.forEach((sub) => schemaKeywords(sub, into));
    else if (key === "additionalProperties" || key === "not") schemaKeywords(value, into);
  }
}

export function serverRules(root) {
  const rules = new Set();
  for (const [, text] of sources(root)) {
    for (const r of secondLiterals(text, /\bError::invalid\(/g)) rules.add(r);
    for (const r of secondLiterals(text, /\binvalid_input\(\s*\{\s*\{/g)) rules.add(r);
  }
  const schemas = join(root, "schemas");
  for (const name of readdirSync(schemas))
    if (name.endsWith(".json") && name !== "openapi.json")
      schemaKeywords(JSON.parse(readFileSync(join(schemas, name), "utf8")), rules);
  return [...rules].sort();
}

export function serverCodes(root) {
  const codes = new Set();
  const patterns = [
    /\b(?:problem|refuse|refusal)\(\s*\d+,\s*"([a-z0-9-]+)"/g,
    /\brefuse_for_now\(\s*"([a-z0-9-]+)"/g,
    /\bError::(?:conflict|throttled)\(\s*"([a-z0-9-]+)"/g,
    /\bError\{\s*ErrorKind::\w+,\s*"([a-z0-9-]+)"/g,
  ];
  for (const [, text] of sources(root)) for (const p of patterns) for (const m of text.matchAll(p)) codes.add(m[1]);
  return [...codes].sort();
}
