// The metrics in one import for pages and the pipeline.
export * from "./order.js";
export * from "./roc.js";
export * from "./pr.js";
export * from "./probability.js";
export * from "./calibration.js";
export * from "./gains.js";
export * from "./bootstrap.js";
export * from "./summary.js";
