export * from "./jupyterDisplay.js";
export * from "./notebookSvg.js";
export * from "./notebookTable.js";
export * from "./resultRows.js";
