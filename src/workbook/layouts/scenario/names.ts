/**
 * The sheet-scoped names a scenario sheet defines. Each NHSDP_PV_<Kind> holds the risk-adjusted present
 * value (every payment weighted by its probability, then discounted) of the first offer of that kind in
 * the comparison: the document's own terms where it has them, otherwise the first alternative of that
 * kind, the same offer the breakeven and the grids use. Where the comparison has no offer of a kind its
 * name holds #N/A, so that a formula using it fails visibly instead of reading a nought.
 * NHSDP_BreakevenRoyalty is the flat royalty rate (a fraction) worth as much as the milestone offer;
 * #N/A when there is no milestone offer or the royalty's revenue is worth nothing.
 */
export const SCENARIO_NAMES = {
  fixed: "NHSDP_PV_Fixed",
  subscription: "NHSDP_PV_Subscription",
  milestones: "NHSDP_PV_Milestones",
  royalty: "NHSDP_PV_Royalty",
  breakeven: "NHSDP_BreakevenRoyalty",
} as const;
