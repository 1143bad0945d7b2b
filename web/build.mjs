// Builds the browser client into BUILD_DIR/web, where the server finds it beside its binary:
// one script and one style sheet under assets/ with content hashes in their names (cached for
// a year), index.html that names them (never cached), and .br/.gz copies of each for clients
// that accept them. The API types are generated first from the binary's own API description,
// so a client that no longer matches the API does not build.
//   node web/build.mjs BUILD_DIR
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const buildDir = resolve(process.argv[2] ?? "build");
const out = join(buildDir, "web");
const bin = (name) => join(here, "node_modules", ".bin", name);

const document = join(buildDir, "openapi.json");
writeFileSync(document, execFileSync(join(buildDir, "tarjotin"), ["openapi"]));
execFileSync(bin("openapi-typescript"), [document, "-o", join(here, "src/api/openapi.d.ts")], {
  stdio: ["ignore", "ignore", "inherit"],
});
execFileSync(bin("tsc"), ["-p", join(here, "tsconfig.json")], { stdio: "inherit" });

const result = await build({
  entryPoints: { app: join(here, "src/main.tsx") },
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  jsx: "automatic",
  jsxImportSource: "preact",
  write: false,
  outdir: "out",
  entryNames: "[name]-[hash]",
  legalComments: "none",
  metafile: false,
  loader: { ".css": "css" },
});

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "assets"), { recursive: true });
const written = [];
function emit(relative, bytes) {
  const file = join(out, relative);
  writeFileSync(file, bytes);
  writeFileSync(file + ".gz", gzipSync(bytes, { level: 9 }));
  writeFileSync(
    file + ".br",
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  written.push(relative);
}
const named = {};
for (const f of result.outputFiles) {
  const ext = f.path.endsWith(".css") ? "css" : "js";
  const hash = createHash("sha256").update(f.contents).digest("hex").slice(0, 12);
  const name = `assets/app-${hash}.${ext}`;
  named[ext] = "/" + name;
  emit(name, f.contents);
}
const index = readFileSync(join(here, "src/index.html"), "utf8")
  .replace("%STYLE%", named.css ?? "")
  .replace("%SCRIPT%", named.js);
emit("index.html", Buffer.from(index));
emit("favicon.svg", readFileSync(join(here, "src/favicon.svg")));

let total = 0;
for (const rel of written.filter((r) => r.startsWith("assets/"))) {
  const br = readFileSync(join(out, rel + ".br")).length;
  total += br;
  console.log(`${rel}: ${readFileSync(join(out, rel)).length} bytes, ${br} brotli`);
}
console.log(`web client in ${out}: ${total} bytes of JS+CSS compressed (brotli)`);
