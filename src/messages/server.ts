/** User-facing messages of `siilab serve`'s request security (HTTP error bodies). */
export const serverMessages = {
  wrongContent: (file: string, kind: string) =>
    `${file}: this file is ${kind}, not a table; upload the cohort as CSV, TSV or Excel (.xlsx).`,
  notXlsx: (file: string) => `${file}: the name says Excel (.xlsx) but the content is not an Excel workbook; save it from Excel as .xlsx or CSV.`,
  zipNotXlsx: (file: string) => `${file}: this file is a zip archive; unpack it, or give an Excel workbook the name .xlsx.`,
  binaryText: (file: string) => `${file}: this file holds binary data, not text; upload the cohort as CSV, TSV or Excel (.xlsx).`,
  sameFile: (file: string, earlier: string, when: string) => `${file} is the same file as ${earlier}, uploaded ${when}; that cohort is opened instead of a copy.`,
  fixesOnly: () => 'fixes must be a list of { row, column, value }.',
  needToken: () => 'This siilab server needs its access token: open the link with ?token=… that it printed at start.',
  wrongToken: () => 'The access token in this link is not this siilab server\'s (a new one is made at every start): open the link with ?token=… that it printed this time.',
  refusedTitle: (status: number) => (status === 401 ? 'siilab: access token needed' : status === 421 ? 'siilab: wrong address' : 'siilab: request refused'),
  foreignHost: (host: string, allowed: readonly string[]) =>
    `This siilab server answers only requests addressed to ${allowed.join(', ')}; this one was addressed to ${JSON.stringify(host)} ` +
    '(a page on another site reaching it through DNS rebinding is refused). Open the address siilab serve printed at start.',
  foreignOrigin: (origin: string) =>
    `This siilab server refuses changes requested by a page from another site (${JSON.stringify(origin)}); use the siilab page the server printed at start.`,
  crossSite: () => 'This siilab server refuses changes requested by a page from another site; use the siilab page the server printed at start.',
};
