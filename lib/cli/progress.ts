/** A one-line progress bar on stderr when it is a terminal; silent otherwise (CI logs, pipes). */
export function createProgress(total: number, label: string) {
  const tty = process.stderr.isTTY === true;
  let done = 0;
  const draw = (current: string) => {
    if (!tty) return;
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${current}`.padEnd(80).slice(0, 100),
    );
  };
  return {
    tick(current: string) {
      done++;
      draw(current);
    },
    finish() {
      if (tty) process.stderr.write('\n');
    },
  };
}
