/** The generated validator module's source for a schema's text (scripts/studyValidator.mjs). */
export function studyValidatorSource(schemaText: string): string;
