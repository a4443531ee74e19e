/**
 * The same string, stored flat. V8 keeps the result of a concatenation or template literal as a tree of
 * its parts (a rope), which for a key or message of a few dozen characters built from ten parts takes
 * three times the memory of the characters. The simulation keeps hundreds of thousands of such strings
 * (log summaries, store and event keys, uids, names), and the collector copies each of them while it
 * lives; reading a character makes V8 flatten the string in place, so the parts can go. Other engines
 * lose nothing: the value is the same string.
 */
export function flat(s: string): string {
  s.charCodeAt(0)
  return s
}
