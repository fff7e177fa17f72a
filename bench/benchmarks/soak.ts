import type { BenchResult } from "../support/measure";
export async function soakBenchmark(): Promise<BenchResult> { throw new Error("todo"); }
