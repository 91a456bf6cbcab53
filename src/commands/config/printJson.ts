import { Output } from '../../sinks/output.js';

/** config show and config schema print one JSON document, indented. */
export async function printJson(value: unknown): Promise<void> {
  const output = new Output();
  output.write(`${JSON.stringify(value, null, 2)}\n`);
  await output.flush();
}
