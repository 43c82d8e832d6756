import type { BlockList } from "node:net";

export function normalizeAddress(address: string): string;
export function parseTrustProxy(spec: string | undefined): BlockList | null;
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList | null): string;
export function applyTrustedForwarding(headers: Record<string, string | string[] | undefined>, socketAddress: string | undefined, trusted: BlockList | null): string;
