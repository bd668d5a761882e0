type Call<T> = { [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof T];

/**
 * A real storage area (memory or SQLite) whose chosen call waits while a test holds it: `area`
 * passes every call through, and while held, calls of `call` wait until `letGo`.
 */
export class HeldCalls<T extends object> {
  readonly area: T;
  /** Calls received while held and not yet let through. */
  waiting = 0;
  private held: Promise<void> | undefined;
  private release: () => void = () => undefined;

  constructor(inner: T, call: Call<T>) {
    this.area = new Proxy(inner, {
      get: (target, property) => {
        const value: unknown = Reflect.get(target, property);
        if (typeof value !== 'function') return value;
        if (property !== call) return value.bind(target);
        return async (...args: unknown[]): Promise<unknown> => {
          if (this.held) {
            this.waiting += 1;
            await this.held;
          }
          return value.apply(target, args);
        };
      },
    });
  }

  hold(): void {
    this.held = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  letGo(): void {
    this.held = undefined;
    this.waiting = 0;
    this.release();
  }
}
