/**
 * Saves a file through a temporary <a download>. The link is put inside `container` (the page's
 * body by default): while a modal dialog is open everything outside it is inert, so a download
 * started from a dialog must put its link in the dialog.
 */
export function saveFile(blob: Blob, fileName: string, container: HTMLElement = document.body): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once click() returns; revoking later keeps slow ones safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
