import { type ClientMessage, MAX_CLIENT_MESSAGE_BYTES, parseClientMessage } from './classMessages.ts';

/**
 * The deepest nesting of lists and mappings a classroom message may have. The deepest message a
 * client sends (a flex step of a draft program inside a command) is about 10 levels deep; a frame deeper
 * than this is refused before it is parsed or described, so no parser or describer ever recurses
 * far on what a client sent.
 */
export const MAX_CLIENT_MESSAGE_DEPTH = 32;

/** The most problems one refusal says (a message of 1,000 unknown fields is one refusal of a few lines). */
const MAX_PROBLEMS_SAID = 5;

/** Why a frame was refused before or while it was read. */
export type FrameRefusalCode = 'message.size' | 'message.depth' | 'message.json' | 'message.invalid';

/** A client's frame read: its message, or why it was refused (in words for the client). */
export type ClientFrame =
  | { readonly ok: true; readonly message: ClientMessage }
  | { readonly ok: false; readonly code: FrameRefusalCode; readonly problem: string };

/** The UTF-8 length of `text` in bytes (a lone surrogate counts as the 3 bytes of its replacement). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The deepest nesting of `[` and `{` in JSON text (brackets inside strings not counted), stopping
 * as soon as it passes `limit`. One pass, no recursion: bounded in time by the text's length.
 */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return deepest;
}

/**
 * Reads one text frame a classroom client sent: bounded in size ({@link MAX_CLIENT_MESSAGE_BYTES})
 * and depth ({@link MAX_CLIENT_MESSAGE_DEPTH}) before it is parsed, then parsed as JSON and checked
 * against the messages' schema. Never throws, whatever the text.
 */
export function readClientFrame(text: string): ClientFrame {
  if (text.length > MAX_CLIENT_MESSAGE_BYTES || utf8Bytes(text) > MAX_CLIENT_MESSAGE_BYTES)
    return { ok: false, code: 'message.size', problem: `A message is at most ${MAX_CLIENT_MESSAGE_BYTES} bytes.` };
  if (jsonDepth(text, MAX_CLIENT_MESSAGE_DEPTH) > MAX_CLIENT_MESSAGE_DEPTH)
    return {
      ok: false,
      code: 'message.depth',
      problem: `A message nests lists and mappings at most ${MAX_CLIENT_MESSAGE_DEPTH} deep.`,
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: 'message.json', problem: 'A message must be JSON.' };
  }
  const checked = parseClientMessage(value);
  if (checked.ok) return { ok: true, message: checked.message };
  const shown = checked.problems.slice(0, MAX_PROBLEMS_SAID);
  const more = checked.problems.length - shown.length;
  return {
    ok: false,
    code: 'message.invalid',
    problem: `${shown.join('; ')}${more > 0 ? `; and ${more} more problems` : ''}`,
  };
}
