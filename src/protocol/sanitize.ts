/**
 * Text that will be read by a model and shown on terminals: no ANSI escapes, no control
 * characters but newline and tab. Applied when a message is accepted, so every reader sees the
 * same clean text; the framing that quotes it for a model is in the hook's renderer.
 */

// CSI, OSC (terminated by BEL or ST) and other two-byte escapes.
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
// C0 controls except \t and \n, DEL, C1 controls, and the Unicode line/paragraph separators and bidi overrides.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ANSI, '').replace(CONTROL, '');
}
