export * from "./goldenCases.js";
export * from "./invalidResponses.js";
export * from "./scalePoints.js";
export * from "./validResponseRecords.js";
export * from "./validResponses.js";
