/**
 * SQL text for the compiled derivations: identifiers quoted, strings quoted, doubles written so
 * that the engine reads back exactly the JavaScript number (a string cast to DOUBLE is correctly
 * rounded; a bare decimal literal would be a DECIMAL in DuckDB and NUMERIC in PostgreSQL; FLOAT8 is a name of the double type in both).
 *
 * @example
 * ident('Platelet count') // '"Platelet count"'
 * double(1095.75)         // "CAST('1095.75' AS FLOAT8)"
 */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export const text = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export const double = (x: number): string => `CAST('${String(x)}' AS FLOAT8)`;
