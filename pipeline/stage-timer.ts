// Logs how long each stage of a run took ("pipeline: models in 12.34 s"): the time since the previous call.
export type StageTimer = (stage: string) => void;

export function stageTimer(log: (line: string) => void, prefix: string): StageTimer {
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    log(`${prefix}: ${stage} in ${((now - last) / 1000).toFixed(2)} s`);
    last = now;
  };
}
