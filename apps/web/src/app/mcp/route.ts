import { handleMcpRequest } from "../../mcp/mcp-route";

export const dynamic = "force-dynamic";

export const GET = handleMcpRequest;
export const POST = handleMcpRequest;
export const DELETE = handleMcpRequest;
