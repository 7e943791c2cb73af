// Names the browser bundle's files after their content and, for a release,
// writes precompressed copies next to every asset.
//   node scripts/assets.mjs SITE_DIR [--compress]
// SITE_DIR/pkg/custodian.js, custodian_bg.wasm and custodian.css become
// custodian.<hash>.js, .wasm and .css (so they can be cached for a year), and
// SITE_DIR/hash.txt lists the hashes ("js: …", "wasm: …", "css: …") for the
// server, which puts those names into every page; the visitor bundle
// (custodian-visitor.js, _bg.wasm) likewise, into hash-visitor.txt. With --compress, each file
// under pkg/ and the favicon get a .br (Brotli, best) and a .gz (gzip -9) copy.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [site, flag] = process.argv.slice(2);
if (!site) {
  console.error('usage: node scripts/assets.mjs SITE_DIR [--compress]');
  process.exit(2);
}
const pkg = join(site, 'pkg');
const hashOf = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);

// The full bundle (every page) and, when built, the visitor bundle (the pages
// a visitor can open, see app/src/lib.rs): one hash file each. Both share the stylesheet.
const hashed = (from, to) => {
  const hash = hashOf(join(pkg, from));
  renameSync(join(pkg, from), join(pkg, to.replace('*', hash)));
  return hash;
};
const css = hashed('custodian.css', 'custodian.*.css');
const bundles = [['custodian', 'hash.txt'], ['custodian-visitor', 'hash-visitor.txt']];
const lines = [];
for (const [name, hashFile] of bundles) {
  if (!existsSync(join(pkg, `${name}.js`))) continue;
  const js = hashed(`${name}.js`, `${name}.*.js`);
  const wasm = hashed(`${name}_bg.wasm`, `${name}.*.wasm`);
  const text = `js: ${js}\nwasm: ${wasm}\ncss: ${css}\n`;
  writeFileSync(join(site, hashFile), text);
  lines.push(`${name}: js ${js}, wasm ${wasm}`);
}
lines.push(`css: ${css}`);

if (flag === '--compress') {
  const files = readdirSync(pkg)
    .filter((f) => !f.endsWith('.br') && !f.endsWith('.gz'))
    .map((f) => join(pkg, f))
    .concat([join(site, 'favicon.svg')]);
  for (const file of files) {
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
}
for (const line of lines) console.log(`  ${line}`);
