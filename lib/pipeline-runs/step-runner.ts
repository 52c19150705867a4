/**
 * The one thing a run needs from Inngest's `step`: named, memoized units of work. The Inngest functions pass
 * `step.run`; tests and scripts can pass `directSteps` to run the same orchestration inline.
 */
export interface StepRunner {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sleep(id: string, duration: string): Promise<void>;
}

export const directSteps: StepRunner = {
  run: (_id, fn) => fn(),
  sleep: async () => {},
};

/** Adapts Inngest's step tools; step outputs here are plain JSON objects, so their Jsonify type is the same. */
export function inngestSteps(step: {
  run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
  sleep: (id: string, duration: string) => Promise<unknown>;
}): StepRunner {
  return {
    run: <T>(id: string, fn: () => Promise<T>) => step.run(id, fn) as Promise<T>,
    sleep: async (id, duration) => {
      await step.sleep(id, duration);
    },
  };
}
