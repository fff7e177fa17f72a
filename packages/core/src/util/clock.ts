// Time comes in through a Clock, never from Date.now() inside the domain: the sandbox and the runner share
// a controllable one, so a 24-hour token expires in seconds and weeks of history take minutes.
export interface Clock {
  /** Milliseconds since the epoch, as this clock sees it. */
  now(): number;
}
