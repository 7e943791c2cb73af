// Names the browser bundle's files after their content and, for a release,
// writes precompressed copies next to every asset.
//   node scripts/assets.mjs SITE_DIR [--compress]
// SITE_DIR/pkg/custodian.js, custodian_bg.wasm and custodian.css become
// custodian.<hash>.js, .wasm and .css (so they can be cached for a year), and
// SITE_DIR/hash.txt lists the hashes ("js: …", "wasm: …", "css: …") for the
// server, which puts those names into every page. With --compress, each file
// under pkg/ and the favicon get a .br (Brotli, best) and a .gz (gzip -9) copy.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [site, flag] = process.argv.slice(2);
if (!site) {
  console.error('usage: node scripts/assets.mjs SITE_DIR [--compress]');
  process.exit(2);
}
const pkg = join(site, 'pkg');
const hashOf = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);

const kinds = [
  ['js', 'custodian.js', 'js'],
  ['wasm', 'custodian_bg.wasm', 'wasm'],
  ['css', 'custodian.css', 'css'],
];
const lines = [];
for (const [kind, name, ext] of kinds) {
  const from = join(pkg, name);
  const hash = hashOf(from);
  renameSync(from, join(pkg, `custodian.${hash}.${ext}`));
  lines.push(`${kind}: ${hash}`);
}
writeFileSync(join(site, 'hash.txt'), lines.join('\n') + '\n');

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
