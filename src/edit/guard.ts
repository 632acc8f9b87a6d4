/**
 * Who may talk to the editing server: a page on this machine that knows the token. The server listens
 * on 127.0.0.1 only; on top of that a request must name this server as its Host (a web page that
 * points its own domain name at 127.0.0.1, DNS rebinding, sends its own), come from this server's own
 * page when it says where it comes from (Origin; a foreign page's fetch always says), and carry the
 * token in its path (other local programs and users cannot guess it).
 */
import { timingSafeEqual } from 'node:crypto';

export interface RequestHead {
  method: string;
  /** The path and query as requested ('/TOKEN/check'). */
  url: string;
  host?: string;
  origin?: string;
  /** Sec-Fetch-Site, which browsers send: a request another site made is refused even without Origin. */
  fetchSite?: string;
}

/** The request's path inside the token (`check`, `` for the page), or why it is refused (403). */
export type Guarded = { route: string } | { refused: 'host' | 'origin' | 'token' };

/** The names this server answers to. */
const hostsOf = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function guard(head: RequestHead, port: number, token: string): Guarded {
  const hosts = hostsOf(port);
  if (!head.host || !hosts.includes(head.host.toLowerCase())) return { refused: 'host' };
  if (head.origin !== undefined && !hosts.map((host) => `http://${host}`).includes(head.origin.toLowerCase())) return { refused: 'origin' };
  if (head.fetchSite !== undefined && head.fetchSite !== 'same-origin' && head.fetchSite !== 'none') return { refused: 'origin' };
  const [pathname = ''] = head.url.split('?');
  const match = /^\/([^/]+)\/(.*)$/.exec(pathname);
  if (!match || !sameText(match[1] as string, token)) return { refused: 'token' };
  return { route: match[2] as string };
}
