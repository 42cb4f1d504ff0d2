// Writes docs/instruments.md from the built package (run `npm run build` first, or use
// `npm run docs:instruments`, which builds). test/instruments/renderInstrumentsDoc.test.ts fails
// when the committed file differs from renderInstrumentsDoc().
import { writeFileSync } from "node:fs";
import { renderInstrumentsDoc } from "../dist/instruments/index.js";

const target = new URL("../docs/instruments.md", import.meta.url);
writeFileSync(target, renderInstrumentsDoc());
console.log(`wrote ${target.pathname}`);
