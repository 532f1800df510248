/** One row of `bench-results.json`. Fields a case does not have are null. */
export interface BenchResult {
  name: string;
  rows: number | null;
  features: number | null;
  ours_s: number | null;
  peer: string | null;
  peer_s: number | null;
  ratio: number | null;
  ours_auc: number | null;
  peer_auc: number | null;
  /** Anything else worth recording: peak memory, PR-AUC, notes. */
  extra?: Record<string, number | string | null>;
}
