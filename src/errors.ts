/**
 * The error every refusal throws. `exitCode` follows the CLI contract:
 * 2 usage, 3 data, 4 analysis impossible. The message is already user-facing
 * (written in src/messages.ts) and names the file, row, column or spec field.
 */
export type ErrorKind = 'usage' | 'data' | 'analysis';

export const EXIT_CODES: Readonly<Record<ErrorKind, number>> = { usage: 2, data: 3, analysis: 4 };

export class SiilabError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = 'SiilabError';
    this.kind = kind;
  }
  get exitCode(): number {
    return EXIT_CODES[this.kind];
  }
}

export const usageError = (m: string): SiilabError => new SiilabError('usage', m);
export const dataError = (m: string): SiilabError => new SiilabError('data', m);
export const analysisError = (m: string): SiilabError => new SiilabError('analysis', m);
