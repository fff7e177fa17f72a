// Chart colours: distinguishable, and readable on white. Error classes keep one colour everywhere.
import type { ErrorClass } from "@kensa/core";

export const seriesColors = ["#0b5cad", "#c2410c", "#1a7f37", "#8250df", "#b35900", "#0a7ea4", "#bf3989", "#57606a"];

export const errorClassColor: Record<ErrorClass, string> = {
  auth_expired: "#8250df",
  auth_invalid: "#a475f9",
  auth_forbidden: "#6639ba",
  invalid_input: "#0a7ea4",
  config_missing: "#0969da",
  not_found: "#57606a",
  rate_limited: "#bf8700",
  timeout: "#c2410c",
  server_error: "#b91c1c",
  gateway_error: "#bf3989",
  protocol_error: "#7f1d1d",
  network_error: "#4d7c0f",
  blocked_by_policy: "#24292f",
};
