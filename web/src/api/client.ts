// The console's only way to reach vigil: the public HTTP API (docs/API.md).
// Every request carries the signed-in key as `Authorization: Bearer KEY`;
// errors come back as ApiError with the server's code and message, so pages
// can show "what went wrong" in the server's words.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
  get unauthorized(): boolean {
    return this.status === 401;
  }
  get forbidden(): boolean {
    return this.status === 403;
  }
}

const KEY_STORAGE = 'vigil.apiKey';

// The key lives for the browser tab only (sessionStorage): closing the tab signs out.
export function storedKey(): string | null {
  return sessionStorage.getItem(KEY_STORAGE);
}
export function storeKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

type Query = Record<string, string | number | boolean | undefined | null | string[]>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((item) => params.append(k, item));
    else params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function errorFrom(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = res.statusText || `HTTP ${res.status}`;
  try {
    const body = await res.json();
    const err = body?.error ?? body;
    if (typeof err === 'string') message = err;
    else if (err && typeof err === 'object') {
      if (typeof err.code === 'string') code = err.code;
      if (typeof err.message === 'string') message = err.message;
      else if (typeof err.detail === 'string') message = err.detail;
    }
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(res.status, code, message);
}

export interface RequestOptions {
  method?: string;
  query?: Query;
  body?: unknown;
  rawBody?: BodyInit;
  contentType?: string;
  key?: string | null;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const key = opts.key === undefined ? storedKey() : opts.key;
  if (key) headers.Authorization = `Bearer ${key}`;
  let body: BodyInit | undefined;
  if (opts.rawBody !== undefined) {
    body = opts.rawBody;
    if (opts.contentType) headers['Content-Type'] = opts.contentType;
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { method: opts.method ?? 'GET', headers, body });
  } catch (e) {
    throw new ApiError(0, 'unreachable', `vigil is not reachable (${(e as Error).message})`);
  }
  if (!res.ok) {
    const err = await errorFrom(res);
    if (err.unauthorized) window.dispatchEvent(new CustomEvent('vigil:unauthorized'));
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await res.json()) as T;
  return (await res.text()) as unknown as T;
}

// Downloads a protected file (the key must be sent, so a plain link won't do).
export async function download(path: string, filename: string): Promise<void> {
  const key = storedKey();
  const res = await fetch(path, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
  if (!res.ok) throw await errorFrom(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
