/** User-facing messages of `siilab serve`'s request security (HTTP error bodies). */
export const serverMessages = {
  needToken: () => 'This siilab server needs its access token: open the link with ?token=… that it printed at start.',
  foreignHost: (host: string, allowed: readonly string[]) =>
    `This siilab server answers only requests addressed to ${allowed.join(', ')}; this one was addressed to ${JSON.stringify(host)} ` +
    '(a page on another site reaching it through DNS rebinding is refused). Open the address siilab serve printed at start.',
  foreignOrigin: (origin: string) =>
    `This siilab server refuses changes requested by a page from another site (${JSON.stringify(origin)}); use the siilab page the server printed at start.`,
  crossSite: () => 'This siilab server refuses changes requested by a page from another site; use the siilab page the server printed at start.',
};
