using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MMEvol.Core.Data.Migrations
{
    /// <summary>
    /// A trigram index over each item's question and answer, so that a text search for a rare word
    /// looks its few items up instead of reading every item (LIKE '%...%' cannot use a b-tree).
    /// Contentless (the text stays only in Items) and detail=none (row ids without positions): about
    /// a fifth of the items' size and half the write cost of a positional index; the review query
    /// confirms every candidate with LIKE, so the index only has to find a superset.
    /// New items are indexed in bulk by the writers before they commit (ItemTextIndex.CatchUp), not by an
    /// insert trigger: FTS5 flushes its pending terms at every statement savepoint a trigger opens,
    /// which made each item write about 3 times dearer than indexing the same rows in one statement.
    /// ItemTextIndexed.Through marks how far the index reaches; queries read the items past it
    /// directly, so a writer that skipped the catch-up makes searches slower, never wrong. Deletes
    /// (cascades included) and text edits of indexed items are kept by triggers, which are rare.
    /// A later migration that rebuilds the Items table drops these triggers: recreate them there.
    /// </summary>
    public partial class ItemTextIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE "ItemText" USING fts5(
                    "Question", "Answer", content='', contentless_delete=1, detail=none, tokenize='trigram');
                """);
            // Terms of up to 64 MB of text gather in memory before FTS5 writes a segment (1 MB by default):
            // fewer, larger segments to merge made indexing in bulk about 30% faster.
            migrationBuilder.Sql("""INSERT INTO "ItemText"("ItemText", rank) VALUES ('hashsize', 67108864);""");
            migrationBuilder.Sql("""CREATE TABLE "ItemTextIndexed" ("Through" INTEGER NOT NULL);""");
            migrationBuilder.Sql("""INSERT INTO "ItemTextIndexed" ("Through") VALUES (0);""");
            migrationBuilder.Sql(
                """
                INSERT INTO "ItemText"(rowid, "Question", "Answer")
                    SELECT "Id", "Question", "Answer" FROM "Items" ORDER BY "Id";
                """);
            migrationBuilder.Sql("""UPDATE "ItemTextIndexed" SET "Through" = coalesce((SELECT max("Id") FROM "Items"), 0);""");
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "Items_ItemText_Delete" AFTER DELETE ON "Items"
                WHEN old."Id" <= (SELECT "Through" FROM "ItemTextIndexed") BEGIN
                    DELETE FROM "ItemText" WHERE rowid = old."Id";
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "Items_ItemText_Update" AFTER UPDATE OF "Question", "Answer" ON "Items"
                WHEN old."Id" <= (SELECT "Through" FROM "ItemTextIndexed") BEGIN
                    DELETE FROM "ItemText" WHERE rowid = old."Id";
                    INSERT INTO "ItemText"(rowid, "Question", "Answer") VALUES (new."Id", new."Question", new."Answer");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Items_ItemText_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Items_ItemText_Delete";""");
            migrationBuilder.Sql("""DROP TABLE "ItemTextIndexed";""");
            migrationBuilder.Sql("""DROP TABLE "ItemText";""");
        }
    }
}
