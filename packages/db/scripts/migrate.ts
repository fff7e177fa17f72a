// npm run db:migrate            → apply pending migrations to DATABASE_URL
// npm run db:migration -- <name> → write the next migration from prisma/schema.prisma
import { createMigration, migratePostgres } from "../src/migrations/migrate";

const [command, name] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case "deploy": {
      const url = process.env.DATABASE_URL;
      if (!url) {
        console.error("DATABASE_URL is not set: it should name the PostgreSQL database to migrate (the embedded database migrates itself on open).");
        return 2;
      }
      const applied = await migratePostgres(url);
      console.log(applied.length ? `applied ${applied.length}: ${applied.join(", ")}` : "database is up to date");
      return 0;
    }
    case "create": {
      if (!name) {
        console.error("usage: npm run db:migration -- <snake_case_name>");
        return 2;
      }
      const dir = await createMigration(name);
      console.log(dir ? `wrote ${dir}/migration.sql` : "schema.prisma matches the migrations: nothing to write");
      return 0;
    }
    default:
      console.error(`unknown command "${command}": expected deploy or create`);
      return 2;
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
