import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** Sent as is on the request line: may hold raw unicode, stray `%`, dots, anything. */
  target: string;
  /** In order, duplicates kept; values go out as UTF-8 bytes, exactly as given. */
  headers: [string, string][];
  body?: string | Buffer;
  /** Sent instead of `<method> <target> HTTP/1.1`, to break the request line on purpose. */
  requestLine?: string;
  /** Bytes after the head with no Content-Length added: for framing the caller states in `headers`. */
  rawBody?: string;
}

export interface RawResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: string;
}

/**
 * HTTP/1.1 over a bare socket, one request per connection. `fetch` and `node:http` refuse to send
 * much of what a fuzzer wants to send (non-ASCII header bytes, duplicate Authorization headers,
 * unescaped paths); a real attacker's client has no such manners.
 */
export function sendRaw(baseUrl: string, request: RawRequest, timeoutMs = 15_000): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const head = [
    request.requestLine ?? `${request.method} ${request.target} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    'connection: close',
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
    ...(body === undefined ? [] : [`content-length: ${body.length}`]),
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: hostname === 'localhost' ? '127.0.0.1' : hostname, port: Number(port) });
    const settle = (error?: Error) => {
      socket.destroy();
      clearTimeout(timer);
      const received = Buffer.concat(chunks);
      const parsed = received.length > 0 ? parseResponse(received) : undefined;
      // The server may answer early (413, 431) and close while a large request is still going out.
      if (parsed) resolve(parsed);
      else reject(error ?? new Error(`the API closed the connection without an answer (${received.length} bytes)`));
    };
    const timer = setTimeout(() => settle(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    // No half-close: the server ends the connection after its answer (`connection: close`).
    socket.on('connect', () =>
      socket.write(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body ?? Buffer.from(request.rawBody ?? '')])),
    );
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => settle());
    socket.on('error', (error) => settle(error));
  });
}

function parseResponse(raw: Buffer): RawResponse | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!status) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  const rest = raw.subarray(end + 4);
  const body = /chunked/i.test(headers['transfer-encoding'] ?? '') ? dechunk(rest) : rest;
  return { status: Number(status[1]), headers, body: body.toString('utf8') };
}

function dechunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < raw.length) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
