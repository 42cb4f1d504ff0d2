/**
 * Freezes an object and everything it holds, and returns it. Used for instrument definitions,
 * which are shared by every caller and must never change under them.
 *
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
