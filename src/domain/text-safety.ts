/**
 * Text that users or links supply, made safe to show. Bidirectional control characters
 * (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, and the marks U+200E, U+200F
 * and U+061C) can make a title read backwards or hide what follows it ("direction spoofing"):
 * no unit, area or source name needs one, so they are removed from every user-supplied text
 * before it is stored or shown.
 */

/** Every bidirectional formatting character Unicode defines. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The text without bidirectional control characters. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Whether the text holds any bidirectional control character. */
export function hasBidiControls(text: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  const found = BIDI_CONTROLS.test(text);
  BIDI_CONTROLS.lastIndex = 0;
  return found;
}
