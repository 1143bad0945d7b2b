// Every refusal the server can give has words in Finnish, Swedish and English: each rule a
// field error names and each problem code, as read from the server's own sources at test time
// (server-vocabulary.mjs). And the page reads them: by rule (a field's own words first), by
// the code in the problem's type, and the server's sentence for a name it does not know.
//   npm test        (from web/; also run by deploy/test.sh)
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { serverCodes, serverRules } from "./server-vocabulary.mjs";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(web, "..");
const out = mkdtempSync(join(tmpdir(), "tarjotin-refusals-"));
after(() => rmSync(out, { recursive: true, force: true }));

// The client's own module, compiled as the page gets it.
await build({ entryPoints: [join(web, "src/refusals/messages.ts")], bundle: true, format: "esm", outfile: join(out, "messages.mjs"), logLevel: "error" });
await build({ entryPoints: { rules: join(web, "src/refusals/rules.ts"), codes: join(web, "src/refusals/codes.ts") }, bundle: true, format: "esm", outdir: out, outExtension: { ".js": ".mjs" }, logLevel: "error" });
const { fieldMessage, problemMessage, refusalMessage } = await import(pathToFileURL(join(out, "messages.mjs")));
const { ruleWords } = await import(pathToFileURL(join(out, "rules.mjs")));
const { codeWords } = await import(pathToFileURL(join(out, "codes.mjs")));

const languages = ["fi", "sv", "en"];
const hasEveryLanguage = (words) => words && languages.every((l) => typeof words[l] === "string" && words[l].trim() !== "");

test("the server's sources are read: known rules and codes are among them", () => {
  const rules = serverRules(root);
  const codes = serverCodes(root);
  for (const r of ["required", "pattern", "maxLength", "check-digit", "category-regions", "price-model", "notCommon"]) assert.ok(rules.includes(r), r);
  for (const c of ["not-admitted", "category-closed", "email-taken", "invalid-input", "malformed-json", "sign-in-throttled"]) assert.ok(codes.includes(c), c);
});

test("every rule the server names has words in fi, sv and en", () => {
  const missing = serverRules(root).filter((r) => !hasEveryLanguage(ruleWords[r]));
  assert.deepEqual(missing, [], `rules without words in web/src/refusals/rules.ts: ${missing.join(", ")}`);
});

test("every problem code the server answers with has words in fi, sv and en", () => {
  const missing = serverCodes(root).filter((c) => !hasEveryLanguage(codeWords[c]));
  assert.deepEqual(missing, [], `codes without words in web/src/refusals/codes.ts: ${missing.join(", ")}`);
});

test("a field error is said by its rule, a field's own words first", () => {
  const checkDigit = { pointer: "/organisation/business_id", rule: "check-digit", detail: "the check digit of the Finnish business ID does not match" };
  assert.equal(fieldMessage(checkDigit, "fi"), "Tarkistusnumero ei täsmää. Tarkista tunnus.");
  assert.equal(fieldMessage(checkDigit, "sv"), "Kontrollsiffran stämmer inte. Kontrollera numret.");
  assert.equal(fieldMessage({ pointer: "/organisation/business_id", rule: "pattern", detail: "x" }, "fi"), "Anna tunnus muodossa 1234567-8.");
  assert.equal(fieldMessage({ pointer: "/name/fi", rule: "pattern", detail: "x" }, "fi"), "Arvo ei ole oikeaa muotoa.");
  assert.equal(fieldMessage({ pointer: "/criteria/2/key", rule: "unique", detail: "x" }, "en"), "Another criterion already uses this key.");
});

test("a problem without fields is said by the code in its type", () => {
  const taken = { type: "urn:tarjotin:problem:email-taken", title: "Conflict", status: 409, detail: "email is already in use" };
  assert.equal(problemMessage(taken, "fi"), "Tällä sähköpostiosoitteella on jo käyttäjä.");
  assert.equal(problemMessage(taken, "sv"), "Det finns redan en användare med den här e-postadressen.");
  assert.equal(refusalMessage(taken, "en"), "A user with this email address exists already.");
});

test("a rule or code the client does not know yet falls back to the server's sentence", () => {
  assert.equal(fieldMessage({ pointer: "/x", rule: "no-such-rule", detail: "the server's words" }, "fi"), "the server's words");
  assert.equal(problemMessage({ type: "urn:tarjotin:problem:no-such-code", detail: "the server's words" }, "sv"), "the server's words");
  assert.equal(problemMessage({ detail: "made by the page" }, "fi"), "made by the page");
});
