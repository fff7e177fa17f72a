// 評価の説明の日本語訳。採点器は英語で書き（数値は values に分けて保存）、ここは閉じた ID
// （ItemId・CapId・CheckFindingId）ごとに日本語を持つ。型で網羅を強制するので、項目が増えれば型検査が落ちる。
import { protocolItemTextsJa12 } from "./grade-texts-ja-protocol-1-2";
import { callsProving95, latencyScale, type CapId, type CheckFindingId, type ItemId, type ReadinessCheck } from "@kensa/core";

export interface ItemTextJa {
  /** 何を評価する項目か（所見の見出し）。 */
  name: string;
  /** 満点に届かないときにベンダーが直すこと。 */
  fix: string;
}

export const itemTextsJa: Record<ItemId, ItemTextJa> = {
  "reliability.vendor_success": {
    name: "ベンダー起因の成功率（95% 信頼下限）",
    fix: `ベンダー起因の失敗をなくし、十分な呼び出し数で実証してください。ベンダー起因の成功率の 95% 信頼下限が 95% 以上で満点です（失敗ゼロなら約 ${callsProving95()} 回の成功で 95% を証明できます。長めにプローブするか kensa scan --rounds を使ってください）。`,
  },
  "reliability.latency_p95": { name: "成功した呼び出しの p95 レイテンシ", fix: `成功した呼び出しの p95 レイテンシを ${latencyScale.fullPointsAtMs.toLocaleString("ja-JP")} ms 以下にしてください。` },
  "auth.authentication": { name: "認証の有無と方式", fix: "MCP エンドポイントに OAuth 2.1 の認可（PKCE 付き認可コード）を必須にしてください。" },
  "auth.challenge": { name: "401 チャレンジ（WWW-Authenticate に resource_metadata）", fix: "認証なしのリクエストには 401 と WWW-Authenticate: Bearer resource_metadata=\"…\" を返してください（RFC 9728）。" },
  "auth.protected_resource": { name: "保護リソースメタデータ（RFC 9728）", fix: "/.well-known/oauth-protected-resource に resource と authorization_servers を含むメタデータを公開してください（RFC 9728）。" },
  "auth.authorization_server": { name: "認可サーバーメタデータ（RFC 8414 / OIDC Discovery）", fix: "認可サーバーのメタデータ（RFC 8414 または OpenID Connect Discovery）を公開してください。" },
  "auth.pkce_s256": { name: "PKCE S256 の提供", fix: "PKCE S256 を広告し、必須にしてください（code_challenge_methods_supported）。" },
  "auth.no_implicit": { name: "インプリシットグラントを提供しない", fix: "インプリシットグラントの提供をやめてください（OAuth 2.1）。" },
  "auth.client_registration": { name: "エージェントの自己登録（DCR / Client ID Metadata Documents）", fix: "動的クライアント登録（DCR）または Client ID Metadata Documents に対応し、人手を介さずにエージェントが登録できるようにしてください。" },
  "auth.invalid_token_rejected": { name: "不正なトークンを 401 で拒否", fix: "不正なベアラートークンは 401 と error=\"invalid_token\" で拒否してください。" },
  "auth.expiry_free": { name: "処理中のトークン期限切れ（auth_expired）", fix: "処理の途中でトークンが切れないようにしてください。リフレッシュトークン（または失効可能な長寿命トークン）を発行し、長時間動くエージェントが動き続けられるようにします。" },
  "auth.refresh": { name: "トークンのリフレッシュ", fix: "refresh_token グラントに対応し、期限切れ前にクライアントがトークンを更新できるようにしてください。" },
  "auth.sso": { name: "エンタープライズ SSO（SAML / OIDC）", fix: "SAML 2.0 または OpenID Connect による SSO に対応し、出典付きで申告してください。" },
  "auth.id_jag": { name: "企業管理の認可（ID-JAG）", fix: "ID-JAG プロファイル（urn:ietf:params:oauth:grant-profile:id-jag）に対応してください。" },
  "auth.scim": { name: "SCIM プロビジョニング", fix: "SCIM によるユーザープロビジョニングに対応し、出典付きで申告してください。" },
  "audit.protocol_version": { name: "未対応の MCP-Protocol-Version を 400 で拒否", fix: "未対応の MCP-Protocol-Version ヘッダーを持つリクエストには HTTP 400 を返してください。" },
  "audit.protocol_errors": { name: "プロトコル違反のない応答", fix: "不正な応答（不正な JSON-RPC、誤った Content-Type、巨大または終わらない応答）を直してください。" },
  "audit.trace_context": { name: "トレースコンテキストの往復（W3C traceparent）", fix: "_meta の W3C traceparent をスパンに引き継いで返し、呼び出しが呼び出し元のトレースにつながるようにしてください。" },
  "audit.opentelemetry": { name: "OpenTelemetry 対応", fix: "ツール呼び出しの OpenTelemetry スパンを出力し、出典付きで申告してください。" },
  "audit.structured_errors": { name: "構造化されたエラー応答", fix: "エラーは文章だけでなく、ステータス、JSON-RPC コード、または structuredContent（例：{ error: \"invalid_input\" }）で返してください。" },
  "portability.iac_provider": { name: "Terraform / Pulumi プロバイダ", fix: "MCP の設定（エンドポイント、スコープ、クライアント）を扱う Terraform または Pulumi プロバイダを公開してください。" },
  "portability.registry_entry": { name: "MCP レジストリ登録（server.json）", fix: "server.json を添えて MCP レジストリにサーバーを登録してください。" },
  "portability.environment_separation": { name: "開発・ステージング・本番の分離", fix: "開発・ステージング・本番で別々のエンドポイントまたはテナントを提供し、文書化してください。" },
  "portability.server_card": { name: "サーバーカードの整合性", fix: "サーバーの名前・バージョン・トランスポート・ツールと一致するサーバーカード / server.json を公開してください。" },
  "gateway.vendor_success": { name: "ゲートウェイ経由の成功率", fix: "ゲートウェイ経由で起きる失敗（アフィニティのないセッション、バッファされるストリーム、Host / Origin の検査）を直してください。" },
  "tools.descriptions": { name: "ツールの説明", fix: "すべてのツールに、何をするか・いつ使うかを 1 文以上（20 文字以上）で説明してください。名前の繰り返しは説明になりません。" },
  "tools.input_schemas": { name: "入力スキーマの完全さ", fix: "すべてのツールに、JSON Schema 2020-12 として妥当な object 型の inputSchema を付け、各プロパティに型と説明を、さらに required を書いてください。" },
  "tools.annotations": { name: "動作のヒント（アノテーション）", fix: "すべてのツールに readOnlyHint を、書き込むツールには destructiveHint と idempotentHint も付け、エージェントやゲートウェイが安全に呼べるか判断できるようにしてください。" },
  "tools.names": { name: "ツール名の形式（SEP-986）", fix: "ツール名は A–Z・a–z・0–9・アンダースコア・ハイフン・ドットの 1〜128 文字にしてください（SEP-986）。" },
  "tools.output_schemas": { name: "読み取りツールの出力スキーマ", fix: "レコードを返すツールには object 型の outputSchema を宣言し、それに合う structuredContent を返してください。" },
  "tools.unique_names": { name: "ツール名の重複なし", fix: "ツール名はすべて別々にしてください。同じ名前のツールは、クライアントがどちらか一方しか使えないか、両方を拒否します。" },
  "tools.list_size": { name: "ツール一覧の大きさ（推定トークン数）", fix: "tools/list を約 5,000 トークン以内に収めてください。似たツールをまとめ、説明やスキーマの定型文を削り、使用頻度の低いツールは別のサーバーに分けます。" },
  "gateway.auth_propagation": { name: "ゲートウェイ経由の認可の受け入れ", fix: "ゲートウェイが伝える認可を受け入れてください（audience・resource に紐づくトークン、文書化された転送ヘッダー）。" },
  ...protocolItemTextsJa12,
};

type Values = Record<string, number>;
/** 必要な数値がそろったときだけ訳す（数値を持たない古いスナップショットは英語のまま）。 */
const given = (v: Values, ...names: string[]) => names.every((n) => typeof v[n] === "number");

export const capReasonsJa: Record<CapId, (v: Values) => string | null> = {
  "floor.no_successful_calls": () => "集計期間内に成功した呼び出しがなく、グレードを裏づけるものがありません。",
  "floor.under_30_successes": (v) => given(v, "successes", "needed") ? `集計期間内の成功した呼び出しは ${v.successes} 回のみです。${v.needed} 回未満では A より上になりません。` : null,
  "floor.partial_coverage": () => "部分評価：当方の有効な認証情報なしで検査したため、信頼性は未検証です。部分評価は A より上になりません。",
  "floor.under_100_successes": (v) => given(v, "successes", "needed") ? `集計期間内の成功した呼び出しは ${v.successes} 回のみです。AAA には ${v.needed} 回以上が必要です。` : null,
  "cap.reliability_below_75": (v) => given(v, "percent", "limit") ? `ベンダー起因の成功率が ${v.percent}% で、${v.limit}% を下回っています。` : null,
  "cap.reliability_below_90": (v) => given(v, "percent", "limit") ? `ベンダー起因の成功率が ${v.percent}% で、${v.limit}% を下回っています。` : null,
  "cap.no_auth_metadata": () => "認証メタデータがまったくありません（resource_metadata を示す 401 チャレンジも、RFC 9728・RFC 8414 の文書もない）。",
  "cap.tokens_expire_mid_run": (v) => given(v, "expired") ? `集計期間内に処理の途中でトークンが ${v.expired} 回期限切れになりました（auth_expired）。` : null,
  "cap.unauthenticated_write_tools": (v) => given(v, "writeTools") ? `認証がないのに、読み取り専用と示されていないツールが ${v.writeTools} 個あります。` : null,
  "cap.accepts_invalid_token": () => "でたらめなベアラートークンが受け入れられました。",
  "cap.accepts_header_mismatch": () => "Mcp-Method / Mcp-Name ヘッダーが本文と食い違うリクエストが処理されました（400 / -32020 で拒否されませんでした）。",
};

export const checkNamesJa: Record<ReadinessCheck, string> = {
  auth_challenge: "認証チャレンジ（401 + WWW-Authenticate）",
  protected_resource: "保護リソースメタデータ（RFC 9728）",
  authorization_server: "認可サーバーメタデータ（RFC 8414 / OIDC）",
  protocol_version: "MCP-Protocol-Version の検証",
  invalid_token: "不正なトークンの拒否",
  trace_context: "トレースコンテキストの往復",
  server_card: "サーバーカード / server.json",
  header_mirroring: "Mcp-Method / Mcp-Name ヘッダーの写しと不一致の拒否",
  cache_hints: "キャッシュヒント（ttlMs / cacheScope）",
  tools_order: "tools/list の順序の安定性",
  step_up: "ステップアップ認可（403 insufficient_scope）",
  streamable_http: "Streamable HTTP の提供（HTTP+SSE のみではない）",
  server_card_discover: "サーバーカードと server/discover の一致",
};

/** 所見の見出しと直し方。同じ ID でもチェックによって直し方が違うものはチェックごとに持つ。 */
export interface CheckFindingTextJa {
  name: string;
  fix?: string | Partial<Record<ReadinessCheck, string>>;
}

export const checkFindingsJa: Record<CheckFindingId, CheckFindingTextJa> = {
  transport: { name: "トランスポート" },
  reachable: { name: "到達性" },
  session: { name: "セッションの確立" },
  authorized: { name: "認可" },
  answered: { name: "応答" },
  named: { name: "server.json の指定" },
  "auth-required": { name: "認証の要求" },
  status: { name: "ステータスコード" },
  "status-401": {
    name: "401 で応答",
    fix: {
      auth_challenge: "認証情報のないリクエストには 403 ではなく 401 Unauthorized を返してください。",
      invalid_token: "未知または不正な形式のベアラートークンは 401 Unauthorized で拒否してください。",
    },
  },
  "www-authenticate": { name: "WWW-Authenticate チャレンジ", fix: "401 とともに WWW-Authenticate: Bearer を送ってください。" },
  "resource-metadata": {
    name: "resource_metadata の URL",
    fix: {
      auth_challenge: "チャレンジに resource_metadata=\"<RFC 9728 メタデータの URL>\" を加えてください（MCP 認可仕様）。",
      step_up: "401 と同じく、403 のチャレンジにも resource_metadata=\"<RFC 9728 メタデータの URL>\" を加えてください（MCP 認可仕様）。",
    },
  },
  scope: {
    name: "スコープの明示",
    fix: {
      auth_challenge: "クライアントに必要なスコープをチャレンジで示してください（scope=\"…\"）。",
      step_up: "その操作に必要なスコープをすべて一度にチャレンジで示してください（scope=\"…\"）。クライアントが一回でステップアップできます。",
    },
  },
  present: {
    name: "公開状況",
    fix: {
      protected_resource: "RFC 9728 メタデータを /.well-known/oauth-protected-resource で公開してください（パスを含むエンドポイントではパス付きの形式）。",
      server_card: "レジストリ登録が指す server.json を公開してください。",
    },
  },
  resource: { name: "resource がエンドポイントと一致", fix: "\"resource\" をこのエンドポイントの URL にしてください。" },
  "authorization-servers": { name: "認可サーバーの列挙", fix: "\"authorization_servers\" に認可サーバーの issuer を列挙してください。" },
  issuer: { name: "issuer（発行者）", fix: "メタデータの issuer は、発見に使った issuer の URL と一致させてください（RFC 8414 §3.3）。RFC 9728 メタデータで認可サーバーを示してください。" },
  "other-issuers": { name: "ほかの認可サーバー", fix: "authorization_servers に載せるすべての認可サーバーが、自身の issuer を持つメタデータ、PKCE S256、インプリシットグラントなしを満たすようにしてください（クライアントはどれでも使えます）。" },
  metadata: { name: "認可サーバーメタデータ", fix: "issuer の /.well-known/oauth-authorization-server（RFC 8414）を公開してください。" },
  "pkce-s256": { name: "PKCE S256", fix: "PKCE を提供してください：code_challenge_methods_supported: [\"S256\"]（なければ MCP クライアントは接続を拒否します）。" },
  "no-implicit": { name: "インプリシットグラントなし", fix: "インプリシットグラントをやめ（OAuth 2.1）、grant_types_supported を明示してください。" },
  "client-registration": { name: "クライアント登録（CIMD / DCR）", fix: "Client ID Metadata Documents または RFC 7591 の動的クライアント登録に対応してください。" },
  "refresh-token": { name: "refresh_token グラント", fix: "refresh_token グラントを提供し、長時間動くエージェントがトークン切れに遭わないようにしてください。" },
  "id-jag": { name: "企業管理の認可（ID-JAG）", fix: "エンタープライズ SSO のために ID-JAG（urn:ietf:params:oauth:grant-profile:id-jag）を広告し、受け入れてください。" },
  "error-invalid-token": { name: "error=\"invalid_token\"", fix: "WWW-Authenticate チャレンジで error=\"invalid_token\" を返してください（RFC 6750 §3.1）。" },
  "rejects-bogus-version": { name: "不正なバージョンを 400 で拒否", fix: "未対応の MCP-Protocol-Version ヘッダーには 400 Bad Request を返してください。" },
  echoed: { name: "traceparent の返送", fix: "params._meta.traceparent の W3C トレースコンテキストを引き継ぎ、結果の _meta で返してください。" },
  remote: { name: "remotes にこのエンドポイント", fix: "server.json の remotes にこのエンドポイントを載せてください。" },
  version: {
    name: "バージョンの一致",
    fix: {
      server_card: "initialize で報告するバージョンと同じ server.json を公開してください。",
      server_card_discover: "server/discover が _meta の serverInfo で報告するバージョンと同じサーバーカードを公開してください。",
    },
  },
  tools: { name: "ツール一覧の一致", fix: "カードのツール一覧を tools/list と一致させてください。" },
  "iss-parameter": { name: "RFC 9207 の iss", fix: "認可レスポンスに iss を含め、authorization_response_iss_parameter_supported: true を広告してください（RFC 9207、MCP 2026-07-28 の認可仕様）。" },
  "client-id-metadata": { name: "Client ID Metadata Documents", fix: "Client ID Metadata Documents（HTTPS の client_id URL）を受け入れ、client_id_metadata_document_supported: true を広告してください。動的クライアント登録は古いクライアント向けにだけ残してください。" },
  era: { name: "プロトコルの世代" },
  "accepts-mirrored": { name: "一致するヘッダー付きリクエストの処理", fix: "標準の MCP ヘッダー（MCP-Protocol-Version、Mcp-Method、Mcp-Name）付きのリクエストを処理し、中継装置がそれらを通せるようにしてください。" },
  "rejects-method-mismatch": { name: "Mcp-Method の不一致を拒否", fix: "Mcp-Method を本文の method と比べ、食い違いは 400 Bad Request と JSON-RPC エラー -32020（HeaderMismatch）で拒否してください。" },
  "rejects-name-mismatch": { name: "Mcp-Name の不一致を拒否", fix: "Mcp-Name を本文の params.name / params.uri と比べ、食い違いは 400 Bad Request と JSON-RPC エラー -32020（HeaderMismatch）で拒否してください。" },
  "rejects-missing-header": { name: "Mcp-Method の欠落を拒否", fix: "必須の Mcp-Method ヘッダーがないリクエストは 400 Bad Request と JSON-RPC エラー -32020（HeaderMismatch）で拒否してください。" },
  ttl: { name: "ttlMs", fix: "server/discover とすべての一覧結果に ttlMs（0 以上の整数のミリ秒）を付けてください（MCP 2026-07-28 のキャッシュ）。" },
  "cache-scope": { name: "cacheScope", fix: "キャッシュ可能な結果に cacheScope を付けてください。全員に同じ一覧なら \"public\"、トークンで変わるなら \"private\" です。共有ゲートウェイが安全にキャッシュできます。" },
  order: { name: "tools/list の順序", fix: "tools/list を安定した順序（たとえば名前順）で返してください。キャッシュ、ゲートウェイ、エージェントのプロンプトキャッシュが毎回同じ一覧を見られます。" },
  "insufficient-scope": { name: "error=\"insufficient_scope\"", fix: "必要なスコープが足りないトークンには 403 と WWW-Authenticate: Bearer error=\"insufficient_scope\" を返してください（RFC 6750 §3.1）。" },
  streamable: { name: "Streamable HTTP", fix: "Streamable HTTP（POST を受ける単一の MCP エンドポイント）を提供してください。HTTP+SSE のエンドポイントは古いクライアント向けにその横にだけ残してください（2025-03-26 から非推奨）。" },
  capabilities: { name: "capabilities の一致", fix: "カードの capabilities を server/discover と一致させてください。" },
  "protocol-versions": { name: "プロトコルバージョンの一致", fix: "server/discover が対応するすべてのプロトコルバージョンを、リモートの supportedProtocolVersions に載せてください。" },
  "content-type": { name: "Content-Type", fix: "サーバーカードは Content-Type: application/json で返してください（SEP-2127）。" },
  cors: { name: "CORS", fix: "ブラウザーのクライアントが見つけられるよう、サーバーカードに Access-Control-Allow-Origin: * を付けてください（SEP-2127）。" },
};
