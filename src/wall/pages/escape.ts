import { raw } from 'hono/html';

/**
 * Data for the client script in a non-executable script element. `<` is written as an escape, so no string in it
 * (a brief holding `</script>`) can close the element; the browser never runs or renders it.
 */
export function jsonScript(id: string, data: unknown) {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return raw(`<script type="application/json" id="${id}">${json}</script>`);
}
