/**
 * Stands in for the `debug` package (version 2) in the built bundle; tsup.config.ts aliases
 * `debug` to this file. @stdlib/math-base-special-gammaincinv calls `debug(namespace)` once
 * per module and logs overflow and iteration-limit warnings through the function it gets.
 * Here that function does nothing: the warnings never change a returned value, and debug
 * only printed them when the user's environment set DEBUG to a matching namespace. Loading
 * the real package reads the environment, which Deno refuses without --allow-env.
 *
 * CommonJS (`export =`) because @stdlib calls `require("debug")` and uses the result as a
 * function.
 */
function createDebug(_namespace: string): (...messages: unknown[]) => void {
  return function debug(): void {};
}

export = createDebug;
