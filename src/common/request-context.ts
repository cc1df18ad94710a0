import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  readonly requestId: string;
}

// The request being served, wherever the code runs on its behalf: Nest's logger reads the
// request id from here, since its calls carry no request.
export const requestContext = new AsyncLocalStorage<RequestContext>();
