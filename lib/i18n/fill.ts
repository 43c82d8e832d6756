// For client components: replaces `{name}` placeholders of a catalogue message. Messages that
// client components show use plain placeholders only (no plural or select forms), so this is
// all the formatting they need; server components use use-intl's full ICU formatter.
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
