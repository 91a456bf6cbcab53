/** '\n': lines are split on this byte before decoding; it never occurs inside a UTF-8 sequence. */
export const NEWLINE = 0x0a;

/**
 * Text is decoded in pieces of about 32 KiB: a 1 MiB string per chunk would land in V8's
 * large-object space, which only a full GC frees, and RSS would grow by the size of the input.
 */
export const PIECE_BYTES = 32 * 1024;
