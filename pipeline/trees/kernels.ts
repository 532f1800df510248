// The tree grower's WebAssembly kernels (kernels.wat, compiled into kernels-wasm.ts), each instance over a
// memory of its own sized for one grower's arrays. The arrays live in that memory and JavaScript reads and
// writes them through typed-array views, so a kernel call passes byte offsets and copies nothing.
import { KERNELS_WASM_BASE64 } from "./kernels-wasm.js";

export interface Kernels {
  readonly memory: WebAssembly.Memory;
  /** See kernels.wat: zeroes the histogram at `hist`, then adds each listed row's (g, h) into its slots. */
  hist(hist: number, nSlots: number, gh: number, rows: number, count: number, rowStart: number, slots: number): void;
  /** See kernels.wat: stable in-place partition of `count` row indices by one feature's codes; returns the left count. */
  partition(rows: number, count: number, codes: number, bin: number, missingLeft: number, scratch: number): number;
}

const PAGE = 65_536;
/** wasm32 addresses 4 GiB at most. */
const MAX_PAGES = 65_536;

let compiled: WebAssembly.Module | null = null;

function kernelModule(): WebAssembly.Module {
  if (!compiled) compiled = new WebAssembly.Module(Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0)));
  return compiled;
}

/** Byte offsets for arrays in one memory, each aligned to 16 bytes (a v128 lane pair). */
export class MemoryLayout {
  private end = 0;

  /** Reserves `bytes` and returns their offset. */
  take(bytes: number): number {
    const at = this.end;
    this.end += Math.ceil(bytes / 16) * 16;
    return at;
  }

  get bytes(): number {
    return this.end;
  }
}

/** Kernels over a fresh memory of at least `bytes` bytes. */
export function instantiateKernels(bytes: number): Kernels {
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  if (pages > MAX_PAGES)
    throw new Error(`the tree grower needs ${Math.ceil(bytes / 2 ** 20)} MiB, more than the 4 GiB it can address`);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const instance = new WebAssembly.Instance(kernelModule(), { env: { memory } });
  const exports = instance.exports as unknown as Omit<Kernels, "memory">;
  return { memory, hist: exports.hist, partition: exports.partition };
}
