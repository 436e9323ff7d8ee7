using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MMEvol.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "EffectiveScore",
                table: "Items",
                type: "REAL",
                nullable: true,
                computedColumnSql: "COALESCE(\"ReviewerScore\", \"JudgeScore\")",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_RecordId_Status",
                table: "Rounds",
                columns: new[] { "RecordId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_Review_ById",
                table: "Items",
                columns: new[] { "DatasetId", "Id", "RoundNumber", "Direction", "FinalDecision", "ReviewState", "EffectiveScore", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_Review_ByScore",
                table: "Items",
                columns: new[] { "DatasetId", "EffectiveScore", "Id", "RoundNumber", "Direction", "FinalDecision", "ReviewState", "RecordId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rounds_RecordId_Status",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_Items_Review_ById",
                table: "Items");

            migrationBuilder.DropIndex(
                name: "IX_Items_Review_ByScore",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "EffectiveScore",
                table: "Items");
        }
    }
}
