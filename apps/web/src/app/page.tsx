import { connection } from "next/server";
import { getDatabase } from "../server/database";
export default async function Page() {
  await connection();
  const db = await getDatabase();
  const n = await db.prisma.service.count();
  return <main><h1>Kensa</h1><p>{n} services</p></main>;
}
