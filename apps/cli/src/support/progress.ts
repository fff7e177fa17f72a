// One progress line, redrawn in place on a terminal and printed every 10% otherwise (CI logs stay short).
export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastDecile = -1;
  return {
    update(done: number, total: number, detail = "") {
      const fraction = total === 0 ? 1 : done / total;
      const bar = "█".repeat(Math.round(fraction * 30)).padEnd(30, "░");
      const text = `${label} ${bar} ${Math.floor(fraction * 100)}% ${detail}`;
      if (stream.isTTY) stream.write(`\r${text.padEnd((stream.columns ?? 100) - 1)}`);
      else if (Math.floor(fraction * 10) > lastDecile) {
        lastDecile = Math.floor(fraction * 10);
        stream.write(`${text}\n`);
      }
    },
    done(text: string) {
      if (stream.isTTY) stream.write("\r".padEnd((stream.columns ?? 100) - 1) + "\r");
      stream.write(`${text}\n`);
    },
  };
}
