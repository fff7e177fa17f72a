import type { BenchResult } from "../support/measure";
export async function scaleOutBenchmark(): Promise<BenchResult> { throw new Error("todo"); }
