/**
 * The metric views open on and the weekly report ranks by, when none is chosen: accounts
 * activated, the figure every campaign's targets and chairmen's conclusions are about.
 */
export const HEADLINE_METRIC = "activated";

/** The pattern of a metric's code: lower-case letters, digits, hyphens and underscores (accounts_l2). */
export const METRIC_CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
