// The catalogue's one notion of a source or endpoint URL: http(s) only, with the error a contributor reads.
import { z } from "zod";

export const HttpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });
