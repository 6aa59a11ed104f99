/** siilab's version, recorded in every results bundle and report. Keep in step with package.json. */
export const VERSION = '0.1.0';
