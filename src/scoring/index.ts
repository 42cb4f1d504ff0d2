export * from "./createScorer.js";
export * from "./interpret.js";
export type { InstrumentOrId } from "./resolveInstrument.js";
export * from "./scoreResponses.js";
export * from "./scoreTable.js";
export * from "./types.js";
export * from "./vasFromMillimetres.js";
