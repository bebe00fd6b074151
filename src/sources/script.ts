/** The plumbing of the data scripts: plain lines on stdout, a message and exit 1 on failure. */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function runScript(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
