/**
 * The key of the method the Deno Jupyter kernel calls to display a value:
 * `Symbol.for("Jupyter.display")`, the same symbol as `Deno.jupyter.$display` (Deno API reference,
 * `Deno.jupyter.Displayable`). The method
 * returns a MIME bundle such as `{ "text/html": "<table>…</table>", "text/plain": "…" }`.
 *
 * @category Notebook
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/**
 * A MIME bundle for the notebook: each key a MIME type, each value its content.
 *
 * @category Notebook
 */
export type JupyterBundle = Readonly<Record<string, string>>;
