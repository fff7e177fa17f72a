"use client";
// A failed page says so and nothing more: no stack, no query, no database detail reaches the reader.
export default function ErrorPage() {
  return (
    <>
      <h1>Error · エラー</h1>
      <p>Something went wrong while loading this page. · ページの読み込み中に問題が発生しました。</p>
      <p><a href="/">Kensa</a></p>
    </>
  );
}
