// Bundles the portal into the server's wwwroot (docs/portal.md):
// - main-[hash].js/.css is the public map; editing, review, administration and the heavier tools are
//   chunks-[hash].js loaded on demand (esbuild code splitting), so the public map loads only what it needs;
// - every bundle name carries a content hash (the server caches those for a year, immutable);
// - index.html is written with the hashed names, module preloads and the bootstrap preload
//   (no inline script or style: it works under a strict Content-Security-Policy);
// - every text file gets a Brotli (.br) and gzip (.gz) copy that the server sends as is.
// `node build.mjs` builds once; `node build.mjs --watch` rebuilds on change.

import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, '..', 'EnvGis.Server', 'wwwroot');
const watch = process.argv.includes('--watch');
const COMPRESSED = /\.(js|css|html|svg|json|txt)$/;

/** The entry's own file and the chunks it imports statically (preloaded by index.html). */
function entryFiles(metafile) {
  const outputs = metafile.outputs;
  const [entry, info] = Object.entries(outputs).find(([, o]) => o.entryPoint && o.entryPoint.endsWith('main.js'));
  const preload = new Set();
  const visit = (file) => {
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !preload.has(imported.path)) {
        preload.add(imported.path);
        visit(imported.path);
      }
    }
  };
  visit(entry);
  return { js: entry, css: info.cssBundle, preload: [...preload] };
}

async function writeIndex(metafile) {
  const { js, css, preload } = entryFiles(metafile);
  const href = (file) => relative(outdir, join(here, file)).split('\\').join('/');
  const head = [
    `<link rel="stylesheet" href="${href(css)}">`,
    '<link rel="preload" href="api/portal/bootstrap" as="fetch" crossorigin="anonymous">',
    ...preload.map((file) => `<link rel="modulepreload" href="${href(file)}">`),
    `<script type="module" src="${href(js)}"></script>`,
  ].join('\n  ');
  const template = await readFile(join(here, 'src', 'index.html'), 'utf8');
  if (!template.includes('<!-- bundles -->')) {
    throw new Error('src/index.html has no <!-- bundles --> marker');
  }
  await writeFile(join(outdir, 'index.html'), template.replace('<!-- bundles -->', head));
  await copyFile(join(here, 'src', 'favicon.svg'), join(outdir, 'favicon.svg'));
}

async function compressAll(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      await compressAll(path);
    } else if (COMPRESSED.test(entry.name)) {
      const bytes = await readFile(path);
      await writeFile(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    }
  }
}

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: [join(here, 'src', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  metafile: true,
  target: ['chrome109', 'edge109', 'firefox115', 'safari15.4'],
  minify: !watch,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'info',
  plugins: [
    {
      name: 'index-and-compression',
      setup(build) {
        build.onStart(async () => {
          // Old hashed bundles go: what index.html names is all there is.
          await rm(outdir, { recursive: true, force: true });
          await mkdir(outdir, { recursive: true });
        });
        build.onEnd(async (result) => {
          if (result.errors.length === 0) {
            await writeIndex(result.metafile);
            if (!watch) {
              await compressAll(outdir);
            }
          }
        });
      },
    },
  ],
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  const result = await esbuild.build(options);
  if (result.errors.length || result.warnings.length) {
    process.exitCode = 1;
  }
}
