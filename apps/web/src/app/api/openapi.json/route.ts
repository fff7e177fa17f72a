import { openApiDocument } from "../../../api/openapi";
import { cachePolicy, json } from "../../../api/respond";

export const dynamic = "force-static";

export function GET(): Response {
  return json(openApiDocument(), cachePolicy.document);
}
