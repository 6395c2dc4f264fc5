/**
 * The first screen's GETs that index.html started while this script was still downloading (on a weak network
 * the script takes most of a second; the three requests behind the first screen run meanwhile). Each is
 * taken once, by the request for the same path; later requests go to the network as usual.
 */
declare global {
  interface Window {
    __earlyRequests?: Record<string, Promise<Response> | undefined>;
  }
}

export function takeEarlyRequest(path: string): Promise<Response> | undefined {
  const early = typeof window === "undefined" ? undefined : window.__earlyRequests;
  const response = early?.[path];
  if (early && response) delete early[path];
  return response;
}
