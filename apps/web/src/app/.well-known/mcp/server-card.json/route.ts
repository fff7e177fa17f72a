import { handleServerCard } from "../../../../mcp/mcp-route";

export const dynamic = "force-dynamic";

export const GET = handleServerCard;
