/**
 * At most `capacity` holders at a time; others wait in arrival order, each for at most its own
 * timeout. (The semaphore libraries at hand cannot give up on a wait, which a server needs.)
 */
export class Gate {
  private held = 0;
  private readonly waiting: { grant: () => void }[] = [];

  constructor(private readonly capacity: number) {}

  /** Resolves with a release function once admitted; rejects with `onTimeout()` after `timeoutMs`. */
  enter(timeoutMs: number, onTimeout: () => Error): Promise<() => void> {
    if (this.held < this.capacity) {
      this.held++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve(this.releaser());
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(onTimeout());
      }, timeoutMs);
      this.waiting.push(waiter);
    });
  }

  get inUse(): number {
    return this.held;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so `held` stays the same.
      if (next) next.grant();
      else this.held--;
    };
  }
}
