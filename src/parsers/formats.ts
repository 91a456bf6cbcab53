import { compilePythonFormat, type CompiledFormat } from './pythonFormat.js';

const compiled = new Map<string, CompiledFormat>();

/** Compiles each distinct format string once per process. */
export function formatFor(source: string): CompiledFormat {
  let format = compiled.get(source);
  if (!format) {
    format = compilePythonFormat(source);
    compiled.set(source, format);
  }
  return format;
}
