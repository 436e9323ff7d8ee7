using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MMEvol.Core.Data.Migrations
{
    /// <summary>
    /// A word-shingle index beside the trigram one (ItemPhraseIndex): one term per run of three words, so
    /// that a search of several words common apart but rare together finds its few items. Contentless and
    /// detail=none like ItemText; the ascii tokenizer with '_' as a token character keeps each term whole.
    /// The terms are made by the application, so this migration indexes nothing: ItemPhrasesIndexed.Through
    /// starts at 0 and the web host's PhraseIndexer fills the index in the background, while searches read
    /// the items past it directly. Text edits of indexed items are queued in ItemPhrasesPending (no SQL
    /// function can make the terms) and read directly until re-indexed. As for ItemText, a later migration
    /// that rebuilds the Items table drops these triggers: recreate them there.
    /// </summary>
    public partial class ItemPhraseIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE "ItemPhrases" USING fts5(
                    "Phrases", content='', contentless_delete=1, detail=none, tokenize="ascii tokenchars '_'");
                """);
            migrationBuilder.Sql("""INSERT INTO "ItemPhrases"("ItemPhrases", rank) VALUES ('hashsize', 67108864);""");
            migrationBuilder.Sql("""CREATE TABLE "ItemPhrasesIndexed" ("Through" INTEGER NOT NULL);""");
            migrationBuilder.Sql("""INSERT INTO "ItemPhrasesIndexed" ("Through") VALUES (0);""");
            migrationBuilder.Sql("""CREATE TABLE "ItemPhrasesPending" ("Id" INTEGER NOT NULL PRIMARY KEY);""");
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "Items_ItemPhrases_Delete" AFTER DELETE ON "Items" BEGIN
                    DELETE FROM "ItemPhrases" WHERE rowid = old."Id" AND old."Id" <= (SELECT "Through" FROM "ItemPhrasesIndexed");
                    DELETE FROM "ItemPhrasesPending" WHERE "Id" = old."Id";
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "Items_ItemPhrases_Update" AFTER UPDATE OF "Question", "Answer" ON "Items"
                WHEN old."Id" <= (SELECT "Through" FROM "ItemPhrasesIndexed") BEGIN
                    DELETE FROM "ItemPhrases" WHERE rowid = old."Id";
                    INSERT OR IGNORE INTO "ItemPhrasesPending" ("Id") VALUES (new."Id");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Items_ItemPhrases_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Items_ItemPhrases_Delete";""");
            migrationBuilder.Sql("""DROP TABLE "ItemPhrasesPending";""");
            migrationBuilder.Sql("""DROP TABLE "ItemPhrasesIndexed";""");
            migrationBuilder.Sql("""DROP TABLE "ItemPhrases";""");
        }
    }
}
