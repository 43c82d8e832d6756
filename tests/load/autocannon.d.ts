// The part of autocannon's (untyped) API the load test uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    onResponse?: (status: number, body: string) => void;
  }

  interface AutocannonClient extends EventEmitter {
    setHeadersAndBody(headers: Record<string, string>, body: string): void;
    on(event: "response", listener: (statusCode: number, bytes: number, responseTime: number) => void): this;
  }

  interface AutocannonOptions {
    url: string;
    connections: number;
    duration: number;
    maxOverallRequests?: number;
    timeout?: number;
    pipelining?: number;
    requests?: AutocannonRequest[];
    setupClient?: (client: AutocannonClient) => void;
  }

  interface AutocannonResult {
    requests: { total: number; average: number };
    latency: { p50: number; p99: number; average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    "1xx": number;
    "2xx": number;
    "3xx": number;
    "4xx": number;
    "5xx": number;
  }

  interface Instance extends EventEmitter {
    on(event: "response", listener: (client: AutocannonClient, statusCode: number, bytes: number, responseTime: number) => void): this;
    stop(): void;
  }

  function autocannon(options: AutocannonOptions, callback: (error: Error | null, result: AutocannonResult) => void): Instance;
  export type { AutocannonClient, AutocannonOptions, AutocannonResult, AutocannonRequest, Instance };
  export default autocannon;
}
