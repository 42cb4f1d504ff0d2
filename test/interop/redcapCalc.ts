/**
 * A small evaluator of the part of REDCap's calculation syntax the dictionary uses, written
 * for the tests from REDCap guides (not REDCap's code): numbers, "" (blank), [field],
 * + - * / with the usual precedence, = <> < <= > >=, parentheses, and the functions
 * if(condition, then, else), sum(...) and mean(...), which skip blank arguments (as REDCap's
 * are understood to). Arithmetic on a blank gives a blank. Values are numbers or "" (blank).
 */
export type CalcValue = number | "";

export function evaluateCalc(
  formula: string,
  record: Readonly<Record<string, CalcValue>>,
): CalcValue {
  const tokens = formula.match(/\[[a-z0-9_]+\]|""|\d+(\.\d+)?|<>|<=|>=|[a-z]+|[-+*/=<>(),]/g) ?? [];
  if (tokens.join("") !== formula.replaceAll(" ", "")) throw new Error(`untokenisable: ${formula}`);
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (expected?: string): string => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token !== expected))
      throw new Error(`expected ${expected ?? "a token"} at ${at - 1} in ${formula}`);
    return token;
  };
  const arithmetic = (
    a: CalcValue,
    b: CalcValue,
    op: (x: number, y: number) => number,
  ): CalcValue => (a === "" || b === "" ? "" : op(a, b));

  function comparison(): CalcValue {
    const left = additive();
    const op = peek();
    if (op === undefined || !["=", "<>", "<", "<=", ">", ">="].includes(op)) return left;
    take();
    const right = additive();
    const result =
      op === "="
        ? left === right
        : op === "<>"
          ? left !== right
          : left === "" || right === ""
            ? false
            : op === "<"
              ? left < right
              : op === "<="
                ? left <= right
                : op === ">"
                  ? left > right
                  : left >= right;
    return result ? 1 : 0;
  }
  function additive(): CalcValue {
    let value = multiplicative();
    while (peek() === "+" || peek() === "-") {
      const op = take();
      const right = multiplicative();
      value = arithmetic(value, right, op === "+" ? (x, y) => x + y : (x, y) => x - y);
    }
    return value;
  }
  function multiplicative(): CalcValue {
    let value = primary();
    while (peek() === "*" || peek() === "/") {
      const op = take();
      const right = primary();
      value = arithmetic(value, right, op === "*" ? (x, y) => x * y : (x, y) => x / y);
    }
    return value;
  }
  function argumentsOf(): CalcValue[] {
    take("(");
    const values = [comparison()];
    while (peek() === ",") {
      take(",");
      values.push(comparison());
    }
    take(")");
    return values;
  }
  function primary(): CalcValue {
    const token = take();
    if (token === '""') return "";
    if (token === "(") {
      const value = comparison();
      take(")");
      return value;
    }
    if (token.startsWith("[")) return record[token.slice(1, -1)] ?? "";
    if (/^\d/.test(token)) return Number(token);
    const args = argumentsOf();
    const numbers = args.filter((value): value is number => value !== "");
    if (token === "if") return args[0] !== "" && args[0] !== 0 ? args[1]! : args[2]!;
    if (token === "sum") return numbers.length === 0 ? "" : numbers.reduce((a, b) => a + b, 0);
    if (token === "mean")
      return numbers.length === 0 ? "" : numbers.reduce((a, b) => a + b, 0) / numbers.length;
    throw new Error(`unknown function ${token}`);
  }

  const value = comparison();
  if (at !== tokens.length) throw new Error(`trailing tokens in ${formula}`);
  return value;
}
