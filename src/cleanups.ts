/**
 * What a process must undo before it exits (stop the server, close the driver, stop the Neo4j
 * it started), run newest first, each one even when an earlier one failed.
 */
export class Cleanups {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];

  constructor(private readonly onError: (name: string, error: unknown) => void) {}

  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  async runAll(): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step.run();
      } catch (error) {
        this.onError(step.name, error);
      }
    }
  }
}
