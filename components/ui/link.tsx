import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * `next/link` without viewport prefetching. Every page here is dynamic (figures, scope,
 * session), so a prefetch asks the server to render the target for a click that may never
 * come: on the rankings page that was 18–34 requests right after the page loaded, competing
 * with the page's own scripts on a weak connection and loading the server. A click still
 * navigates client-side; it just fetches then. Pass `prefetch` to opt back in.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
