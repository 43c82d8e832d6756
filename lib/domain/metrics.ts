/**
 * The metric views open on and the weekly report ranks by, when none is chosen: accounts
 * activated, the figure every campaign's targets and chairmen's conclusions are about.
 */
export const HEADLINE_METRIC = "activated";
