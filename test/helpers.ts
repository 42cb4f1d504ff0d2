/** Test helpers shared by every suite. */

/** Freezes a value and everything it holds, so a test proves the code never writes into it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !ArrayBuffer.isView(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/** |actual - expected| / max(|expected|, tiny): the tolerance measure the fixtures use. */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}

/** Captures the AllianceError (or other throw) of `fn`, failing when nothing is thrown. */
export function thrownBy(fn: () => unknown): {
  code?: string;
  path?: string;
  message: string;
  name: string;
} {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; path?: string; message: string; name: string };
  }
  throw new Error("expected the call to throw");
}

/** The AllianceError code `run` throws, or "no error"; any other throw is rethrown. */
export function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (
      typeof error === "object" &&
      error !== null &&
      (error as { name?: unknown }).name === "AllianceError"
    ) {
      return (error as { code: string }).code;
    }
    throw error;
  }
  return "no error";
}
