/**
 * Every user-facing warning and error, gathered by area. Code elsewhere never writes
 * a message string itself; it calls one of these.
 */
export { ioMessages } from './io.js';
export { cliMessages } from './cli.js';
export { rocMessages } from './roc.js';
