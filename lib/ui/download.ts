/** Saves `blob` as a file named `filename`, through the browser's own download (no permission needed). */
export function downloadBlob(blob: Blob, filename: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.click();
  // The download has started by the next turn; keep the URL a while for slow disks.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
