/**
 * A horizontally scrollable box for wide tables on narrow screens. It takes the keyboard
 * focus (and shows it) so people who cannot use a mouse or a swipe can scroll it with the
 * arrow keys; the label names it for screen readers.
 */
export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    // tabIndex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${className}`}>
      {children}
    </div>
  );
}
