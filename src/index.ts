export * from "./errors.js";
export * from "./math/numericMatrix.js";
