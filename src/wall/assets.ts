import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';

const here = (file: string) => new URL(`./client/${file}`, import.meta.url);

/** The wall's typefaces, the same bundled faces the poster draws with. */
const FONTS: Record<string, string> = {
  'archivo-black.woff2': '@fontsource/archivo-black/files/archivo-black-latin-400-normal.woff2',
  'inter-500.woff2': '@fontsource/inter/files/inter-latin-500-normal.woff2',
  'inter-700.woff2': '@fontsource/inter/files/inter-latin-700-normal.woff2',
  'inter-800.woff2': '@fontsource/inter/files/inter-latin-800-normal.woff2',
  'mono-500.woff2': '@fontsource/jetbrains-mono/files/jetbrains-mono-latin-500-normal.woff2',
};

/** The client script, stylesheet and fonts: read once, served with a cache header. */
export function assets(): Hono {
  const require = createRequire(import.meta.url);
  const files = new Map<string, { body: Buffer; type: string }>([
    ['wall.js', { body: readFileSync(here('wall.js')), type: 'text/javascript; charset=utf-8' }],
    ['wall.css', { body: readFileSync(here('wall.css')), type: 'text/css; charset=utf-8' }],
    ['wall-side.css', { body: readFileSync(here('wall-side.css')), type: 'text/css; charset=utf-8' }],
    ['gallery.css', { body: readFileSync(here('gallery.css')), type: 'text/css; charset=utf-8' }],
    ['fonts.css', { body: readFileSync(here('fonts.css')), type: 'text/css; charset=utf-8' }],
  ]);
  for (const [name, path] of Object.entries(FONTS))
    files.set(`fonts/${name}`, { body: readFileSync(require.resolve(path)), type: 'font/woff2' });
  const app = new Hono();
  app.get('/*', (c) => {
    const file = files.get(c.req.path.replace(/^\/assets\//, ''));
    if (!file) return c.text('Not found', 404);
    return c.body(new Uint8Array(file.body), 200, {
      'Content-Type': file.type,
      'Cache-Control': 'public, max-age=300',
    });
  });
  return app;
}
