// The public REST API as the console uses it: same origin (the gateway), the customer's bearer token,
// and the fleet's error body turned into a message a person can read.

const TOKEN_KEY = 'voipbin.console.token';

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  /** "call_hungup: the call has already hung up" reads better than a status code. */
  get readable() {
    const where = this.field ? ` (field ${this.field})` : '';
    return `${this.message}${where} [${this.status} ${this.code}]`;
  }
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  save: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
  /** The token's customer_id claim, shown in the header; the API remains the judge of the token. */
  customerId() {
    try {
      const payload = this.token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload)).customer_id ?? '';
    } catch {
      return '';
    }
  },
};

/** Sends a request to /v1.0{path}; resolves to the parsed JSON (null for 204), rejects with ApiError. */
export async function api(method, path, body, token = session.token()) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(`/v1.0${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'unreachable', `the API could not be reached (${e.message})`);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    if (response.status === 401 && token && token === session.token()) {
      // The stored token expired or was revoked: the console goes back to its login form.
      window.dispatchEvent(new CustomEvent('voipbin:unauthenticated', { detail: json?.message }));
    }
    const message = json?.message || text.trim().slice(0, 200) || response.statusText || 'request failed';
    throw new ApiError(response.status, json?.error || 'http_' + response.status, message, json?.field);
  }
  return json;
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** The first page of a list (up to 100, newest first): the console shows what is recent. */
export async function list(path) {
  const separator = path.includes('?') ? '&' : '?';
  const page = await get(`${path}${separator}page_size=100`);
  return page?.result ?? [];
}
