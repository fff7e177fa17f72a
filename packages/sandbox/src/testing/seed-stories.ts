// The seed report's two stories as schedules over the sandbox, shared by the SDK-level tests and the
// probe-engine tests: freee's 212 calls across a 24-hour token's expiry, Slack's calls via a gateway.
export const seedStories = {
  freee: {
    serviceId: "freee",
    calls: 212,
    /** As 53 rounds of freee's 4 catalogued calls, one every 30 minutes from the token's issue, by a client
     * that reads the secret store each round: the round at hour 24 meets the expired token (4 calls), the
     * person renewing it 30 minutes late fixes the next. */
    rounds: 53,
    roundEveryMs: 30 * 60_000,
    /** As one overnight batch (one probe run, 53 rounds) where each call is ~7 minutes of work: the last 4
     * of the 212 calls run after the token's 24 hours. */
    batchCallEveryMs: 416_000,
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
