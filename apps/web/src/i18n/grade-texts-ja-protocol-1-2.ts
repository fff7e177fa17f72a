// 方法論 1.2 の MCP 2026-07-28 項目の日本語訳（packages/core/src/scoring/items-1-2-protocol.ts）。1.2 を
// itemTextsJa に合流している（1.2.0 から採点）。型で網羅を強制する。
import type { ProtocolItemId12 } from "@kensa/core";
import type { ItemTextJa } from "./grade-texts-ja";

export const protocolItemTextsJa12: Record<ProtocolItemId12, ItemTextJa> = {
  "gateway.header_mirroring": { name: "Mcp-Method / Mcp-Name ヘッダーの検証", fix: "Mcp-Method / Mcp-Name を本文と比べ、食い違いや欠落は 400 と JSON-RPC エラー -32020（HeaderMismatch）で拒否してください（MCP 2026-07-28）。" },
  "gateway.cache_hints": { name: "キャッシュヒント（ttlMs / cacheScope）", fix: "server/discover とすべての一覧結果に ttlMs と cacheScope（\"public\" または \"private\"）を付け、ゲートウェイが共有してよいものだけをキャッシュできるようにしてください。" },
  "gateway.tools_order": { name: "tools/list の順序の安定性", fix: "tools/list を安定した順序（たとえば名前順）で返してください。" },
  "gateway.streamable_http": { name: "Streamable HTTP の提供", fix: "Streamable HTTP を提供し、非推奨の HTTP+SSE は古いクライアント向けにその横にだけ残してください。" },
  "auth.iss_parameter": { name: "RFC 9207 の iss", fix: "認可レスポンスに iss を含め、authorization_response_iss_parameter_supported: true を広告してください（RFC 9207）。" },
  "auth.client_id_metadata": { name: "Client ID Metadata Documents への対応", fix: "Client ID Metadata Documents を受け入れ、client_id_metadata_document_supported: true を広告してください（動的クライアント登録は非推奨です）。" },
  "auth.step_up": { name: "ステップアップ認可（403 insufficient_scope）", fix: "スコープが足りないトークンには 403 と WWW-Authenticate: Bearer error=\"insufficient_scope\", scope=\"…\", resource_metadata=\"…\" を返してください。" },
  "portability.server_card_discover": { name: "サーバーカードと server/discover の一致", fix: "/.well-known/mcp/server-card に（application/json、CORS *）、server/discover と同じバージョン・capabilities・プロトコルバージョンのサーバーカードを公開してください。" },
};
