// The seed report's two stories as schedules over the sandbox, shared by the SDK-level test here and the
// probe-engine tests: freee's overnight batch across a 24-hour token's expiry, Slack's calls via a gateway.
export const seedStories = {
  freee: {
    serviceId: "freee",
    /** 53 rounds of freee's 4 catalogued calls = 212 calls, one round every 30 minutes of clock time from the
     * moment its token was issued: the round at hour 24 meets the expired token (4 calls), the renewal
     * (30 minutes late) fixes the next. */
    rounds: 53,
    roundEveryMs: 30 * 60_000,
    calls: 212,
    seedErrors: 21,
    seedAuthExpired: 4,
    seedSuccessRate: 0.9,
  },
  slack: {
    serviceId: "slack",
    /** 113 calls cycling through Slack's catalogued calls (one with structured blocks), through the gateway. */
    calls: 113,
    roundEveryMs: 15 * 60_000,
    seedSuccessRate: 0.91,
  },
} as const;
