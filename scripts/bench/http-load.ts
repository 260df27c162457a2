import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  seconds: number;
  connections?: number;
  headers?: Record<string, string>;
  /** Builds each request's body (a fresh requestId, say); returning undefined sends none. */
  body?: (i: number) => unknown;
  /** A header per request, e.g. a distinct X-Forwarded-For through the trusted proxy setting. */
  perRequestHeaders?: (i: number) => Record<string, string>;
  /** Called with each 2xx response body (to collect acknowledgements). */
  onResponse?: (status: number, body: string) => void;
  /** Ends the run early, when this settles (e.g. once a report running beside the load is done). */
  until?: Promise<unknown>;
}

/** A bounded autocannon run against loopback; it stops by itself after `seconds`. */
export function load(options: LoadOptions): Promise<LoadResult> {
  let i = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: options.method ?? 'GET',
        duration: options.seconds,
        connections: options.connections ?? 10,
        headers: { 'content-type': 'application/json', ...options.headers },
        requests: [
          {
            setupRequest: (request) => {
              const n = i++;
              const body = options.body?.(n);
              return {
                ...request,
                headers: { ...request.headers, ...options.perRequestHeaders?.(n) },
                ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
              };
            },
            onResponse: (status, body) => options.onResponse?.(status, body),
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const codes: Record<string, number> = {};
        for (const [key, value] of Object.entries(result as unknown as Record<string, unknown>)) {
          const m = /^(\d)xx$/.exec(key);
          if (m && typeof value === 'number' && value > 0) codes[key] = value;
        }
        resolve({
          requests: result.requests.total,
          rps: Math.round(result.requests.average),
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          statusCodes: codes,
        });
      },
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
    void options.until?.finally(() => instance.stop());
  });
}

let addressCounter = 0;
/** A distinct client address per request, honoured only because the bench server trusts loopback as its proxy. */
export function nextClientAddress(): Record<string, string> {
  addressCounter++;
  return { 'x-forwarded-for': `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}` };
}
