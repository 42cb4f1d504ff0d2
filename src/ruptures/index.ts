export { RUPTURE_SOURCES } from "./citations.js";
export type { DetectRupturesOptions, DetectRupturesResult } from "./detectRuptures.js";
export { detectRuptures } from "./detectRuptures.js";
export type { ClientSeries, GroupSeriesColumns } from "./groupSeries.js";
export { groupSeries } from "./groupSeries.js";
export type { PlotSeriesOptions } from "./plotSeries.js";
export { plotSeries } from "./plotSeries.js";
export type {
  PostSessionOptions,
  PostSessionReport,
  PostSessionResult,
  PostSessionRow,
  RaterAgreement,
} from "./postSessionRuptures.js";
export { postSessionRuptures } from "./postSessionRuptures.js";
export type { ReliableDropOptions, ReliableDropResult } from "./reliableDrops.js";
export { reliableDrops } from "./reliableDrops.js";
export type { SrsAlertOptions, SrsAlertResult, SrsSession } from "./srsAlerts.js";
export { srsAlerts } from "./srsAlerts.js";
export type {
  ReliableChangeCutoff,
  SuddenChangeInterval,
  SuddenChangeOptions,
  SuddenChangeResult,
} from "./suddenChanges.js";
export { suddenChanges } from "./suddenChanges.js";
export type {
  MarkerFamilySummary,
  RrsSegment,
  RrsSessionSummary,
  RrsSummaryOptions,
} from "./summarize3rsSession.js";
export { summarize3rsSession } from "./summarize3rsSession.js";
export type {
  ClientRuptureSummary,
  RuptureGroup,
  RuptureResultLike,
  RuptureSummary,
} from "./summarizeRuptures.js";
export { summarizeRuptures } from "./summarizeRuptures.js";
export type * from "./types.js";
export type { SeriesSummary } from "./validateSeries.js";
export { validateSeries } from "./validateSeries.js";
export type { VShapeEvent, VShapeOptions, VShapeResult } from "./vShapedRuptures.js";
export { vShapedRuptures } from "./vShapedRuptures.js";
