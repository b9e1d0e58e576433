/**
 * User text on its way to a terminal. A reason or a project name may hold escape sequences (ESC]0;… retitles the
 * window, ESC[2J clears the screen, others rewrite what is shown) or bidirectional overrides that make printed
 * text read other than it is: they are removed, whole sequences first, then any control character left. Tabs
 * and line breaks stay. JSON on stdout needs nothing: JSON.stringify escapes every C0 control.
 */

// OSC … BEL/ST, CSI … final byte, other two-byte ESC sequences.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is matched
const SEQUENCES = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b\[[0-?]*[ -/]*[@-~]?|\x1b[@-_]?/g;
// C0 but \t \n, DEL, C1, bidi embeddings/overrides/isolates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is matched
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(SEQUENCES, '').replace(CONTROLS, '');
}
