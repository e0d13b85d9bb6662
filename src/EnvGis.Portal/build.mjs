// Bundles the portal into the server's wwwroot: index.html, favicon.svg, app.js, app.css (+ maps).
// `node build.mjs` builds once; `node build.mjs --watch` rebuilds on change.

import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, '..', 'EnvGis.Server', 'wwwroot');
const watch = process.argv.includes('--watch');
const staticFiles = ['index.html', 'favicon.svg'];

async function copyStatic() {
  await mkdir(outdir, { recursive: true });
  await Promise.all(staticFiles.map((file) => copyFile(join(here, 'src', file), join(outdir, file))));
}

/** @type {import('esbuild').BuildOptions} */
const options = {
  entryPoints: { app: join(here, 'src', 'main.js') },
  outdir,
  bundle: true,
  format: 'esm',
  splitting: true, // lazily imported parts (the monitoring station view) become their own chunks
  target: ['chrome109', 'edge109', 'firefox115', 'safari15.4'],
  minify: !watch,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'info',
  plugins: [
    {
      name: 'copy-static',
      setup(build) {
        build.onEnd(async (result) => {
          if (result.errors.length === 0) {
            await copyStatic();
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
