/**
 * Table and column names come from options, so they are checked against a conservative pattern
 * and then quoted: nothing the operator types can change the shape of a statement. Quoting makes
 * the name case-sensitive, which is what Django's lower-case table names need anyway.
 */
const IDENTIFIER_PART = /^[A-Za-z_][A-Za-z0-9_$]*$/;
/** PostgreSQL silently truncates longer names (NAMEDATALEN - 1), which would query another table. */
const MAX_PART_LENGTH = 63;

/** Why `name` is not a usable identifier, or undefined when it is. */
export function identifierProblem(name: string, allowSchema: boolean): string | undefined {
  const parts = name.split('.');
  if (parts.length > (allowSchema ? 2 : 1)) {
    return allowSchema ? 'at most one dot (schema.table) is allowed' : 'a column name cannot contain a dot';
  }
  for (const part of parts) {
    if (!IDENTIFIER_PART.test(part)) return 'expected letters, digits, _ or $, not starting with a digit';
    if (part.length > MAX_PART_LENGTH) return `longer than ${MAX_PART_LENGTH} characters`;
  }
  return undefined;
}

/** `s.core_task` → `"s"."core_task"`. Embedded quotes are doubled even though validation rejects them. */
export function quoteIdentifier(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');
}
