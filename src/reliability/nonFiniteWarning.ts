import type { AllianceWarning } from "../errors.js";

/**
 * Adds a `NON_FINITE_RESULT` warning to a freshly built result when any of its numbers is NaN
 * or infinite, naming where: on degenerate data (two cases, keyed items whose total has no
 * variance, perfectly related items) a formula can divide by zero, and such a value must never
 * reach the caller unexplained. Returns the same result.
 *
 * @internal
 */
export function withNonFiniteWarning<T extends { warnings: AllianceWarning[] }>(result: T): T {
  const paths: string[] = [];
  collectNonFinite(result, "", paths);
  if (paths.length > 0) {
    const shown = paths.slice(0, 5).join(", ");
    result.warnings.push({
      code: "NON_FINITE_RESULT",
      path: paths[0]!,
      message: `${paths.length} value(s) are NaN or infinite (${shown}${paths.length > 5 ? ", …" : ""}): the data are degenerate for them (too few cases, no variance, or perfectly related items); read them as undefined`,
    });
  }
  return result;
}

function collectNonFinite(value: unknown, path: string, paths: string[]): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) paths.push(path);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((inner, index) => {
      collectNonFinite(inner, `${path}[${index}]`, paths);
    });
    return;
  }
  if (typeof value === "object" && value !== null && !ArrayBuffer.isView(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key !== "warnings") collectNonFinite(inner, path === "" ? key : `${path}.${key}`, paths);
    }
  }
}
