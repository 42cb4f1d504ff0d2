// The CommonJS side of consumer.mjs: `require` of every subpath given as an argument, in Node
// and Bun (scripts/check-runtimes.sh).
const { scoreResponses } = require("therapeutic-alliance");

const runtime = globalThis.Bun ? "bun" : "node";
const subpaths = process.argv.slice(2);
// WAI-SR: Bond items 3, 5, 7, 9 = 4 + 5 + 4 + 5 = 18; total 49.
const result = scoreResponses("wai-sr", [4, 5, 4, 3, 5, 4, 4, 4, 5, 4, 3, 4]);
if (result.total.sum !== 49 || result.subscales.bond.sum !== 18)
  throw new Error(`${runtime}: CJS score is wrong`);
for (const subpath of subpaths) {
  const specifier =
    subpath === "." ? "therapeutic-alliance" : `therapeutic-alliance/${subpath.slice(2)}`;
  if (Object.keys(require(specifier)).length === 0)
    throw new Error(`${runtime}: ${specifier} exports nothing`);
}
console.log(`${runtime}: CJS require of ${subpaths.length} subpaths OK`);
