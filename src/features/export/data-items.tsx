/** The Export menu's data section: the data downloads. */
export function DataItems() {
  return null;
}
