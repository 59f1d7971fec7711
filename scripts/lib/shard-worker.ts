/**
 * A worker thread of the data step: builds the shards its parent sends, one at a time, and answers each with its
 * ShardResult (or the message of an internal error). The context is sent once, in workerData.
 */
import { parentPort, workerData } from "node:worker_threads";
import { buildShard, type ShardContext, type ShardInit } from "./shard.ts";

const init = workerData as ShardInit;
const ctx: ShardContext = { root: init.root, tmp: init.tmp, previous: init.previous, localities: init.localities, localityIds: init.localityIds ? new Set(init.localityIds) : undefined, cache: init.cache, published: init.published };

parentPort!.on("message", (job: { index: number; names: string[] }) => {
  try {
    const result = buildShard(job.index, job.names, ctx);
    // The fragments move to the main thread rather than being copied.
    const buffers = result.plans.flatMap((p) => Object.values(p.parts ?? {})).map((b) => b.buffer as ArrayBuffer);
    parentPort!.postMessage({ ok: true, result }, buffers);
  } catch (e) {
    parentPort!.postMessage({ ok: false, index: job.index, message: (e as Error).stack ?? String(e) });
  }
});
