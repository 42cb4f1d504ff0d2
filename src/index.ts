export * from "./errors.js";
export * from "./instruments/index.js";
export * from "./interop/index.js";
export * from "./math/numericMatrix.js";
export * from "./notebook/index.js";
export * from "./reliability/index.js";
export * from "./ruptures/index.js";
export * from "./scoring/index.js";
