export * from "./defineInstrument.js";
export * from "./isOnScale.js";
export * from "./model.js";
export * from "./registry.js";
export * from "./wai.js";
