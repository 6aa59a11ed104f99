export declare const SCHEMA_ID: string;
export declare function generateStudySchema(root?: string): Promise<Record<string, unknown>>;
export declare function schemaText(schema: Record<string, unknown>): string;
