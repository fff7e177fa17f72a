// Each test gets its own Redis key prefix; cleanup removes only its own keys.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { redisUrl, testRunId } from "./services";

export function testRedisPrefix(label = "t"): string {
  return `kensa-test:${testRunId}:${label}:${randomBytes(3).toString("hex")}`;
}

export function openTestRedis(): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
}

export async function deleteRedisKeys(pattern: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let deleted = 0;
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== "0");
    return deleted;
  } finally {
    redis.disconnect();
  }
}
