// The customer's live events from the gateway's stream, one connection for the whole console.
// Each message is what a webhook receives: {"type": "call_created", "timestamp": ..., "data": {...}}.
// Pages subscribe to type patterns ("call_*"); after a reconnect they are told to reload, since events
// sent while the stream was down are not replayed.

import { session } from './api.js';

const handlers = new Set();
const reconnectListeners = new Set();
let socket = null;
let retryMs = 500;
let everConnected = false;
let stopped = true;

function matches(pattern, type) {
  return pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}

function showState(state, title) {
  const indicator = document.getElementById('live');
  if (!indicator) return;
  indicator.className = `live ${state}`;
  indicator.textContent = state === 'open' ? 'live' : state === 'closed' ? 'offline' : 'connecting';
  indicator.title = title ?? '';
}

function dispatch(message) {
  let event;
  try {
    event = JSON.parse(message.data);
  } catch {
    return;  // not an event (a keep-alive or a notice): nothing to show
  }
  if (!event || typeof event.type !== 'string') return;
  for (const handler of handlers) {
    if (handler.patterns.some((p) => matches(p, event.type))) {
      try {
        handler.onEvent(event);
      } catch (e) {
        console.error('event handler failed', event.type, e);
      }
    }
  }
}

function connect() {
  const token = session.token();
  if (!token || stopped) return;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  // Browsers cannot set headers on a WebSocket: the gateway takes the token as a query parameter.
  socket = new WebSocket(`${scheme}://${location.host}/v1.0/events/ws?token=${encodeURIComponent(token)}`);
  showState('connecting');
  socket.onopen = () => {
    retryMs = 500;
    showState('open');
    if (everConnected) reconnectListeners.forEach((listener) => listener());
    everConnected = true;
  };
  socket.onmessage = dispatch;
  socket.onclose = (close) => {
    socket = null;
    if (stopped) return;
    showState('closed', close.reason || `closed (${close.code})`);
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 10000);
  };
}

/** Opens the stream (once per login). */
export function startEvents() {
  if (!stopped) return;
  stopped = false;
  everConnected = false;
  connect();
}

/** Closes the stream (log out). */
export function stopEvents() {
  stopped = true;
  handlers.clear();
  reconnectListeners.clear();
  if (socket) socket.close(1000, 'logged out');
  showState('closed');
}

/**
 * Calls onEvent for every event whose type matches one of patterns, and onReconnect after the stream
 * came back. Returns the function that ends the subscription (a page calls it when it is left).
 */
export function subscribe(patterns, onEvent, onReconnect) {
  const handler = { patterns, onEvent };
  handlers.add(handler);
  if (onReconnect) reconnectListeners.add(onReconnect);
  return () => {
    handlers.delete(handler);
    if (onReconnect) reconnectListeners.delete(onReconnect);
  };
}
